package vn.smartprovince.dossiers.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.smartprovince.shared.notify.NotificationJob;

/**
 * Dossiers in the main table (design: functions/dossiers/README.md). Every write that changes a
 * dossier is ONE transaction: the dossier (conditional on its version), its timeline entry, its
 * notification jobs (outbox), its statistics counters and, at receipt, its code and sequence.
 */
public interface DossierStore {

    /** A new dossier with its first timeline entry, jobs and counters. */
    CreateResult create(Dossier dossier, TimelineEntry entry, List<NotificationJob> jobs, List<CounterDelta> counters);

    sealed interface CreateResult {
    }

    record Created(Dossier dossier) implements CreateResult {
    }

    /** A dossier with this id exists already (a retry with the same Idempotency-Key). */
    record DuplicateId(Dossier existing) implements CreateResult {
    }

    Optional<Dossier> find(String id);

    /** The dossier id a dossier code was assigned to. */
    Optional<String> idForCode(String code);

    /**
     * Writes {@code change} atomically when the stored dossier still has {@code change.before().version()}
     * (and, with a sequence claim, the agency's day counter still has {@code claim.previous()}).
     */
    UpdateResult update(Change change);

    /**
     * One change: the new value ({@code after.version() == before.version() + 1}), its entry, jobs and
     * counters, and at receipt the sequence it claims (null otherwise).
     */
    record Change(Dossier before, Dossier after, TimelineEntry entry, List<NotificationJob> jobs,
                  List<CounterDelta> counters, SequenceClaim sequence) {
        public Change {
            jobs = List.copyOf(jobs);
            counters = List.copyOf(counters);
        }
    }

    sealed interface UpdateResult {
    }

    record Updated(Dossier dossier) implements UpdateResult {
    }

    /** Someone changed the dossier first; nothing was written. {@code current} is what is stored now. */
    record VersionConflict(Dossier current) implements UpdateResult {
    }

    /** Another receipt took the sequence number first; nothing was written. Read it again and retry. */
    record SequenceTaken() implements UpdateResult {
    }

    /**
     * The day counter of dossier codes for an agency unit code: receipt claims {@code previous + 1}
     * conditionally on the counter still being {@code previous}, so codes never repeat or skip.
     */
    record SequenceClaim(String unitCode, LocalDate day, long previous) {
        public long next() {
            return previous + 1;
        }
    }

    /** The last sequence number given out for this unit code on this day (0 when none), read consistently. */
    long lastSequence(String unitCode, LocalDate day);

    /** Oldest first. */
    List<TimelineEntry> timeline(String dossierId);

    /** A page of dossiers and the cursor of the next one (null at the end). */
    record Page(List<Dossier> dossiers, String nextCursor) {
    }

    /** The applicant's dossiers, newest first. A tampered cursor is an {@link IllegalArgumentException}. */
    Page ofApplicant(String userId, String cursor, int limit);

    /**
     * An agency's open dossiers in one status, oldest due date first (not yet received: oldest
     * submission first); {@code dueBefore} (exclusive, null for all) keeps those due before that date.
     */
    Page queue(String agencyId, DossierStatus status, LocalDate dueBefore, String cursor, int limit);

    void addNote(InternalNote note);

    /** Oldest first. */
    List<InternalNote> notes(String dossierId);
}
