package vn.smartprovince.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.reports.core.TrackingCodes;
import vn.smartprovince.reports.store.ReportItems;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * Field reports over HTTP through the local runtime (the template's authorizer and routes, the
 * reports zip), the emulator and the Zalo stub: a citizen signs in with Zalo, submits (routed, with
 * a deadline and the "received" job in the outbox, relayed to NotificationQueue and the dispatcher), 20 concurrent retries with one
 * Idempotency-Key create one report, withdraws; bad inputs are 4xx and write nothing; another
 * citizen's report is 404; a photo uploaded through a presigned URL is cited (and another citizen's is refused).
 */
class ReportsApiIT {
    @RegisterExtension
    static LocalApiExtension api = new LocalApiExtension();

    @BeforeAll
    static void publishTheDemoProvince() {
        new ProvinceConfigStore(api.aws().dynamoDb(), api.aws().tableName("MainTable")).publish(ProvinceConfigLoader.load(
                AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json"))));
    }

    private static String signIn(String name) throws Exception {
        ZaloStubClient.StubUser user = api.zaloStub().createUser(NewUser.named(name));
        HttpResponse<String> response = api.post("/v1/auth/zalo",
                Json.write(Json.object().put("accessToken", user.accessToken())));
        assertEquals(200, response.statusCode(), response.body());
        return Json.read(response.body()).path("sessionToken").asText();
    }

    private static HttpResponse<String> send(String method, String path, String token, String json, String... headers)
            throws Exception {
        HttpRequest.Builder request = api.request(path).header("authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("content-type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return api.send(request.build());
    }

    private static String submission(Map<String, Object> changes) {
        return Json.write(Fixtures.body(changes));
    }

    /**
     * The table as requests leave it: the notification dispatcher's own items (delivery records, the
     * OA token, the notification counters), which it writes in the background for earlier jobs, are
     * not the request's doing.
     */
    private static TreeSet<String> table() {
        TreeSet<String> items = new TreeSet<>();
        api.aws().dynamoDb().scanPaginator(b -> b.tableName(api.aws().tableName("MainTable"))).items().forEach(item -> {
            String pk = item.get("pk").s();
            if (!pk.startsWith("NOTIFICATION#") && !pk.startsWith("ZALO")
                    && !pk.equals(vn.smartprovince.shared.stats.NotificationCounterKeys.PK)) {
                items.add(new java.util.TreeMap<>(item).toString());
            }
        });
        return items;
    }

    /**
     * The notification dispatcher's record of the job (NOTIFICATION#<deduplicationKey> / DELIVERY), waiting up
     * to 30 s: the job went from the outbox through the relay and NotificationQueue to the dispatcher
     * (which consumes the queue, so the test cannot read the queue itself).
     */
    private static java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> awaitDispatched(
            NotificationJob job) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            var item = api.aws().dynamoDb().getItem(b -> b.tableName(api.aws().tableName("MainTable")).consistentRead(true)
                    .key(ReportItems.key("NOTIFICATION#" + job.deduplicationKey(), "DELIVERY"))).item();
            if (item != null && !item.isEmpty() && !"SENDING".equals(item.get("state").s())) {
                return item;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("job " + job.jobId() + " never reached the notification dispatcher");
    }

    /** A photo uploaded as the mini app does: ask for a presigned URL, PUT the bytes there. */
    private static String uploadPhoto(String token) throws Exception {
        byte[] photo = new byte[50_000];
        new java.util.Random(3).nextBytes(photo);
        HttpResponse<String> asked = send("POST", "/v1/report-photos/uploads", token,
                "{\"contentType\": \"image/jpeg\", \"sizeBytes\": " + photo.length + "}");
        assertEquals(200, asked.statusCode(), asked.body());
        JsonNode upload = Json.read(asked.body());
        HttpRequest.Builder put = HttpRequest.newBuilder(java.net.URI.create(upload.path("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo));
        upload.path("headers").fields().forEachRemaining(h -> put.header(h.getKey(), h.getValue().asText()));
        HttpResponse<String> stored = java.net.http.HttpClient.newHttpClient().send(put.build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stored.statusCode(), stored.body());
        return upload.path("key").asText();
    }

    @Test
    void aCitizenSubmitsWithAPhotoIsRoutedWithADeadlineAndWithdraws() throws Exception {
        String token = signIn("Nguyễn Thị Mai");
        String photo = uploadPhoto(token);
        HttpResponse<String> created = send("POST", "/v1/reports", token,
                submission(Map.of("category", "FLOODING", "photoKeys", List.of(photo))));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode answer = Json.read(created.body());
        String id = answer.path("id").asText();
        assertEquals("so-xay-dung", answer.path("agency").path("id").asText());
        assertTrue(answer.path("expectedAnswerDate").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
        assertTrue(answer.path("urgent").asBoolean());
        assertTrue(TrackingCodes.valid(answer.path("trackingCode").asText()));

        JsonNode report = Json.read(send("GET", "/v1/reports/" + id, token, null).body());
        assertEquals("ROUTED", report.path("status").asText());
        assertEquals("SUBMIT", report.path("timeline").path(0).path("action").asText());
        String kept = report.path("photoKeys").path(0).asText();
        assertTrue(kept.startsWith("report-photos/reports/" + id + "/"), "the report's own copy: " + kept);
        var tags = api.aws().s3().getObjectTagging(b -> b.bucket(api.aws().bucketName("PhotoBucket")).key(kept)).tagSet();
        assertTrue(tags.stream().anyMatch(t -> t.key().equals("photo-state") && t.value().equals("cited")), tags.toString());
        // the owner sees the photo through a short-lived link
        String link = report.path("photos").path(0).path("url").asText();
        HttpResponse<byte[]> shown = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, shown.statusCode(), link);
        assertTrue(shown.body().length > 0);

        // The "received" job is in the outbox, written with the report.
        String citizenId = Json.read(send("GET", "/v1/me", token, null).body()).path("profile").path("zaloId").asText();
        var item = api.aws().dynamoDb().getItem(b -> b.tableName(api.aws().tableName("MainTable")).consistentRead(true)
                .key(ReportItems.key(Outbox.key(id + "#v1#RECEIVED#" + citizenId), Outbox.SORT_KEY))).item();
        NotificationJob job = Outbox.jobOf(item);
        assertEquals("REPORT_RECEIVED", job.type());
        assertEquals(answer.path("trackingCode").asText(), job.parameters().get("report_code"));
        // ... and the stream relay (OutboxRelayFunction) puts it on the notification queue, where the
        // dispatcher takes it: this citizen gave no phone and follows no OA, so it is undeliverable.
        var dispatched = awaitDispatched(job);
        assertEquals(job.jobId(), dispatched.get("jobId").s());
        assertEquals(job.parameters().get("report_code"), dispatched.get("parameters").m().get("report_code").s());
        assertEquals("UNDELIVERABLE", dispatched.get("state").s());
        assertEquals("NO_CHANNEL", dispatched.get("reasonCode").s());

        HttpResponse<String> withdrawn = send("POST", "/v1/reports/" + id + "/withdraw", token,
                "{\"reason\": \"Nước đã rút\", \"expectedVersion\": 1}");
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertEquals("WITHDRAWN", Json.read(withdrawn.body()).path("status").asText());
        HttpResponse<String> again = send("POST", "/v1/reports/" + id + "/withdraw", token, null);
        assertEquals(409, again.statusCode());
        assertEquals("WITHDRAWN", Json.read(again.body()).path("error").path("current").path("status").asText());
    }

    @Test
    void twentyConcurrentSubmitsWithOneIdempotencyKeyCreateOneReport() throws Exception {
        String token = signIn("Trần Văn Bình");
        String body = submission(Map.of("description", "Đèn đường tắt cả tuần", "category", "STREET_LIGHT"));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> send("POST", "/v1/reports", token, body, "idempotency-key", "retry-key-0001"));
            }
            Set<String> ids = new HashSet<>();
            for (Future<HttpResponse<String>> future : pool.invokeAll(calls)) {
                HttpResponse<String> response = future.get();
                assertEquals(201, response.statusCode(), response.body());
                ids.add(Json.read(response.body()).path("id").asText());
            }
            assertEquals(1, ids.size(), "one report");
        } finally {
            pool.shutdownNow();
        }
        JsonNode mine = Json.read(send("GET", "/v1/me/reports", token, null).body());
        assertEquals(1, mine.path("items").size(), mine.toString());
        HttpResponse<String> reused = send("POST", "/v1/reports", token, submission(Map.of()), "idempotency-key", "retry-key-0001");
        assertEquals(422, reused.statusCode());
        assertEquals("IDEMPOTENCY_KEY_REUSED", Json.read(reused.body()).path("error").path("code").asText());
    }

    @Test
    void badInputsAre4xxAndWriteNothingAndOthersReportsAre404() throws Exception {
        String owner = signIn("Lê Thị Cúc");
        String other = signIn("Phạm Văn Dũng");
        String id = Json.read(send("POST", "/v1/reports", owner, submission(Map.of())).body()).path("id").asText();

        TreeSet<String> before = table();
        Map<String, String> cases = Map.of(
                "description", submission(Map.of("description", "ổ".repeat(4001))),
                "category", submission(Map.of("category", "UFO")),
                "location", submission(Map.of("location", Map.of("lat", 21.03, "lng", 105.85, "areaCode", "DEMO-P02"))),
                "location.areaCode", submission(Map.of("location", Map.of("lat", 11.31, "lng", 106.09, "areaCode", "NOPE"))),
                "location.lat", submission(Map.of("location", Map.of("lat", "11", "lng", 106.09, "areaCode", "DEMO-P02"))),
                "hideIdentity", submission(Map.of("category", "OTHER", "hideIdentity", true)));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = send("POST", "/v1/reports", owner, c.getValue());
            assertEquals(400, response.statusCode(), c.getKey() + " " + response.body());
            assertEquals(c.getKey(), Json.read(response.body()).path("error").path("details").path(0).path("field").asText());
        }
        assertEquals(400, send("POST", "/v1/reports", owner, "{\"category\": ").statusCode());
        HttpResponse<String> foreignPhoto = send("POST", "/v1/reports", other,
                submission(Map.of("photoKeys", List.of(uploadPhoto(owner)))));
        assertEquals(400, foreignPhoto.statusCode(), foreignPhoto.body());
        assertEquals("photoKeys[0]", Json.read(foreignPhoto.body()).path("error").path("details").path(0).path("field").asText());
        assertEquals(415, api.send(api.request("/v1/reports").header("authorization", "Bearer " + owner)
                .header("content-type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi")).build()).statusCode());
        assertEquals(404, send("GET", "/v1/reports/" + id, other, null).statusCode());
        assertEquals(404, send("POST", "/v1/reports/" + id + "/withdraw", other, null).statusCode());
        assertEquals(404, send("GET", "/v1/reports/rnosuchreportaaaaaaaaaaaa", owner, null).statusCode());
        assertEquals(409, send("POST", "/v1/reports/" + id + "/rating", owner, "{\"stars\": 5}").statusCode());
        assertEquals(400, send("GET", "/v1/me/reports?cursor=bm9wZQ", owner, null).statusCode());
        assertEquals(400, send("GET", "/v1/me/reports?limit=101", owner, null).statusCode());
        assertEquals(before, table(), "nothing written by refused requests");

        assertFalse(Json.read(send("GET", "/v1/reports/nearby?category=ROAD_DAMAGE&lat=11.3101&lng=106.0985", other, null)
                .body()).path("items").isEmpty(), "offered as a duplicate to another citizen");
        JsonNode support = Json.read(send("POST", "/v1/reports/" + id + "/support", other, null).body());
        assertEquals(1, support.path("supportCount").asInt());
    }
}
