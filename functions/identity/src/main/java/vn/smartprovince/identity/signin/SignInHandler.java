package vn.smartprovince.identity.signin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Set;
import vn.smartprovince.identity.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.secrets.Secrets;

/** {@code POST /v1/auth/zalo} (public): a Zalo access token (and phone-number token) for a session. */
public final class SignInHandler extends HttpFunction {
    private final SignIn signIn;
    private final Clock clock;

    public SignInHandler() {
        this(Env.current());
    }

    public SignInHandler(Env env) {
        this(env, Wiring.secrets(env), Clock.systemUTC());
    }

    public SignInHandler(Env env, Secrets secrets, Clock clock) {
        this(new SignIn(Wiring.zalo(env, secrets), Wiring.users(env, Wiring.dynamoDb(env)),
                Wiring.sessions(env, Wiring.tokens(env, secrets), clock), clock, Wiring.firstAdmin(env)), clock);
    }

    SignInHandler(SignIn signIn, Clock clock) {
        this.signIn = signIn;
        this.clock = clock;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        JsonNode body = request.jsonBody();
        BodyFields fields = new BodyFields();
        fields.onlyFields(body, Set.of("accessToken", "phoneToken"));
        String accessToken = fields.token(body, "accessToken", true);
        String phoneToken = fields.token(body, "phoneToken", false);
        fields.done();
        SignIn.Result result = signIn.signIn(accessToken, phoneToken);
        return HttpResponse.privateJson(200, SignedIn.of(result, clock.instant()).toJson());
    }
}
