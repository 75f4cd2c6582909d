package vn.smartprovince.reports.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.reports.core.Action;
import vn.smartprovince.reports.core.CounterDelta;
import vn.smartprovince.reports.core.Transitions;
import vn.smartprovince.reports.store.DynamoDbReportStore;
import vn.smartprovince.reports.store.StoredProvince;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigSource;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * The public feed end to end over HTTP through the local runtime (the template's routes and
 * authorizer, the reports zip), the emulator and the Zalo stub: a citizen who hid their identity
 * submits; the report is answered (through the core's Transitions as a province admin, until the
 * officers' answer route lands); the public feed (no session) shows it without identity; the admin
 * redacts it and the feed shows the redacted text; the map finds it; hidden, it is gone; the
 * dashboard counts it.
 */
class FeedApiIT {
    static final String FIRST_ADMIN = "8100000000000000001";

    @RegisterExtension
    static LocalApiExtension api = new LocalApiExtension(AwsEmulatorExtension.builder()
            .parameter("FirstAdminZaloId", FIRST_ADMIN).build());

    @BeforeAll
    static void publishTheDemoProvince() {
        new ProvinceConfigStore(api.aws().dynamoDb(), api.aws().tableName("MainTable")).publish(ProvinceConfigLoader.load(
                AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json"))));
    }

    private static String signIn(NewUser user) throws Exception {
        return signIn(api.zaloStub().createUser(user));
    }

    private static String signIn(ZaloStubClient.StubUser created) throws Exception {
        HttpResponse<String> response = api.post("/v1/auth/zalo",
                Json.write(Json.object().put("accessToken", created.accessToken())));
        assertEquals(200, response.statusCode(), response.body());
        return Json.read(response.body()).path("sessionToken").asText();
    }

    private static HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = api.request(path)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("content-type", "application/json");
        }
        return api.send(request.build());
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.read(response.body());
    }

    @Test
    void anAnsweredReportIsPublicWithoutIdentityRedactedOnTheMapHiddenAndCounted() throws Exception {
        String citizen = signIn(NewUser.named("Nguyễn Thị Ẩn Danh"));
        String citizenId = ok(send("GET", "/v1/me", citizen, null)).path("profile").path("zaloId").asText();
        var body = Json.object();
        body.put("category", "ROAD_DAMAGE");
        body.put("description", "Ổ gà trước nhà tôi, số 12, điện thoại 0912345678.");
        body.putObject("location").put("lat", 11.3101).put("lng", 106.0985).put("address", "12 Đường 30/4")
                .put("areaCode", "DEMO-P02");
        body.put("hideIdentity", true);
        HttpResponse<String> created = send("POST", "/v1/reports", citizen, Json.write(body));
        assertEquals(201, created.statusCode(), created.body());
        String id = Json.read(created.body()).path("id").asText();
        assertTrue(ok(send("GET", "/v1/feed", null, null)).path("items").isEmpty(), "not public before the answer");

        String table = api.aws().tableName("MainTable");
        DynamoDbReportStore store = new DynamoDbReportStore(api.aws().dynamoDb(), table);
        StoredProvince province = new StoredProvince(new ProvinceConfigSource(api.aws().dynamoDb(), table, null,
                Duration.ofMinutes(5), Clock.systemUTC()));
        Caller admin = new Caller(FIRST_ADMIN, EnumSet.of(Role.CITIZEN, Role.PROVINCE_ADMIN), null, "s", Instant.EPOCH,
                Instant.EPOCH);
        new Transitions(store, province, Clock.systemUTC()).apply(admin, id, Action.ANSWER, 1L, (before, after, effects) -> {
            after.answerText("Đã vá ổ gà.").answeredAt(effects.at()).firstAnsweredAt(effects.at());
            effects.reason("answered").count(CounterDelta.forReport(before, before.agencyId(), effects.at(), "answered", 1));
        });

        HttpResponse<String> publicFeed = send("GET", "/v1/feed?category=ROAD_DAMAGE", null, null);
        JsonNode feed = ok(publicFeed);
        assertEquals(id, feed.path("items").path(0).path("id").asText());
        assertEquals("Đã vá ổ gà.", feed.path("items").path(0).path("answer").path("text").asText());
        for (String secret : List.of(citizenId, "Ẩn Danh", "12 Đường 30/4", "citizenId")) {
            assertFalse(publicFeed.body().contains(secret), secret + " in " + publicFeed.body());
        }

        String adminToken = signIn(NewUser.named("Quản trị").id(FIRST_ADMIN));
        String redaction = Json.write(Json.object().put("redactedDescription", "Ổ gà trước nhà số ***.")
                .put("reason", "Xoá số điện thoại"));
        assertEquals(403, send("POST", "/v1/reports/" + id + "/moderation", citizen, redaction).statusCode());
        assertEquals(401, send("POST", "/v1/reports/" + id + "/moderation", null, redaction).statusCode());
        ok(send("POST", "/v1/reports/" + id + "/moderation", adminToken, redaction));
        JsonNode redacted = ok(send("GET", "/v1/feed", null, null));
        assertEquals("Ổ gà trước nhà số ***.", redacted.path("items").path(0).path("description").asText());
        assertFalse(redacted.toString().contains("0912345678"));

        String box = "/v1/feed/map?minLat=11.28&minLng=106.05&maxLat=11.34&maxLng=106.14";
        JsonNode map = ok(send("GET", box, null, null));
        assertEquals(id, map.path("items").path(0).path("id").asText());
        assertEquals("Ổ gà trước nhà số ***.", map.path("items").path(0).path("description").asText());
        HttpResponse<String> inverted = send("GET", "/v1/feed/map?minLat=11.34&minLng=106.05&maxLat=11.28&maxLng=106.14",
                null, null);
        assertEquals(400, inverted.statusCode());
        assertEquals("maxLat", Json.read(inverted.body()).path("error").path("details").path(0).path("field").asText());

        JsonNode stats = ok(send("GET", "/v1/stats?agencyId=so-xay-dung", adminToken, null));
        assertEquals(1, stats.path("received").asInt());
        assertEquals(1, stats.path("answered").asInt());
        assertEquals(403, send("GET", "/v1/stats?agencyId=so-xay-dung", citizen, null).statusCode());
        assertEquals(401, send("GET", "/v1/stats?agencyId=so-xay-dung", null, null).statusCode());

        ok(send("POST", "/v1/reports/" + id + "/moderation", adminToken,
                Json.write(Json.object().put("hidden", true).put("reason", "Lộ thông tin cá nhân"))));
        assertTrue(ok(send("GET", "/v1/feed", null, null)).path("items").isEmpty(), "hidden: gone from the feed");
        assertTrue(ok(send("GET", box, null, null)).path("items").isEmpty(), "and from the map");
        assertEquals(400, send("GET", "/v1/feed?cursor=bm9wZQ", null, null).statusCode());

        // The officers' own answer route publishes too (the hook runs in every transition's transaction).
        ZaloStubClient.StubUser officerUser = api.zaloStub().createUser(NewUser.named("Cán bộ Xây dựng"));
        String officer = signIn(officerUser);
        assertEquals(200, send("PUT", "/v1/users/" + officerUser.id() + "/officer-role", adminToken,
                "{\"agencyId\": \"so-xay-dung\"}").statusCode());
        officer = signIn(officerUser);
        HttpResponse<String> second = send("POST", "/v1/reports", citizen, Json.write(body.put("description", "Ổ gà thứ hai.")));
        assertEquals(201, second.statusCode(), second.body());
        String secondId = Json.read(second.body()).path("id").asText();
        assertEquals("ANSWERED", ok(send("POST", "/v1/reports/" + secondId + "/answer", officer,
                "{\"text\": \"Đã vá ổ gà thứ hai.\", \"expectedVersion\": 1}")).path("status").asText());
        JsonNode after = ok(send("GET", "/v1/feed", null, null));
        assertEquals(secondId, after.path("items").path(0).path("id").asText());
        assertEquals("Đã vá ổ gà thứ hai.", after.path("items").path(0).path("answer").path("text").asText());
        assertEquals(1, after.path("items").size(), "the hidden one stays hidden");
        JsonNode own = ok(send("GET", "/v1/stats?agencyId=so-xay-dung", officer, null));
        assertEquals(2, own.path("received").asInt(), "an officer reads their own agency's counters");
        assertEquals(2, own.path("answered").asInt());
        assertEquals(1, own.path("answeredOnTime").asInt(), "written by the officers' answer route");
        assertTrue(own.path("averageFirstAnswerSeconds").isIntegralNumber(), own.toString());
        assertEquals(0, own.path("overdueNow").asInt());
        assertEquals(403, send("GET", "/v1/stats?agencyId=tiep-nhan", officer, null).statusCode());
    }
}
