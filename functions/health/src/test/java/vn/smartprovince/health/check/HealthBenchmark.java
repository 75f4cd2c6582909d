package vn.smartprovince.health.check;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.smartprovince.health.core.ProvinceVersion;
import vn.smartprovince.testkit.bench.WarmCall;
import vn.smartprovince.testkit.bench.WarmRoute;

/**
 * Warm overhead of {@code GET /v1/health}: the handler on events/health-get.json with the
 * heartbeat in a map instead of DynamoDB. Run by infra/bin/benchmark-warm, never as a test.
 */
@State(Scope.Benchmark)
public class HealthBenchmark {
    private WarmCall call;

    @Setup
    public void setUp() {
        ConcurrentHashMap<String, String> heartbeats = new ConcurrentHashMap<>();
        HealthCheck check = new HealthCheck((id, value, expiresAt) -> {
            heartbeats.put(id, value);
            return heartbeats.remove(id);
        }, () -> ProvinceVersion.inForce("DEMO-TNH", 3, "2026-11-28T09:00:00Z"), Clock.systemUTC(), "1.0.0", "dev");
        call = WarmCall.of(new HealthHandler(check), "health-get.json").expectStatus(200);
    }

    @Benchmark
    @WarmRoute(function = "HealthFunction", route = "GET /v1/health")
    public int health() {
        return call.invoke();
    }
}
