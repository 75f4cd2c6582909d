package vn.smartprovince.identity.authorizer;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.smartprovince.identity.Fakes;
import vn.smartprovince.testkit.bench.WarmCall;
import vn.smartprovince.testkit.bench.WarmRoute;

/**
 * Warm overhead of the session authorizer (in front of every protected route) on
 * events/identity-authorizer.json with a real session token: the signature and claims checked,
 * the user read from memory. Run by infra/bin/benchmark-warm, never as a test.
 */
@State(Scope.Benchmark)
public class SessionAuthorizerBenchmark {
    private WarmCall call;

    @Setup
    public void setUp() {
        Fakes.InMemoryUsers users = new Fakes.InMemoryUsers().with(Fakes.user("9000000000000000001"));
        String token = Fakes.sessions(Fakes.clock(Fakes.NOW)).start(users.items.get("9000000000000000001")).token();
        var event = WarmCall.event("identity-authorizer.json");
        event.putArray("identitySource").add("Bearer " + token);
        event.with("headers").put("authorization", "Bearer " + token);
        Authorize authorize = new Authorize(Fakes.tokens(), users, Fakes.clock(Fakes.NOW.plusSeconds(5)));
        call = WarmCall.of(new SessionAuthorizerHandler(authorize), event).expectAnswerContaining("\"authenticated\":\"true\"");
    }

    @Benchmark
    @WarmRoute(function = "SessionAuthorizerFunction", route = "authorizer (GET /v1/me)")
    public int authorize() {
        return call.invoke();
    }
}
