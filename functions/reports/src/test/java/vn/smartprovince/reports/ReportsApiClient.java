package vn.smartprovince.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
 * What the end-to-end tests of reports do over HTTP, as the mini app does it: people signed in with
 * Zalo (through the stub), officers granted by an admin, photos uploaded through presigned URLs,
 * requests with a session, and the notification jobs that reach the queue.
 */
public final class ReportsApiClient {
    private static final HttpClient STORAGE = HttpClient.newHttpClient();

    /** A signed-in person: their Zalo id (= user id) and session token. */
    public record Person(String id, String token) {
    }

    private final LocalApiExtension api;

    public ReportsApiClient(LocalApiExtension api) {
        this.api = api;
    }

    /** The local runtime with {@code firstAdminZaloId} as the template's FirstAdminZaloId. */
    public static LocalApiExtension localApi(String firstAdminZaloId) {
        return new LocalApiExtension(AwsEmulatorExtension.builder().parameter("FirstAdminZaloId", firstAdminZaloId).build());
    }

    /** The demo province published and its first admin signed in (their first sign-in makes them admin). */
    public Person demoProvinceWithAdmin(String firstAdminZaloId) throws Exception {
        publishDemoProvince();
        return signIn(NewUser.named("Quản trị tỉnh").id(firstAdminZaloId));
    }

    /** Publishes the demo province (infra/demo/tay-ninh.json), as start-local does. */
    public void publishDemoProvince() {
        new ProvinceConfigStore(api.aws().dynamoDb(), api.aws().tableName("MainTable")).publish(ProvinceConfigLoader.load(
                AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json"))));
    }

    public Person signIn(NewUser user) throws Exception {
        return signIn(api.zaloStub().createUser(user));
    }

    /** A user the stub already knows signs in again (fresh Zalo tokens). */
    public Person signInAgain(String userId) throws Exception {
        return signIn(api.zaloStub().issueTokens(userId));
    }

    private Person signIn(ZaloStubClient.StubUser created) throws Exception {
        ObjectNode body = Json.object().put("accessToken", created.accessToken());
        if (created.phoneToken() != null) {
            body.put("phoneToken", created.phoneToken());   // the mini app's getPhoneNumber(), when the user allowed it
        }
        HttpResponse<String> response = api.post("/v1/auth/zalo", Json.write(body));
        assertEquals(200, response.statusCode(), response.body());
        return new Person(created.id(), Json.read(response.body()).path("sessionToken").asText());
    }

    public Person citizen(String name) throws Exception {
        return signIn(NewUser.named(name));
    }

    /** A new person made an officer of {@code agencyId} by {@code admin}. */
    public Person officer(String name, String agencyId, Person admin) throws Exception {
        Person person = citizen(name);
        ok(send("PUT", "/v1/users/" + person.id() + "/officer-role", admin, "{\"agencyId\": \"" + agencyId + "\"}"));
        return person;
    }

    /** A request as {@code who} (null: without a session), with a JSON body when {@code json} is not null. */
    public HttpResponse<String> send(String method, String path, Person who, String json, String... headers)
            throws Exception {
        HttpRequest.Builder request = api.request(path)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (who != null) {
            request.header("authorization", "Bearer " + who.token());
        }
        if (json != null) {
            request.header("content-type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return api.send(request.build());
    }

    public static JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.read(response.body());
    }

    /** A photo uploaded as the mini app does: ask for a presigned URL, PUT the bytes there; answers its key. */
    public String uploadPhoto(Person who, byte[] photo) throws Exception {
        JsonNode upload = ok(send("POST", "/v1/report-photos/uploads", who,
                "{\"contentType\": \"image/jpeg\", \"sizeBytes\": " + photo.length + "}"));
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo));
        upload.path("headers").fields().forEachRemaining(h -> put.header(h.getKey(), h.getValue().asText()));
        HttpResponse<String> stored = STORAGE.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stored.statusCode(), stored.body());
        return upload.path("key").asText();
    }

    /** GET of a (presigned) URL, as the mini app's image view does. */
    public static HttpResponse<byte[]> fetch(String url) throws Exception {
        return STORAGE.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A submission body at the demo ward DEMO-P02 (Tân Ninh), with {@code changes} applied. */
    public static ObjectNode submission(String category, String description, Map<String, Object> changes) {
        ObjectNode body = Json.object().put("category", category).put("description", description);
        body.putObject("location").put("lat", 11.3101).put("lng", 106.0985).put("address", "12 Đường 30/4")
                .put("areaCode", "DEMO-P02");
        changes.forEach((name, value) -> body.set(name, Json.MAPPER.valueToTree(value)));
        return body;
    }

    /** Submits and answers the 201's body. */
    public JsonNode submit(Person citizen, ObjectNode body) throws Exception {
        HttpResponse<String> created = send("POST", "/v1/reports", citizen, Json.write(body));
        assertEquals(201, created.statusCode(), created.body());
        return Json.read(created.body());
    }

    /**
     * The job ids the notification dispatcher has recorded (its delivery record
     * {@code NOTIFICATION#REPORT#<jobId>} / {@code DELIVERY}, past SENDING), waiting up to
     * {@code seconds}: outbox -> relay -> NotificationQueue -> dispatcher, which consumes the queue.
     */
    public Set<String> dispatched(Set<String> jobIds, int seconds) throws InterruptedException {
        Set<String> seen = new HashSet<>();
        long until = System.currentTimeMillis() + seconds * 1_000L;
        while (!seen.containsAll(jobIds) && System.currentTimeMillis() < until) {
            for (String jobId : jobIds) {
                var item = api.aws().dynamoDb().getItem(b -> b.tableName(api.aws().tableName("MainTable"))
                        .consistentRead(true).key(ReportItems.key("NOTIFICATION#REPORT#" + jobId, "DELIVERY"))).item();
                if (item != null && !item.isEmpty() && !"SENDING".equals(item.get("state").s())) {
                    seen.add(jobId);
                }
            }
            Thread.sleep(500);
        }
        return seen;
    }

    /** The job the change wrote to the outbox in its own transaction. */
    public NotificationJob outboxJob(String jobId) {
        var item = api.aws().dynamoDb().getItem(b -> b.tableName(api.aws().tableName("MainTable")).consistentRead(true)
                .key(ReportItems.key(Outbox.key(jobId), Outbox.SORT_KEY))).item();
        assertFalse(item == null || item.isEmpty(), "outbox job " + jobId);
        return Outbox.jobOf(item);
    }
}
