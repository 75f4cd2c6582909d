package vn.smartprovince.identity.account;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.smartprovince.identity.Fakes;
import vn.smartprovince.testkit.bench.WarmCall;
import vn.smartprovince.testkit.bench.WarmRoute;

/**
 * Warm overhead of {@code GET /v1/me} on events/identity-me-get.json: the citizen's profile from
 * the in-memory users. Run by infra/bin/benchmark-warm, never as a test.
 */
@State(Scope.Benchmark)
public class GetMeBenchmark {
    private WarmCall call;

    @Setup
    public void setUp() {
        Fakes.InMemoryUsers users = new Fakes.InMemoryUsers().with(Fakes.user("9000000000000000001"));
        call = WarmCall.of(new GetMeHandler(new Profiles(users, null, Fakes.clock(Fakes.NOW))), "identity-me-get.json")
                .expectStatus(200);
    }

    @Benchmark
    @WarmRoute(function = "GetMeFunction", route = "GET /v1/me")
    public int getMe() {
        return call.invoke();
    }
}
