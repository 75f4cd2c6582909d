package vn.smartprovince.zalostub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.zalostub.StubFixture.APP_ID;
import static vn.smartprovince.zalostub.StubFixture.APP_SECRET;
import static vn.smartprovince.zalostub.StubFixture.OA_ACCESS;
import static vn.smartprovince.zalostub.StubFixture.OA_REFRESH;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** oauth.zaloapp.com: POST /v4/oa/access_token with single-use refresh tokens. */
class OAuthContractTest extends StubTestBase {
    static Raw.Answer refresh(String refreshToken) {
        return Raw.postForm(base, "/v4/oa/access_token",
                Map.of("refresh_token", refreshToken, "app_id", APP_ID, "grant_type", "refresh_token"),
                "secret_key", APP_SECRET);
    }

    static int znsTemplateInfo(String accessToken) {
        return Raw.get(base, "/template/info/v2?template_id=900001", "access_token", accessToken).error();
    }

    @Test
    void refreshAnswersANewPairWithExpiresInAsAString() {
        Raw.Answer answer = refresh(OA_REFRESH);
        assertEquals(200, answer.status());
        JsonNode json = answer.json();
        assertEquals(Set.of("access_token", "refresh_token", "expires_in"), Raw.fields(json));
        assertEquals("90000", json.get("expires_in").asText());
        assertTrue(json.get("expires_in").isTextual());
        String access = json.get("access_token").asText();
        String refresh = json.get("refresh_token").asText();
        assertNotEquals(OA_ACCESS, access);
        assertNotEquals(OA_REFRESH, refresh);
        assertEquals(0, znsTemplateInfo(access));
        assertEquals(0, znsTemplateInfo(OA_ACCESS), "the old access token lives until it expires");
        assertEquals(access, control.oaTokens().accessToken());
    }

    @Test
    void aRefreshTokenIsSingleUse() {
        String next = refresh(OA_REFRESH).json().get("refresh_token").asText();
        Raw.Answer again = refresh(OA_REFRESH);
        assertEquals(ZaloErrors.OAUTH_INVALID_REFRESH_TOKEN, again.error());
        assertEquals(Set.of("error", "error_name", "error_reason", "error_description"), Raw.fields(again.json()));
        assertEquals(0, refresh(next).json().path("error").asInt(0));
        assertEquals(List.of("ok", "error -14014", "ok"), control.calls(Endpoint.OAUTH_OA_ACCESS_TOKEN).stream()
                .map(ZaloStubClient.Call::outcome).toList());
    }

    @Test
    void concurrentRefreshersCannotBothSpendTheToken() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Raw.Answer>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> refresh(OA_REFRESH));
            }
            int successes = 0;
            for (Future<Raw.Answer> future : pool.invokeAll(tasks)) {
                if (future.get().json().has("access_token")) {
                    successes++;
                } else {
                    assertEquals(-14014, future.get().error());
                }
            }
            assertEquals(1, successes);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void accessTokensExpireAndARefreshRevivesSending() {
        control.advanceClock(StubConfig.OA_ACCESS_TOKEN_TTL.plusSeconds(1));
        assertEquals(-124, znsTemplateInfo(OA_ACCESS));
        String access = refresh(OA_REFRESH).json().get("access_token").asText();
        assertEquals(0, znsTemplateInfo(access));
    }

    @Test
    void expiredRevokedOrUnknownRefreshTokensAreRefused() {
        assertEquals(-14014, refresh("unknown").error());
        assertEquals(-14014, refresh(OA_ACCESS).error(), "an access token is not a refresh token");
        control.expireToken(OA_REFRESH);
        assertEquals(-14014, refresh(OA_REFRESH).error());
    }

    @Test
    void wrongSecretAppIdOrGrantTypeAreRefused() {
        Map<String, String> form = Map.of("refresh_token", OA_REFRESH, "app_id", APP_ID, "grant_type", "refresh_token");
        assertEquals(ZaloErrors.OAUTH_INVALID_SECRET_KEY, Raw.postForm(base, "/v4/oa/access_token", form,
                "secret_key", "wrong").error());
        assertEquals(ZaloErrors.OAUTH_INVALID_SECRET_KEY, Raw.postForm(base, "/v4/oa/access_token", form).error());
        assertEquals(ZaloErrors.OAUTH_INVALID_APP_ID, Raw.postForm(base, "/v4/oa/access_token",
                Map.of("refresh_token", OA_REFRESH, "app_id", "1", "grant_type", "refresh_token"),
                "secret_key", APP_SECRET).error());
        assertEquals(ZaloErrors.OAUTH_INVALID_PARAMETER, Raw.postForm(base, "/v4/oa/access_token",
                Map.of("refresh_token", OA_REFRESH, "app_id", APP_ID, "grant_type", "authorization_code"),
                "secret_key", APP_SECRET).error());
        assertTrue(control.oaTokens().refreshTokenUsable(), "refused calls do not spend the token");
    }
}
