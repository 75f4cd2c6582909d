package vn.smartprovince.dossiers.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.province.WorkingDays;

/**
 * A {@link DossierStore} in memory for unit tests of the use cases: versions checked as the real
 * store does, the queue ordered and cut as GSI2 is ({@code <due or submitted date>#<submittedAt>#<id>}),
 * jobs and counters kept for assertions. Cursors are not supported (one page).
 */
public final class MapDossierStore implements DossierStore {
    public final Map<String, Dossier> dossiers = new LinkedHashMap<>();
    public final Map<String, List<TimelineEntry>> timelines = new LinkedHashMap<>();
    public final List<NotificationJob> jobs = new ArrayList<>();
    public final List<CounterDelta> counters = new ArrayList<>();
    /** Queue queries made: agencyId#STATUS#dueBefore. */
    public final List<String> queueQueries = new ArrayList<>();

    public MapDossierStore put(Dossier dossier, List<TimelineEntry> timeline) {
        dossiers.put(dossier.id(), dossier);
        timelines.put(dossier.id(), new ArrayList<>(timeline));
        return this;
    }

    @Override
    public synchronized CreateResult create(Dossier dossier, TimelineEntry entry, List<NotificationJob> newJobs,
                                            List<CounterDelta> deltas) {
        if (dossiers.containsKey(dossier.id())) {
            return new DuplicateId(dossiers.get(dossier.id()));
        }
        put(dossier, List.of(entry));
        jobs.addAll(newJobs);
        counters.addAll(deltas);
        return new Created(dossier);
    }

    @Override
    public Optional<Dossier> find(String id) {
        return Optional.ofNullable(dossiers.get(id));
    }

    @Override
    public Optional<String> idForCode(String code) {
        return dossiers.values().stream().filter(d -> code.equals(d.code())).map(Dossier::id).findFirst();
    }

    @Override
    public synchronized UpdateResult update(Change change) {
        Dossier current = dossiers.get(change.before().id());
        if (current == null || current.version() != change.before().version()) {
            return new VersionConflict(current);
        }
        dossiers.put(current.id(), change.after());
        timelines.computeIfAbsent(current.id(), k -> new ArrayList<>()).add(change.entry());
        jobs.addAll(change.jobs());
        counters.addAll(change.counters());
        return new Updated(change.after());
    }

    @Override
    public long lastSequence(String unitCode, LocalDate day) {
        return 0;
    }

    @Override
    public List<TimelineEntry> timeline(String dossierId) {
        return List.copyOf(timelines.getOrDefault(dossierId, List.of()));
    }

    @Override
    public Page ofApplicant(String userId, String cursor, int limit) {
        return new Page(dossiers.values().stream().filter(d -> d.applicant().userId().equals(userId))
                .sorted(Comparator.comparing(Dossier::submittedAt).reversed()).limit(limit).toList(), null);
    }

    @Override
    public Page queue(String agencyId, DossierStatus status, LocalDate dueBefore, String cursor, int limit) {
        queueQueries.add(agencyId + "#" + status + "#" + dueBefore);
        return new Page(dossiers.values().stream()
                .filter(d -> d.agencyId().equals(agencyId) && d.status() == status && d.status().open())
                .filter(d -> dueBefore == null || sortDate(d).isBefore(dueBefore))
                .sorted(Comparator.comparing(MapDossierStore::sortDate).thenComparing(Dossier::submittedAt))
                .limit(limit).toList(), null);
    }

    private static LocalDate sortDate(Dossier d) {
        return d.dueDate() != null ? d.dueDate() : d.submittedAt().atZone(WorkingDays.ZONE).toLocalDate();
    }

    @Override
    public void addNote(InternalNote note) {
    }

    @Override
    public List<InternalNote> notes(String dossierId) {
        return List.of();
    }
}
