package vn.smartprovince.identity;

import java.time.Clock;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code GET /v1/me}: the caller's profile and roles, with the version as ETag. */
public final class GetMeHandler extends AuthenticatedFunction {
    private final Profiles profiles;

    public GetMeHandler() {
        this(Env.current());
    }

    GetMeHandler(Env env) {
        this(new Profiles(Wiring.users(env, Wiring.dynamoDb(env)), null, Clock.systemUTC()));
    }

    GetMeHandler(Profiles profiles) {
        this.profiles = profiles;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        User user = profiles.get(caller);
        return HttpResponse.privateJson(200, Views.Me.of(user)).withHeader("etag", Profiles.etag(user));
    }
}
