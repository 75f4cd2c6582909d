package vn.smartprovince.notifications.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.zalostub.ZaloStubClient.AutoReceipts;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;
import vn.smartprovince.zalostub.ZaloStubClient.StubUser;
import vn.smartprovince.zalostub.ZaloStubClient.WebhookDelivery;
import vn.smartprovince.zalostub.ZaloStubClient.WebhookEvent;

/**
 * The webhook end to end: the Zalo stub signs and POSTs OA events to {@code POST /v1/zalo/webhook}
 * served by the local runtime from the notifications zip, whose SQS event source runs the consumer
 * on {@code ZaloEventQueue}, against the emulator. What a refused request did not do is shown after
 * a valid event sent later has been applied and the queue is empty.
 */
class ZaloWebhookIT {
    @RegisterExtension
    static LocalApiExtension api = new LocalApiExtension();

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    String table() {
        return api.aws().tableName("MainTable");
    }

    Map<String, AttributeValue> item(String pk, String sk) {
        var response = api.aws().dynamoDb().getItem(b -> b.tableName(table())
                .key(Map.of("pk", s(pk), "sk", s(sk))).consistentRead(true));
        return response.hasItem() ? response.item() : Map.of();
    }

    /** Polls (up to 60 s: the consumer's zip may be loading for the first time) until {@code found} holds. */
    static <T> T await(String what, Supplier<T> probe, java.util.function.Predicate<T> found) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        T value = probe.get();
        while (!found.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; last: " + value);
            }
            Thread.sleep(100);
            value = probe.get();
        }
        return value;
    }

    int onQueue(String logicalId) {
        Map<QueueAttributeName, String> attributes = api.aws().sqs().getQueueAttributes(b -> b
                .queueUrl(api.aws().queueUrl(logicalId)).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    StubUser citizen(String id, String followerId) {
        return api.zaloStub().createUser(NewUser.named("Công dân " + id.substring(id.length() - 2)).id(id)
                .followerId(followerId).phone("849000000" + id.substring(id.length() - 2)));
    }

    static JsonNode errorDetail(WebhookDelivery delivery) {
        return Json.read(delivery.responseBody()).path("error").path("details").get(0);
    }

    @Test
    void forgedAndStaleEventsAre401AndQueueNothingWhileAValidOneIsQueuedAndApplied() throws Exception {
        URI webhook = api.zaloWebhookUrl();
        StubUser forgedFor = citizen("9000000000000000011", "4400000000000000011");
        StubUser staleFor = citizen("9000000000000000012", "4400000000000000012");
        StubUser valid = citizen("9000000000000000013", "4400000000000000013");

        WebhookDelivery forged = api.zaloStub().webhook(WebhookEvent.follow(forgedFor.id()).wrongSignature(), webhook);
        assertEquals(401, forged.status(), forged.responseBody());
        assertEquals("SIGNATURE_INVALID", errorDetail(forged).path("code").asText());
        WebhookDelivery unsigned = api.zaloStub().webhook(WebhookEvent.follow(forgedFor.id()).unsigned(), webhook);
        assertEquals(401, unsigned.status());
        WebhookDelivery stale = api.zaloStub().webhook(WebhookEvent.follow(staleFor.id())
                .timestamp(Instant.now().minus(Duration.ofMinutes(10)).toEpochMilli()), webhook);
        assertEquals(401, stale.status(), stale.responseBody());
        assertEquals("TIMESTAMP_STALE", errorDetail(stale).path("code").asText());

        WebhookDelivery accepted = api.zaloStub().webhook(WebhookEvent.follow(valid.id()), webhook);
        assertEquals(200, accepted.status(), accepted.responseBody());
        assertEquals("{\"received\":true}", accepted.responseBody());

        Map<String, AttributeValue> link = await("the follow to be applied",
                () -> item("USER#" + valid.id(), "OA_FOLLOWER"), found -> !found.isEmpty());
        assertEquals(valid.followerId(), link.get("followerId").s());
        assertTrue(link.get("followed").bool());
        await("the queue to be empty", () -> onQueue("ZaloEventQueue"), count -> count == 0);

        // Refused requests were answered before the valid one was sent: had they been queued, they
        // would have been consumed first or still be on the queue.
        assertTrue(item("USER#" + forgedFor.id(), "OA_FOLLOWER").isEmpty(), "a forged follow links nobody");
        assertTrue(item("USER#" + staleFor.id(), "OA_FOLLOWER").isEmpty(), "a replayed follow links nobody");
        long claimed = api.aws().dynamoDb().scan(b -> b.tableName(table())).items().stream()
                .filter(i -> i.get("pk").s().startsWith("ZALOEVENT#follow#")).count();
        assertEquals(1, claimed, "only the valid event reached the consumer");
        assertEquals(0, onQueue("ZaloEventDeadLetterQueue"));
    }

    @Test
    void theStubsDeliveryReceiptMarksASentDeliveryDelivered() throws Exception {
        StubUser citizen = api.zaloStub().createUser(NewUser.named("Trần Thị Bình").id("9000000000000000021")
                .followerId("4400000000000000021").following(Instant.now()));
        // Zalo's receipt comes a moment after the send; the dispatcher records SENT as soon as Zalo answers.
        api.zaloStub().autoReceipts(api.zaloWebhookUrl(), Duration.ofMillis(1500));
        String oaAccessToken = api.zaloStub().oaTokens().accessToken();
        HttpResponse<String> sent = api.send(HttpRequest.newBuilder(api.zaloStub().baseUri()
                        .resolve("/v3.0/oa/message/transaction"))
                .header("content-type", "application/json").header("access_token", oaAccessToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"recipient\":{\"user_id\":\"" + citizen.followerId()
                        + "\"},\"message\":{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":"
                        + "\"transaction_order\",\"elements\":[]}}}}", StandardCharsets.UTF_8)).build());
        String msgId = Json.read(sent.body()).at("/data/message_id").asText();
        assertFalse(msgId.isEmpty(), sent.body());
        String pk = "NOTIFICATION#REPORT#r-e2e#v2#ANSWERED#" + citizen.id();
        api.aws().dynamoDb().putItem(b -> b.tableName(table()).item(Map.of("pk", s(pk), "sk", s("DELIVERY"),
                "state", s("SENT"), "zaloMsgId", s(msgId), "gsi2pk", s("ZALOMSG#" + msgId), "gsi2sk", s("DELIVERY"))));

        Map<String, AttributeValue> delivered = await("the receipt to mark the delivery",
                () -> item(pk, "DELIVERY"), i -> "DELIVERED".equals(i.get("state").s()));
        assertTrue(delivered.containsKey("deliveredAt"));
        AutoReceipts receipts = api.zaloStub().autoReceipts();
        assertEquals(1, receipts.deliveries().size());
        assertEquals(msgId, receipts.deliveries().get(0).msgId());
        assertEquals(200, receipts.deliveries().get(0).status());
    }

    @Test
    void aCitizensMessageIsKeptForTheAgencyAndARetryOfItIsNotKeptTwice() throws Exception {
        StubUser citizen = citizen("9000000000000000031", "4400000000000000031");
        WebhookEvent text = WebhookEvent.userSendText(citizen.id(), "Cống thoát nước trước nhà số 7 bị tắc");
        WebhookDelivery first = api.zaloStub().webhook(text, api.zaloWebhookUrl());
        assertEquals(200, first.status(), first.responseBody());
        // Zalo retrying the same delivery: the same signed body again.
        WebhookDelivery again = api.zaloStub().webhook(WebhookEvent.raw(first.sentBody()), api.zaloWebhookUrl());
        assertEquals(200, again.status(), again.responseBody());

        String msgId = Json.read(first.sentBody()).at("/message/msg_id").asText();
        Map<String, AttributeValue> kept = await("the message to be kept", () -> item("OAMSG#" + msgId, "MESSAGE"),
                i -> !i.isEmpty());
        assertEquals("Cống thoát nước trước nhà số 7 bị tắc", kept.get("text").s());
        await("both copies to be consumed", () -> onQueue("ZaloEventQueue"), count -> count == 0);
        List<String> ledger = new ArrayList<>();
        api.aws().dynamoDb().scan(b -> b.tableName(table())).items().stream()
                .filter(i -> i.get("pk").s().equals("ZALOEVENT#user_send_text#" + msgId))
                .forEach(i -> ledger.add(i.get("status").s()));
        assertEquals(List.of("APPLIED"), ledger);
        assertEquals(first.sentBody(), again.sentBody());
    }
}
