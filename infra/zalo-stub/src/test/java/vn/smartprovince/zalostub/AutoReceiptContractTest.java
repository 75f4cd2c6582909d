package vn.smartprovince.zalostub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.zalostub.StubFixture.APP_ID;
import static vn.smartprovince.zalostub.StubFixture.OA_ACCESS;
import static vn.smartprovince.zalostub.StubFixture.OA_ID;
import static vn.smartprovince.zalostub.StubFixture.OA_SECRET;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.zalostub.ZaloStubClient.AutoReceipts;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;
import vn.smartprovince.zalostub.ZaloStubClient.StubUser;
import vn.smartprovince.zalostub.ZaloStubClient.WebhookEvent;

/**
 * The stub posting delivery receipts by itself: after it accepts a ZNS or OA message, a signed
 * {@code user_received_message} for that message reaches the configured webhook, shaped like the one
 * {@code /_stub/webhooks/deliver} sends (and like Zalo's, as far as the reference knows it).
 */
class AutoReceiptContractTest extends StubTestBase {
    /** 2026-11-28 09:30 in Vietnam: inside ZNS sending hours. */
    static final Instant MORNING = Instant.parse("2026-11-28T02:30:00Z");

    HttpServer receiver;
    final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    URI url;
    StubUser an;

    @BeforeEach
    void receiverAndCitizen() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/v1/zalo/webhook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String signature = exchange.getRequestHeaders().getFirst("X-ZEvent-Signature");
            received.add(Map.of("body", body, "signature", signature == null ? "" : signature));
            byte[] answer = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/zalo/webhook");
        control.setClock(MORNING);
        control.installOaTokens(OA_ACCESS, StubFixture.OA_REFRESH);
        an = control.createUser(NewUser.named("Nguyễn Văn An").id("9000000000000000001").followerId("4400000000000000001")
                .phone("84901234567").following(MORNING));
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        stub.configureAutoReceipts(null, Duration.ZERO);
    }

    static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    String sendZns(String phone) throws Exception {
        Raw.Answer answer = Raw.postJson(base, "/message/template", "{\"phone\":\"" + phone + "\",\"template_id\":\"900001\","
                + "\"template_data\":{\"report_code\":\"PA-42\",\"category_name\":\"Đèn đường\",\"deadline\":\"02/12/2026\"},"
                + "\"tracking_id\":\"REPORT#42#v1#RECEIVED\"}", "access_token", OA_ACCESS);
        return answer.json().at("/data/msg_id").asText(null);
    }

    String sendOa() throws Exception {
        return Raw.postJson(base, "/v3.0/oa/message/transaction", "{\"recipient\":{\"user_id\":\"" + an.followerId()
                + "\"},\"message\":{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"transaction_order\","
                + "\"elements\":[]}}}}", "access_token", OA_ACCESS).json().at("/data/message_id").asText();
    }

    /** Waits (up to 10 s) until {@code count} receipts were posted. */
    AutoReceipts awaitDeliveries(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        AutoReceipts status = control.autoReceipts();
        while (status.deliveries().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = control.autoReceipts();
        }
        return status;
    }

    @Test
    void aZnsMessageIsFollowedByItsSignedReceiptWithTheTrackingId() throws Exception {
        control.autoReceipts(url, Duration.ZERO);
        String msgId = sendZns("0901234567");
        AutoReceipts status = awaitDeliveries(1);
        assertEquals(1, received.size());
        assertEquals(msgId, status.deliveries().get(0).msgId());
        assertEquals("zns", status.deliveries().get(0).channel());
        assertEquals(200, status.deliveries().get(0).status());

        String body = received.get(0).get("body");
        JsonNode event = json(body);
        assertEquals("user_received_message", event.get("event_name").asText());
        assertEquals(APP_ID, event.get("app_id").asText());
        assertEquals(an.id(), event.get("user_id_by_app").asText());
        assertEquals(OA_ID, event.at("/sender/id").asText());
        assertEquals(an.followerId(), event.at("/recipient/id").asText());
        assertEquals(msgId, event.at("/message/msg_id").asText());
        assertEquals("REPORT#42#v1#RECEIVED", event.at("/message/tracking_id").asText());
        assertEquals(Long.toString(MORNING.toEpochMilli()), event.get("timestamp").asText(), "the stub's clock");
        assertEquals("mac=" + Raw.webhookMac(APP_ID, body, event.get("timestamp").asText(), OA_SECRET),
                received.get(0).get("signature"));
    }

    @Test
    void anOaMessagesReceiptHasTheFieldsOfTheManualOne() throws Exception {
        control.autoReceipts(url, Duration.ZERO);
        String messageId = sendOa();
        awaitDeliveries(1);
        JsonNode automatic = json(received.get(0).get("body"));
        assertEquals(messageId, automatic.at("/message/msg_id").asText());
        assertFalse(automatic.path("message").has("tracking_id"), "OA messages have no tracking_id");

        control.webhook(WebhookEvent.userReceivedMessage(an.id(), messageId), url);
        JsonNode manual = json(received.get(1).get("body"));
        assertEquals(Raw.fields(manual), Raw.fields(automatic));
        assertEquals(Raw.fields(manual.get("message")), Raw.fields(automatic.get("message")));
        assertEquals(manual.get("recipient"), automatic.get("recipient"));
    }

    @Test
    void theReceiptWaitsForTheDelay() throws Exception {
        control.autoReceipts(url, Duration.ofMillis(400));
        long sent = System.nanoTime();
        sendOa();
        assertEquals(1, control.autoReceipts().pending());
        assertTrue(received.isEmpty());
        awaitDeliveries(1);
        assertTrue(System.nanoTime() - sent >= Duration.ofMillis(400).toNanos());
        assertEquals(0, control.autoReceipts().pending());
    }

    @Test
    void refusedMessagesAndMessagesWhileOffGetNoReceipt() throws Exception {
        control.autoReceipts(url, Duration.ZERO);
        assertNull(sendZns("12345"), "-108: not sent, no receipt");
        control.disableAutoReceipts();
        assertFalse(control.autoReceipts().enabled());
        sendOa();
        control.autoReceipts(url, Duration.ZERO);
        String marker = sendOa();
        AutoReceipts status = awaitDeliveries(1);
        assertEquals(List.of(marker), status.deliveries().stream().map(ZaloStubClient.AutoReceipt::msgId).toList());
        assertEquals(1, received.size());
    }

    @Test
    void aResetRestoresWhatTheStubWasStartedWithAndDropsPendingReceipts() throws Exception {
        assertFalse(control.autoReceipts().enabled(), "off unless configured");
        stub.configureAutoReceipts(url, Duration.ofMillis(300));
        control.disableAutoReceipts();
        control.reset();
        AutoReceipts restored = control.autoReceipts();
        assertTrue(restored.enabled());
        assertEquals(url, restored.url());
        assertEquals(Duration.ofMillis(300), restored.delay());

        receiverAndCitizen();
        sendOa();
        control.reset();
        Thread.sleep(700);
        assertTrue(received.isEmpty(), "a receipt scheduled before a reset is dropped");
        assertEquals(0, control.autoReceipts().pending());
    }

    @Test
    void anUnreachableWebhookIsRecordedNotRetried() throws Exception {
        control.autoReceipts(URI.create("http://127.0.0.1:9/v1/zalo/webhook"), Duration.ZERO);
        sendOa();
        AutoReceipts status = awaitDeliveries(1);
        assertNull(status.deliveries().get(0).status());
        assertTrue(status.deliveries().get(0).error() != null);
    }

    @Test
    void theControlApiRefusesNonsense() {
        assertEquals(400, Raw.postJson(base, "/_stub/webhooks/auto-receipts", "{\"enabled\":true}").status(),
                "no url to post to");
        assertEquals(400, Raw.postJson(base, "/_stub/webhooks/auto-receipts", "{\"url\":\"ftp://x\"}").status());
        assertEquals(400, Raw.postJson(base, "/_stub/webhooks/auto-receipts",
                "{\"url\":\"http://127.0.0.1:1/\",\"delayMs\":-1}").status());
    }
}
