package vn.smartprovince.identity.signin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import vn.smartprovince.identity.core.Views;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.json.Json;

/** {@code POST /v1/auth/zalo}'s answer. */
record SignedIn(String sessionToken, String tokenType, String expiresAt, long expiresIn, Views.Profile profile,
                List<RoleGrant> roles, boolean firstSignIn) {
    static SignedIn of(SignIn.Result result, Instant now) {
        return new SignedIn(result.session().token(), "Bearer", result.session().expiresAt().toString(),
                Views.seconds(now, result.session().expiresAt()), Views.Profile.of(result.user()), result.user().roles(),
                result.firstSignIn());
    }

    /** What Jackson writes for this record (components in order, nulls left out), written by hand. */
    ObjectNode toJson() {
        ObjectNode node = Json.object();
        Json.putIfPresent(node, "sessionToken", sessionToken);
        Json.putIfPresent(node, "tokenType", tokenType);
        Json.putIfPresent(node, "expiresAt", expiresAt);
        node.put("expiresIn", expiresIn);
        if (profile != null) {
            node.set("profile", profile.toJson());
        }
        if (roles != null) {
            node.set("roles", Views.toJson(roles));
        }
        node.put("firstSignIn", firstSignIn);
        return node;
    }
}
