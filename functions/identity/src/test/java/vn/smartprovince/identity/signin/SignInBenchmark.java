package vn.smartprovince.identity.signin;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.smartprovince.identity.Fakes;
import vn.smartprovince.testkit.bench.WarmCall;
import vn.smartprovince.testkit.bench.WarmRoute;

/**
 * Warm overhead of {@code POST /v1/auth/zalo} on events/identity-sign-in.json (its placeholder
 * tokens replaced by real-looking ones): a returning citizen, Zalo's answers (profile, phone) from
 * a map, the user updated in memory, a session token signed. Run by infra/bin/benchmark-warm,
 * never as a test.
 */
@State(Scope.Benchmark)
public class SignInBenchmark {
    private static final String ACCESS = "zalo-access-token-3f1b9c2e7d4a4f7e9a510c2d8e6b1a77";
    private static final String PHONE = "zalo-phone-token-0c2d8e6b1a773f1b9c2e7d4a4f7e9a51";
    private WarmCall call;

    @Setup
    public void setUp() {
        String citizen = "9000000000000000001";
        Fakes.FakeZalo zalo = new Fakes.FakeZalo().user(ACCESS, citizen, "Nguyễn Văn An")
                .phone(ACCESS, PHONE, "0900000001");
        Fakes.InMemoryUsers users = new Fakes.InMemoryUsers().with(Fakes.user(citizen));
        SignIn signIn = new SignIn(zalo, users, Fakes.sessions(Fakes.clock(Fakes.NOW)), Fakes.clock(Fakes.NOW),
                "9000000000000000099");
        var event = WarmCall.event("identity-sign-in.json");
        event.put("body", "{\"accessToken\": \"" + ACCESS + "\", \"phoneToken\": \"" + PHONE + "\"}");
        call = WarmCall.of(new SignInHandler(signIn, Fakes.clock(Fakes.NOW)), event).expectStatus(200);
    }

    @Benchmark
    @WarmRoute(function = "SignInFunction", route = "POST /v1/auth/zalo")
    public int signIn() {
        return call.invoke();
    }
}
