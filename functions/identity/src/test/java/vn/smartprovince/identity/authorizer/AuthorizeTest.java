package vn.smartprovince.identity.authorizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.smartprovince.identity.Fakes.NOW;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.smartprovince.identity.Fakes;
import vn.smartprovince.identity.core.SessionTokens;
import vn.smartprovince.identity.core.SigningKeys;
import vn.smartprovince.identity.core.User;
import vn.smartprovince.shared.auth.AuthFailure;
import vn.smartprovince.shared.auth.RoleGrant;

/** The authorizer's verdict: token, then the user item now (revocation, roles). */
class AuthorizeTest {
    private static final String OFFICER = "9000000000000000101";
    private final Fakes.InMemoryUsers users = new Fakes.InMemoryUsers()
            .with(Fakes.user(OFFICER, RoleGrant.officerOf("so-xay-dung")));
    private final Authorize authorize = new Authorize(Fakes.tokens(), users, Fakes.clock(NOW.plusSeconds(5)));

    private String token() {
        return Fakes.sessions(Fakes.clock(NOW)).start(users.items.get(OFFICER)).token();
    }

    @Test
    void aValidSessionPassesTheCallersRolesAsTheyAreNow() {
        Authorize.Decision decision = authorize.decide("Bearer " + token());
        assertNull(decision.failure());
        Map<String, String> context = decision.context();
        assertEquals("true", context.get("authenticated"));
        assertEquals(OFFICER, context.get("userId"));
        assertEquals("CITIZEN,OFFICER", context.get("roles"));
        assertEquals("so-xay-dung", context.get("agencyId"));
        assertEquals(Long.toString(NOW.plusSeconds(3600).getEpochSecond()), context.get("sessionExpiresAt"));

        String token = token();
        User user = users.items.get(OFFICER);
        users.items.put(OFFICER, user.withRoles(List.of(RoleGrant.citizen()), NOW));
        Map<String, String> after = authorize.decide("bearer " + token).context();
        assertEquals("CITIZEN", after.get("roles"), "a revoked role is gone on the next request");
        assertEquals("", after.get("agencyId"));
    }

    @Test
    void anErasedOrSignedOutUsersSessionIsRevoked() {
        String token = token();
        User user = users.items.get(OFFICER);
        users.items.put(OFFICER, user.withSessionVersion(user.sessionVersion() + 1, NOW));
        assertEquals(AuthFailure.SESSION_REVOKED, authorize.decide("Bearer " + token).failure());
        users.items.remove(OFFICER);
        assertEquals(AuthFailure.SESSION_REVOKED, authorize.decide("Bearer " + token).failure());
        assertEquals("false", authorize.decide("Bearer " + token).context().get("authenticated"));
    }

    @Test
    void theHeaderMustBeABearerToken() {
        assertEquals(AuthFailure.TOKEN_MISSING, authorize.decide(null).failure());
        assertEquals(AuthFailure.TOKEN_MISSING, authorize.decide(" ").failure());
        assertEquals(AuthFailure.TOKEN_INVALID, authorize.decide("Basic dXNlcjpwYXNz").failure());
        assertEquals(AuthFailure.TOKEN_INVALID, authorize.decide("Bearer").failure());
        assertEquals(AuthFailure.TOKEN_INVALID, authorize.decide("Bearer a b").failure());
        assertEquals(AuthFailure.TOKEN_INVALID, authorize.decide(token()).failure(), "no scheme");
    }

    @Test
    void expiredAndForeignTokensSayWhy() {
        Authorize later = new Authorize(Fakes.tokens(), users, Fakes.clock(NOW.plusSeconds(3601)));
        assertEquals(AuthFailure.TOKEN_EXPIRED, later.decide("Bearer " + token()).failure());
        SessionTokens otherApp = new SessionTokens(Fakes.keys(Fakes.KEY), Fakes.ISSUER, "999");
        String foreign = otherApp.issue(new SessionTokens.Claims(OFFICER, "s", NOW, NOW.plusSeconds(60), NOW, 1));
        assertEquals(AuthFailure.WRONG_APP, authorize.decide("Bearer " + foreign).failure());
    }

    @Test
    void anUnreachableStoreOrKeyIsUnavailableNotUnauthorized() {
        String token = token();
        users.unavailable = true;
        Authorize.Decision decision = authorize.decide("Bearer " + token);
        assertEquals(AuthFailure.AUTH_UNAVAILABLE, decision.failure());
        assertEquals("dynamodb", decision.context().get("cause"));

        SigningKeys broken = () -> {
            throw new SigningKeys.Unavailable(null);
        };
        Authorize noKey = new Authorize(new SessionTokens(broken, Fakes.ISSUER, Fakes.APP_ID), users, Fakes.clock(NOW));
        assertEquals("session-signing-key", noKey.decide("Bearer " + token).context().get("cause"));
    }
}
