package vn.smartprovince.testkit;

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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.zalostub.ZaloStubClient;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;

/**
 * What end-to-end tests do over HTTP through the local runtime, as the mini app does it: people
 * signed in with Zalo (through the stub), officers granted by an admin, files uploaded through
 * presigned URLs, requests with a session, and the notification jobs that reach the dispatcher.
 * Domain clients (reports, dossiers) extend it with their own requests.
 */
public class ApiClient {
    private static final HttpClient STORAGE = HttpClient.newHttpClient();

    /** A signed-in person: their Zalo id (= user id) and session token. */
    public record Person(String id, String token) {
    }

    protected final LocalApiExtension api;

    public ApiClient(LocalApiExtension api) {
        this.api = api;
    }

    /** The local runtime with {@code firstAdminZaloId} as the template's FirstAdminZaloId. */
    public static LocalApiExtension localApi(String firstAdminZaloId) {
        return new LocalApiExtension(AwsEmulatorExtension.builder().parameter("FirstAdminZaloId", firstAdminZaloId).build());
    }

    public LocalApiExtension api() {
        return api;
    }

    /** The demo province published and its first admin signed in (their first sign-in makes them admin). */
    public Person demoProvinceWithAdmin(String firstAdminZaloId) throws Exception {
        publishDemoProvince();
        return signIn(NewUser.named("Quản trị tỉnh").id(firstAdminZaloId));
    }

    /** Publishes the demo province (infra/demo/tay-ninh.json), as start-local does. */
    public void publishDemoProvince() {
        new ProvinceConfigStore(api.aws().dynamoDb(), table()).publish(ProvinceConfigLoader.load(
                AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json"))));
    }

    public String table() {
        return api.aws().tableName("MainTable");
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

    /**
     * {@code person} given {@code role} ({@code EDITOR} or {@code ALERT_SENDER}) by {@code admin}
     * through {@code PUT /v1/users/{zaloId}/roles/{role}}; the same person (their session sees the
     * role on the next request).
     */
    public Person withRole(Person person, String role, Person admin) throws Exception {
        ok(send("PUT", "/v1/users/" + person.id() + "/roles/" + role, admin, null));
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

    /** The body of a 200 answer (fails the test on any other status). */
    public static JsonNode ok(HttpResponse<String> response) {
        return status(200, response);
    }

    /** The body of an answer with {@code status} (fails the test on any other). */
    public static JsonNode status(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        return Json.read(response.body());
    }

    /**
     * Stores {@code bytes} at a presigned upload the API answered ({@code url} and the {@code headers}
     * it must carry), as the mini app does.
     */
    public static void put(String url, JsonNode headers, byte[] bytes) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.fields().forEachRemaining(h -> put.header(h.getKey(), h.getValue().asText()));
        HttpResponse<String> stored = STORAGE.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stored.statusCode(), stored.body());
    }

    /** GET of a (presigned) URL, as the mini app's image view does. */
    public static HttpResponse<byte[]> fetch(String url) throws Exception {
        return STORAGE.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * The deduplication keys the notification dispatcher has recorded (its delivery record
     * {@code NOTIFICATION#<deduplicationKey>} / {@code DELIVERY}, past SENDING), waiting up to
     * {@code seconds}: outbox -> relay -> NotificationQueue -> dispatcher, which consumes the queue.
     */
    public Set<String> dispatched(Set<String> deduplicationKeys, int seconds) throws InterruptedException {
        Set<String> seen = new HashSet<>();
        long until = System.currentTimeMillis() + seconds * 1_000L;
        while (!seen.containsAll(deduplicationKeys) && System.currentTimeMillis() < until) {
            for (String key : deduplicationKeys) {
                var item = api.aws().dynamoDb().getItem(b -> b.tableName(table()).consistentRead(true)
                        .key(key("NOTIFICATION#" + key, "DELIVERY"))).item();
                if (item != null && !item.isEmpty() && !"SENDING".equals(item.get("state").s())) {
                    seen.add(key);
                }
            }
            Thread.sleep(500);
        }
        return seen;
    }

    /** The job a change wrote to the outbox in its own transaction. */
    public NotificationJob outboxJob(String jobId) {
        var item = api.aws().dynamoDb().getItem(b -> b.tableName(table()).consistentRead(true)
                .key(key(Outbox.key(jobId), Outbox.SORT_KEY))).item();
        assertFalse(item == null || item.isEmpty(), "outbox job " + jobId);
        return Outbox.jobOf(item);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }
}
