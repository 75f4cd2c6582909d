package vn.smartprovince.identity.session;

import java.time.Clock;
import vn.smartprovince.identity.Wiring;
import vn.smartprovince.identity.core.Sessions;
import vn.smartprovince.identity.core.User;
import vn.smartprovince.identity.core.Users;
import vn.smartprovince.identity.core.Views;
import vn.smartprovince.shared.auth.AuthFailure;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Authentication;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.secrets.Secrets;

/** {@code POST /v1/auth/session/renew}: a fresh token for a session that has not expired yet. */
public final class RenewSessionHandler extends AuthenticatedFunction {
    private final Users users;
    private final Sessions sessions;
    private final Clock clock;

    public RenewSessionHandler() {
        this(Env.current());
    }

    public RenewSessionHandler(Env env) {
        this(env, Wiring.secrets(env), Clock.systemUTC());
    }

    public RenewSessionHandler(Env env, Secrets secrets, Clock clock) {
        this(Wiring.users(env, Wiring.dynamoDb(env)), Wiring.sessions(env, Wiring.tokens(env, secrets), clock), clock);
    }

    RenewSessionHandler(Users users, Sessions sessions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        User user = users.find(caller.userId())
                .orElseThrow(() -> Authentication.unauthorized(AuthFailure.SESSION_REVOKED));
        Sessions.Issued renewed = sessions.renew(caller, user);
        users.markActive(user.zaloId(), clock.instant());
        return HttpResponse.privateJson(200, Views.Session.of(renewed, clock.instant()));
    }
}
