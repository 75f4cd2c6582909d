package vn.smartprovince.province.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.province.core.Article;
import vn.smartprovince.province.core.ArticleStatus;
import vn.smartprovince.province.core.ArticleStore;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;
import vn.smartprovince.testkit.MutableClock;

/**
 * The news handlers with the template's environment, against the emulator, driven by
 * events/news-*.json: an editor of an agency drafts (the body cleaned), schedules, the scheduler
 * publishes once (twice fired, and two overlapping runs), the feed, search and article answer with
 * ETags and 304, and the rights hold (citizen 403, another desk 404, stale version 409).
 */
class NewsHandlersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final ProvinceConfig DEMO = ProvinceConfigLoader.load(
            AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json")));
    static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");

    MutableClock clock;
    ArticleStore store;
    ArticleDeskHandler desk;
    NewsHandler news;
    ArticleSchedulerHandler scheduler;

    @BeforeAll
    static void publishTheProvince() {
        new ProvinceConfigStore(aws.dynamoDb(), aws.tableName("MainTable")).publish(DEMO);
    }

    @BeforeEach
    void handlers() {
        String table = aws.tableName("MainTable");
        for (String prefix : List.of("ARTICLE#", "NEWSWORD#")) {
            aws.dynamoDb().scanPaginator(b -> b.tableName(table).filterExpression("begins_with(pk, :p)")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(prefix)))).items()
                    .forEach(item -> aws.dynamoDb().deleteItem(b -> b.tableName(table)
                            .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))));
        }
        clock = new MutableClock(NOW);
        Env env = aws.env("ArticleCreateFunction");
        store = Wiring.articles(env);
        Supplier<ProvinceConfig> config = () -> DEMO;
        desk = new ArticleDeskHandler(new ArticleDesk(store, Wiring.articleCovers(env, true), config, clock));
        news = new NewsHandler(new NewsReading(store, Wiring.articleCovers(aws.env("NewsFeedFunction"), false), config,
                clock));
        scheduler = new ArticleSchedulerHandler(new ArticleScheduler(store, clock));
    }

    static ObjectNode event(String name) {
        return (ObjectNode) Json.read(Events.load(name));
    }

    static ObjectNode withId(ObjectNode event, String id) {
        event.put("rawPath", event.path("rawPath").asText().replace("art_abcdefghijklmnopqrstuvwx", id));
        ((ObjectNode) event.path("pathParameters")).put("articleId", id);
        return event;
    }

    static ObjectNode as(ObjectNode event, String roles, String agencyId) {
        ObjectNode lambda = (ObjectNode) event.path("requestContext").path("authorizer").path("lambda");
        lambda.put("roles", roles);
        lambda.put("agencyId", agencyId);
        return event;
    }

    static ObjectNode body(ObjectNode event, String json) {
        event.put("body", json);
        return event;
    }

    ObjectNode create() {
        ObjectNode answer = Handlers.invokeHttp(desk::create, event("news-article-create.json"));
        assertEquals(201, answer.path("statusCode").asInt(), answer.toString());
        return (ObjectNode) answer.path("json");
    }

    JsonNode feed(String query, String ifNoneMatch) {
        ObjectNode event = event("news-feed-get.json");
        ObjectNode params = Json.object();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                params.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        event.set("queryStringParameters", params);
        if (ifNoneMatch != null) {
            ((ObjectNode) event.path("headers")).put("if-none-match", ifNoneMatch);
        }
        return Handlers.invokeHttp(news::feed, event);
    }

    @Test
    void anEditorDraftsSchedulesAndTheSchedulerPublishesOnceEvenFiredTwice() {
        JsonNode draft = create();
        String id = draft.path("id").asText();
        assertEquals("DRAFT", draft.path("status").asText());
        assertEquals("dien-luc", draft.path("agencyId").asText(), "an editor who is an officer writes for the agency");
        String body = draft.path("body").asText();
        assertTrue(body.contains("<h2>Lịch cắt điện</h2>") && body.contains("<b>8 giờ</b>"), body);
        assertFalse(body.contains("script") || body.contains("onerror") || body.contains("javascript"), body);
        assertTrue(body.contains("Xem"), "the link's text survives: " + body);

        ObjectNode scheduled = Handlers.invokeHttp(desk::publish, withId(event("news-article-publish.json"), id));
        assertEquals(200, scheduled.path("statusCode").asInt(), scheduled.toString());
        assertEquals("SCHEDULED", scheduled.path("json").path("status").asText());
        assertEquals(0, feed("", null).path("json").path("items").size(), "not public before its time");
        assertEquals(404, Handlers.invokeHttp(news::article, withId(event("news-article-get.json"), id))
                .path("statusCode").asInt());

        clock.set(Instant.parse("2026-12-05T01:00:30Z"));
        byte[] tick = Events.bytes("news-scheduler.json");
        assertEquals(1, Handlers.invoke(scheduler, tick).path("published").asInt());
        assertEquals(0, Handlers.invoke(scheduler, tick).path("published").asInt(), "the rule fired twice");

        Article published = store.find(id).orElseThrow();
        assertEquals(ArticleStatus.PUBLISHED, published.status());
        assertEquals(3, published.version(), "created, scheduled, published: once");
        assertEquals(Instant.parse("2026-12-05T01:00:00Z"), published.publishedAt());

        JsonNode page = feed("commune=DEMO-P02", null);
        assertEquals(200, page.path("statusCode").asInt(), page.toString());
        assertEquals("public, max-age=60", page.path("headers").path("cache-control").asText());
        assertEquals(id, page.path("json").path("items").path(0).path("id").asText());
        assertEquals("Thông báo", page.path("json").path("items").path(0).path("categoryLabel").asText());
        assertEquals(0, feed("commune=DEMO-P03", null).path("json").path("items").size(), "another commune's feed");
        String etag = page.path("headers").path("etag").asText();
        JsonNode notModified = feed("commune=DEMO-P02", etag);
        assertEquals(304, notModified.path("statusCode").asInt(), notModified.toString());
        assertEquals(etag, notModified.path("headers").path("etag").asText());

        JsonNode found = feed("q=thong bao lich cat dien", null);
        assertEquals(id, found.path("json").path("items").path(0).path("id").asText(), found.toString());
        assertEquals(1, feed("q=CẮT ĐIỆN khu", null).path("json").path("items").size());
        assertEquals(0, feed("q=cap nuoc", null).path("json").path("items").size());

        ObjectNode article = Handlers.invokeHttp(news::article, withId(event("news-article-get.json"), id));
        assertEquals(200, article.path("statusCode").asInt(), article.toString());
        assertEquals("public, max-age=300", article.path("headers").path("cache-control").asText());
        assertFalse(article.path("json").path("body").asText().contains("script"));
        ObjectNode again = withId(event("news-article-get.json"), id);
        ((ObjectNode) again.path("headers")).put("if-none-match", article.path("headers").path("etag").asText());
        assertEquals(304, Handlers.invokeHttp(news::article, again).path("statusCode").asInt());
    }

    @Test
    void twoOverlappingRunsPublishAnArticleOnce() {
        String id = create().path("id").asText();
        Handlers.invokeHttp(desk::publish, withId(event("news-article-publish.json"), id));
        clock.set(Instant.parse("2026-12-05T01:00:10Z"));
        ArticleScheduler first = new ArticleScheduler(store, clock);
        ArticleScheduler second = new ArticleScheduler(store, clock);
        // Both runs read the schedule before either writes.
        List<Article> seenByFirst = store.due(clock.instant(), 50);
        List<Article> seenBySecond = store.due(clock.instant(), 50);
        assertEquals(1, seenByFirst.size());
        assertTrue(first.publish(seenByFirst.get(0), clock.instant()));
        assertFalse(second.publish(seenBySecond.get(0), clock.instant()), "the second run finds it moved on");
        assertEquals(3, store.find(id).orElseThrow().version());
        assertEquals(1, store.wordHits("dien", 10).size(), "one index entry per word");
    }

    @Test
    void unpublishingTakesTheArticleOutOfTheFeedAndSearch() {
        String id = create().path("id").asText();
        ObjectNode now = body(withId(event("news-article-publish.json"), id), "{\"expectedVersion\": 1}");
        assertEquals("PUBLISHED", Handlers.invokeHttp(desk::publish, now).path("json").path("status").asText());
        assertEquals(1, feed("q=thong bao", null).path("json").path("items").size());
        ObjectNode down = body(withId(event("news-article-publish.json"), id), "{\"expectedVersion\": 2}");
        down.put("routeKey", "POST /v1/news-desk/articles/{articleId}/unpublish");
        JsonNode unpublished = Handlers.invokeHttp(desk::unpublish, down);
        assertEquals("UNPUBLISHED", unpublished.path("json").path("status").asText(), unpublished.toString());
        assertEquals(0, feed("q=thong bao", null).path("json").path("items").size());
        assertEquals(0, feed("", null).path("json").path("items").size());
        assertEquals(0, store.wordHits("thong", 10).size(), "its index entries are gone");
    }

    @Test
    void aStaleVersionIs409WithTheCurrentArticle() {
        String id = create().path("id").asText();
        assertEquals(200, Handlers.invokeHttp(desk::edit, withId(event("news-article-edit.json"), id))
                .path("statusCode").asInt());
        ObjectNode stale = Handlers.invokeHttp(desk::edit, withId(event("news-article-edit.json"), id));
        assertEquals(409, stale.path("statusCode").asInt(), stale.toString());
        assertEquals(2, stale.path("json").path("error").path("current").path("version").asInt());
        ObjectNode ifMatch = body(withId(event("news-article-edit.json"), id), "{\"title\": \"Lịch cắt điện mới\"}");
        ((ObjectNode) ifMatch.path("headers")).put("if-match", "\"2\"");
        ObjectNode edited = Handlers.invokeHttp(desk::edit, ifMatch);
        assertEquals(200, edited.path("statusCode").asInt(), edited.toString());
        assertEquals("\"3\"", edited.path("headers").path("etag").asText());
    }

    @Test
    void citizensAre403AndAnotherDeskSees404() {
        ObjectNode citizen = as(event("news-article-create.json"), "CITIZEN", "");
        ObjectNode refused = Handlers.invokeHttp(desk::create, citizen);
        assertEquals(403, refused.path("statusCode").asInt(), refused.toString());
        assertEquals("EDITOR_REQUIRED", refused.path("json").path("error").path("details").path(0).path("code").asText());

        String id = create().path("id").asText();
        ObjectNode otherAgency = as(withId(event("news-article-edit.json"), id), "CITIZEN,OFFICER,EDITOR", "cong-an-tinh");
        assertEquals(404, Handlers.invokeHttp(desk::edit, otherAgency).path("statusCode").asInt());
        ObjectNode provinceEditor = as(withId(event("news-article-edit.json"), id), "CITIZEN,EDITOR", "");
        assertEquals(404, Handlers.invokeHttp(desk::edit, provinceEditor).path("statusCode").asInt());
        ObjectNode admin = as(withId(event("news-article-edit.json"), id), "CITIZEN,PROVINCE_ADMIN", "");
        assertEquals(200, Handlers.invokeHttp(desk::edit, admin).path("statusCode").asInt());
    }

    @Test
    void badInputIs400NamingTheField() {
        ObjectNode bad = body(event("news-article-create.json"),
                "{\"title\": \"" + "x".repeat(201) + "\", \"category\": \"GOSSIP\", \"communes\": [\"NOWHERE\"]}");
        ObjectNode answer = Handlers.invokeHttp(desk::create, bad);
        assertEquals(400, answer.path("statusCode").asInt(), answer.toString());
        List<String> fields = answer.path("json").path("error").path("details").findValuesAsText("field");
        assertTrue(fields.containsAll(List.of("title", "category", "communes[0]")), fields.toString());
        assertEquals(400, feed("category=GOSSIP", null).path("statusCode").asInt());
        assertEquals(400, feed("cursor=abc", null).path("statusCode").asInt());
    }

    @Test
    void theSameIdempotencyKeyReplaysTheDraft() {
        ObjectNode first = event("news-article-create.json");
        ((ObjectNode) first.path("headers")).put("idempotency-key", "draft-0001-abcdef");
        ObjectNode a = Handlers.invokeHttp(desk::create, first);
        ObjectNode b = Handlers.invokeHttp(desk::create, first);
        assertEquals(201, b.path("statusCode").asInt());
        assertEquals(a.path("json").path("id"), b.path("json").path("id"));
        assertEquals("true", b.path("headers").path("idempotent-replayed").asText());
    }

    @Test
    void aCoverUploadIsSignedForImagesOnly() {
        ObjectNode signed = Handlers.invokeHttp(desk::coverUpload, event("news-cover-upload.json"));
        assertEquals(200, signed.path("statusCode").asInt(), signed.toString());
        assertTrue(signed.path("json").path("key").asText().startsWith("news/covers/"));
        ObjectNode pdf = body(event("news-cover-upload.json"), "{\"contentType\": \"application/pdf\", \"sizeBytes\": 10}");
        ObjectNode refused = Handlers.invokeHttp(desk::coverUpload, pdf);
        assertEquals(400, refused.path("statusCode").asInt());
        assertEquals("contentType", refused.path("json").path("error").path("details").path(0).path("field").asText());
    }
}
