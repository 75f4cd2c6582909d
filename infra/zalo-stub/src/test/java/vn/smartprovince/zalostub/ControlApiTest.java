package vn.smartprovince.zalostub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.zalostub.StubFixture.APP_ID;
import static vn.smartprovince.zalostub.StubFixture.APP_SECRET;
import static vn.smartprovince.zalostub.StubFixture.OA_ACCESS;
import static vn.smartprovince.zalostub.StubFixture.OA_ID;
import static vn.smartprovince.zalostub.StubFixture.OA_REFRESH;
import static vn.smartprovince.zalostub.StubFixture.OA_SECRET;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.smartprovince.zalostub.ZaloStubClient.Call;
import vn.smartprovince.zalostub.ZaloStubClient.Fault;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;
import vn.smartprovince.zalostub.ZaloStubClient.StubUser;
import vn.smartprovince.zalostub.ZaloStubClient.WebhookDelivery;
import vn.smartprovince.zalostub.ZaloStubClient.WebhookEvent;

/** The control API: faults, call log, inbox, webhooks, clock and reset. */
class ControlApiTest extends StubTestBase {
    static Raw.Answer templateInfo() {
        return Raw.get(base, "/template/info/v2?template_id=900001", "access_token", OA_ACCESS);
    }

    @Nested
    class Faults {
        @Test
        void forTheNextNCalls() {
            control.fault(Fault.on(Endpoint.ZNS_TEMPLATE_INFO).error(ZaloErrors.REGION_RESTRICTED).times(2));
            Raw.Answer first = templateInfo();
            assertEquals(200, first.status());
            assertEquals(-501, first.error());
            assertEquals("Region restricted", first.json().get("message").asText());
            assertEquals(-501, templateInfo().error());
            assertEquals(0, templateInfo().error());
            List<Call> calls = control.calls(Endpoint.ZNS_TEMPLATE_INFO);
            assertEquals(List.of("error -501", "error -501", "ok"), calls.stream().map(Call::outcome).toList());
            assertEquals(List.of(true, true, false), calls.stream().map(Call::fault).toList());
        }

        @Test
        void withoutTimesOrShareOnlyTheNextCall() {
            control.fault(Fault.on(Endpoint.ZNS_TEMPLATE_INFO).error(-124));
            assertEquals(-124, templateInfo().error());
            assertEquals(0, templateInfo().error());
        }

        @Test
        void onlyTheNamedEndpointIsHit() {
            control.fault(Fault.on(Endpoint.GRAPH_ME).error(-501).times(5));
            assertEquals(0, templateInfo().error());
        }

        @Test
        void minus501OnEveryEndpointInItsHostsShape() {
            control.fault(Fault.onAll().error(ZaloErrors.REGION_RESTRICTED).times(7));
            assertEquals(-501, Raw.get(base, "/v2.0/me?fields=id").error());
            assertEquals(-501, Raw.get(base, "/v2.0/me/info").error());
            assertEquals(-501, Raw.postJson(base, "/message/template", "{}").error());
            assertEquals(-501, templateInfo().error());
            assertEquals(-501, Raw.postJson(base, "/v3.0/oa/message/cs", "{}").error());
            assertEquals(-501, Raw.postJson(base, "/v3.0/oa/message/transaction", "{}").error());
            JsonNode oauth = Raw.postForm(base, "/v4/oa/access_token", Map.of()).json();
            assertEquals(-501, oauth.get("error").asInt());
            assertTrue(oauth.has("error_name") && oauth.has("error_description"));
            assertEquals(7, control.calls().stream().filter(Call::fault).count());
        }

        @Test
        void byShareWithASeedIsRepeatableAndAboutThatShare() {
            control.fault(Fault.on(Endpoint.ZNS_TEMPLATE_INFO).error(-501).share(0.3).seed(42));
            int hits = 0;
            for (int i = 0; i < 200; i++) {
                if (templateInfo().error() == -501) {
                    hits++;
                }
            }
            assertTrue(hits > 30 && hits < 90, "about 30% of 200, got " + hits);
            assertEquals(hits, control.calls().stream().filter(Call::fault).count());

            control.reset();
            control.fault(Fault.on(Endpoint.ZNS_TEMPLATE_INFO).error(-501).share(0.3).seed(42));
            int again = 0;
            for (int i = 0; i < 200; i++) {
                if (templateInfo().error() == -501) {
                    again++;
                }
            }
            assertEquals(hits, again, "the same seed draws the same calls");
        }

        @Test
        void shareWithTimesStopsAfterTimesHits() {
            control.fault(Fault.on(Endpoint.ZNS_TEMPLATE_INFO).httpStatus(503).share(0.5).seed(1).times(3));
            long faults = 0;
            for (int i = 0; i < 40; i++) {
                if (templateInfo().status() == 503) {
                    faults++;
                }
            }
            assertEquals(3, faults);
        }

        @Test
        void http5xxWithAGatewayPage() {
            control.fault(Fault.on(Endpoint.GRAPH_ME).httpStatus(502));
            Raw.Answer answer = Raw.get(base, "/v2.0/me?fields=id");
            assertEquals(502, answer.status());
            assertTrue(answer.contentType().startsWith("text/html"));
            assertEquals("http 502", control.calls().get(0).outcome());
        }

        @Test
        void latencyDelaysTheNormalAnswer() {
            control.fault(Fault.on(Endpoint.ZNS_TEMPLATE_INFO).latency(Duration.ofMillis(400)));
            long start = System.nanoTime();
            Raw.Answer answer = templateInfo();
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            assertEquals(0, answer.error());
            assertTrue(elapsed >= 400, "took " + elapsed + " ms");
            assertEquals(400, control.calls().get(0).latencyMs());
        }

        @Test
        void latencyWithAnError() {
            control.fault(Fault.on(Endpoint.ZNS_TEMPLATE_INFO).error(-100).latency(Duration.ofMillis(200)));
            long start = System.nanoTime();
            assertEquals(-100, templateInfo().error());
            assertTrue((System.nanoTime() - start) / 1_000_000 >= 200);
        }

        @Test
        void timeoutHoldsTheConnectionPastTheClientsReadTimeout() throws Exception {
            control.fault(Fault.on(Endpoint.ZNS_TEMPLATE_INFO).timeout(Duration.ofSeconds(20)));
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/template/info/v2?template_id=900001"))
                    .header("access_token", OA_ACCESS).timeout(Duration.ofMillis(500)).GET().build();
            long start = System.nanoTime();
            assertThrows(HttpTimeoutException.class, () -> Raw.HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
            assertTrue((System.nanoTime() - start) / 1_000_000 >= 500);
            assertEquals("timeout", control.calls().get(0).outcome());
            control.clearFaults(); // lets the held connection go
            assertEquals(0, templateInfo().error());
        }

        @Test
        void aProcessedTimeoutTakesEffectWithoutAnAnswer() {
            control.createUser(NewUser.named("An").phone("84901234567"));
            control.fault(Fault.on(Endpoint.ZNS_SEND).timeout(Duration.ofSeconds(20)).processed());
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/message/template"))
                    .header("access_token", OA_ACCESS).header("Content-Type", "application/json")
                    .timeout(Duration.ofMillis(500))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"84901234567\",\"template_id\":\"900001\","
                            + "\"template_data\":{\"report_code\":\"1\",\"category_name\":\"2\",\"deadline\":\"3\"},"
                            + "\"tracking_id\":\"t-1\"}")).build();
            assertThrows(HttpTimeoutException.class, () -> Raw.HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
            assertEquals("t-1", control.inboxForPhone("84901234567").get(0).trackingId(),
                    "sent, although the caller never heard");
        }

        @Test
        void invalidFaultsAreRefusedWithTheReason() {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> control.fault(Fault.onAll().httpStatus(200)));
            assertTrue(refused.getMessage().contains("httpStatus"), refused.getMessage());
            Raw.Answer answer = Raw.postJson(base, "/_stub/faults", "{\"endpoint\":\"zns\",\"error\":-1}");
            assertEquals(400, answer.status());
            assertTrue(answer.json().get("error").asText().contains("zns.send"));
            assertEquals(400, Raw.postJson(base, "/_stub/faults", "{\"endpoint\":\"*\"}").status());
            assertEquals(400, Raw.postJson(base, "/_stub/faults",
                    "{\"endpoint\":\"*\",\"error\":-1,\"httpStatus\":500}").status());
        }

        @Test
        void faultsAreListedAndCleared() {
            control.fault(Fault.onAll().httpStatus(500).share(0.1));
            JsonNode listed = Raw.get(base, "/_stub/faults").json().get("items");
            assertEquals(1, listed.size());
            assertEquals("*", listed.get(0).get("endpoint").asText());
            control.clearFaults();
            assertEquals(0, Raw.get(base, "/_stub/faults").json().get("items").size());
        }
    }

    @Nested
    class Webhooks {
        HttpServer receiver;
        final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        URI url;

        @BeforeEach
        void receiver() throws Exception {
            receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            receiver.createContext("/zalo/webhook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String signature = exchange.getRequestHeaders().getFirst("X-ZEvent-Signature");
                received.add(signature == null ? Map.of("body", body) : Map.of("body", body, "signature", signature));
                byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            receiver.start();
            url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/zalo/webhook");
        }

        @org.junit.jupiter.api.AfterEach
        void stopReceiver() {
            receiver.stop(0);
        }

        JsonNode json(String body) throws Exception {
            return new ObjectMapper().readTree(body);
        }

        @Test
        void followIsSignedByTheDocumentedFormula() throws Exception {
            StubUser an = control.createUser(NewUser.named("An").id("9000000000000000001").followerId("4400000000000000001"));
            control.setClock(Instant.parse("2026-11-28T02:30:00Z"));
            WebhookDelivery delivery = control.webhook(WebhookEvent.follow(an.id()), url);
            assertEquals(200, delivery.status());
            assertEquals("{\"ok\":true}", delivery.responseBody());

            Map<String, String> request = received.get(0);
            String body = request.get("body");
            JsonNode event = json(body);
            assertEquals("follow", event.get("event_name").asText());
            assertEquals(APP_ID, event.get("app_id").asText());
            assertEquals(OA_ID, event.get("oa_id").asText());
            assertEquals("9000000000000000001", event.get("user_id_by_app").asText());
            assertEquals("4400000000000000001", event.at("/follower/id").asText());
            String timestamp = event.get("timestamp").asText();
            assertEquals(Long.toString(Instant.parse("2026-11-28T02:30:00Z").toEpochMilli()), timestamp);
            assertEquals("mac=" + Raw.webhookMac(APP_ID, body, timestamp, OA_SECRET), request.get("signature"));
            assertEquals(request.get("signature"), delivery.signature());
            assertTrue(control.user(an.id()).followed(), "a follow makes the user a follower");
        }

        @Test
        void userSendTextOpensTheInteractionWindow() throws Exception {
            StubUser an = control.createUser(NewUser.named("An").following(null));
            String cs = "{\"recipient\":{\"user_id\":\"" + an.followerId() + "\"},\"message\":{\"text\":\"Chào\"}}";
            assertEquals(-230, Raw.postJson(base, "/v3.0/oa/message/cs", cs, "access_token", OA_ACCESS).error());
            control.webhook(WebhookEvent.userSendText(an.id(), "Đèn đường hỏng"), url);
            JsonNode event = json(received.get(0).get("body"));
            assertEquals("user_send_text", event.get("event_name").asText());
            assertEquals(an.followerId(), event.at("/sender/id").asText());
            assertEquals(OA_ID, event.at("/recipient/id").asText());
            assertEquals(an.id(), event.get("user_id_by_app").asText());
            assertEquals("Đèn đường hỏng", event.at("/message/text").asText());
            assertFalse(event.at("/message/msg_id").asText().isEmpty());
            assertEquals(0, Raw.postJson(base, "/v3.0/oa/message/cs", cs, "access_token", OA_ACCESS).error());
        }

        @Test
        void userReceivedMessageNamesTheOasLastMessage() throws Exception {
            StubUser an = control.createUser(NewUser.named("An").following(Instant.now()));
            String messageId = Raw.postJson(base, "/v3.0/oa/message/cs", "{\"recipient\":{\"user_id\":\""
                    + an.followerId() + "\"},\"message\":{\"text\":\"Chào\"}}", "access_token", OA_ACCESS)
                    .json().at("/data/message_id").asText();
            control.webhook(WebhookEvent.userReceivedMessage(an.id(), null), url);
            JsonNode event = json(received.get(0).get("body"));
            assertEquals("user_received_message", event.get("event_name").asText());
            assertEquals(OA_ID, event.at("/sender/id").asText());
            assertEquals(an.followerId(), event.at("/recipient/id").asText());
            assertEquals(messageId, event.at("/message/msg_id").asText());
        }

        @Test
        void unfollowWrongSignatureUnsignedOldTimestampAndRawBodies() throws Exception {
            StubUser an = control.createUser(NewUser.named("An").following(Instant.now()));
            control.webhook(WebhookEvent.unfollow(an.id()).wrongSignature(), url);
            Map<String, String> wrong = received.get(0);
            String timestamp = json(wrong.get("body")).get("timestamp").asText();
            assertNotEquals("mac=" + Raw.webhookMac(APP_ID, wrong.get("body"), timestamp, OA_SECRET),
                    wrong.get("signature"));
            assertFalse(control.user(an.id()).followed());

            control.webhook(WebhookEvent.follow(an.id()).unsigned(), url);
            assertNull(received.get(1).get("signature"));

            control.webhook(WebhookEvent.follow(an.id()).timestamp(1_600_000_000_000L), url);
            Map<String, String> old = received.get(2);
            assertEquals("1600000000000", json(old.get("body")).get("timestamp").asText());
            assertEquals("mac=" + Raw.webhookMac(APP_ID, old.get("body"), "1600000000000", OA_SECRET),
                    old.get("signature"));

            String raw = "{\"event_name\":\"follow\",\"timestamp\":\"1700000000000\"}";
            control.webhook(WebhookEvent.raw(raw), url);
            assertEquals(raw, received.get(3).get("body"));
            assertEquals("mac=" + Raw.webhookMac(APP_ID, raw, "1700000000000", OA_SECRET), received.get(3).get("signature"));
            assertEquals("8c2024bb4f7cc668d501725f9458d8dab79973b9ccc150df1b0c4d03379b14ec",
                    Signatures.webhookMac("1234567890", raw, "1700000000000", "oa-secret"));
        }

        @Test
        void anUnreachableReceiverIsReportedNotThrown() {
            StubUser an = control.createUser(NewUser.named("An"));
            receiver.stop(0);
            WebhookDelivery delivery = control.webhook(WebhookEvent.follow(an.id()), url);
            assertNull(delivery.status());
            assertTrue(delivery.deliveryError() != null);
        }
    }

    @Test
    void inboxFiltersByPhoneAndFollower() {
        StubUser an = control.createUser(NewUser.named("An").phone("84901234567").following(Instant.now()));
        control.createUser(NewUser.named("Bình").phone("84912345678"));
        String zns = "{\"phone\":\"%s\",\"template_id\":\"900001\",\"template_data\":{\"report_code\":\"1\","
                + "\"category_name\":\"2\",\"deadline\":\"3\"},\"tracking_id\":\"%s\"}";
        Raw.postJson(base, "/message/template", zns.formatted("84901234567", "a"), "access_token", OA_ACCESS);
        Raw.postJson(base, "/message/template", zns.formatted("84912345678", "b"), "access_token", OA_ACCESS);
        Raw.postJson(base, "/v3.0/oa/message/cs", "{\"recipient\":{\"user_id\":\"" + an.followerId()
                + "\"},\"message\":{\"text\":\"x\"}}", "access_token", OA_ACCESS);
        assertEquals(3, control.inbox().size());
        assertEquals(List.of("zns", "oa"), control.inboxForPhone("0901234567").stream()
                .map(ZaloStubClient.InboxMessage::channel).toList());
        assertEquals(2, control.inboxForFollower(an.followerId()).size());
        assertEquals("b", Raw.get(base, "/_stub/inbox?trackingId=b").json().at("/items/0/trackingId").asText());
    }

    @Test
    void clockCanBeSetAdvancedAndReleased() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        control.setClock(at);
        assertEquals(at, control.now());
        control.advanceClock(Duration.ofMinutes(5));
        assertEquals(at.plusSeconds(300), control.now());
        control.systemClock();
        assertTrue(Duration.between(control.now(), Instant.now()).abs().toSeconds() < 5);
    }

    @Test
    void resetForgetsUsersAndRestoresTheFirstOaTokens() {
        StubUser an = control.createUser(NewUser.named("An"));
        Raw.postForm(base, "/v4/oa/access_token", Map.of("refresh_token", OA_REFRESH, "app_id", APP_ID,
                "grant_type", "refresh_token"), "secret_key", APP_SECRET);
        control.fault(Fault.onAll().error(-501).times(100));
        control.reset();
        assertThrows(IllegalStateException.class, () -> control.user(an.id()));
        assertEquals(OA_ACCESS, control.oaTokens().accessToken());
        assertEquals(OA_REFRESH, control.oaTokens().refreshToken());
        assertTrue(control.oaTokens().refreshTokenUsable());
        assertEquals(0, templateInfo().error(), "faults are gone");
        assertEquals(1, control.calls().size(), "the log starts again");
    }

    @Test
    void createUserWithAnExistingIdUpdatesAndIssuesNewTokens() {
        StubUser first = control.createUser(NewUser.named("An").id("9000000000000000001").phone("84901234567"));
        StubUser second = control.createUser(NewUser.named("Nguyễn Văn An").id("9000000000000000001"));
        assertEquals("Nguyễn Văn An", second.name());
        assertEquals("84901234567", second.phone(), "fields not given are kept");
        assertEquals(first.followerId(), second.followerId());
        assertNotEquals(first.accessToken(), second.accessToken());
        assertEquals(0, Raw.get(base, "/v2.0/me/info", "access_token", first.accessToken(), "code",
                second.phoneToken(), "secret_key", APP_SECRET).error(), "earlier tokens stay valid");
        assertEquals(1, control.users().size());
    }

    @Test
    void badControlRequestsAreRefused() {
        assertEquals(400, Raw.postJson(base, "/_stub/users", "{\"id\":\"abc\"}").status());
        assertEquals(400, Raw.postJson(base, "/_stub/users", "{\"phone\":\"123\"}").status());
        assertEquals(400, Raw.postJson(base, "/_stub/users", "not json").status());
        assertEquals(404, Raw.get(base, "/_stub/nothing").status());
        assertEquals(404, Raw.postJson(base, "/_stub/tokens/revoke", "{\"token\":\"never\"}").status());
        control.createUser(NewUser.named("An").phone("84901234567"));
        assertEquals(400, Raw.postJson(base, "/_stub/users", "{\"phone\":\"84901234567\"}").status(),
                "one phone, one user");
    }

    @Test
    void configNamesTheEndpointsAndTheirParameters() {
        JsonNode config = Raw.get(base, "/_stub/config").json();
        assertEquals(APP_ID, config.get("appId").asText());
        assertEquals(OA_ID, config.get("oaId").asText());
        assertEquals(Endpoint.values().length, config.get("endpoints").size());
        assertFalse(config.toString().contains(APP_SECRET), "secrets are not shown");
    }

    @Test
    void unknownPathsAnswer404AndAreLogged() {
        Raw.Answer answer = Raw.get(base, "/v2.0/oa/getprofile");
        assertEquals(404, answer.status());
        assertEquals(404, answer.error());
        assertEquals(404, Raw.postJson(base, "/v2.0/me", "{}").status(), "wrong method on the graph host");
        assertEquals("unknown", control.calls().get(0).endpoint());
    }
}
