package vn.smartprovince.notifications.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;

/**
 * {@code ZaloWebhookFunction} with the template's environment against the emulator (its queue, the
 * OA secret key seeded in Secrets Manager from infra/local-secrets.json), driven by the signed
 * sample events {@code events/zalo-webhook-*.json}. The clock is the events' time plus a second, as
 * if Zalo had just sent them.
 */
class ZaloWebhookHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final Instant SENT = Instant.ofEpochMilli(1_795_858_200_000L);

    String queueUrl;

    @BeforeEach
    void emptyQueue() {
        queueUrl = aws.queueUrl("ZaloEventQueue");
        aws.sqs().purgeQueue(b -> b.queueUrl(queueUrl));
    }

    static JsonNode invoke(ZaloWebhookHandler handler, JsonNode event) {
        return Handlers.invoke(handler, event);
    }

    ZaloWebhookHandler handlerAt(Instant now) {
        return new ZaloWebhookHandler(aws.env("ZaloWebhookFunction"), Clock.fixed(now, ZoneOffset.UTC));
    }

    static ObjectNode sample(String name) {
        return (ObjectNode) Json.read(Events.load(name));
    }

    /** What the queue holds now (long-polls a second when empty, so "nothing" is not a race). */
    List<Message> queued() {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
    }

    static JsonNode body(JsonNode result) {
        return Json.read(result.path("body").asText());
    }

    @Test
    void aSignedEventIsQueuedByteForByteAndAnswered200() throws Exception {
        ObjectNode event = sample("zalo-webhook-follow.json");
        JsonNode result = invoke(handlerAt(SENT.plusSeconds(1)), event);
        assertEquals(200, result.path("statusCode").asInt(), result.toString());
        assertEquals("{\"received\":true}", result.path("body").asText());

        List<Message> messages = queued();
        assertEquals(1, messages.size());
        assertEquals(event.path("body").asText(), messages.get(0).body());
        assertEquals("follow", messages.get(0).messageAttributes().get("eventName").stringValue());
    }

    @Test
    void aBase64BodyIsVerifiedOnItsDecodedBytes() throws Exception {
        ObjectNode event = sample("zalo-webhook-user-send-text-base64.json");
        JsonNode result = invoke(handlerAt(SENT.plusSeconds(1)), event);
        assertEquals(200, result.path("statusCode").asInt(), result.toString());
        String raw = new String(Base64.getDecoder().decode(event.path("body").asText()), StandardCharsets.UTF_8);
        List<Message> messages = queued();
        assertEquals(List.of(raw), messages.stream().map(Message::body).toList());
        assertTrue(raw.contains("Trần Hưng Đạo"));
    }

    @Test
    void aForgedSignatureIs401AndQueuesNothing() throws Exception {
        ObjectNode event = sample("zalo-webhook-follow.json");
        String signature = event.path("headers").path("x-zevent-signature").asText();
        char last = signature.charAt(signature.length() - 1);
        ((ObjectNode) event.get("headers")).put("x-zevent-signature",
                signature.substring(0, signature.length() - 1) + (last == '0' ? '1' : '0'));
        JsonNode result = invoke(handlerAt(SENT.plusSeconds(1)), event);
        assertEquals(401, result.path("statusCode").asInt());
        JsonNode error = body(result).path("error");
        assertEquals("UNAUTHORIZED", error.path("code").asText());
        assertEquals("X-ZEvent-Signature", error.path("details").get(0).path("field").asText());
        assertEquals("SIGNATURE_INVALID", error.path("details").get(0).path("code").asText());
        assertEquals("Zw3bHjK2SQ0EJ9a=", body(result).path("requestId").asText());
        assertEquals(List.of(), queued());
    }

    @Test
    void aBodyChangedUnderAValidSignatureIs401AndQueuesNothing() throws Exception {
        ObjectNode event = sample("zalo-webhook-follow.json");
        event.put("body", event.path("body").asText().replace("4400000000000000001", "4400000000000000666"));
        assertEquals(401, invoke(handlerAt(SENT.plusSeconds(1)), event).path("statusCode").asInt());
        ObjectNode unsigned = sample("zalo-webhook-follow.json");
        ((ObjectNode) unsigned.get("headers")).remove("x-zevent-signature");
        JsonNode result = invoke(handlerAt(SENT.plusSeconds(1)), unsigned);
        assertEquals(401, result.path("statusCode").asInt());
        assertEquals("SIGNATURE_MISSING", body(result).path("error").path("details").get(0).path("code").asText());
        assertEquals(List.of(), queued());
    }

    @Test
    void aReplayAfterTheWindowIs401InTheCallersLanguageAndQueuesNothing() throws Exception {
        ObjectNode event = sample("zalo-webhook-follow.json");
        ((ObjectNode) event.get("headers")).put("accept-language", "en");
        JsonNode stale = invoke(handlerAt(SENT.plus(Duration.ofMinutes(5)).plusMillis(1)), event);
        assertEquals(401, stale.path("statusCode").asInt());
        JsonNode detail = body(stale).path("error").path("details").get(0);
        assertEquals("timestamp", detail.path("field").asText());
        assertEquals("TIMESTAMP_STALE", detail.path("code").asText());
        assertEquals("The event is too old (timestamp outside the allowed window).", detail.path("message").asText());

        JsonNode early = invoke(handlerAt(SENT.minus(Duration.ofMinutes(6))), event);
        assertEquals("TIMESTAMP_IN_FUTURE", body(early).path("error").path("details").get(0).path("code").asText());
        assertEquals(List.of(), queued());
    }

    @Test
    void theWindowComesFromTheTemplatesParameter() throws Exception {
        ZaloWebhookHandler strict = new ZaloWebhookHandler(aws.env("ZaloWebhookFunction",
                Map.of("ZALO_WEBHOOK_MAX_AGE_SECONDS", "30")), Clock.fixed(SENT.plusSeconds(31), ZoneOffset.UTC));
        assertEquals(401, invoke(strict, sample("zalo-webhook-follow.json")).path("statusCode").asInt());
        assertEquals(200, invoke(handlerAt(SENT.plusSeconds(31)), sample("zalo-webhook-follow.json"))
                .path("statusCode").asInt(), "the default is 300 s");
    }

    @Test
    void aBodyThatIsNotJsonIs400() throws Exception {
        ObjectNode event = sample("zalo-webhook-follow.json");
        event.put("body", "event_name=follow&timestamp=1795858200000");
        JsonNode result = invoke(handlerAt(SENT.plusSeconds(1)), event);
        assertEquals(400, result.path("statusCode").asInt());
        assertEquals("MALFORMED_JSON", body(result).path("error").path("code").asText());
        assertEquals(List.of(), queued());
    }

    @Test
    void anUnreachableQueueIs503SoZaloRetries() throws Exception {
        ZaloWebhookHandler handler = new ZaloWebhookHandler(aws.env("ZaloWebhookFunction",
                Map.of("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9")), Clock.fixed(SENT.plusSeconds(1), ZoneOffset.UTC));
        JsonNode result = invoke(handler, sample("zalo-webhook-follow.json"));
        assertEquals(503, result.path("statusCode").asInt(), result.toString());
        assertEquals("sqs", body(result).path("error").path("cause").asText());
        assertEquals(List.of(), queued());
    }
}
