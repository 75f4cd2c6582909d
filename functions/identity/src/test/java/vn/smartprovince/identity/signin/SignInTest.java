package vn.smartprovince.identity.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.identity.Fakes.NOW;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.smartprovince.identity.Fakes;
import vn.smartprovince.identity.core.NotificationPreference;
import vn.smartprovince.identity.core.SessionTokens;
import vn.smartprovince.identity.core.User;
import vn.smartprovince.identity.core.ZaloIdentity;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;

/** Sign-in rules without AWS or Zalo: create or refresh the citizen, first admin, phone, failures. */
class SignInTest {
    private static final String CITIZEN = "9000000000000000001";
    private static final String ADMIN = "9000000000000000900";
    private final Fakes.InMemoryUsers users = new Fakes.InMemoryUsers();
    private final Fakes.FakeZalo zalo = new Fakes.FakeZalo()
            .user("token-an", CITIZEN, "Nguye\u0302\u0303n Va\u0306n An")   // decomposed diacritics
            .user("token-admin", ADMIN, "Đặng Quốc Huy")
            .phone("token-an", "phone-an", "0900000001");
    private final SignIn signIn = new SignIn(zalo, users, Fakes.sessions(Fakes.clock(NOW)), Fakes.clock(NOW), ADMIN);

    @Test
    void theFirstSignInCreatesTheCitizenFromWhatZaloSays() {
        SignIn.Result result = signIn.signIn("token-an", null);
        assertTrue(result.firstSignIn());
        User user = users.items.get(CITIZEN);
        assertEquals("Nguyễn Văn An", user.zaloName(), "NFC");
        assertNull(user.displayName());
        assertEquals("Nguyễn Văn An", user.name());
        assertEquals(List.of(RoleGrant.citizen()), user.roles());
        assertNull(user.phone());
        assertEquals(NOW, user.firstSeenAt());
        assertEquals(NOW, user.lastSeenAt());
        assertEquals(1, user.version());
        assertEquals(NOW.toEpochMilli(), user.sessionVersion());
        assertEquals(NOW.plusSeconds(3600), result.session().expiresAt());
        var claims = assertInstanceOf(SessionTokens.Valid.class, Fakes.tokens().verify(result.session().token(), NOW)).claims();
        assertEquals(CITIZEN, claims.subject());
        assertEquals(user.sessionVersion(), claims.sessionVersion());
    }

    @Test
    void aGrantedPhoneNumberIsStoredAs84() {
        signIn.signIn("token-an", "phone-an");
        assertEquals("84900000001", users.items.get(CITIZEN).phone());
    }

    @Test
    void laterSignInsRefreshZaloDataAndKeepWhatTheUserChose() {
        signIn.signIn("token-an", "phone-an");
        User chosen = users.items.get(CITIZEN);
        users.items.put(CITIZEN, chosen.withProfile("Anh An", chosen.phone(), 1980, NotificationPreference.ZNS, NOW));
        zalo.user("token-an-2", CITIZEN, "An Nguyễn");
        SignIn later = new SignIn(zalo, users, Fakes.sessions(Fakes.clock(NOW.plusSeconds(86400))),
                Fakes.clock(NOW.plusSeconds(86400)), ADMIN);
        SignIn.Result result = later.signIn("token-an-2", null);
        assertFalse(result.firstSignIn());
        User user = users.items.get(CITIZEN);
        assertEquals("An Nguyễn", user.zaloName());
        assertEquals("Anh An", user.name());
        assertEquals("84900000001", user.phone(), "not granted again: the number stays");
        assertEquals(1980, user.birthYear());
        assertEquals(NOW, user.firstSeenAt());
        assertEquals(NOW.plusSeconds(86400), user.lastSeenAt());
        assertEquals(3, user.version(), "created 1, edited 2, Zalo name changed 3");

        later.signIn("token-an-2", null);
        assertEquals(3, users.items.get(CITIZEN).version(), "only lastSeenAt moved: the version stays");
    }

    @Test
    void theConfiguredFirstAdminBecomesProvinceAdmin() {
        SignIn.Result result = signIn.signIn("token-admin", null);
        assertEquals(List.of(RoleGrant.citizen(), RoleGrant.provinceAdmin()), result.user().roles());
        // Someone who existed before the setting (a demo user) gets it at the next sign-in.
        users.items.put(ADMIN, Fakes.user(ADMIN));
        assertTrue(signIn.signIn("token-admin", null).user().has(Role.PROVINCE_ADMIN));
        assertFalse(signIn.signIn("token-an", null).user().has(Role.PROVINCE_ADMIN));
    }

    @Test
    void aTokenZaloRefusesIs401() {
        ApiException e = assertThrows(ApiException.class, () -> signIn.signIn("forged", null));
        assertEquals(ErrorCode.UNAUTHORIZED, e.code());
        assertEquals("accessToken", e.details().get(0).field());
        assertTrue(users.items.isEmpty());
    }

    @Test
    void aPhoneTokenZaloRefusesIs400NamingIt() {
        ApiException e = assertThrows(ApiException.class, () -> signIn.signIn("token-an", "expired-phone-token"));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals("phoneToken", e.details().get(0).field());
    }

    @Test
    void zaloUnavailableIs503WithTheCause() {
        zalo.failure = new ZaloIdentity.Unavailable("zalo region restricted (-501): configure ZALO_EGRESS_PROXY_URL", null);
        ApiException e = assertThrows(ApiException.class, () -> signIn.signIn("token-an", null));
        assertEquals(ErrorCode.DEPENDENCY_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("-501"));
    }

    @Test
    void aConcurrentChangeIsReadAgainNotOverwritten() {
        users.with(Fakes.user(CITIZEN));
        users.conflicts = 2;
        signIn.signIn("token-an", null);
        assertEquals("Nguyễn Văn An", users.items.get(CITIZEN).zaloName());
        users.conflicts = 10;
        assertEquals(ErrorCode.CONFLICT, assertThrows(ApiException.class, () -> signIn.signIn("token-an", null)).code());
    }

    @Test
    void namesAndAvatarsFromZaloAreCleaned() {
        assertEquals("An", SignIn.name("\u200B An\u0007 "));
        assertEquals(100, SignIn.name("x".repeat(300)).length());
        assertNull(SignIn.avatar("javascript:alert(1)"));
        assertNull(SignIn.avatar("http://insecure.example/a.jpg"));
        assertEquals("https://s120.avatar.example/a.jpg", SignIn.avatar("https://s120.avatar.example/a.jpg"));
    }
}
