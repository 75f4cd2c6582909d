package vn.smartprovince.identity;

import java.time.Clock;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.log.JsonLog;

/**
 * {@code DELETE /v1/me}: erases the caller's profile and contact data and ends every session.
 * Reports the citizen sent stay (anonymised by {@code ForgetErasedCitizensFunction}, which follows the profile's deletion on the table's stream).
 */
public final class DeleteMeHandler extends AuthenticatedFunction {
    private final Profiles profiles;

    public DeleteMeHandler() {
        this(Env.current());
    }

    DeleteMeHandler(Env env) {
        this(new Profiles(Wiring.users(env, Wiring.dynamoDb(env)), null, Clock.systemUTC()));
    }

    DeleteMeHandler(Profiles profiles) {
        this.profiles = profiles;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        profiles.erase(caller);
        // An audit line without personal data: that an erasure happened, and when (the request's time).
        JsonLog.info("account erased", java.util.Map.of("requestId", request.requestId()));
        return HttpResponse.noContent();
    }
}
