package vn.smartprovince.dossiers.onestop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.onestop.OneStopSignature;
import vn.smartprovince.shared.secrets.SecretsManagerSecrets;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;

/**
 * {@code OneStopUpdatesFunction} with the template's environment against the emulator (its queue,
 * the table's signature claims, the one-stop secret seeded from infra/local-secrets.json), driven by
 * {@code events/one-stop-update*.json}, signed at 1795858200: the clock is that plus a second.
 */
class OneStopUpdatesHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final Instant SENT = Instant.ofEpochSecond(1_795_858_200L);

    String queueUrl;

    @BeforeEach
    void emptyQueueAndClaims() {
        queueUrl = aws.queueUrl("OneStopInboundQueue");
        aws.sqs().purgeQueue(b -> b.queueUrl(queueUrl));
    }

    OneStopUpdatesHandler handlerAt(Instant now) {
        Env env = aws.env("OneStopUpdatesFunction");
        return new OneStopUpdatesHandler(env, Wiring.of(env), SecretsManagerSecrets.cached(env),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    static ObjectNode sample(String name) {
        return (ObjectNode) Json.read(Events.load(name));
    }

    /** The sample signed again with {@code body} and {@code timestamp} (a fresh request: a new signature). */
    static ObjectNode signed(String body, long timestamp) {
        ObjectNode event = sample("one-stop-update.json");
        event.put("body", body);
        String secret = Json.read(aws.secretsManager().getSecretValue(b -> b.secretId(
                aws.env("OneStopUpdatesFunction").required("ONE_STOP_SECRET_NAME"))).secretString())
                .path("signingSecret").asText();
        ((ObjectNode) event.get("headers")).put(OneStopSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .put(OneStopSignature.SIGNATURE_HEADER, OneStopSignature.header(secret, Long.toString(timestamp),
                        body.getBytes(StandardCharsets.UTF_8)));
        return event;
    }

    List<Message> queued() {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
    }

    static JsonNode detail(JsonNode result) {
        return Json.read(result.path("body").asText()).path("error").path("details").get(0);
    }

    static void refused(JsonNode result, int status, String code, String field) {
        assertEquals(status, result.path("statusCode").asInt(), result.toString());
        assertEquals(code, detail(result).path("code").asText(), result.toString());
        assertEquals(field, detail(result).path("field").asText());
    }

    @Test
    void aSignedUpdateIsQueuedByteForByteAnd202ThenItsReplayIs409() {
        String unique = "{\"MaCapNhat\":\"MC-" + System.nanoTime() + "\",\"TrangThaiHoSo\":2}";
        ObjectNode event = signed(unique, SENT.getEpochSecond());
        JsonNode result = Handlers.invoke(handlerAt(SENT.plusSeconds(1)), event);
        assertEquals(202, result.path("statusCode").asInt(), result.toString());
        assertEquals("{\"accepted\":true}", result.path("body").asText());
        assertEquals(List.of(unique), queued().stream().map(Message::body).toList(), "not validated at the door");

        JsonNode replay = Handlers.invoke(handlerAt(SENT.plusSeconds(30)), event);
        refused(replay, 409, "REPLAYED", "X-OneStop-Signature");
        assertEquals("CONFLICT", Json.read(replay.path("body").asText()).path("error").path("code").asText());
        assertEquals(List.of(), queued());
    }

    @Test
    void theSampleIsAccepted() {
        JsonNode result = Handlers.invoke(handlerAt(SENT.plusSeconds(1)), sample("one-stop-update.json"));
        // The sample's signature may have been claimed by an earlier run against the same emulator.
        int status = result.path("statusCode").asInt();
        assertEquals(true, status == 202 || status == 409, result.toString());
    }

    @Test
    void unsignedForgedStaleOrFutureAreRefusedAndQueueNothing() {
        refused(Handlers.invoke(handlerAt(SENT.plusSeconds(1)), sample("one-stop-update-unsigned.json")),
                401, "SIGNATURE_MISSING", "X-OneStop-Signature");

        ObjectNode forged = sample("one-stop-update.json");
        forged.put("body", forged.path("body").asText().replace("\"TrangThaiHoSo\":2", "\"TrangThaiHoSo\":9"));
        refused(Handlers.invoke(handlerAt(SENT.plusSeconds(1)), forged), 401, "SIGNATURE_INVALID", "X-OneStop-Signature");

        String body = "{\"MaCapNhat\":\"MC-window-" + System.nanoTime() + "\"}";
        refused(Handlers.invoke(handlerAt(SENT.plus(Duration.ofSeconds(301))), signed(body, SENT.getEpochSecond())),
                401, "TIMESTAMP_STALE", "X-OneStop-Timestamp");
        refused(Handlers.invoke(handlerAt(SENT.minus(Duration.ofSeconds(301))), signed(body, SENT.getEpochSecond())),
                401, "TIMESTAMP_IN_FUTURE", "X-OneStop-Timestamp");

        ObjectNode noTime = sample("one-stop-update.json");
        ((ObjectNode) noTime.get("headers")).put(OneStopSignature.TIMESTAMP_HEADER, "2026-11-28T09:30:00Z");
        refused(Handlers.invoke(handlerAt(SENT.plusSeconds(1)), noTime), 400, "TIMESTAMP_INVALID", "X-OneStop-Timestamp");

        ObjectNode large = signed("{\"x\":\"" + "a".repeat(UpdateVerifier.MAX_BODY_BYTES) + "\"}", SENT.getEpochSecond());
        assertEquals(413, Handlers.invoke(handlerAt(SENT.plusSeconds(1)), large).path("statusCode").asInt());
        assertEquals(List.of(), queued());
    }
}
