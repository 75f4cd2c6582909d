package vn.smartprovince.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.testkit.ApiClient.ok;
import static vn.smartprovince.testkit.ApiClient.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.auth.UserItems;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.ApiClient;
import vn.smartprovince.testkit.ApiClient.Person;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.LocalApiExtension;

/**
 * The news end to end through the local runtime: an editor drafts an article with an XSS payload
 * and schedules it; the scheduled function, invoked twice as EventBridge would, publishes it once;
 * a reader finds it by a search without diacritics, reads it with the payload stripped, and gets
 * 304 on a matching ETag. A citizen cannot write news.
 */
class NewsApiIT {
    static final String FIRST_ADMIN = "8100000000000000141";

    @RegisterExtension
    static LocalApiExtension api = ApiClient.localApi(FIRST_ADMIN);
    static final ApiClient client = new ApiClient(api);

    static Person admin;
    static Person editor;
    static Person citizen;

    @BeforeAll
    static void theProvinceAndAnEditor() throws Exception {
        admin = client.demoProvinceWithAdmin(FIRST_ADMIN);
        editor = client.citizen("Trần Biên Tập");
        grantEditor(editor);
        citizen = client.citizen("Lê Văn Dân");
    }

    /**
     * Gives {@code person} the EDITOR role on their user item, as the admin's roles route will
     * ({@code PUT /v1/users/{zaloId}/roles/EDITOR}, issue 14's directory part); the authorizer reads
     * roles from the item on every request.
     */
    static void grantEditor(Person person) {
        AttributeValue grant = AttributeValue.fromM(Map.of("role", AttributeValue.fromS("EDITOR")));
        api.aws().dynamoDb().updateItem(b -> b.tableName(client.table())
                .key(Map.of("pk", AttributeValue.fromS(UserItems.userKey(person.id())),
                        "sk", AttributeValue.fromS(UserItems.PROFILE)))
                .updateExpression("SET #roles = list_append(if_not_exists(#roles, :none), :grant)")
                .expressionAttributeNames(Map.of("#roles", UserItems.ROLES))
                .expressionAttributeValues(Map.of(":grant", AttributeValue.fromL(List.of(grant)),
                        ":none", AttributeValue.fromL(List.of())))
                .conditionExpression("attribute_exists(pk)"));
    }

    static JsonNode runScheduler() throws Exception {
        return Json.read(new String(api.functions().invoke("ArticleSchedulerFunction", Events.bytes("news-scheduler.json")),
                StandardCharsets.UTF_8));
    }

    @Test
    void anEditorSchedulesAnArticleItPublishesOnceAndReadersFindItWithoutDiacritics() throws Exception {
        String payload = "<h2>Lịch cắt điện</h2><p>Từ <b>8 giờ</b> đến 11 giờ.</p>"
                + "<script>alert('xss')</script><img src=x onerror=alert(1)>"
                + "<a href=\"jav&#x61;script:alert(1)\">Chi tiết</a><svg onload=alert(1)></svg>"
                + "<iframe src=\"https://evil.example\"></iframe><p style=\"color:red\" onclick=\"x()\">Khu phố 1</p>";
        String draftJson = Json.write(Json.object().put("title", "Thông báo lịch cắt điện")
                .put("summary", "Cắt điện khu phố 1 sáng thứ Bảy để bảo trì.").put("body", payload)
                .put("category", "ANNOUNCEMENT"));
        JsonNode draft = status(201, client.send("POST", "/v1/news-desk/articles", editor, draftJson,
                "Idempotency-Key", "news-it-draft-0001"));
        String id = draft.path("id").asText();
        assertEquals("DRAFT", draft.path("status").asText());

        // A stale version first: refused (409), and the publish function is warm for the real call.
        assertEquals(409, client.send("POST", "/v1/news-desk/articles/" + id + "/publish", editor,
                "{\"expectedVersion\": 7}").statusCode());
        Instant publishAt = Instant.now().plusSeconds(4);
        JsonNode scheduled = ok(client.send("POST", "/v1/news-desk/articles/" + id + "/publish", editor,
                "{\"publishAt\": \"" + publishAt + "\"}", "If-Match", "\"1\""));
        assertEquals("SCHEDULED", scheduled.path("status").asText(), scheduled.toString());
        JsonNode desk = ok(client.send("GET", "/v1/news-desk/articles?status=SCHEDULED", editor, null));
        assertEquals(id, desk.path("items").path(0).path("id").asText(), desk.toString());
        assertEquals(404, client.send("GET", "/v1/news/" + id, null, null).statusCode(), "not public yet");

        Thread.sleep(Math.max(0, publishAt.toEpochMilli() - System.currentTimeMillis()) + 300);
        assertEquals(1, runScheduler().path("published").asInt());
        assertEquals(0, runScheduler().path("published").asInt(), "EventBridge fired twice: published once");

        String q = URLEncoder.encode("thong bao lich cat dien", StandardCharsets.UTF_8);
        JsonNode found = ok(client.send("GET", "/v1/news?q=" + q, null, null));
        assertEquals(1, found.path("items").size(), found.toString());
        assertEquals("Thông báo lịch cắt điện", found.path("items").path(0).path("title").asText());

        HttpResponse<String> read = client.send("GET", "/v1/news/" + id, null, null);
        JsonNode article = ok(read);
        String body = article.path("body").asText();
        for (String unsafe : List.of("script", "onerror", "onload", "onclick", "javascript", "svg", "iframe", "style")) {
            assertFalse(body.toLowerCase().contains(unsafe), unsafe + " survived: " + body);
        }
        assertTrue(body.contains("<b>8 giờ</b>") && body.contains("Chi tiết") && body.contains("Khu phố 1"), body);
        String etag = read.headers().firstValue("etag").orElseThrow();
        assertEquals("public, max-age=300", read.headers().firstValue("cache-control").orElse(""));
        HttpResponse<String> again = client.send("GET", "/v1/news/" + id, null, null, "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());

        HttpResponse<String> feed = client.send("GET", "/v1/news", null, null);
        assertEquals(id, ok(feed).path("items").path(0).path("id").asText());
        String feedTag = feed.headers().firstValue("etag").orElseThrow();
        assertEquals(304, client.send("GET", "/v1/news", null, null, "If-None-Match", feedTag).statusCode());
    }

    /**
     * Authorization before validation on every desk route acting on one article (reports'
     * StrangerAccessApiIT leaves /v1/news-desk/ to this test): a citizen (403) and an editor of
     * another agency (404) get the same answer whatever the body, and nothing is written.
     */
    @Test
    void strangersAreRefusedWhateverTheBodyAndNothingIsWritten() throws Exception {
        JsonNode draft = status(201, client.send("POST", "/v1/news-desk/articles", editor,
                "{\"title\": \"Tin nội bộ\", \"category\": \"NEWS\"}"));
        String id = draft.path("id").asText();
        Person otherEditor = client.officer("Biên tập Công an", "cong-an-tinh", admin);
        grantEditor(otherEditor);
        // Every route on one article of the desk in functions/openapi.yaml: a new one is walked too.
        List<String> routes = vn.smartprovince.testkit.OpenApiRoutes.matching("/v1/news-desk/articles/\\{[^}]+}[^:]*",
                "get|post|put|patch|delete");
        assertEquals(5, routes.size(), routes.toString());
        List<String> bodies = List.of("{not json", "[1, 2, 3]", "{\"expectedVersion\": \"x\", \"unknown\": {\"deep\": true}}");
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("{articleId}", id);
            for (var stranger : Map.of(citizen, 403, otherEditor, 404).entrySet()) {
                for (String body : bodies) {
                    HttpResponse<String> response = client.send(method, path, stranger.getKey(),
                            method.equals("GET") ? null : body);
                    assertEquals(stranger.getValue(), response.statusCode(), route + " " + body + ": " + response.body());
                }
            }
        }
        JsonNode unchanged = ok(client.send("GET", "/v1/news-desk/articles/" + id, editor, null));
        assertEquals(1, unchanged.path("version").asInt(), "refused requests write nothing");
    }

    @Test
    void aCitizenCannotWriteNews() throws Exception {
        HttpResponse<String> refused = client.send("POST", "/v1/news-desk/articles", citizen,
                "{\"title\": \"Tin giả\", \"category\": \"NEWS\"}");
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(401, client.send("GET", "/v1/news-desk/articles", null, null).statusCode());
    }
}
