package vn.smartprovince.reports.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.reports.Fixtures.*;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.reports.citizen.CitizenReports;
import vn.smartprovince.reports.core.Action;
import vn.smartprovince.reports.core.CounterDelta;
import vn.smartprovince.reports.core.HistoryEntry;
import vn.smartprovince.reports.core.Notices;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportChange;
import vn.smartprovince.reports.core.ReportNotice;
import vn.smartprovince.reports.core.ReportStatus;
import vn.smartprovince.reports.core.ReportStore;
import vn.smartprovince.reports.core.TrackingCodes;
import vn.smartprovince.reports.core.Transitions;
import vn.smartprovince.reports.core.Views;
import vn.smartprovince.reports.submit.SubmitReport;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/** The DynamoDB store against the emulator: races, the counters and the tracking-code claim. */
class DynamoDbReportStoreTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    private DynamoDbReportStore store() {
        return new DynamoDbReportStore(aws.dynamoDb(), aws.tableName("MainTable"));
    }

    private SubmitReport submit(DynamoDbReportStore store, Random random) {
        return new SubmitReport(store, () -> DEMO, new Photos(), (a, l) -> List.of(), new TrackingCodes(random),
                Clock.systemUTC());
    }

    private static <T> List<Future<T>> race(List<Callable<T>> calls) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            return pool.invokeAll(calls);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Two officers read version 1; the second writes just after the first committed (forced here
     * by a store that lets the first action in between the second's read and its write). The
     * version condition refuses the second: 409 with the current state, and nothing of it is
     * written (no history entry, no job, no counter). Not raced with threads: moto's
     * TransactWriteItems is not atomic under concurrent requests (it restores a whole-table
     * snapshot when a transaction fails), so a threaded race against moto proves nothing.
     */
    @Test
    void twoOfficersAtOnceOneWinsTheOtherGets409AndWritesNothing() {
        DynamoDbReportStore dynamo = store();
        Report report = submit(dynamo, new Random()).submit(citizen(CITIZEN), body(), null).report();
        Transitions first = new Transitions(dynamo, () -> DEMO, Clock.systemUTC());
        Caller accepting = officer("9000000000000000110", "so-xay-dung");
        Caller rejecting = officer("9000000000000000111", "so-xay-dung");
        ReportStore interleaving = new ReportStore() {
            boolean raced;

            @Override
            public void apply(ReportChange change) {
                if (!raced) {
                    raced = true;
                    first.apply(accepting, report.id(), Action.ACCEPT, 1L, (b, a, e) -> e.count(
                            CounterDelta.forReport(b, b.agencyId(), e.at(), "accepted", 1)));
                }
                dynamo.apply(change);
            }

            @Override
            public CreateResult create(Report r, HistoryEntry h, List<ReportNotice> n, List<CounterDelta> c) {
                return dynamo.create(r, h, n, c);
            }

            @Override
            public java.util.Optional<Report> find(String id) {
                return dynamo.find(id);
            }

            @Override
            public java.util.Optional<String> idForTrackingCode(String code) {
                return dynamo.idForTrackingCode(code);
            }

            @Override
            public List<HistoryEntry> history(String id) {
                return dynamo.history(id);
            }

            @Override
            public Page mine(String citizenId, String after, int limit) {
                return dynamo.mine(citizenId, after, limit);
            }

            @Override
            public List<Report> openInCells(String category, List<String> cells, int limit) {
                return dynamo.openInCells(category, cells, limit);
            }

            @Override
            public boolean addSupporter(String id, String userId, java.time.Instant at, List<CounterDelta> c) {
                return dynamo.addSupporter(id, userId, at, c);
            }

            @Override
            public boolean forgetCitizen(String id, String citizenId) {
                return dynamo.forgetCitizen(id, citizenId);
            }
        };
        Transitions second = new Transitions(interleaving, () -> DEMO, Clock.systemUTC());
        ApiException e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> second.apply(rejecting, report.id(), Action.REJECT, null, (b, a, x) -> x
                        .notify(Notices.statusChanged(DEMO, a.build(), ReportNotice.Kind.REJECTED, x.at()))
                        .count(CounterDelta.forReport(b, b.agencyId(), x.at(), "rejected", 1))));
        assertEquals(409, e.code().status());
        assertEquals("VERSION_MISMATCH", e.details().get(0).code());
        assertEquals(ReportStatus.IN_PROGRESS, ((Views.ReportDetail) e.current()).status());
        Report now = dynamo.find(report.id()).orElseThrow();
        assertEquals(2, now.version());
        assertEquals(ReportStatus.IN_PROGRESS, now.status());
        assertEquals(2, dynamo.history(report.id()).size());
        var stats = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).consistentRead(true)
                .key(ReportItems.key("STATS#AGENCY#so-xay-dung", "TOTAL"))).item();
        assertEquals("1", stats.get("accepted").n());
        assertTrue(!stats.containsKey("rejected"), "the loser's counters are not written");
        var job = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).consistentRead(true)
                .key(ReportItems.key("OUTBOX#" + report.id() + "#v2#REJECTED#" + CITIZEN, "JOB"))).item();
        assertTrue(job.isEmpty(), "nor its job");
    }

    @Test
    void meTooRacingATransitionLosesNeitherAndCountersAdd() throws Exception {
        DynamoDbReportStore store = store();
        Report report = submit(store, new Random()).submit(citizen(CITIZEN), body(Map.of("category", "NOISE")), null).report();
        CitizenReports reports = new CitizenReports(store, () -> DEMO, (a, l) -> List.of(), Duration.ofDays(30), Clock.systemUTC());
        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String supporter = "900000000000000020" + i;
            calls.add(() -> reports.support(citizen(supporter), report.id()));
        }
        calls.add(() -> reports.transitions().apply(officer("9000000000000000199", "cong-an-tinh"), report.id(),
                Action.ACCEPT, null, (b, a, e) -> { }));
        for (Future<Object> f : race(calls)) {
            f.get();
        }
        Report now = store.find(report.id()).orElseThrow();
        assertEquals(6, now.supportCount());
        assertEquals(ReportStatus.IN_PROGRESS, now.status());
        var stats = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).consistentRead(true)
                .key(ReportItems.key("STATS#CATEGORY#NOISE", "TOTAL"))).item();
        assertEquals("6", stats.get("supports").n());
        assertEquals("1", stats.get("received").n());
    }

    /** A job of the same transition already written (another writer of this version): 409, not a 500. */
    @Test
    void anyFailedConditionOfATransitionIsAVersionConflict() {
        DynamoDbReportStore store = store();
        Report report = submit(store, new Random()).submit(citizen(CITIZEN), body(), null).report();
        aws.dynamoDb().putItem(b -> b.tableName(aws.tableName("MainTable")).item(Map.of(
                "pk", AttributeValue.fromS("OUTBOX#" + report.id() + "#v2#REJECTED#" + CITIZEN),
                "sk", AttributeValue.fromS("JOB"))));
        Transitions transitions = new Transitions(store, () -> DEMO, Clock.systemUTC());
        ApiException e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> transitions.apply(
                officer("9000000000000000112", "so-xay-dung"), report.id(), Action.REJECT, 1L, (b, a, x) -> x
                        .notify(Notices.statusChanged(DEMO, a.build(), ReportNotice.Kind.REJECTED, x.at()))));
        assertEquals(409, e.code().status());
        assertEquals(ReportStatus.ROUTED, store.find(report.id()).orElseThrow().status());
        assertEquals(1, store.history(report.id()).size());
    }

    @Test
    void aClaimedTrackingCodeIsNotReused() {
        DynamoDbReportStore store = store();
        String taken = new TrackingCodes(new Random(42)).next();
        aws.dynamoDb().putItem(b -> b.tableName(aws.tableName("MainTable")).item(Map.of(
                "pk", AttributeValue.fromS(ReportItems.trackingKey(taken)), "sk", AttributeValue.fromS("TRACKING"),
                "reportId", AttributeValue.fromS("rsomeoneelsesreportaaaaaa"))));
        Report report = submit(store, new Random(42)).submit(citizen(CITIZEN), body(), null).report();
        assertNotEquals(taken, report.trackingCode());
        assertEquals(report.id(), store.idForTrackingCode(report.trackingCode()).orElseThrow());
        assertEquals("rsomeoneelsesreportaaaaaa", store.idForTrackingCode(taken).orElseThrow());
    }
}
