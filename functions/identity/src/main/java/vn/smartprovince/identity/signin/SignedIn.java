package vn.smartprovince.identity.signin;

import java.time.Instant;
import java.util.List;
import vn.smartprovince.identity.core.Views;
import vn.smartprovince.shared.auth.RoleGrant;

/** {@code POST /v1/auth/zalo}'s answer. */
record SignedIn(String sessionToken, String tokenType, String expiresAt, long expiresIn, Views.Profile profile,
                List<RoleGrant> roles, boolean firstSignIn) {
    static SignedIn of(SignIn.Result result, Instant now) {
        return new SignedIn(result.session().token(), "Bearer", result.session().expiresAt().toString(),
                Views.seconds(now, result.session().expiresAt()), Views.Profile.of(result.user()), result.user().roles(),
                result.firstSignIn());
    }
}
