package vn.smartprovince.zalostub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.zalostub.StubFixture.OA_ACCESS;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.zalostub.ZaloStubClient.InboxMessage;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;
import vn.smartprovince.zalostub.ZaloStubClient.StubUser;

/** openapi.zalo.me: POST /v3.0/oa/message/cs and /v3.0/oa/message/transaction. */
class OaMessageContractTest extends StubTestBase {
    static final Instant NOW = Instant.parse("2026-11-28T02:30:00Z");

    @BeforeEach
    void clean() {
        control.setClock(NOW);
        control.installOaTokens(OA_ACCESS, StubFixture.OA_REFRESH);
    }

    static String text(String followerId) {
        return "{\"recipient\":{\"user_id\":\"" + followerId + "\"},\"message\":{\"text\":\"Phản ánh đã được xử lý\"}}";
    }

    static String transaction(String followerId) {
        return "{\"recipient\":{\"user_id\":\"" + followerId + "\"},\"message\":{\"attachment\":{\"type\":\"template\","
                + "\"payload\":{\"template_type\":\"transaction_order\",\"language\":\"VI\",\"elements\":[{\"type\":"
                + "\"header\",\"content\":\"Phản ánh PA-1\",\"align\":\"left\"}],\"buttons\":[{\"title\":\"Xem\","
                + "\"type\":\"oa.open.url\",\"payload\":{\"url\":\"https://zalo.me/s/1/\"}}]}}}}";
    }

    static Raw.Answer post(String path, String json) {
        return Raw.postJson(base, path, json, "access_token", OA_ACCESS);
    }

    @Test
    void csMessageToARecentFollowerAnswersMessageId() {
        StubUser an = control.createUser(NewUser.named("An").followerId("4400000000000000001")
                .following(NOW.minus(Duration.ofHours(3))));
        Raw.Answer answer = post("/v3.0/oa/message/cs", text(an.followerId()));
        JsonNode json = answer.json();
        assertEquals(Set.of("data", "error", "message"), Raw.fields(json));
        assertEquals(0, json.get("error").asInt());
        assertEquals("Success", json.get("message").asText());
        assertEquals(Set.of("message_id", "user_id"), Raw.fields(json.get("data")));
        assertEquals("4400000000000000001", json.at("/data/user_id").asText());

        List<InboxMessage> inbox = control.inboxForFollower(an.followerId());
        assertEquals(1, inbox.size());
        assertEquals("oa", inbox.get(0).channel());
        assertEquals("cs", inbox.get(0).messageType());
        assertEquals(json.at("/data/message_id").asText(), inbox.get(0).id());
        assertEquals("Phản ánh đã được xử lý", inbox.get(0).message().get("text").asText());
    }

    @Test
    void csOutsideTheSevenDayWindowIsMinus230ButTransactionGoesThrough() {
        StubUser an = control.createUser(NewUser.named("An").following(NOW.minus(Duration.ofDays(8))));
        assertEquals(ZaloErrors.OA_OUTSIDE_INTERACTION_WINDOW, post("/v3.0/oa/message/cs", text(an.followerId()))
                .error());
        StubUser never = control.createUser(NewUser.named("Bình").following(null));
        assertEquals(-230, post("/v3.0/oa/message/cs", text(never.followerId())).error());

        Raw.Answer tx = post("/v3.0/oa/message/transaction", transaction(an.followerId()));
        assertEquals(0, tx.error());
        assertEquals("transaction", control.inboxForFollower(an.followerId()).get(0).messageType());
    }

    @Test
    void notAFollowerIsMinus213() {
        StubUser an = control.createUser(NewUser.named("An").notFollowing());
        assertEquals(-213, post("/v3.0/oa/message/cs", text(an.followerId())).error());
        assertEquals(-213, post("/v3.0/oa/message/transaction", transaction(an.followerId())).error());
        assertEquals(-213, post("/v3.0/oa/message/cs", text("123")).error());
        assertTrue(control.inbox().isEmpty());
    }

    @Test
    void invalidTokenIsMinus216() {
        StubUser an = control.createUser(NewUser.named("An").following(NOW));
        assertEquals(-216, Raw.postJson(base, "/v3.0/oa/message/cs", text(an.followerId())).error());
        assertEquals(-216, Raw.postJson(base, "/v3.0/oa/message/transaction", transaction(an.followerId()),
                "access_token", "old").error());
    }

    @Test
    void malformedMessagesAreMinus201() {
        StubUser an = control.createUser(NewUser.named("An").following(NOW));
        assertEquals(-201, post("/v3.0/oa/message/cs", "{\"message\":{\"text\":\"x\"}}").error());
        assertEquals(-201, post("/v3.0/oa/message/cs", "{\"recipient\":{\"user_id\":\"" + an.followerId() + "\"}}")
                .error());
        assertEquals(-201, post("/v3.0/oa/message/transaction", text(an.followerId())).error(),
                "a transaction message is a transaction_* template");
        assertEquals(-201, post("/v3.0/oa/message/cs", "[").error());
    }
}
