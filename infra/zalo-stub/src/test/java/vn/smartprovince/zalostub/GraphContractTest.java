package vn.smartprovince.zalostub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.zalostub.StubFixture.APP_SECRET;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;
import vn.smartprovince.zalostub.ZaloStubClient.StubUser;

/** graph.zalo.me: GET /v2.0/me and GET /v2.0/me/info, as the team's Zalo reference documents them. */
class GraphContractTest extends StubTestBase {
    StubUser an;

    @BeforeEach
    void user() {
        an = control.createUser(NewUser.named("Nguyễn Văn An").id("9000000000000000001").phone("84901234567")
                .avatar("https://s160-ava-talk.zadn.vn/a/b.jpg").location(11.3, 106.1));
    }

    private Raw.Answer me(String token, String proof) {
        return Raw.get(base, "/v2.0/me?fields=id,name,picture", "access_token", token, "appsecret_proof", proof);
    }

    @Test
    void meAnswersIdNameAndPictureDataUrl() {
        Raw.Answer answer = me(an.accessToken(), Raw.proof(APP_SECRET, an.accessToken()));
        assertEquals(200, answer.status());
        assertTrue(answer.contentType().startsWith("application/json"));
        JsonNode body = answer.json();
        assertEquals(new TreeSet<>(Set.of("id", "name", "picture")), Raw.fields(body));
        assertEquals("9000000000000000001", body.get("id").asText());
        assertEquals("Nguyễn Văn An", body.get("name").asText());
        assertEquals("https://s160-ava-talk.zadn.vn/a/b.jpg", body.at("/picture/data/url").asText());
    }

    @Test
    void meAnswersOnlyTheFieldsAskedFor() {
        Raw.Answer answer = Raw.get(base, "/v2.0/me?fields=id", "access_token", an.accessToken(),
                "appsecret_proof", Raw.proof(APP_SECRET, an.accessToken()));
        assertEquals(Set.of("id"), Raw.fields(answer.json()));
    }

    @Test
    void proofIsLowercaseHexHmacSha256OfTheTokenKeyedWithTheAppSecret() {
        assertEquals("79cbb29645f7efcb2898f52e29db132d5ccc048ae4bfd5a90db8207970e8926b",
                Signatures.appSecretProof("local-app-secret", "user-access-token"));
        assertEquals(Raw.proof("local-app-secret", "user-access-token"),
                Signatures.appSecretProof("local-app-secret", "user-access-token"));
    }

    @Test
    void missingOrWrongProofIsRefused() {
        Raw.Answer missing = Raw.get(base, "/v2.0/me?fields=id,name,picture", "access_token", an.accessToken());
        assertEquals(ZaloErrors.INVALID_PARAMETER, missing.error());
        assertEquals(200, missing.status(), "Zalo answers its errors with HTTP 200");

        Raw.Answer wrongKey = me(an.accessToken(), Raw.proof("another-secret", an.accessToken()));
        assertEquals(ZaloErrors.INVALID_PARAMETER, wrongKey.error());
        assertTrue(wrongKey.json().get("message").asText().contains("appsecret_proof"));

        Raw.Answer upperCase = me(an.accessToken(), Raw.proof(APP_SECRET, an.accessToken()).toUpperCase(Locale.ROOT));
        assertEquals(ZaloErrors.INVALID_PARAMETER, upperCase.error(), "lowercase hex only");
    }

    @Test
    void unknownOrMissingTokenIsMinus216() {
        Raw.Answer unknown = me("not-a-token", Raw.proof(APP_SECRET, "not-a-token"));
        assertEquals(-216, unknown.error());
        assertEquals(Set.of("error", "message"), Raw.fields(unknown.json()));
        Raw.Answer missing = Raw.get(base, "/v2.0/me?fields=id");
        assertEquals(-216, missing.error());
    }

    @Test
    void tokenInTheQueryStringInsteadOfTheHeaderIsNotAccepted() {
        Raw.Answer answer = Raw.get(base, "/v2.0/me?fields=id&access_token=" + an.accessToken()
                + "&appsecret_proof=" + Raw.proof(APP_SECRET, an.accessToken()));
        assertEquals(-216, answer.error());
    }

    @Test
    void expiredOrRevokedTokenIsSessionKeyInvalid() {
        control.advanceClock(Duration.ofHours(1).plusSeconds(1));
        Raw.Answer expired = me(an.accessToken(), Raw.proof(APP_SECRET, an.accessToken()));
        assertEquals(452, expired.error());
        assertEquals("Session key invalid", expired.json().get("message").asText());

        StubUser fresh = control.issueTokens(an.id());
        assertEquals(200, me(fresh.accessToken(), Raw.proof(APP_SECRET, fresh.accessToken())).status());
        assertEquals(an.id(), me(fresh.accessToken(), Raw.proof(APP_SECRET, fresh.accessToken())).json()
                .get("id").asText());
        control.revokeToken(fresh.accessToken());
        assertEquals(452, me(fresh.accessToken(), Raw.proof(APP_SECRET, fresh.accessToken())).error());
    }

    @Test
    void tokenOfAnotherAppFailsThisAppsProof() {
        StubUser foreign = control.createUser(NewUser.named("Khách").appId("5555555555"));
        Raw.Answer answer = me(foreign.accessToken(), Raw.proof(APP_SECRET, foreign.accessToken()));
        assertEquals(ZaloErrors.INVALID_PARAMETER, answer.error());
        Raw.Answer info = Raw.get(base, "/v2.0/me/info", "access_token", foreign.accessToken(), "code",
                foreign.locationToken(), "secret_key", APP_SECRET);
        assertEquals(ZaloErrors.INVALID_PARAMETER, info.error());
    }

    @Test
    void meInfoDecodesThePhoneToken() {
        Raw.Answer answer = Raw.get(base, "/v2.0/me/info", "access_token", an.accessToken(), "code", an.phoneToken(),
                "secret_key", APP_SECRET);
        JsonNode body = answer.json();
        assertEquals(Set.of("data", "error", "message"), Raw.fields(body));
        assertEquals(Set.of("number"), Raw.fields(body.get("data")));
        assertEquals("84901234567", body.at("/data/number").asText());
        assertEquals(0, body.get("error").asInt());
        assertEquals("Success", body.get("message").asText());
    }

    @Test
    void meInfoDecodesTheLocationToken() {
        JsonNode body = Raw.get(base, "/v2.0/me/info", "access_token", an.accessToken(), "code", an.locationToken(),
                "secret_key", APP_SECRET).json();
        assertEquals(0, body.get("error").asInt());
        assertEquals(Set.of("latitude", "longitude", "provider", "timestamp"), Raw.fields(body.get("data")));
        assertEquals(11.3, Double.parseDouble(body.at("/data/latitude").asText()), 1e-9);
        assertEquals(106.1, Double.parseDouble(body.at("/data/longitude").asText()), 1e-9);
    }

    @Test
    void meInfoRefusesAWrongSecretAMissingOrForeignOrExpiredCode() {
        assertEquals(ZaloErrors.INVALID_PARAMETER, Raw.get(base, "/v2.0/me/info", "access_token", an.accessToken(),
                "code", an.phoneToken(), "secret_key", "wrong").error());
        assertEquals(ZaloErrors.INVALID_PARAMETER, Raw.get(base, "/v2.0/me/info", "access_token", an.accessToken(),
                "secret_key", APP_SECRET).error());
        StubUser binh = control.createUser(NewUser.named("Trần Thị Bình").phone("0912345678"));
        assertEquals("84912345678", binh.phone(), "0xxxxxxxxx is stored as 84xxxxxxxxx");
        assertEquals(ZaloErrors.INVALID_PARAMETER, Raw.get(base, "/v2.0/me/info", "access_token", an.accessToken(),
                "code", binh.phoneToken(), "secret_key", APP_SECRET).error(), "a code belongs to its user");
        control.advanceClock(StubConfig.DEFAULT_CODE_TOKEN_TTL.plusSeconds(1));
        assertEquals(ZaloErrors.INVALID_PARAMETER, Raw.get(base, "/v2.0/me/info", "access_token", an.accessToken(),
                "code", an.phoneToken(), "secret_key", APP_SECRET).error());
    }

    @Test
    void userWithoutPhoneGetsNoPhoneToken() {
        StubUser noPhone = control.createUser(NewUser.named("Ẩn danh"));
        assertNull(noPhone.phoneToken());
        assertNull(noPhone.phone());
    }
}
