package vn.smartprovince.notifications.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.notifications.delivery.Channel;
import vn.smartprovince.notifications.delivery.DeliveryStore;
import vn.smartprovince.notifications.delivery.DynamoDbDeliveryStore;
import vn.smartprovince.notifications.delivery.Reason;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;

/**
 * {@code GET /v1/me/notifications} with the template's environment against the emulator, driven by
 * events/notifications-mine.json (citizen 9000000000000000001).
 */
class MyNotificationsHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final String ME = "9000000000000000001";
    static final String OTHER = "9000000000000000002";
    static final Instant T = Instant.parse("2026-11-28T02:00:00Z");

    @BeforeAll
    static void deliveries() {
        DynamoDbDeliveryStore store = new DynamoDbDeliveryStore(aws.dynamoDb(), aws.tableName("MainTable"));
        for (int i = 0; i < 5; i++) {
            NotificationJob job = job("r" + i, ME, T.plusSeconds(60L * i));
            var a = ((DeliveryStore.Claimed) store.claim(job, "o", T.plusSeconds(3600), T)).attempt();
            switch (i) {
                case 0 -> store.sent(a, Channel.ZNS, "msg-0", "Phản ánh TN-0: Đã trả lời.", T);
                case 1 -> store.undeliverable(a, new Reason(Reason.NO_CHANNEL, "ZNS: no phone number; OA: not following the OA"), T);
                case 2 -> store.failed(a, Channel.ZNS, new Reason("ZALO_-108", "phone invalid"), false, null, T);
                case 3 -> store.deferred(a, Channel.ZNS,
                        new Reason(Reason.OUTSIDE_SENDING_HOURS, "wait"), Instant.parse("2026-11-29T00:00:00Z"), T);
                default -> {
                    store.sent(a, Channel.OA, "msg-4", "Phản ánh TN-4: Đã trả lời.", T);
                    store.markDelivered("msg-4", T.plusSeconds(400));
                }
            }
        }
        NotificationJob others = job("x", OTHER, T.plusSeconds(9999));
        store.claim(others, "o", T.plusSeconds(3600), T);
    }

    static NotificationJob job(String id, String recipient, Instant at) {
        return new NotificationJob(1, "job-" + id, "REPORT_ANSWERED", recipient, "REPORT_STATUS_CHANGED",
                Map.of("report_code", "TN-" + id.substring(1)), "REPORT#" + id + "#" + recipient, at, "req");
    }

    static JsonNode get(Consumer<ObjectNode> change) throws Exception {
        ObjectNode event = (ObjectNode) Json.read(Events.load("notifications-mine.json"));
        change.accept(event);
        ObjectNode result = (ObjectNode) Handlers.invoke(new MyNotificationsHandler(aws.env("MyNotificationsFunction")), event);
        result.set("json", Json.read(result.path("body").asText()));
        return result;
    }

    static Consumer<ObjectNode> query(String limit, String cursor) {
        return e -> {
            ObjectNode params = e.putObject("queryStringParameters");
            StringBuilder raw = new StringBuilder();
            if (limit != null) {
                params.put("limit", limit);
                raw.append("limit=").append(limit);
            }
            if (cursor != null) {
                params.put("cursor", cursor);
                raw.append(raw.isEmpty() ? "" : "&").append("cursor=").append(cursor);
            }
            e.put("rawQueryString", raw.toString());
        };
    }

    static Consumer<ObjectNode> as(String userId) {
        return e -> ((ObjectNode) e.path("requestContext").path("authorizer").path("lambda")).put("userId", userId);
    }

    @Test
    void theSampleRequestListsTheCallersNotificationsNewestFirstWithStateChannelAndReason() throws Exception {
        JsonNode response = get(e -> { });
        assertEquals(200, response.path("statusCode").asInt());
        assertEquals("no-store", response.path("headers").path("cache-control").asText());
        JsonNode items = response.path("json").path("items");
        assertEquals(5, items.size());
        List<String> states = new ArrayList<>();
        items.forEach(i -> states.add(i.path("state").asText()));
        assertEquals(List.of("DELIVERED", "DEFERRED", "FAILED", "UNDELIVERABLE", "SENT"), states);
        JsonNode delivered = items.get(0);
        assertEquals("job-r4", delivered.path("id").asText());
        assertEquals("OA", delivered.path("channel").asText());
        assertEquals("Phản ánh TN-4: Đã trả lời.", delivered.path("text").asText());
        assertEquals("TN-4", delivered.path("parameters").path("report_code").asText());
        assertEquals("2026-11-28T02:04:00Z", delivered.path("createdAt").asText());
        assertEquals(T.plusSeconds(400).toString(), delivered.path("deliveredAt").asText());
        assertEquals("2026-11-29T00:00:00Z", items.get(1).path("notBefore").asText());
        assertEquals("ZALO_-108", items.get(2).path("reasonCode").asText());
        assertEquals("NO_CHANNEL", items.get(3).path("reasonCode").asText());
        assertFalse(items.get(4).has("reasonCode"));
        assertFalse(delivered.has("zaloMsgId") || delivered.has("leaseOwner") || delivered.has("attempts"),
                "internals stay out: " + delivered);
        assertTrue(response.path("json").path("nextCursor").isMissingNode() || response.path("json").path("nextCursor").isNull());
    }

    @Test
    void pagesFollowTheCursorAndOnlyForTheCallerItWasMadeFor() throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(query("2", cursor)).path("json");
            page.path("items").forEach(i -> ids.add(i.path("id").asText()));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            if (cursor != null) {
                String mine = cursor;
                JsonNode foreign = get(e -> {
                    query("2", mine).accept(e);
                    as(OTHER).accept(e);
                });
                assertEquals(400, foreign.path("statusCode").asInt(), "another user's cursor");
                assertEquals("INVALID_CURSOR", foreign.path("json").path("error").path("code").asText());
            }
        } while (cursor != null);
        assertEquals(List.of("job-r4", "job-r3", "job-r2", "job-r1", "job-r0"), ids);
    }

    @Test
    void anotherCitizenSeesOnlyTheirOwn() throws Exception {
        JsonNode items = get(as(OTHER)).path("json").path("items");
        assertEquals(1, items.size());
        assertEquals("job-x", items.get(0).path("id").asText());
        assertEquals("SENDING", items.get(0).path("state").asText());
    }

    @Test
    void badPagingIsA400NamingTheField() throws Exception {
        JsonNode tampered = get(query(null, "eyJsIjoibm90aWZpY2F0aW9ucyJ9"));
        assertEquals(400, tampered.path("statusCode").asInt());
        assertEquals("cursor", tampered.path("json").path("error").path("details").get(0).path("field").asText());
        JsonNode garbage = get(query(null, "%%%not-base64"));
        assertEquals(400, garbage.path("statusCode").asInt());
        for (String limit : List.of("0", "101", "abc")) {
            JsonNode bad = get(query(limit, null));
            assertEquals(400, bad.path("statusCode").asInt(), limit);
            assertEquals("limit", bad.path("json").path("error").path("details").get(0).path("field").asText());
        }
    }
}
