package vn.smartprovince.identity;

import java.time.Clock;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code DELETE /v1/auth/session}: signs out everywhere (every session token of the caller stops working). */
public final class SignOutHandler extends AuthenticatedFunction {
    private final Profiles profiles;

    public SignOutHandler() {
        this(Env.current());
    }

    SignOutHandler(Env env) {
        this(new Profiles(Wiring.users(env, Wiring.dynamoDb(env)), null, Clock.systemUTC()));
    }

    SignOutHandler(Profiles profiles) {
        this.profiles = profiles;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        profiles.signOutEverywhere(caller);
        return HttpResponse.noContent();
    }
}
