package vn.smartprovince.appointments.booking;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.smartprovince.appointments.core.DeskFakeStore;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.testkit.RepoRoot;
import vn.smartprovince.testkit.bench.WarmCall;
import vn.smartprovince.testkit.bench.WarmRoute;

/**
 * Warm overhead of {@code POST /v1/appointments} on events/appointments-book.json (a slot at the
 * province centre): the slot checked against the centre's rules in the demo configuration, the
 * booking written to the in-memory store (which, unlike DynamoDB, never finds the slot full). Each
 * call has its own Idempotency-Key. Run by infra/bin/benchmark-warm, never as a test.
 */
@State(Scope.Benchmark)
public class BookAppointmentBenchmark {
    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private ProvinceConfig demo;
    private WarmCall call;

    @Setup
    public void setUp() {
        demo = ProvinceConfigLoader.load(RepoRoot.get().resolve(Path.of("infra", "demo", "tay-ninh.json")));
        call = WarmCall.of(handler(), "appointments-book.json").varyingHeader("idempotency-key")
                .freshHandlerEvery(1024, this::handler).expectStatus(201);
    }

    private BookAppointmentHandler handler() {
        return new BookAppointmentHandler(new Bookings(new DeskFakeStore(), code -> Optional.empty(),
                Clock.fixed(NOW, ZoneOffset.UTC)), () -> demo);
    }

    @Benchmark
    @WarmRoute(function = "AppointmentBookFunction", route = "POST /v1/appointments")
    public int book() {
        return call.invoke();
    }
}
