package vn.smartprovince.dossiers.catalogue;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.smartprovince.dossiers.Fixtures;
import vn.smartprovince.shared.province.ProvinceSnapshot;
import vn.smartprovince.testkit.bench.WarmCall;
import vn.smartprovince.testkit.bench.WarmRoute;

/**
 * Warm overhead of {@code GET /v1/procedures/{code}} on events/dossiers-procedure-get.json (no
 * If-None-Match: the whole procedure is encoded), the configuration from memory. Run by
 * infra/bin/benchmark-warm, never as a test.
 */
@State(Scope.Benchmark)
public class GetProcedureBenchmark {
    private WarmCall call;

    @Setup
    public void setUp() {
        ProvinceSnapshot snapshot = new ProvinceSnapshot("DEMO-TNH", 4, "0123456789abcdef0123", "2026-12-06T00:00:00Z",
                Fixtures.CONFIG);
        call = WarmCall.of(new GetProcedureHandler(new ProcedureCatalogue(() -> snapshot), 300),
                "dossiers-procedure-get.json").expectStatus(200);
    }

    @Benchmark
    @WarmRoute(function = "DossierGetProcedureFunction", route = "GET /v1/procedures/{code}")
    public int getProcedure() {
        return call.invoke();
    }
}
