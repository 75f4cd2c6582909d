package vn.smartprovince.identity.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.identity.Fakes.APP_ID;
import static vn.smartprovince.identity.Fakes.ISSUER;
import static vn.smartprovince.identity.Fakes.KEY;
import static vn.smartprovince.identity.Fakes.NOW;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.smartprovince.identity.Fakes;
import vn.smartprovince.identity.store.SecretSigningKeys;
import vn.smartprovince.shared.auth.AuthFailure;

/** Session tokens: signed and verified with HMAC-SHA256, refused when forged, expired, foreign or malformed. */
class SessionTokensTest {
    private static final SessionTokens.Claims CLAIMS = new SessionTokens.Claims("9000000000000000001", "sid-1",
            NOW, NOW.plusSeconds(3600), NOW, 1795858200000L);
    private final SessionTokens tokens = Fakes.tokens();

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private AuthFailure failure(String token) {
        return assertInstanceOf(SessionTokens.Invalid.class, tokens.verify(token, NOW.plusSeconds(10))).reason();
    }

    @Test
    void aTokenWeIssuedVerifiesWithItsClaims() {
        String token = tokens.issue(CLAIMS);
        var valid = assertInstanceOf(SessionTokens.Valid.class, tokens.verify(token, NOW.plusSeconds(3599)));
        assertEquals(CLAIMS, valid.claims());

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        String header = decode(parts[0]);
        assertTrue(header.contains("\"alg\":\"HS256\"") && header.contains("\"typ\":\"JWT\"")
                && header.contains("\"kid\":\"" + SigningKey.fromSecret(KEY).kid() + "\""), header);
        String body = decode(parts[1]);
        for (String claim : List.of("\"iss\":\"" + ISSUER + "\"", "\"aud\":\"" + APP_ID + "\"",
                "\"sub\":\"9000000000000000001\"", "\"sid\":\"sid-1\"", "\"iat\":", "\"exp\":", "\"auth_time\":", "\"sv\":")) {
            assertTrue(body.contains(claim), body + " lacks " + claim);
        }
        assertTrue(!token.contains("="), "base64url without padding");
    }

    @Test
    void expiresAtExp() {
        String token = tokens.issue(CLAIMS);
        assertEquals(AuthFailure.TOKEN_EXPIRED,
                assertInstanceOf(SessionTokens.Invalid.class, tokens.verify(token, NOW.plusSeconds(3600))).reason());
    }

    @Test
    void anyChangeBreaksTheSignature() {
        String token = tokens.issue(CLAIMS);
        String[] parts = token.split("\\.");
        String otherUser = b64(decode(parts[1]).replace("9000000000000000001", "9000000000000000900"));
        assertEquals(AuthFailure.TOKEN_INVALID, failure(parts[0] + "." + otherUser + "." + parts[2]));
        String longer = b64(decode(parts[1]).replace("\"exp\":" + CLAIMS.expiresAt().getEpochSecond(),
                "\"exp\":" + CLAIMS.expiresAt().plusSeconds(86400).getEpochSecond()));
        assertEquals(AuthFailure.TOKEN_INVALID, failure(parts[0] + "." + longer + "." + parts[2]));
        char last = parts[2].charAt(0);
        String flipped = (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
        assertEquals(AuthFailure.TOKEN_INVALID, failure(parts[0] + "." + parts[1] + "." + flipped));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsInvalidEvenWithOurKid() {
        SessionTokens forger = new SessionTokens(Fakes.keys("f".repeat(40)), ISSUER, APP_ID);
        String forged = forger.issue(CLAIMS);
        assertEquals(AuthFailure.TOKEN_INVALID, failure(forged), "unknown kid");
        String[] parts = forged.split("\\.");
        String ourKid = b64(decode(parts[0]).replace(SigningKey.fromSecret("f".repeat(40)).kid(),
                SigningKey.fromSecret(KEY).kid()));
        assertEquals(AuthFailure.TOKEN_INVALID, failure(ourKid + "." + parts[1] + "." + parts[2]), "our kid, wrong key");
    }

    @Test
    void aTokenForAnotherAppIsWrongApp() {
        SessionTokens otherApp = new SessionTokens(Fakes.keys(KEY), ISSUER, "5555555555");
        assertEquals(AuthFailure.WRONG_APP, failure(otherApp.issue(CLAIMS)));
        SessionTokens otherStage = new SessionTokens(Fakes.keys(KEY), "smartprovince/prod", APP_ID);
        assertEquals(AuthFailure.TOKEN_INVALID, failure(otherStage.issue(CLAIMS)));
    }

    @Test
    void theAlgorithmIsOursNotTheTokens() {
        String[] parts = tokens.issue(CLAIMS).split("\\.");
        String none = b64(decode(parts[0]).replace("HS256", "none"));
        assertEquals(AuthFailure.TOKEN_INVALID, failure(none + "." + parts[1] + "."));
        assertEquals(AuthFailure.TOKEN_INVALID, failure(none + "." + parts[1] + "." + parts[2]));
        String hs512 = b64(decode(parts[0]).replace("HS256", "HS512"));
        assertEquals(AuthFailure.TOKEN_INVALID, failure(hs512 + "." + parts[1] + "." + parts[2]));
    }

    @Test
    void duplicateClaimsAreRefused() {
        SigningKey key = SigningKey.fromSecret(KEY);
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + key.kid() + "\"}");
        String[] parts = tokens.issue(CLAIMS).split("\\.");
        String duplicated = b64(decode(parts[1]).replace("{", "{\"sub\":\"1\","));
        // Even correctly signed: our own issue() never writes such a token.
        String signature = parts[2];
        assertEquals(AuthFailure.TOKEN_INVALID, failure(header + "." + duplicated + "." + signature));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a.b", "a.b.c.d", "....", "eyJ.eyJ.=", "Zm9v.YmFy.YmF6", "  ", "a..b"})
    void malformedTokensAreInvalid(String token) {
        assertEquals(AuthFailure.TOKEN_INVALID, failure(token));
    }

    @Test
    void anAbsurdlyLongTokenIsRefusedUnread() {
        assertEquals(AuthFailure.TOKEN_INVALID, failure("a".repeat(5000) + ".b.c"));
        assertEquals(AuthFailure.TOKEN_MISSING, failure(""));
    }

    @Test
    void aTokenFromTheFutureIsInvalid() {
        SessionTokens.Claims future = new SessionTokens.Claims("9000000000000000001", "sid-1", NOW.plusSeconds(600),
                NOW.plusSeconds(4200), NOW.plusSeconds(600), 1);
        assertEquals(AuthFailure.TOKEN_INVALID, failure(tokens.issue(future)));
    }

    @Test
    void rotationSignsWithTheNewKeyAndStillAcceptsTheOld() {
        String old = tokens.issue(CLAIMS);
        SessionTokens rotated = new SessionTokens(Fakes.keys("n".repeat(40), KEY), ISSUER, APP_ID);
        assertInstanceOf(SessionTokens.Valid.class, rotated.verify(old, NOW));
        String fresh = rotated.issue(CLAIMS);
        assertInstanceOf(SessionTokens.Valid.class, rotated.verify(fresh, NOW));
        assertEquals(AuthFailure.TOKEN_INVALID, failure(fresh), "the old key alone does not know the new one");
    }

    @Test
    void keysAreLongEnoughAndNeverPrinted() {
        assertThrows(IllegalArgumentException.class, () -> SigningKey.fromSecret("short"));
        assertTrue(!SigningKey.fromSecret(KEY).toString().contains(KEY));
        assertEquals(2, SecretSigningKeys.parse("{\"keys\": [\"" + "n".repeat(40) + "\", \"" + KEY + "\"]}").size());
        assertEquals(SigningKey.fromSecret(KEY), SecretSigningKeys.parse("  " + KEY + "\n").get(0));
        assertThrows(IllegalArgumentException.class, () -> SecretSigningKeys.parse("{\"keys\": []}"));
        assertThrows(IllegalArgumentException.class, () -> SecretSigningKeys.parse("{not json"));
    }
}
