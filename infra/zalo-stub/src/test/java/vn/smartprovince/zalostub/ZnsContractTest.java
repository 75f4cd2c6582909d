package vn.smartprovince.zalostub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.zalostub.StubFixture.OA_ACCESS;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.zalostub.ZaloStubClient.InboxMessage;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;

/** business.openapi.zalo.me: POST /message/template and GET /template/info/v2. */
class ZnsContractTest extends StubTestBase {
    /** 2026-11-28 09:30 in Vietnam (UTC+7). */
    static final Instant MORNING = Instant.parse("2026-11-28T02:30:00Z");

    @BeforeEach
    void citizen() {
        control.setClock(MORNING);
        control.installOaTokens(OA_ACCESS, StubFixture.OA_REFRESH); // issued at MORNING
        control.createUser(NewUser.named("Nguyễn Văn An").phone("84901234567"));
    }

    static String body(String phone, String templateId, String data) {
        return "{\"phone\":\"" + phone + "\",\"template_id\":\"" + templateId + "\",\"template_data\":" + data
                + ",\"tracking_id\":\"report-42-received\"}";
    }

    static final String RECEIVED_DATA = "{\"report_code\":\"PA-2026-000042\",\"category_name\":\"Đèn đường\","
            + "\"deadline\":\"02/12/2026\"}";

    static Raw.Answer send(String json) {
        return Raw.postJson(base, "/message/template", json, "access_token", OA_ACCESS);
    }

    @Test
    void sendAnswersMsgIdSentTimeSendingModeAndQuota() {
        Raw.Answer answer = send(body("84901234567", "900001", RECEIVED_DATA));
        assertEquals(200, answer.status());
        JsonNode json = answer.json();
        assertEquals(Set.of("data", "error", "message"), Raw.fields(json));
        assertEquals(0, json.get("error").asInt());
        assertEquals("Success", json.get("message").asText());
        JsonNode data = json.get("data");
        assertEquals(Set.of("msg_id", "sent_time", "sending_mode", "quota"), Raw.fields(data));
        assertTrue(data.get("msg_id").asText().matches("[0-9a-f]{20}"));
        assertEquals(Long.toString(MORNING.toEpochMilli()), data.get("sent_time").asText());
        assertTrue(data.get("sent_time").isTextual(), "sent_time is a string of milliseconds");
        assertEquals("1", data.get("sending_mode").asText());
        assertEquals(Set.of("dailyQuota", "remainingQuota"), Raw.fields(data.get("quota")));
        assertEquals("20000", data.at("/quota/dailyQuota").asText());
        assertEquals("19999", data.at("/quota/remainingQuota").asText());
        assertTrue(data.at("/quota/remainingQuota").isTextual());

        List<InboxMessage> inbox = control.inboxForPhone("84901234567");
        assertEquals(1, inbox.size());
        InboxMessage message = inbox.get(0);
        assertEquals("zns", message.channel());
        assertEquals(data.get("msg_id").asText(), message.id());
        assertEquals("900001", message.templateId());
        assertEquals("report-42-received", message.trackingId());
        assertEquals(Map.of("report_code", "PA-2026-000042", "category_name", "Đèn đường", "deadline", "02/12/2026"),
                message.templateData());
        assertEquals(MORNING, message.sentAt());

        assertEquals("19998", send(body("84901234567", "900001", RECEIVED_DATA)).json()
                .at("/data/quota/remainingQuota").asText());
    }

    @Test
    void phoneIsAcceptedAs0xxxAndStoredAs84xxx() {
        assertEquals(0, send(body("0901234567", "900001", RECEIVED_DATA)).error());
        assertEquals(1, control.inboxForPhone("84901234567").size());
    }

    @Test
    void invalidOrMissingOaTokenIsMinus124() {
        assertEquals(-124, Raw.postJson(base, "/message/template", body("84901234567", "900001", RECEIVED_DATA))
                .error());
        assertEquals(-124, Raw.postJson(base, "/message/template", body("84901234567", "900001", RECEIVED_DATA),
                "access_token", "nope").error());
        control.advanceClock(StubConfig.OA_ACCESS_TOKEN_TTL.plusSeconds(1));
        assertEquals(-124, send(body("84901234567", "900001", RECEIVED_DATA)).error(), "OA access tokens expire");
    }

    @Test
    void documentedErrors() {
        assertEquals(-108, send(body("12345", "900001", RECEIVED_DATA)).error());
        assertEquals(-108, send("{\"template_id\":\"900001\",\"template_data\":" + RECEIVED_DATA + "}").error());
        assertEquals(-109, send(body("84901234567", "123", RECEIVED_DATA)).error());
        assertEquals(-111, send(body("84901234567", "900001", "{}")).error());
        assertEquals(-111, send("{\"phone\":\"84901234567\",\"template_id\":\"900001\"}").error());
        assertEquals(-112, send(body("84901234567", "900001", "{\"report_code\":\"PA-1\"}")).error());
        assertEquals(-118, send(body("84999999999", "900001", RECEIVED_DATA)).error());
        assertEquals(-122, send("not json").error());
        assertEquals(-131, send(body("84901234567", "900005", "{\"x\":\"1\"}")).error());
        assertTrue(control.inbox().isEmpty());
    }

    @Test
    void templateIdMayBeANumber() {
        assertEquals(0, send("{\"phone\":\"84901234567\",\"template_id\":900001,\"template_data\":" + RECEIVED_DATA
                + "}").error());
    }

    @Test
    void developmentModeSendsOnlyToAdministrators() {
        String dev = "{\"phone\":\"84901234567\",\"template_id\":\"900001\",\"template_data\":" + RECEIVED_DATA
                + ",\"mode\":\"development\"}";
        assertEquals(-127, send(dev).error());
        control.createUser(NewUser.named("Quản trị").phone("84900000900").oaAdmin(true));
        assertEquals(0, send(dev.replace("84901234567", "84900000900")).error());
        assertEquals("development", control.inboxForPhone("84900000900").get(0).mode());
    }

    @Test
    void userWhoDoesNotReceiveZnsIsMinus114() {
        control.createUser(NewUser.named("Không nhận").phone("84911111111").znsReceivable(false));
        assertEquals(-114, send(body("84911111111", "900001", RECEIVED_DATA)).error());
    }

    @Test
    void tags2And3OnlyBetween7And22VietnamTime() {
        String care = body("84901234567", "900003", "{\"report_code\":\"PA-1\"}");
        String promo = body("84901234567", "900004", "{\"title\":\"Tin mới\"}");
        assertEquals(0, send(care).error());
        control.setClock(Instant.parse("2026-11-28T15:00:00Z")); // 22:00 Vietnam: closed
        assertEquals(-133, send(care).error());
        assertEquals(-133, send(promo).error());
        assertEquals(0, send(body("84901234567", "900001", RECEIVED_DATA)).error(), "tag 1 at any hour");
        control.setClock(Instant.parse("2026-11-28T23:59:00Z")); // 06:59
        assertEquals(-133, send(care).error());
        control.setClock(Instant.parse("2026-11-29T00:00:00Z")); // 07:00
        assertEquals(0, send(promo).error());
    }

    @Test
    void dailyQuotaIsPerVietnamDay() {
        control.znsQuota(2, 0);
        assertEquals(0, send(body("84901234567", "900001", RECEIVED_DATA)).error());
        Raw.Answer last = send(body("84901234567", "900001", RECEIVED_DATA));
        assertEquals("0", last.json().at("/data/quota/remainingQuota").asText());
        assertEquals(-144, send(body("84901234567", "900001", RECEIVED_DATA)).error());
        control.advanceClock(Duration.ofDays(1));
        assertEquals(0, send(body("84901234567", "900001", RECEIVED_DATA)).error());
    }

    @Test
    void getOnTheSendPathIsMethodUnsupported() {
        Raw.Answer answer = Raw.get(base, "/message/template", "access_token", OA_ACCESS);
        assertEquals(200, answer.status());
        assertEquals(-106, answer.error());
    }

    @Test
    void templateInfoAnswersTheTemplate() {
        Raw.Answer answer = Raw.get(base, "/template/info/v2?template_id=900001", "access_token", OA_ACCESS);
        JsonNode json = answer.json();
        assertEquals(0, json.get("error").asInt());
        assertEquals("Success", json.get("message").asText());
        JsonNode data = json.get("data");
        assertEquals(900001, data.get("templateId").asLong());
        assertTrue(data.get("templateId").isNumber());
        assertEquals("Đã nhận phản ánh", data.get("templateName").asText());
        assertEquals("ENABLE", data.get("status").asText());
        assertEquals("TRANSACTION", data.get("templateTag").asText());
        assertEquals(3, data.get("listParams").size());
        JsonNode param = data.get("listParams").get(0);
        assertEquals(Set.of("name", "require", "type", "maxLength", "minLength", "acceptNull"), Raw.fields(param));
        assertEquals("report_code", param.get("name").asText());
        assertTrue(param.get("require").asBoolean());
        assertTrue(Raw.fields(data).containsAll(Set.of("listButtons", "timeout", "previewUrl", "templateQuality",
                "price")));

        assertEquals("PENDING_REVIEW", Raw.get(base, "/template/info/v2?template_id=900005", "access_token", OA_ACCESS)
                .json().at("/data/status").asText());
        assertEquals("CUSTOMER_CARE", Raw.get(base, "/template/info/v2?template_id=900003", "access_token", OA_ACCESS)
                .json().at("/data/templateTag").asText());
    }

    @Test
    void templateInfoErrors() {
        assertEquals(-109, Raw.get(base, "/template/info/v2?template_id=1", "access_token", OA_ACCESS).error());
        assertEquals(-109, Raw.get(base, "/template/info/v2", "access_token", OA_ACCESS).error());
        assertEquals(-124, Raw.get(base, "/template/info/v2?template_id=900001", "access_token", "x").error());
    }

    @Test
    void templatesCanBeAddedThroughTheControlApi() {
        control.template(ZnsTemplate.enabled("777", "Lịch hẹn", 1, List.of("time")));
        assertEquals(0, send(body("84901234567", "777", "{\"time\":\"09:00\"}")).error());
    }
}
