package vn.smartprovince.province.stats;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.smartprovince.province.core.StatCounters;
import vn.smartprovince.province.core.StatCounters.StatKey;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.testkit.RepoRoot;
import vn.smartprovince.testkit.bench.WarmCall;
import vn.smartprovince.testkit.bench.WarmRoute;

/**
 * Warm overhead of {@code GET /v1/public/stats} on events/stats-public-get.json (a commune's weekly
 * series): every counter item it asks for answered from memory with figures. Run by
 * infra/bin/benchmark-warm, never as a test.
 */
@State(Scope.Benchmark)
public class PublicStatsBenchmark {
    private WarmCall call;

    @Setup
    public void setUp() {
        ProvinceConfig demo = ProvinceConfigLoader.load(RepoRoot.get().resolve(Path.of("infra", "demo", "tay-ninh.json")));
        Map<String, Long> figures = Map.of("received", 12L, "answered", 9L, "answeredOnTime", 8L, "ratings", 5L,
                "ratingStars", 21L, "submitted", 7L, "finished", 5L, "finishedOnTime", 4L);
        StatCounters counters = keys -> {
            Map<StatKey, Map<String, Long>> found = new HashMap<>();
            keys.forEach(key -> found.put(key, figures));
            return found;
        };
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);
        call = WarmCall.of(new PublicStatsHandler(new PublicStats(counters, () -> demo, clock)), "stats-public-get.json")
                .expectStatus(200);
    }

    @Benchmark
    @WarmRoute(function = "PublicStatsFunction", route = "GET /v1/public/stats")
    public int stats() {
        return call.invoke();
    }
}
