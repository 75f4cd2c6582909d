package vn.smartprovince.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.reports.ReportsApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.testkit.ApiClient.Person;
import vn.smartprovince.reports.core.TrackingCodes;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.testkit.LocalApiExtension;

/**
 * The whole life of a field report over HTTP through the local runtime, as docs/walkthrough.md's
 * walkthrough shows it: a citizen who hides their identity submits with a photo -> routed to Sở
 * Xây dựng -> asked for information, replies -> transferred to the ward -> accepted and answered
 * with a photo -> the public feed shows it with both photos and without identity, then redacted
 * -> the citizen rates it, then reopens it -> back with the ward. Every transition the citizen
 * should hear about puts a job for them on the notification queue, and a rejected report too.
 */
class LifecycleApiIT {
    static final String FIRST_ADMIN = "8100000000000000055";

    @RegisterExtension
    static LocalApiExtension api = ReportsApiClient.localApi(FIRST_ADMIN);
    static final ReportsApiClient client = new ReportsApiClient(api);

    static Person admin;

    @BeforeAll
    static void publishTheDemoProvinceAndSignInTheAdmin() throws Exception {
        admin = client.demoProvinceWithAdmin(FIRST_ADMIN);
    }

    private static JsonNode post(String path, Person who, String json) throws Exception {
        return ok(client.send("POST", path, who, json));
    }

    @Test
    void submitWithPhotosRouteTransferAnswerPublishRedactRateAndReopen() throws Exception {
        Person mai = client.citizen("Nguyễn Thị Mai");
        Person builder = client.officer("Cán bộ Sở Xây dựng", "so-xay-dung", admin);
        Person ward = client.officer("Cán bộ phường Tân Ninh", "ubnd-tan-ninh", admin);
        byte[] pothole = new byte[40_000];
        new Random(7).nextBytes(pothole);
        byte[] repaired = new byte[30_000];
        new Random(8).nextBytes(repaired);

        // 1. The citizen uploads a photo and submits, hiding her identity.
        String upload = client.uploadPhoto(mai, pothole);
        JsonNode submitted = client.submit(mai, ReportsApiClient.submission("ROAD_DAMAGE",
                "Ổ gà lớn trước nhà tôi số 12, gọi tôi 0912345678.", Map.of("photoKeys", List.of(upload), "hideIdentity", true)));
        String id = submitted.path("id").asText();
        assertEquals("so-xay-dung", submitted.path("agency").path("id").asText(), "routed without the citizen choosing");
        assertTrue(TrackingCodes.valid(submitted.path("trackingCode").asText()));
        assertTrue(submitted.path("expectedAnswerDate").asText().matches("\\d{4}-\\d{2}-\\d{2}"));

        // 2. The agency sees it in its queue and its photo; it asks for information, the citizen replies.
        JsonNode queue = ok(client.send("GET", "/v1/agencies/so-xay-dung/reports", builder, null));
        assertTrue(queue.path("items").findValuesAsText("id").contains(id), queue.toString());
        JsonNode seen = ok(client.send("GET", "/v1/reports/" + id, builder, null));
        assertEquals(id, ok(client.send("GET", "/v1/reports/" + submitted.path("trackingCode").asText(), builder, null))
                .path("id").asText(), "found by the code the citizen reads out on the phone");
        assertArrayEquals(pothole, ReportsApiClient.fetch(seen.path("photos").path(0).path("url").asText()).body(),
                "the officer sees the citizen's photo");
        post("/v1/reports/" + id + "/request-info", builder, "{\"question\": \"Ổ gà ở làn nào?\", \"expectedVersion\": 1}");
        post("/v1/reports/" + id + "/info", mai, "{\"text\": \"Làn bên phải, gần cổng trường.\"}");

        // 3. Sở Xây dựng transfers it to the ward, which accepts and answers with a photo.
        post("/v1/reports/" + id + "/transfer", builder,
                "{\"agencyId\": \"ubnd-tan-ninh\", \"reason\": \"Tuyến đường do phường quản lý.\", \"expectedVersion\": 3}");
        assertEquals(404, client.send("GET", "/v1/reports/" + id, builder, null).statusCode(), "no longer theirs");
        post("/v1/reports/" + id + "/accept", ward, "{\"expectedVersion\": 4}");
        String answerPhoto = client.uploadPhoto(ward, repaired);
        JsonNode answered = post("/v1/reports/" + id + "/answer", ward, "{\"text\": \"Phường đã vá ổ gà.\", \"photoKeys\": [\""
                + answerPhoto + "\"], \"expectedVersion\": 5}");
        assertEquals("ANSWERED", answered.path("status").asText());

        // 4. The public feed (no session) shows it with both photos, and nobody's id anywhere.
        JsonNode feed = ok(client.send("GET", "/v1/feed", null, null));
        JsonNode item = feed.path("items").path(0);
        assertEquals(id, item.path("id").asText());
        assertEquals("Phường đã vá ổ gà.", item.path("answer").path("text").asText());
        String published = feed.toString();
        for (String secret : List.of(mai.id(), ward.id(), "Nguyễn Thị Mai", "12 Đường 30/4", submitted.path("trackingCode").asText())) {
            assertFalse(published.contains(secret), secret + " in the public feed: " + published);
        }
        assertArrayEquals(pothole, ReportsApiClient.fetch(item.path("photos").path(0).path("url").asText()).body());
        assertArrayEquals(repaired, ReportsApiClient.fetch(item.path("answer").path("photos").path(0).path("url").asText()).body());

        // 5. A moderator removes the phone number from the public text; the original stays for audit.
        post("/v1/reports/" + id + "/moderation", admin,
                "{\"redactedDescription\": \"Ổ gà lớn trước nhà số ***.\", \"reason\": \"Số điện thoại\"}");
        JsonNode redacted = ok(client.send("GET", "/v1/feed", null, null)).path("items").path(0);
        assertEquals("Ổ gà lớn trước nhà số ***.", redacted.path("description").asText());
        assertTrue(redacted.path("moderated").asBoolean());
        assertTrue(ok(client.send("GET", "/v1/reports/" + id, mai, null)).path("description").asText().contains("0912345678"));

        // 6. The citizen rates the answer, then reopens: the ward has it back, the feed says so.
        JsonNode rated = post("/v1/reports/" + id + "/rating", mai, "{\"stars\": 2, \"comment\": \"Vá tạm, đã bong lại.\"}");
        assertEquals(2, rated.path("rating").path("stars").asInt());
        JsonNode reopened = post("/v1/reports/" + id + "/reopen", mai, "{\"reason\": \"Ổ gà vẫn còn.\"}");
        assertEquals("REOPENED", reopened.path("status").asText());
        assertEquals("ubnd-tan-ninh", reopened.path("agencyId").asText());
        JsonNode back = ok(client.send("GET", "/v1/agencies/ubnd-tan-ninh/reports?status=REOPENED", ward, null));
        assertEquals(List.of(id), back.path("items").findValuesAsText("id"));
        assertEquals("REOPENED", ok(client.send("GET", "/v1/feed", null, null)).path("items").path(0).path("status").asText());

        JsonNode detail = ok(client.send("GET", "/v1/reports/" + id, mai, null));
        List<String> actions = new ArrayList<>(detail.path("timeline").findValuesAsText("action"));
        assertEquals(List.of("SUBMIT", "REQUEST_INFO", "PROVIDE_INFO", "TRANSFER", "ACCEPT", "ANSWER", "RATE", "REOPEN"),
                actions.stream().filter(a -> !a.equals("MODERATE")).toList());

        // 7. A second report is rejected.
        String other = client.submit(mai, ReportsApiClient.submission("ROAD_DAMAGE", "Đường nội bộ khu dân cư hư hỏng.",
                Map.of())).path("id").asText();
        post("/v1/reports/" + other + "/reject", builder,
                "{\"reason\": \"NOT_OUR_COMPETENCE\", \"note\": \"Đường do doanh nghiệp quản lý.\", \"expectedVersion\": 1}");

        // Every transition the citizen should hear about is a job for her, relayed through the
        // notification queue to the dispatcher, which recorded each.
        Set<String> expected = new LinkedHashSet<>();
        expected.add(id + "#v1#RECEIVED#" + mai.id());
        expected.add(id + "#v2#NEEDS_INFO#" + mai.id());
        expected.add(id + "#v4#TRANSFERRED#" + mai.id());
        expected.add(id + "#v6#ANSWERED#" + mai.id());
        expected.add(id + "#v8#REOPENED#" + mai.id());
        expected.add(other + "#v1#RECEIVED#" + mai.id());
        expected.add(other + "#v2#REJECTED#" + mai.id());
        Set<String> dispatched = client.dispatched(expected, 60);
        assertTrue(dispatched.containsAll(expected), "not dispatched: "
                + expected.stream().filter(j -> !dispatched.contains(j)).toList());
        NotificationJob transferred = client.outboxJob(id + "#v4#TRANSFERRED#" + mai.id());
        assertEquals(mai.id(), transferred.recipientId());
        assertEquals("REPORT_STATUS_CHANGED", transferred.templateKey());
        assertEquals(submitted.path("trackingCode").asText(), transferred.parameters().get("report_code"));
        assertTrue(transferred.parameters().get("agency_name").contains("Tân Ninh"), transferred.parameters().toString());

        // The dashboard counts the answer, the rating and the reopening for the ward.
        HttpResponse<String> stats = client.send("GET", "/v1/stats?agencyId=ubnd-tan-ninh", admin, null);
        String counted = ok(stats).toString();
        assertTrue(counted.contains("\"reopened\":1"), counted);
        assertTrue(counted.contains("\"answered\":1"), counted);
    }

    @Test
    void aCitizenWhoErasesTheirAccountLeavesTheReportWithTheAgencyButNothingThatNamesThem() throws Exception {
        Person binh = client.citizen("Trần Văn Bình");
        Person builder = client.officer("Cán bộ Sở Xây dựng 2", "so-xay-dung", admin);
        String id = client.submit(binh, ReportsApiClient.submission("ROAD_DAMAGE", "Nắp cống bị vỡ.", Map.of()))
                .path("id").asText();
        assertEquals(204, client.send("DELETE", "/v1/me", binh, null).statusCode());

        // The stream consumer forgets the citizen: the address text goes, the report stays with the agency.
        JsonNode seen = null;
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            seen = ok(client.send("GET", "/v1/reports/" + id, builder, null));
            if (seen.path("location").path("address").isMissingNode()) {
                break;
            }
            Thread.sleep(300);
        }
        assertTrue(seen.path("location").path("address").isMissingNode(), "address still shown: " + seen);
        assertEquals("Nắp cống bị vỡ.", seen.path("description").asText());
        ok(client.send("POST", "/v1/reports/" + id + "/accept", builder, "{\"expectedVersion\": 1}"));

        // Signing in again with the same Zalo account gives nothing back.
        Person again = client.signInAgain(binh.id());
        assertEquals(404, client.send("GET", "/v1/reports/" + id, again, null).statusCode());
        assertEquals(0, ok(client.send("GET", "/v1/me/reports", again, null)).path("items").size());
    }
}
