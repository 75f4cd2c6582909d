package vn.smartprovince.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.smartprovince.reports.core.CounterDelta;
import vn.smartprovince.reports.core.Geohash;
import vn.smartprovince.reports.core.HistoryEntry;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportChange;
import vn.smartprovince.reports.core.ReportNotice;
import vn.smartprovince.reports.core.ReportStore;
import vn.smartprovince.reports.store.ReportItems;

/** {@link ReportStore} in memory, with the same atomicity and conditions as the DynamoDB one. */
public final class InMemoryReportStore implements ReportStore {
    public final Map<String, Report> reports = new LinkedHashMap<>();
    public final Map<String, String> codes = new LinkedHashMap<>();
    public final Map<String, List<HistoryEntry>> histories = new LinkedHashMap<>();
    public final List<ReportNotice> outbox = new ArrayList<>();
    public final Map<String, Long> counters = new LinkedHashMap<>();
    public final Set<String> supporters = new HashSet<>();

    /** Everything, to compare before and after a refused request. */
    public synchronized String snapshot() {
        return reports + "|" + codes + "|" + histories + "|" + outbox + "|" + counters + "|" + supporters;
    }

    @Override
    public synchronized CreateResult create(Report report, HistoryEntry entry, List<ReportNotice> notices,
                                            List<CounterDelta> deltas) {
        if (reports.containsKey(report.id())) {
            return new DuplicateId(reports.get(report.id()));
        }
        if (codes.containsKey(report.trackingCode())) {
            return new TrackingCodeTaken();
        }
        reports.put(report.id(), report);
        codes.put(report.trackingCode(), report.id());
        histories.computeIfAbsent(report.id(), k -> new ArrayList<>()).add(entry);
        outbox.addAll(notices);
        count(deltas);
        return new Created(report);
    }

    private void count(List<CounterDelta> deltas) {
        deltas.forEach(d -> counters.merge(d.partitionKey() + "|" + d.period() + "|" + d.field(), d.amount(), Long::sum));
    }

    public long counter(String dimension, String key, String field) {
        return counters.getOrDefault("STATS#" + dimension + "#" + key + "|TOTAL|" + field, 0L);
    }

    @Override
    public synchronized Optional<Report> find(String id) {
        return Optional.ofNullable(reports.get(id));
    }

    @Override
    public synchronized Optional<String> idForTrackingCode(String trackingCode) {
        return Optional.ofNullable(codes.get(trackingCode));
    }

    @Override
    public synchronized List<HistoryEntry> history(String reportId) {
        return List.copyOf(histories.getOrDefault(reportId, List.of()));
    }

    @Override
    public synchronized void apply(ReportChange change) {
        Report stored = reports.get(change.before().id());
        if (stored == null || stored.version() != change.before().version()) {
            throw new VersionConflict();
        }
        reports.put(stored.id(), change.after().toBuilder().supportCount(stored.supportCount()).build());
        histories.get(stored.id()).add(change.entry());
        outbox.addAll(change.notices());
        count(change.counters());
    }

    @Override
    public synchronized Page mine(String citizenId, String after, int limit) {
        List<Report> mine = reports.values().stream().filter(r -> r.citizenId().equals(citizenId))
                .sorted(Comparator.comparing(ReportItems::mineSort).reversed())
                .filter(r -> after == null || ReportItems.mineSort(r).compareTo(after) < 0).toList();
        List<Report> page = mine.size() > limit ? mine.subList(0, limit) : mine;
        return new Page(page, mine.size() > limit ? ReportItems.mineSort(page.get(page.size() - 1)) : null);
    }

    @Override
    public synchronized boolean forgetCitizen(String reportId, String citizenId) {
        histories.getOrDefault(reportId, List.of()).replaceAll(e -> citizenId.equals(e.actorId())
                ? new HistoryEntry(e.reportId(), e.version(), e.at(), Report.ERASED_CITIZEN, e.actor(), e.action(), e.from(),
                        e.to(), e.reason(), e.fromAgencyId(), e.toAgencyId())
                : e);
        Report report = reports.get(reportId);
        if (report == null || !citizenId.equals(report.citizenId())) {
            return false;
        }
        Report.Rating rating = report.rating() == null ? null : new Report.Rating(report.rating().stars(), null, report.rating().at());
        Report.Location at = report.location();
        reports.put(reportId, report.toBuilder().citizenId(Report.ERASED_CITIZEN).rating(rating)
                .location(new Report.Location(at.lat(), at.lng(), null, at.areaCode(), at.geohash())).build());
        return true;
    }

    @Override
    public synchronized List<Report> openInCells(String categoryCode, List<String> cells, int limitPerCell) {
        return reports.values().stream().filter(r -> r.status().open() && r.categoryCode().equals(categoryCode)
                && cells.contains(r.location().geohash().substring(0, Geohash.CELL_PRECISION))).toList();
    }

    @Override
    public synchronized boolean addSupporter(String reportId, String userId, Instant at, List<CounterDelta> deltas) {
        Report report = reports.get(reportId);
        if (!supporters.add(reportId + "|" + userId)) {
            return false;
        }
        reports.put(reportId, report.toBuilder().supportCount(report.supportCount() + 1).build());
        count(deltas);
        return true;
    }
}
