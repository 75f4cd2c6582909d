package vn.smartprovince.province.directory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.smartprovince.province.core.ConfigInForce;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceSnapshot;
import vn.smartprovince.testkit.RepoRoot;
import vn.smartprovince.testkit.bench.WarmCall;
import vn.smartprovince.testkit.bench.WarmRoute;

/**
 * Warm overhead of {@code GET /v1/directory} on events/directory-search.json (text, near a point,
 * 5 a page) over the demo province's directory, the configuration from memory, on a Monday
 * morning (opening hours matter). Run by infra/bin/benchmark-warm, never as a test.
 */
@State(Scope.Benchmark)
public class DirectorySearchBenchmark {
    private WarmCall call;

    @Setup
    public void setUp() {
        var demo = ProvinceConfigLoader.load(RepoRoot.get().resolve(Path.of("infra", "demo", "tay-ninh.json")));
        var snapshot = new ProvinceSnapshot("DEMO-TNH", 3, "0".repeat(64), "2026-12-01T00:00:00Z", demo);
        Clock monday = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);
        DirectorySearch search = new DirectorySearch(() -> Optional.of(new ConfigInForce(snapshot, null, null)), monday);
        call = WarmCall.of(new ListDirectoryHandler(search, 60), "directory-search.json").expectStatus(200);
    }

    @Benchmark
    @WarmRoute(function = "DirectorySearchFunction", route = "GET /v1/directory")
    public int search() {
        return call.invoke();
    }
}
