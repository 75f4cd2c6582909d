package vn.smartprovince.shared.zalo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.json.Json;

/** What the client sends (paths, headers, query, bodies) and how it reads Zalo's answers. */
class ZaloClientTest {
    private static final String SECRET = "app-secret-0123456789";
    private static final String USER_TOKEN = "user-access-token-ABCDEF";
    /** HMAC-SHA256(key=SECRET, data=USER_TOKEN), computed outside Java (Python's hmac module). */
    private static final String PROOF = "cf8e472182526c2c29f4702f485e3cfc3ba5f77492e355ed2b3211e218f928f7";

    private FakeZalo zalo;
    private ZaloClient client;
    private LogCapture quiet;

    @BeforeEach
    void start() throws Exception {
        quiet = new LogCapture();
        zalo = new FakeZalo();
        client = zalo.client(SECRET);
    }

    @AfterEach
    void stop() {
        zalo.close();
        quiet.close();
    }

    @Test
    void appSecretProofMatchesPublishedAndIndependentVectors() {
        // RFC 4231, test case 2.
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                ZaloClient.appSecretProof("Jefe", "what do ya want for nothing?"));
        assertEquals(PROOF, ZaloClient.appSecretProof(SECRET, USER_TOKEN));
        // UTF-8 key and data, lowercase hex.
        assertEquals("115be20d12479ef50d048f47edd76aab14cbc5f3dee934e623ab0fd6d53b66be",
                ZaloClient.appSecretProof("khóa-bí-mật", "token-é"));
    }

    @Test
    void userSendsTokenAndProofInHeadersAndReadsProfile() {
        zalo.answerJson("{\"id\":\"5827184923\",\"name\":\"Nguyễn Thị Hoa\","
                + "\"picture\":{\"data\":{\"url\":\"https://s120-ava-talk.zadn.vn/a/b.jpg\"}}}");

        ZaloUser user = client.user(USER_TOKEN);

        assertEquals(new ZaloUser("5827184923", "Nguyễn Thị Hoa", "https://s120-ava-talk.zadn.vn/a/b.jpg"), user);
        FakeZalo.Seen seen = zalo.last();
        assertEquals("GET", seen.method());
        assertEquals("/v2.0/me", seen.path());
        assertEquals("fields=id,name,picture", seen.query());
        assertEquals(USER_TOKEN, seen.header("access_token"));
        assertEquals(PROOF, seen.header("appsecret_proof"));
        assertNull(seen.header("secret_key"), "the app secret itself is not sent to /v2.0/me");
        assertEquals("", seen.body());
    }

    @Test
    void userWithoutPictureAndWithNumericIdAndExplicitZeroError() {
        zalo.answerJson("{\"error\":0,\"id\":5827184923,\"name\":\"A\"}");
        assertEquals(new ZaloUser("5827184923", "A", null), client.user(USER_TOKEN));
    }

    @Test
    void phoneNumberDecodeSendsTokenCodeAndSecretKeyHeaders() {
        zalo.answerJson("{\"data\":{\"number\":\"84912345678\"},\"error\":0,\"message\":\"Success\"}");

        assertEquals("84912345678", client.phoneNumber(USER_TOKEN, "phone-token-123"));

        FakeZalo.Seen seen = zalo.last();
        assertEquals("GET", seen.method());
        assertEquals("/v2.0/me/info", seen.path());
        assertNull(seen.query());
        assertEquals(USER_TOKEN, seen.header("access_token"));
        assertEquals("phone-token-123", seen.header("code"));
        assertEquals(SECRET, seen.header("secret_key"));
    }

    @Test
    void phoneNumberInLocalNotationIsNormalised() {
        zalo.answerJson("{\"data\":{\"number\":\"0912345678\"},\"error\":0}");
        assertEquals("84912345678", client.phoneNumber(USER_TOKEN, "phone-token-123"));
    }

    @Test
    void locationDecodeReadsStringOrNumberCoordinates() {
        zalo.answerJson("{\"data\":{\"provider\":\"gps\",\"latitude\":\"11.3101\",\"longitude\":106.0983,"
                + "\"timestamp\":\"1700000000000\"},\"error\":0,\"message\":\"Success\"}");

        ZaloLocation location = client.location(USER_TOKEN, "location-token-9");

        assertEquals(new ZaloLocation(11.3101, 106.0983, "gps", Instant.ofEpochMilli(1_700_000_000_000L)), location);
        assertEquals("location-token-9", zalo.last().header("code"));
        assertEquals("/v2.0/me/info", zalo.last().path());
    }

    @Test
    void znsSendPostsTheDocumentedJsonBody() {
        zalo.answerJson("{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"a1b2c3\","
                + "\"sent_time\":\"1626926241040\",\"sending_mode\":\"1\","
                + "\"quota\":{\"dailyQuota\":\"20000\",\"remainingQuota\":\"19999\"}}}");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("ma_ho_so", "000.00.12.H56-250101-0001");
        data.put("ten_cong_dan", "Trần Văn Bình");

        ZnsSent sent = client.sendZns("oa-access-token", new ZnsMessage("84912345678", "7895417", data,
                "job-42", true));

        assertEquals(new ZnsSent("a1b2c3", Instant.ofEpochMilli(1626926241040L), "1",
                new ZnsSent.Quota(20000L, 19999L)), sent);
        FakeZalo.Seen seen = zalo.last();
        assertEquals("POST", seen.method());
        assertEquals("/message/template", seen.path());
        assertEquals("oa-access-token", seen.header("access_token"));
        assertTrue(seen.header("Content-Type").startsWith("application/json"));
        JsonNode body = Json.read(seen.body());
        assertEquals("84912345678", body.path("phone").asText());
        assertEquals("7895417", body.path("template_id").asText());
        assertEquals("000.00.12.H56-250101-0001", body.path("template_data").path("ma_ho_so").asText());
        assertEquals("Trần Văn Bình", body.path("template_data").path("ten_cong_dan").asText());
        assertEquals("job-42", body.path("tracking_id").asText());
        assertEquals("development", body.path("mode").asText());
        assertEquals(List.of("phone", "template_id", "template_data", "tracking_id", "mode"), fieldNames(body));
    }

    @Test
    void znsSendWithoutTrackingIdOrModeLeavesThemOut() {
        zalo.answerJson("{\"error\":0,\"data\":{\"msg_id\":\"m1\"}}");

        ZnsSent sent = client.sendZns("oa-access-token", new ZnsMessage("84912345678", "7895417", Map.of(),
                null, false));

        assertEquals(new ZnsSent("m1", null, null, null), sent);
        JsonNode body = Json.read(zalo.last().body());
        assertFalse(body.has("tracking_id"));
        assertFalse(body.has("mode"));
        assertTrue(body.path("template_data").isObject());
    }

    @Test
    void zbsSendByUserIdPostsRecipientTemplateAndTrackingToTheOaApi() {
        zalo.answerJson("{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"u1\","
                + "\"sent_time\":\"1626926241040\",\"quota\":{\"dailyQuota\":\"20000\",\"remainingQuota\":\"19998\"}}}");
        ZnsSent sent = client.sendZbsByUserId("oa-access-token", new ZbsUidMessage("4400000000000000077", "7895417",
                Map.of("ma_ho_so", "H56-0001"), "job-43"));
        assertEquals(new ZnsSent("u1", Instant.ofEpochMilli(1626926241040L), null, new ZnsSent.Quota(20000L, 19998L)),
                sent);
        FakeZalo.Seen seen = zalo.last();
        assertEquals("POST", seen.method());
        assertEquals("/v3.0/oa/message/template", seen.path());
        assertEquals("oa-access-token", seen.header("access_token"));
        JsonNode body = Json.read(seen.body());
        assertEquals(List.of("recipient", "template_id", "template_data", "tracking_id"), fieldNames(body));
        assertEquals("4400000000000000077", body.at("/recipient/user_id").asText());
        assertEquals("7895417", body.path("template_id").asText());
        assertEquals("H56-0001", body.at("/template_data/ma_ho_so").asText());
        assertEquals("job-43", body.path("tracking_id").asText());
    }

    @Test
    void zbsSendByUserIdReadsTheOaApisMessageIdAndItsHostAndPathAreConfigurable() throws Exception {
        zalo.answerJson("{\"error\":0,\"data\":{\"message_id\":\"oa-9\"}}");
        ZaloClient moved = zalo.client(SECRET, Map.of("ZALO_ZBS_BASE_URL", zalo.baseUrl() + "/zbs",
                "ZALO_ZBS_UID_PATH", "/message/template/uid"));
        assertEquals("oa-9", moved.sendZbsByUserId("t", new ZbsUidMessage("44", "1", Map.of(), null)).msgId());
        assertEquals("/zbs/message/template/uid", zalo.last().path());
        assertFalse(Json.read(zalo.last().body()).has("tracking_id"));
    }

    @Test
    void znsTemplateInfoQueriesByTemplateIdAndReadsStatusAndParams() {
        zalo.answerJson("{\"error\":0,\"message\":\"Success\",\"data\":{\"templateId\":\"7895417\","
                + "\"templateName\":\"Thông báo hồ sơ\",\"status\":\"ENABLE\",\"templateTag\":\"TRANSACTION\","
                + "\"listParams\":[{\"name\":\"ma_ho_so\",\"require\":true,\"type\":\"STRING\",\"maxLength\":30},"
                + "{\"name\":\"ngay_hen\",\"require\":false,\"type\":\"DATE\"}]}}");

        ZnsTemplate template = client.znsTemplate("oa-access-token", "7895417");

        assertTrue(template.enabled());
        assertEquals(new ZnsTemplate("7895417", "Thông báo hồ sơ", "ENABLE", "TRANSACTION", List.of(
                new ZnsTemplate.Param("ma_ho_so", true, "STRING", 30),
                new ZnsTemplate.Param("ngay_hen", false, "DATE", null))), template);
        FakeZalo.Seen seen = zalo.last();
        assertEquals("GET", seen.method());
        assertEquals("/template/info/v2", seen.path());
        assertEquals("template_id=7895417", seen.query());
        assertEquals("oa-access-token", seen.header("access_token"));
    }

    @Test
    void znsTemplateIdIsUrlEncoded() {
        zalo.answerJson("{\"error\":0,\"data\":{\"status\":\"PENDING_REVIEW\"}}");
        ZnsTemplate template = client.znsTemplate("oa-access-token", "a b&c");
        assertFalse(template.enabled());
        assertEquals("a b&c", template.templateId());
        assertEquals("a b&c", URLDecoder.decode(zalo.last().query().substring("template_id=".length()),
                StandardCharsets.UTF_8));
    }

    @Test
    void oaCsMessageBody() {
        zalo.answerJson("{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"mid-1\","
                + "\"user_id\":\"2468\"}}");

        OaSent sent = client.sendOaText("oa-access-token", "2468", "Phản ánh của bạn đã được xử lý.");

        assertEquals(new OaSent("mid-1", "2468"), sent);
        FakeZalo.Seen seen = zalo.last();
        assertEquals("POST", seen.method());
        assertEquals("/v3.0/oa/message/cs", seen.path());
        assertEquals("oa-access-token", seen.header("access_token"));
        JsonNode body = Json.read(seen.body());
        assertEquals("2468", body.path("recipient").path("user_id").asText());
        assertEquals("Phản ánh của bạn đã được xử lý.", body.path("message").path("text").asText());
    }

    @Test
    void oaTransactionMessageBodyIsPassedThrough() {
        zalo.answerJson("{\"error\":0,\"data\":{\"message_id\":\"mid-2\"}}");
        JsonNode message = Json.read("{\"attachment\":{\"type\":\"template\",\"payload\":{"
                + "\"template_type\":\"transaction_order\",\"language\":\"VI\",\"elements\":[{\"type\":\"header\","
                + "\"content\":\"Hồ sơ đã xử lý xong\"}],\"buttons\":[{\"title\":\"Xem\",\"type\":\"oa.open.url\","
                + "\"payload\":{\"url\":\"https://example.vn\"}}]}}}");

        OaSent sent = client.sendOaMessage("oa-access-token", OaMessageType.TRANSACTION, "2468", message);

        assertEquals(new OaSent("mid-2", null), sent);
        assertEquals("/v3.0/oa/message/transaction", zalo.last().path());
        JsonNode body = Json.read(zalo.last().body());
        assertEquals(message, body.path("message"));
        assertEquals("2468", body.path("recipient").path("user_id").asText());
    }

    @Test
    void oaTokenRefreshPostsFormWithSecretKeyHeaderAndReadsExpiresInString() {
        zalo.answerJson("{\"access_token\":\"new-access\",\"refresh_token\":\"new-refresh\",\"expires_in\":\"90000\"}");

        OaTokens tokens = client.refreshOaToken("old-refresh+/=");

        assertEquals("new-access", tokens.accessToken());
        assertEquals("new-refresh", tokens.refreshToken());
        assertEquals(Duration.ofHours(25), tokens.expiresIn());
        FakeZalo.Seen seen = zalo.last();
        assertEquals("POST", seen.method());
        assertEquals("/v4/oa/access_token", seen.path());
        assertEquals(SECRET, seen.header("secret_key"));
        assertNull(seen.header("access_token"));
        assertEquals("application/x-www-form-urlencoded", seen.header("Content-Type"));
        Map<String, String> form = form(seen.body());
        assertEquals(Map.of("refresh_token", "old-refresh+/=", "app_id", FakeZalo.APP_ID,
                "grant_type", "refresh_token"), form);
    }

    @Test
    void oaTokenRefreshAlsoAcceptsNumericExpiresIn() {
        zalo.answerJson("{\"access_token\":\"a\",\"refresh_token\":\"r\",\"expires_in\":3600}");
        assertEquals(Duration.ofHours(1), client.refreshOaToken("old-refresh").expiresIn());
    }

    @Test
    void basePathPrefixIsKept() throws Exception {
        zalo.answerJson("{\"id\":\"1\",\"name\":\"A\"}");
        ZaloClient prefixed = zalo.client(SECRET, Map.of("ZALO_GRAPH_BASE_URL", zalo.baseUrl() + "/graph/"));
        prefixed.user(USER_TOKEN);
        assertEquals("/graph/v2.0/me", zalo.last().path());
    }

    @Test
    void appSecretIsAskedForOnEveryCallSoRotationIsPickedUp() {
        zalo.answerJson("{\"id\":\"1\",\"name\":\"A\"}");
        String[] secret = {"first-secret"};
        ZaloClient rotating = new ZaloClient(ZaloConfig.from(zalo.env(Map.of())), () -> secret[0]);
        rotating.user(USER_TOKEN);
        assertEquals(ZaloClient.appSecretProof("first-secret", USER_TOKEN), zalo.last().header("appsecret_proof"));
        secret[0] = "second-secret";
        rotating.user(USER_TOKEN);
        assertEquals(ZaloClient.appSecretProof("second-secret", USER_TOKEN), zalo.last().header("appsecret_proof"));
    }

    @Test
    void eachCallLogsOneLineWithEndpointStatusZaloErrorAndLatencyOnly() {
        zalo.answerJson("{\"id\":\"1\",\"name\":\"A\"}");
        try (LogCapture log = new LogCapture()) {
            client.user(USER_TOKEN);
            List<JsonNode> lines = log.lines();
            assertEquals(1, lines.size());
            JsonNode line = lines.get(0);
            assertEquals(List.of("time", "level", "message", "endpoint", "status", "zaloError", "latencyMs"),
                    fieldNames(line));
            assertEquals("graph.me", line.path("endpoint").asText());
            assertEquals(200, line.path("status").asInt());
            assertEquals(0, line.path("zaloError").asInt());
            assertTrue(line.path("latencyMs").isIntegralNumber());
            assertEquals("INFO", line.path("level").asText());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return form;
    }
}
