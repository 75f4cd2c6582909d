package vn.smartprovince.reports.submit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.smartprovince.reports.Fixtures;
import vn.smartprovince.reports.InMemoryReportStore;
import vn.smartprovince.reports.WarmFixtures;
import vn.smartprovince.reports.core.TrackingCodes;
import vn.smartprovince.testkit.bench.WarmCall;
import vn.smartprovince.testkit.bench.WarmRoute;

/**
 * Warm overhead of {@code POST /v1/reports} on events/reports-submit.json: validation, routing,
 * the deadline, the transaction's items built, against the in-memory store; each call has its own
 * Idempotency-Key, so each creates a report. Run by infra/bin/benchmark-warm, never as a test.
 */
@State(Scope.Benchmark)
public class SubmitReportBenchmark {
    private WarmCall call;

    @Setup
    public void setUp() {
        call = WarmCall.of(handler(), "reports-submit.json").varyingHeader("idempotency-key")
                .freshHandlerEvery(1024, SubmitReportBenchmark::handler).expectStatus(201);
    }

    private static SubmitReportHandler handler() {
        var submit = new SubmitReport(new InMemoryReportStore(), () -> Fixtures.DEMO, new Fixtures.Photos(),
                (agency, limit) -> List.of(), new TrackingCodes(), Clock.fixed(WarmFixtures.EVENT_TIME, ZoneOffset.UTC));
        return new SubmitReportHandler(submit, () -> Fixtures.DEMO);
    }

    @Benchmark
    @WarmRoute(function = "SubmitReportFunction", route = "POST /v1/reports")
    public int submit() {
        return call.invoke();
    }
}
