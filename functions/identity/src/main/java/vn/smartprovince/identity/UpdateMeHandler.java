package vn.smartprovince.identity;

import java.time.Clock;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.secrets.Secrets;

/** {@code PATCH /v1/me}: display name, birth year, notification preference, phone (through Zalo only). */
public final class UpdateMeHandler extends AuthenticatedFunction {
    private final Profiles profiles;

    public UpdateMeHandler() {
        this(Env.current());
    }

    UpdateMeHandler(Env env) {
        this(env, Wiring.secrets(env));
    }

    UpdateMeHandler(Env env, Secrets secrets) {
        this(new Profiles(Wiring.users(env, Wiring.dynamoDb(env)), Wiring.zalo(env, secrets),
                Clock.systemUTC()));
    }

    UpdateMeHandler(Profiles profiles) {
        this.profiles = profiles;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        ProfileChange change = ProfileChange.parse(request.jsonBody(), request.header("if-match").orElse(null),
                profiles.currentYear());
        User user = profiles.update(caller, change);
        return HttpResponse.privateJson(200, Views.Me.of(user)).withHeader("etag", Profiles.etag(user));
    }
}
