package vn.smartprovince.reports.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.reports.ReportsApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.testkit.ApiClient.Person;
import vn.smartprovince.reports.ReportsApiClient;
import vn.smartprovince.reports.store.ReportItems;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.LocalApiExtension;

/**
 * The officers' side end to end through the local runtime (the template's authorizer and routes,
 * the reports zip, the outbox relay), the emulator and the Zalo stub: people sign in with Zalo, an
 * admin makes officers; a citizen submits, the routed agency's officer finds it in the queue,
 * accepts and answers, and the citizen reads the answer and the timeline; a transfer and a
 * rejection work; an officer of another agency gets 403; the citizen-facing transitions' jobs are
 * in the outbox and reach NotificationQueue. Two officers at once: {@link OfficerConcurrencyApiIT}
 * (its cancelled transaction stops moto's open stream readers, so it has a runtime of its own).
 */
class OfficerReportsApiIT {
    static final String FIRST_ADMIN = "8100000000000000077";

    @RegisterExtension
    static LocalApiExtension api = ReportsApiClient.localApi(FIRST_ADMIN);

    static final ReportsApiClient client = new ReportsApiClient(api);
    static Person admin;

    @BeforeAll
    static void publishTheDemoProvinceAndSignInTheAdmin() throws Exception {
        admin = client.demoProvinceWithAdmin(FIRST_ADMIN);
    }

    private static Person citizen(String name) throws Exception {
        return client.citizen(name);
    }

    private static Person officer(String name, String agencyId) throws Exception {
        return client.officer(name, agencyId, admin);
    }

    private static HttpResponse<String> send(String method, String path, Person who, String json, String... headers)
            throws Exception {
        return client.send(method, path, who, json, headers);
    }

    private static String submit(Person citizen, String category, String description) throws Exception {
        return client.submit(citizen, ReportsApiClient.submission(category, description, Map.of())).path("id").asText();
    }

    private static NotificationJob outboxJob(String reportId, long version, String kind, String recipient) {
        var item = api.aws().dynamoDb().getItem(b -> b.tableName(api.aws().tableName("MainTable")).consistentRead(true)
                .key(ReportItems.key(Outbox.key(reportId + "#v" + version + "#" + kind + "#" + recipient), Outbox.SORT_KEY)))
                .item();
        assertFalse(item == null || item.isEmpty(), "outbox job " + kind + " of " + reportId);
        return Outbox.jobOf(item);
    }

    @Test
    void submitQueueAcceptAnswerTransferRejectWithJobsOnTheQueue() throws Exception {
        Person mai = citizen("Nguyễn Thị Mai");
        Person builder = officer("Cán bộ Xây dựng", "so-xay-dung");
        Person police = officer("Cán bộ Công an", "cong-an-tinh");
        Person ward = officer("Cán bộ phường Tân Ninh", "ubnd-tan-ninh");

        String id = submit(mai, "ROAD_DAMAGE", "Ổ gà lớn trước số 12");
        JsonNode queue = ok(send("GET", "/v1/agencies/so-xay-dung/reports?status=ROUTED", builder, null));
        List<String> ids = new ArrayList<>();
        queue.path("items").forEach(item -> ids.add(item.path("id").asText()));
        assertTrue(ids.contains(id), queue.toString());
        assertEquals(403, send("GET", "/v1/agencies/so-xay-dung/reports", police, null).statusCode());
        assertEquals(403, send("GET", "/v1/agencies/so-xay-dung/reports", mai, null).statusCode());
        HttpResponse<String> foreign = send("POST", "/v1/reports/" + id + "/accept", police, "{\"expectedVersion\": 1}");
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertEquals(403, send("POST", "/v1/reports/" + id + "/accept", mai, "{\"expectedVersion\": 1}").statusCode());

        assertEquals("IN_PROGRESS", ok(send("POST", "/v1/reports/" + id + "/accept", builder, null,
                "if-match", "\"1\"")).path("status").asText());
        HttpResponse<String> stale = send("POST", "/v1/reports/" + id + "/answer", builder,
                "{\"text\": \"x\", \"expectedVersion\": 1}");
        assertEquals(409, stale.statusCode());
        assertEquals(2, Json.read(stale.body()).path("error").path("current").path("version").asInt());
        assertEquals(201, send("POST", "/v1/reports/" + id + "/notes", builder,
                "{\"text\": \"Đội duy tu xử lý sáng mai\"}").statusCode());
        assertEquals("ANSWERED", ok(send("POST", "/v1/reports/" + id + "/answer", builder,
                "{\"text\": \"Đã vá ổ gà ngày 28/11.\", \"expectedVersion\": 2}")).path("status").asText());

        JsonNode seen = ok(send("GET", "/v1/reports/" + id, mai, null));
        assertEquals("ANSWERED", seen.path("status").asText());
        assertEquals("Đã vá ổ gà ngày 28/11.", seen.path("answer").asText());
        List<String> actions = new ArrayList<>();
        seen.path("timeline").forEach(entry -> actions.add(entry.path("action").asText()));
        assertEquals(List.of("SUBMIT", "ACCEPT", "ANSWER"), actions);
        assertFalse(seen.toString().contains("Đội duy tu"), "internal notes never reach the citizen");
        assertEquals(403, send("GET", "/v1/reports/" + id + "/notes", mai, null).statusCode());

        String moved = submit(mai, "ROAD_DAMAGE", "Cống thoát nước bị vỡ");
        JsonNode transferred = ok(send("POST", "/v1/reports/" + moved + "/transfer", builder,
                "{\"agencyId\": \"ubnd-tan-ninh\", \"reason\": \"Tuyến đường do phường quản lý\", \"expectedVersion\": 1}"));
        assertEquals("ubnd-tan-ninh", transferred.path("agencyId").asText());
        JsonNode wardQueue = ok(send("GET", "/v1/agencies/ubnd-tan-ninh/reports", ward, null));
        assertEquals(moved, wardQueue.path("items").path(0).path("id").asText());
        JsonNode rejected = ok(send("POST", "/v1/reports/" + moved + "/reject", ward,
                "{\"reason\": \"DUPLICATE\", \"duplicateOfReportId\": \"" + id + "\", \"note\": \"Đã có phản ánh\", \"expectedVersion\": 2}"));
        assertEquals("REJECTED", rejected.path("status").asText());

        String asked = submit(mai, "ROAD_DAMAGE", "Vỉa hè bị sụt");
        assertEquals("NEEDS_INFO", ok(send("POST", "/v1/reports/" + asked + "/request-info", builder,
                "{\"question\": \"Vỉa hè trước số nhà nào?\", \"expectedVersion\": 1}")).path("status").asText());

        Set<String> jobs = Set.of(
                outboxJob(id, 3, "ANSWERED", mai.id()).jobId(),
                outboxJob(moved, 2, "TRANSFERRED", mai.id()).jobId(),
                outboxJob(moved, 3, "REJECTED", mai.id()).jobId(),
                outboxJob(asked, 2, "NEEDS_INFO", mai.id()).jobId());
        assertEquals("REPORT_ANSWERED", outboxJob(id, 3, "ANSWERED", mai.id()).type());
        // The relay and the dispatcher run from the notifications zip; the queue is checked only when the
        // zip is there (the outbox items above are the transactional guarantee; the notification module's
        // own tests cover the rest). The dispatcher consumes the queue, so its records are what is checked.
        if (java.nio.file.Files.exists(AwsEmulatorExtension.repoRoot()
                .resolve("functions/notifications/target/notifications-lambda.zip"))) {
            Set<String> delivered = client.dispatched(jobs, 60);
            assertTrue(delivered.containsAll(jobs), "dispatched: " + delivered);
        }
    }
}
