package vn.smartprovince.dossiers.officer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.smartprovince.dossiers.core.CounterDelta;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.InternalNote;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.notify.NotificationJob;

/**
 * The DossierStore port in memory, as faithful as the tests need: an update is refused with
 * VersionConflict unless the stored version is the change's before-version, with SequenceTaken
 * unless the day counter is still the claim's previous value (or the code is taken); otherwise the
 * dossier, entry, jobs (by id, once), counters and sequence are written together.
 */
final class FakeDossierStore implements DossierStore {
    final Map<String, Dossier> dossiers = new LinkedHashMap<>();
    final Map<String, List<TimelineEntry>> timelines = new HashMap<>();
    final Map<String, List<InternalNote>> notes = new HashMap<>();
    final Map<String, Long> sequences = new HashMap<>();
    final Map<String, String> codes = new HashMap<>();
    final Map<String, NotificationJob> jobs = new LinkedHashMap<>();
    final Map<String, Long> counters = new HashMap<>();
    int updates;
    /** This many next updates are cancelled as by a clash on a shared item (the dossier unchanged). */
    int transientConflicts;

    @Override
    public synchronized CreateResult create(Dossier dossier, TimelineEntry entry, List<NotificationJob> newJobs,
                                            List<CounterDelta> deltas) {
        if (dossiers.containsKey(dossier.id())) {
            return new DuplicateId(dossiers.get(dossier.id()));
        }
        dossiers.put(dossier.id(), dossier);
        timelines.computeIfAbsent(dossier.id(), k -> new ArrayList<>()).add(entry);
        newJobs.forEach(job -> jobs.put(job.jobId(), job));
        deltas.forEach(this::count);
        return new Created(dossier);
    }

    @Override
    public synchronized Optional<Dossier> find(String id) {
        return Optional.ofNullable(dossiers.get(id));
    }

    @Override
    public synchronized Optional<String> idForCode(String code) {
        return Optional.ofNullable(codes.get(code));
    }

    @Override
    public synchronized UpdateResult update(Change change) {
        Dossier stored = dossiers.get(change.before().id());
        if (stored == null || stored.version() != change.before().version()) {
            return new VersionConflict(stored);
        }
        if (transientConflicts > 0) {
            transientConflicts--;
            return new VersionConflict(stored);
        }
        if (change.after().version() != change.before().version() + 1
                || change.entry().version() != change.after().version()) {
            throw new IllegalStateException("a change is the next version, with its entry");
        }
        SequenceClaim claim = change.sequence();
        if (claim != null) {
            String key = claim.unitCode() + "#" + claim.day();
            if (sequences.getOrDefault(key, 0L) != claim.previous() || codes.containsKey(change.after().code())) {
                return new SequenceTaken();
            }
            sequences.put(key, claim.next());
            codes.put(change.after().code(), change.after().id());
        }
        dossiers.put(change.after().id(), change.after());
        timelines.computeIfAbsent(change.after().id(), k -> new ArrayList<>()).add(change.entry());
        change.jobs().forEach(job -> jobs.putIfAbsent(job.jobId(), job));
        change.counters().forEach(this::count);
        updates++;
        return new Updated(change.after());
    }

    private void count(CounterDelta delta) {
        counters.merge(counterKey(delta.partitionKey(), delta.period(), delta.field()), delta.amount(), Long::sum);
    }

    static String counterKey(String partitionKey, String period, String field) {
        return partitionKey + "|" + period + "|" + field;
    }

    synchronized long counter(String partitionKey, String period, String field) {
        return counters.getOrDefault(counterKey(partitionKey, period, field), 0L);
    }

    @Override
    public synchronized long lastSequence(String unitCode, LocalDate day) {
        return sequences.getOrDefault(unitCode + "#" + day, 0L);
    }

    @Override
    public synchronized List<TimelineEntry> timeline(String dossierId) {
        return List.copyOf(timelines.getOrDefault(dossierId, List.of()));
    }

    @Override
    public synchronized Page ofApplicant(String userId, String cursor, int limit) {
        List<Dossier> mine = dossiers.values().stream().filter(d -> d.applicant().userId().equals(userId))
                .sorted(Comparator.comparing(Dossier::submittedAt).reversed()).toList();
        return new Page(mine.stream().limit(limit).toList(), null);
    }

    /** As the data design: gsi2sk = due date (or submitted date) # submittedAt # id, only while open. */
    static String queueKey(Dossier d) {
        String day = d.dueDate() != null ? d.dueDate().toString()
                : d.submittedAt().atZone(vn.smartprovince.shared.province.WorkingDays.ZONE).toLocalDate().toString();
        return day + "#" + d.submittedAt() + "#" + d.id();
    }

    @Override
    public synchronized Page queue(String agencyId, DossierStatus status, LocalDate dueBefore, String cursor, int limit) {
        String after = null;
        if (cursor != null) {
            try {
                after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad cursor");
            }
            if (!after.matches("\\d{4}-\\d{2}-\\d{2}#.*")) {
                throw new IllegalArgumentException("bad cursor");
            }
        }
        String from = after;
        List<Dossier> all = dossiers.values().stream()
                .filter(d -> d.status().open() && d.status() == status && agencyId.equals(d.agencyId()))
                .filter(d -> dueBefore == null || queueKey(d).compareTo(dueBefore.toString()) < 0)
                .filter(d -> from == null || queueKey(d).compareTo(from) > 0)
                .sorted(Comparator.comparing(FakeDossierStore::queueKey)).toList();
        List<Dossier> page = all.stream().limit(limit).toList();
        String next = all.size() > limit
                ? Base64.getUrlEncoder().encodeToString(queueKey(page.get(page.size() - 1)).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page(page, next);
    }

    @Override
    public synchronized void addNote(InternalNote note) {
        notes.computeIfAbsent(note.dossierId(), k -> new ArrayList<>()).add(note);
    }

    @Override
    public synchronized List<InternalNote> notes(String dossierId) {
        return List.copyOf(notes.getOrDefault(dossierId, List.of()));
    }
}
