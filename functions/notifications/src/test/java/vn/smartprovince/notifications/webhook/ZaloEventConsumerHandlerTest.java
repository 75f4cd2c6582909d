package vn.smartprovince.notifications.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;

/**
 * {@code ZaloEventConsumerFunction} with the template's environment against the emulator's main
 * table, driven by {@code events/zalo-events-sqs.json}: a follow, a delivery receipt (twice), a
 * citizen's text, an event of the OA's own and a body that is not JSON.
 */
class ZaloEventConsumerHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final String CITIZEN = "9000000000000000001";
    static final String FOLLOWER = "4400000000000000001";
    static final String MSG = "a7bde20a5f4f82b2c6d1";
    static final String DELIVERY_PK = "NOTIFICATION#REPORT#01JD#v4#ANSWERED#" + CITIZEN;

    String table;

    @BeforeEach
    void cleanTable() {
        table = aws.tableName("MainTable");
        for (var item : aws.dynamoDb().scan(b -> b.tableName(table)).items()) {
            aws.dynamoDb().deleteItem(b -> b.tableName(table).key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    void putDelivery(String pk, String msgId, String state) {
        aws.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", s(pk), "sk", s("DELIVERY"), "state", s(state),
                "zaloMsgId", s(msgId), "gsi2pk", s("ZALOMSG#" + msgId), "gsi2sk", s("DELIVERY"))));
    }

    Map<String, AttributeValue> item(String pk, String sk) {
        var response = aws.dynamoDb().getItem(b -> b.tableName(table).key(Map.of("pk", s(pk), "sk", s(sk))).consistentRead(true));
        return response.hasItem() ? response.item() : Map.of();
    }

    JsonNode invoke(byte[] event) throws Exception {
        return invoke(new ZaloEventConsumerHandler(aws.env("ZaloEventConsumerFunction")), event);
    }

    static JsonNode invoke(ZaloEventConsumerHandler handler, byte[] event) {
        return Handlers.invoke(handler, event);
    }

    static byte[] records(String... bodies) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < bodies.length; i++) {
            records.addObject().put("messageId", "m" + i).put("body", bodies[i]);
        }
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSampleBatchIsAppliedOnceAndNothingIsRetried() throws Exception {
        putDelivery(DELIVERY_PK, MSG, "SENT");
        JsonNode answer = invoke(Events.bytes("zalo-events-sqs.json"));
        assertEquals("{\"batchItemFailures\":[]}", Json.write(answer));

        Map<String, AttributeValue> delivery = item(DELIVERY_PK, "DELIVERY");
        assertEquals("DELIVERED", delivery.get("state").s());
        assertEquals(java.time.Instant.parse("2026-11-28T09:30:00Z"), java.time.Instant.parse(delivery.get("deliveredAt").s()));

        Map<String, AttributeValue> follower = item("USER#" + CITIZEN, "OA_FOLLOWER");
        assertEquals(FOLLOWER, follower.get("followerId").s());
        assertTrue(follower.get("followed").bool());
        assertEquals("2026-11-28T09:30:00.000Z", follower.get("followedSince").s());
        assertEquals("oa_profile", follower.get("followSource").s());
        assertEquals("2026-11-28T09:30:00.000Z", follower.get("lastInteractionAt").s());
        assertEquals("ZALOFOLLOWER#" + FOLLOWER, follower.get("gsi1pk").s());
        assertFalse(follower.containsKey("version"), "not a profile: identity's versioned writes never meet it");

        Map<String, AttributeValue> message = item("OAMSG#5b9e1c0f7a3d4e21", "MESSAGE");
        assertEquals("Đèn đường trước số 12 Trần Hưng Đạo bị hỏng", message.get("text").s());
        assertEquals("TEXT", message.get("kind").s());
        assertEquals(CITIZEN, message.get("zaloId").s());
        assertEquals("OAINBOX#2026-11-28", message.get("gsi1pk").s());
        assertEquals("USER#" + CITIZEN + "#OAMESSAGES", message.get("gsi2pk").s());
        assertEquals(Long.toString(Instant.parse("2026-11-28T09:30:00Z").plusSeconds(90L * 86_400).getEpochSecond()),
                message.get("expiresAt").n());

        assertEquals("APPLIED", item("ZALOEVENT#user_received_message#" + MSG, "EVENT").get("status").s());
        assertEquals("APPLIED", item("ZALOEVENT#follow#" + FOLLOWER + "#1795858200000", "EVENT").get("status").s());
        assertTrue(item("ZALOEVENT#oa_send_text#c0ffee00c0ffee00", "EVENT").isEmpty());
        long ledger = aws.dynamoDb().scan(b -> b.tableName(table)).items().stream()
                .filter(i -> i.get("pk").s().startsWith("ZALOEVENT#")).count();
        assertEquals(3, ledger, "follow, receipt, text: the OA's own event and the unreadable body are not claimed");
    }

    @Test
    void theSameBatchAgainChangesNothing() throws Exception {
        putDelivery(DELIVERY_PK, MSG, "SENT");
        invoke(Events.bytes("zalo-events-sqs.json"));
        Map<String, AttributeValue> follower = item("USER#" + CITIZEN, "OA_FOLLOWER");
        // Someone (the dispatcher's retry, an operator) moves the delivery on after it was delivered.
        aws.dynamoDb().updateItem(b -> b.tableName(table).key(Map.of("pk", s(DELIVERY_PK), "sk", s("DELIVERY")))
                .updateExpression("SET deliveredAt = :x").expressionAttributeValues(Map.of(":x", s("kept"))));
        assertEquals("{\"batchItemFailures\":[]}", Json.write(invoke(Events.bytes("zalo-events-sqs.json"))));
        assertEquals("kept", item(DELIVERY_PK, "DELIVERY").get("deliveredAt").s());
        assertEquals(follower, item("USER#" + CITIZEN, "OA_FOLLOWER"));
    }

    @Test
    void aReceiptChangesOnlyASentDeliveryAndAnUnknownMessageIsNoError() throws Exception {
        putDelivery("NOTIFICATION#queued", "zq", "QUEUED");
        putDelivery("NOTIFICATION#failed", "zf", "FAILED");
        String template = "{\"event_name\":\"user_received_message\",\"timestamp\":\"1795858200000\",\"message\":{\"msg_id\":\"%s\"}}";
        JsonNode answer = invoke(records(String.format(template, "zq"), String.format(template, "zf"),
                String.format(template, "nobody-sent-this")));
        assertEquals("{\"batchItemFailures\":[]}", Json.write(answer));
        assertEquals("QUEUED", item("NOTIFICATION#queued", "DELIVERY").get("state").s());
        assertEquals("FAILED", item("NOTIFICATION#failed", "DELIVERY").get("state").s());
        assertFalse(item("NOTIFICATION#queued", "DELIVERY").containsKey("deliveredAt"));
    }

    @Test
    void aSeenReceiptAfterTheDeliveredOneKeepsTheFirstDeliveryTime() throws Exception {
        putDelivery(DELIVERY_PK, MSG, "SENT");
        invoke(records("{\"event_name\":\"user_received_message\",\"timestamp\":\"1795858200000\",\"message\":{\"msg_id\":\"" + MSG + "\"}}",
                "{\"event_name\":\"user_seen_message\",\"timestamp\":\"1795858260000\",\"message\":{\"msg_ids\":[\"" + MSG + "\"]}}"));
        assertEquals(java.time.Instant.parse("2026-11-28T09:30:00Z"),
                java.time.Instant.parse(item(DELIVERY_PK, "DELIVERY").get("deliveredAt").s()));
    }

    @Test
    void followAndUnfollowArriveOutOfOrderAndTheLaterOneWins() throws Exception {
        String follow = "{\"event_name\":\"follow\",\"user_id_by_app\":\"" + CITIZEN + "\",\"follower\":{\"id\":\"" + FOLLOWER
                + "\"},\"timestamp\":\"%d\"}";
        String unfollow = follow.replace("\"follow\"", "\"unfollow\"");
        invoke(records(String.format(unfollow, 1_795_858_260_000L), String.format(follow, 1_795_858_200_000L)));
        Map<String, AttributeValue> follower = item("USER#" + CITIZEN, "OA_FOLLOWER");
        assertFalse(follower.get("followed").bool());
        assertEquals("2026-11-28T09:31:00.000Z", follower.get("unfollowedAt").s());
        assertFalse(follower.containsKey("followedSince"));

        invoke(records(String.format(follow, 1_795_858_320_000L)));
        follower = item("USER#" + CITIZEN, "OA_FOLLOWER");
        assertTrue(follower.get("followed").bool());
        assertEquals("2026-11-28T09:32:00.000Z", follower.get("followedSince").s());
        assertFalse(follower.containsKey("unfollowedAt"));

        var byFollower = aws.dynamoDb().query(b -> b.tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :p").expressionAttributeValues(Map.of(":p", s("ZALOFOLLOWER#" + FOLLOWER))));
        assertEquals(List.of("USER#" + CITIZEN), byFollower.items().stream().map(i -> i.get("pk").s()).toList());
    }

    @Test
    void aMessageFromSomeoneWhoNeverFollowedLinksThemWithoutMakingThemAFollower() throws Exception {
        invoke(records("{\"event_name\":\"user_send_image\",\"user_id_by_app\":\"9000000000000000002\",\"timestamp\":\"1795858200000\","
                + "\"sender\":{\"id\":\"4400000000000000002\"},\"message\":{\"msg_id\":\"img-1\",\"attachments\":"
                + "[{\"type\":\"image\",\"payload\":{\"url\":\"https://photo-stc.zdn.vn/1.jpg\"}}]}}"));
        Map<String, AttributeValue> follower = item("USER#9000000000000000002", "OA_FOLLOWER");
        assertFalse(follower.get("followed").bool());
        assertEquals("4400000000000000002", follower.get("followerId").s());
        Map<String, AttributeValue> image = item("OAMSG#img-1", "MESSAGE");
        assertEquals("https://photo-stc.zdn.vn/1.jpg", image.get("attachments").l().get(0).m().get("url").s());
        assertFalse(image.containsKey("text"));
    }

    @Test
    void whenTheTableIsUnreachableTheEventsToApplyAreRetriedAndTheOthersAreNot() throws Exception {
        Map<String, String> unreachable = new HashMap<>();
        unreachable.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9");
        JsonNode answer = invoke(new ZaloEventConsumerHandler(aws.env("ZaloEventConsumerFunction", unreachable)),
                Events.bytes("zalo-events-sqs.json"));
        List<String> retried = new java.util.ArrayList<>();
        answer.path("batchItemFailures").forEach(f -> retried.add(f.path("itemIdentifier").asText()));
        assertEquals(List.of("6f1c2a4e-0000-4000-8000-000000000001", "6f1c2a4e-0000-4000-8000-000000000002",
                "6f1c2a4e-0000-4000-8000-000000000003", "6f1c2a4e-0000-4000-8000-000000000004"), retried);
    }
}
