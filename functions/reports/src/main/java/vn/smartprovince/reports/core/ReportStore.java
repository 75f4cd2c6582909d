package vn.smartprovince.reports.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reports in the main table (design: functions/reports/README.md). Every write that changes a
 * report is ONE transaction: the report (conditional on its version), its history entry, its
 * notification jobs (outbox) and its statistics counters.
 */
public interface ReportStore {

    /** A new report, its first history entry, its jobs and counters, its tracking-code claim. */
    CreateResult create(Report report, HistoryEntry entry, List<ReportNotice> notices, List<CounterDelta> counters);

    sealed interface CreateResult {
    }

    record Created(Report report) implements CreateResult {
    }

    /** A report with this id exists already (a retry with the same Idempotency-Key). */
    record DuplicateId(Report existing) implements CreateResult {
    }

    /** Another report holds the tracking code: draw another one. */
    record TrackingCodeTaken() implements CreateResult {
    }

    Optional<Report> find(String id);

    Optional<String> idForTrackingCode(String trackingCode);

    /** Oldest first. */
    List<HistoryEntry> history(String reportId);

    /**
     * Writes {@code change} atomically when the stored report still has {@code change.before().version()};
     * otherwise {@link VersionConflict} and nothing is written.
     */
    void apply(ReportChange change);

    /** The citizen's reports, newest first; {@code after} is the previous page's last sort key. */
    Page mine(String citizenId, String after, int limit);

    /**
     * Forgets who sent the report (its citizen erased their account): {@code citizenId} becomes
     * {@link Report#ERASED_CITIZEN}, the report leaves their "my reports", the address text and the
     * rating comment go, and the history entries they made name {@link Report#ERASED_CITIZEN} as
     * actor. Status, version, texts and photos stay: the report is the agency's record. Idempotent;
     * false when the report is not (or no longer) theirs.
     */
    boolean forgetCitizen(String reportId, String citizenId);

    record Page(List<Report> reports, String lastSortKey) {
    }

    /** Open reports of this category whose geohash cell (precision {@link Geohash#CELL_PRECISION}) is one of {@code cells}. */
    List<Report> openInCells(String categoryCode, List<String> cells, int limitPerCell);

    /** Me-too: one supporter item per citizen and {@code supportCount + 1}, atomically; false if already a supporter. */
    boolean addSupporter(String reportId, String userId, Instant at, List<CounterDelta> counters);

    /** The stored version moved on: someone else acted first. Nothing was written. */
    final class VersionConflict extends RuntimeException {
        public VersionConflict() {
            super("version conflict", null, false, false);
        }
    }
}
