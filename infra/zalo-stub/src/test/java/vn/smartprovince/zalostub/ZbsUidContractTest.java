package vn.smartprovince.zalostub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.zalostub.StubFixture.OA_ACCESS;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.zalostub.ZaloStubClient.InboxMessage;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;

/** openapi.zalo.me: POST /v3.0/oa/message/template, a ZBS Template Message by OA-scoped user id. */
class ZbsUidContractTest extends StubTestBase {
    /** 2026-11-28 09:30 in Vietnam (UTC+7). */
    static final Instant MORNING = Instant.parse("2026-11-28T02:30:00Z");
    static final String FOLLOWER = "4400000000000000077";
    static final String RECEIVED_DATA = ZnsContractTest.RECEIVED_DATA;

    @BeforeEach
    void citizenWithoutPhone() {
        control.setClock(MORNING);
        control.installOaTokens(OA_ACCESS, StubFixture.OA_REFRESH);
        control.createUser(NewUser.named("Trần Thị Bình").followerId(FOLLOWER).notFollowing());
    }

    static String body(String userId, String templateId, String data) {
        return "{\"recipient\":{\"user_id\":\"" + userId + "\"},\"template_id\":\"" + templateId
                + "\",\"template_data\":" + data + ",\"tracking_id\":\"report-42-received\"}";
    }

    static Raw.Answer send(String json) {
        return Raw.postJson(base, "/v3.0/oa/message/template", json, "access_token", OA_ACCESS);
    }

    @Test
    void sendByUserIdAnswersMsgIdAndQuotaAndTheInboxSaysByUserId() {
        Raw.Answer answer = send(body(FOLLOWER, "900001", RECEIVED_DATA));
        assertEquals(200, answer.status());
        JsonNode json = answer.json();
        assertEquals(Set.of("data", "error", "message"), Raw.fields(json));
        assertEquals(0, json.get("error").asInt());
        JsonNode data = json.get("data");
        assertEquals(Set.of("msg_id", "sent_time", "quota"), Raw.fields(data));
        assertTrue(data.get("msg_id").asText().matches("[0-9a-f]{20}"));
        assertEquals("19999", data.at("/quota/remainingQuota").asText());

        List<InboxMessage> inbox = control.inboxByUserId(FOLLOWER);
        assertEquals(1, inbox.size());
        InboxMessage message = inbox.get(0);
        assertEquals("zbs_uid", message.channel());
        assertEquals(FOLLOWER, message.followerId());
        assertNull(message.phone(), "the citizen never shared a phone");
        assertEquals(data.get("msg_id").asText(), message.id());
        assertEquals("900001", message.templateId());
        assertEquals("report-42-received", message.trackingId());
        assertEquals(Map.of("report_code", "PA-2026-000042", "category_name", "Đèn đường", "deadline", "02/12/2026"),
                message.templateData());
        assertTrue(control.inboxForPhone("84901234567").isEmpty());
    }

    @Test
    void sameTokenChecksAsZns() {
        assertEquals(-124, Raw.postJson(base, "/v3.0/oa/message/template", body(FOLLOWER, "900001", RECEIVED_DATA))
                .error());
        assertEquals(-124, Raw.postJson(base, "/v3.0/oa/message/template", body(FOLLOWER, "900001", RECEIVED_DATA),
                "access_token", "nope").error());
        control.advanceClock(StubConfig.OA_ACCESS_TOKEN_TTL.plusSeconds(1));
        assertEquals(-124, send(body(FOLLOWER, "900001", RECEIVED_DATA)).error(), "OA access tokens expire");
    }

    @Test
    void validationAndErrorCodes() {
        assertEquals(-201, send("{\"template_id\":\"900001\",\"template_data\":" + RECEIVED_DATA + "}").error());
        assertEquals(-109, send(body(FOLLOWER, "123", RECEIVED_DATA)).error());
        assertEquals(-111, send(body(FOLLOWER, "900001", "{}")).error());
        assertEquals(-112, send(body(FOLLOWER, "900001", "{\"report_code\":\"PA-1\"}")).error());
        assertEquals(-118, send(body("4400000000000000999", "900001", RECEIVED_DATA)).error(), "unknown user id");
        assertEquals(-122, send("not json").error());
        assertEquals(-131, send(body(FOLLOWER, "900005", "{\"x\":\"1\"}")).error());
        control.template(StubFixture.RECEIVED.withByUserId(false));
        assertEquals(-135, send(body(FOLLOWER, "900001", RECEIVED_DATA)).error(), "phone-only template");
        control.createUser(NewUser.named("Không nhận").followerId("4400000000000000078").znsReceivable(false));
        control.template(StubFixture.RECEIVED);
        assertEquals(-114, send(body("4400000000000000078", "900001", RECEIVED_DATA)).error());
        assertTrue(control.inbox().isEmpty());
    }

    @Test
    void sendingHoursAndTheDailyQuotaAreTheZnsOnes() {
        String care = body(FOLLOWER, "900003", "{\"report_code\":\"PA-1\"}");
        assertEquals(0, send(care).error());
        control.setClock(Instant.parse("2026-11-28T15:00:00Z")); // 22:00 Vietnam: closed
        assertEquals(-133, send(care).error());
        assertEquals(0, send(body(FOLLOWER, "900001", RECEIVED_DATA)).error(), "tag 1 at any hour");
        control.znsQuota(3, 2);
        assertEquals(0, send(body(FOLLOWER, "900001", RECEIVED_DATA)).error());
        assertEquals(-144, send(body(FOLLOWER, "900001", RECEIVED_DATA)).error(), "one quota for both paths");
        control.createUser(NewUser.named("An").phone("84901234567"));
        assertEquals(-144, ZnsContractTest.send(ZnsContractTest.body("84901234567", "900001", RECEIVED_DATA)).error());
    }
}
