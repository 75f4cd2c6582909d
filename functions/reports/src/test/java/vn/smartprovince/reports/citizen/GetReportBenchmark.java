package vn.smartprovince.reports.citizen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.smartprovince.reports.Fixtures;
import vn.smartprovince.reports.InMemoryReportStore;
import vn.smartprovince.reports.WarmFixtures;
import vn.smartprovince.reports.core.Action;
import vn.smartprovince.reports.core.Actor;
import vn.smartprovince.reports.core.HistoryEntry;
import vn.smartprovince.reports.core.PhotoLinks;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportStatus;
import vn.smartprovince.testkit.bench.WarmCall;
import vn.smartprovince.testkit.bench.WarmRoute;

/**
 * Warm overhead of {@code GET /v1/reports/{id}} on events/reports-get.json: the citizen's own
 * answered report with three photos (links signed) and a timeline of three entries, from the
 * in-memory store. Run by infra/bin/benchmark-warm, never as a test.
 */
@State(Scope.Benchmark)
public class GetReportBenchmark {
    private static final String ID = "rdemoreportsampleaaaaaaaa";
    private WarmCall call;

    @Setup
    public void setUp() {
        InMemoryReportStore store = new InMemoryReportStore();
        Instant answered = WarmFixtures.EVENT_TIME.minus(Duration.ofHours(2));
        Report report = WarmFixtures.answered(ID, Fixtures.CITIZEN, answered);
        Instant created = report.createdAt();
        store.create(report, new HistoryEntry(ID, 1, created, Fixtures.CITIZEN, Actor.OWNER, Action.SUBMIT, null,
                ReportStatus.ROUTED, "routing: category x area", null, "so-xay-dung"), List.of(), List.of());
        store.histories.get(ID).add(new HistoryEntry(ID, 2, created.plusSeconds(3600), "9000000000000000101",
                Actor.AGENCY_OFFICER, Action.ACCEPT, ReportStatus.ROUTED, ReportStatus.IN_PROGRESS, null, null, null));
        store.histories.get(ID).add(new HistoryEntry(ID, 3, answered, "9000000000000000101", Actor.AGENCY_OFFICER,
                Action.ANSWER, ReportStatus.IN_PROGRESS, ReportStatus.ANSWERED, null, null, null));
        Clock clock = Clock.fixed(WarmFixtures.EVENT_TIME, ZoneOffset.UTC);
        CitizenReports reports = new CitizenReports(store, () -> Fixtures.DEMO, (agency, limit) -> List.of(),
                Duration.ofDays(30), clock, new PhotoLinks(WarmFixtures.signer(), clock));
        call = WarmCall.of(new GetReportHandler(reports), "reports-get.json").expectStatus(200);
    }

    @Benchmark
    @WarmRoute(function = "GetReportFunction", route = "GET /v1/reports/{id}")
    public int get() {
        return call.invoke();
    }
}
