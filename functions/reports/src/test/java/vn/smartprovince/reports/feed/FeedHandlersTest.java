package vn.smartprovince.reports.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.testkit.Handlers.invokeHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.reports.citizen.CitizenReports;
import vn.smartprovince.reports.core.Action;
import vn.smartprovince.reports.core.CounterDelta;
import vn.smartprovince.reports.core.Moderation;
import vn.smartprovince.reports.core.PhotoKeys;
import vn.smartprovince.reports.core.PhotoStore;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportStatus;
import vn.smartprovince.reports.core.TrackingCodes;
import vn.smartprovince.reports.core.Transitions;
import vn.smartprovince.reports.stats.StatsHandlerAccess;
import vn.smartprovince.reports.store.DynamoDbOfficerDirectory;
import vn.smartprovince.reports.store.DynamoDbReportStore;
import vn.smartprovince.reports.store.PublicItems;
import vn.smartprovince.reports.store.Publication;
import vn.smartprovince.reports.store.ReportItems;
import vn.smartprovince.reports.store.StoredProvince;
import vn.smartprovince.reports.submit.SubmitReport;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigSource;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;

/**
 * The feed, map, moderation and stats handlers with their template environment against the
 * emulator, driven by events/reports-feed-*.json. Reports are submitted and answered through the
 * core (SubmitReport, Transitions as a province admin: the officers' answer route is a colleague's),
 * so publication runs inside the core's transaction exactly as it will for the officer route.
 */
class FeedHandlersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();
    static final String CITIZEN = "9000000000000000001";
    static final String ADMIN = "8100000000000000001";
    static final Caller ADMIN_CALLER = new Caller(ADMIN, EnumSet.of(Role.CITIZEN, Role.PROVINCE_ADMIN), null, "s",
            Instant.EPOCH, Instant.EPOCH);

    @BeforeAll
    static void publishTheDemoProvince() {
        new ProvinceConfigStore(aws.dynamoDb(), aws.tableName("MainTable")).publish(ProvinceConfigLoader.load(
                AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json"))));
    }

    /** Each test starts from an empty feed: every item but the province configuration is removed (test code only). */
    @org.junit.jupiter.api.BeforeEach
    void emptyTheTable() {
        aws.dynamoDb().scanPaginator(b -> b.tableName(table())).items().forEach(item -> {
            if (!item.get("pk").s().startsWith("PROVINCE#")) {
                aws.dynamoDb().deleteItem(b -> b.tableName(table()).key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
            }
        });
    }

    /** Photos uploaded by the citizen are accepted; links are fake but shaped like presigned URLs. */
    static final class Photos implements PhotoStore {
        @Override
        public PresignedUpload presignUpload(String userId, String contentType, long sizeBytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void verifyUploadedBy(String userId, List<String> keys) {
        }

        @Override
        public URI presignDownload(String key, Duration validFor) {
            return URI.create("https://photos.example/" + key + "?X-Amz-Expires=" + validFor.toSeconds());
        }

        @Override
        public List<String> attach(String reportId, List<String> uploadKeys) {
            return uploadKeys.stream().map(key -> PhotoKeys.forReport(reportId, key)).toList();
        }
    }

    static String table() {
        return aws.tableName("MainTable");
    }

    static DynamoDbReportStore store() {
        return new DynamoDbReportStore(aws.dynamoDb(), table());
    }

    static StoredProvince province() {
        return new StoredProvince(new ProvinceConfigSource(aws.dynamoDb(), table(), null, Duration.ofMinutes(5),
                Clock.systemUTC()));
    }

    static Caller citizen(String id) {
        return new Caller(id, Set.of(Role.CITIZEN), null, "s", Instant.EPOCH, Instant.EPOCH);
    }

    static Caller officer(String id, String agencyId) {
        return new Caller(id, EnumSet.of(Role.CITIZEN, Role.OFFICER), agencyId, "s", Instant.EPOCH, Instant.EPOCH);
    }

    /** A report submitted by {@code citizen} (through the core's submission). */
    static Report submit(String citizenId, boolean hideIdentity, double lat, double lng, String category) {
        ObjectNode body = Json.object();
        body.put("category", category);
        body.put("description", "Ổ gà lớn trước nhà tôi số 12, gọi tôi 0912345678.");
        body.putObject("location").put("lat", lat).put("lng", lng).put("address", "12 Đường 30/4").put("areaCode", "DEMO-P02");
        body.put("hideIdentity", hideIdentity);
        body.putArray("photoKeys").add("report-photos/pending/" + citizenId + "/0b6f1c7e-2d1a-4c1b-9a55-7d2f0e7a1b3c.jpg");
        return new SubmitReport(store(), province(), new Photos(), new DynamoDbOfficerDirectory(aws.dynamoDb(), table()),
                new TrackingCodes(), Clock.systemUTC()).submit(citizen(citizenId), body, null).report();
    }

    /** The answer as the officers' ANSWER route will give it (here by a province admin, through Transitions). */
    static Report answer(String id, String text) {
        return new Transitions(store(), province(), Clock.systemUTC()).apply(ADMIN_CALLER, id, Action.ANSWER, null,
                (before, after, effects) -> {
                    after.answerText(text).answeredAt(effects.at())
                            .answerPhotoKeys(List.of(PhotoKeys.forReport(id,
                                    "report-photos/pending/" + ADMIN + "/1f0e2d3c-4b5a-4978-8695-a4b3c2d1e0f9.jpg")));
                    if (before.firstAnsweredAt() == null) {
                        after.firstAnsweredAt(effects.at());
                    }
                    effects.reason("answered").count(CounterDelta.forReport(before, before.agencyId(), effects.at(), "answered", 1));
                });
    }

    static CitizenReports citizenReports() {
        return new CitizenReports(store(), province(), new DynamoDbOfficerDirectory(aws.dynamoDb(), table()),
                Duration.ofDays(30), Clock.systemUTC());
    }

    static ObjectNode event(String name, Consumer<ObjectNode> change) {
        ObjectNode event = (ObjectNode) Json.read(Events.load(name));
        change.accept(event);
        return event;
    }

    static Consumer<ObjectNode> query(Map<String, String> parameters) {
        return e -> {
            ObjectNode q = e.putObject("queryStringParameters");
            parameters.forEach(q::put);
        };
    }

    static Consumer<ObjectNode> on(String id, Object body) {
        return e -> {
            ((ObjectNode) e.path("pathParameters")).put("id", id);
            e.put("rawPath", e.path("rawPath").asText().replace("rdemoreportsampleaaaaaaaa", id));
            e.put("body", body instanceof String s ? s : Json.write(body));
        };
    }

    static Consumer<ObjectNode> as(String userId, String roles, String agencyId) {
        return e -> {
            ObjectNode lambda = (ObjectNode) e.path("requestContext").path("authorizer").path("lambda");
            lambda.put("userId", userId).put("roles", roles).put("agencyId", agencyId);
        };
    }


    static Env env(String function) {
        return aws.env(function);
    }

    static JsonNode feed(Map<String, String> parameters) {
        JsonNode answer = invokeHttp(new FeedHandler(env("FeedFunction"), new Photos()), event("reports-feed-list.json",
                e -> { e.remove("queryStringParameters"); query(parameters).accept(e); }));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        return answer.path("json");
    }

    static JsonNode moderate(String id, Object body, Consumer<ObjectNode> who) {
        return invokeHttp(new ModerateReportHandler(env("ModerateReportFunction")),
                event("reports-feed-moderation.json", on(id, body).andThen(who)));
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Test
    void anAnsweredReportIsPublishedWithoutIdentityModeratedAndKeepsItsRedactionAcrossReAnswers() {
        Report anonymous = submit(CITIZEN, true, 11.3101, 106.0985, "ROAD_DAMAGE");
        Report named = submit("9000000000000000002", false, 11.3150, 106.1010, "ROAD_DAMAGE");
        assertTrue(ids(feed(Map.of())).isEmpty(), "nothing published before an answer");

        answer(anonymous.id(), "Đã vá ổ gà trong ngày.");
        answer(named.id(), "Đã vá.");
        JsonNode page = feed(Map.of());
        assertEquals(List.of(named.id(), anonymous.id()), ids(page), "newest first");
        String text = page.toString();
        for (String secret : List.of(CITIZEN, "9000000000000000002", "12 Đường 30/4", anonymous.trackingCode(), "citizenId",
                "hideIdentity")) {
            assertFalse(text.contains(secret), secret + " in " + text);
        }
        JsonNode first = page.path("items").path(1);
        assertEquals("ANSWERED", first.path("status").asText());
        assertEquals("Đã vá ổ gà trong ngày.", first.path("answer").path("text").asText());
        assertEquals("Sở Xây dựng", first.path("agency").path("name").asText());
        assertEquals(11.31, first.path("location").path("lat").asDouble());
        assertEquals(1, first.path("photos").size(), "the citizen's photo, as a short-lived link");
        String photoUrl = first.path("photos").path(0).path("url").asText();
        assertTrue(photoUrl.contains("report-photos/reports/" + first.path("id").asText() + "/"), photoUrl);
        assertEquals(1, first.path("answer").path("photos").size(), "the answer's photos, as short-lived links");
        assertTrue(first.path("answer").path("photos").path(0).path("url").asText().endsWith("X-Amz-Expires=900"));

        // Moderation: refused to a citizen and an ordinary officer, 404 for no report, 400 for nothing to do.
        Map<String, Object> redaction = Map.of("redactedDescription", "Ổ gà lớn trước nhà số ***.", "reason", "Số điện thoại");
        assertEquals(403, moderate(anonymous.id(), redaction, as(CITIZEN, "CITIZEN", "")).path("statusCode").asInt());
        assertEquals(403, moderate(anonymous.id(), redaction, as("7", "CITIZEN,OFFICER", "so-xay-dung")).path("statusCode").asInt());
        assertEquals(404, moderate("rnosuchreportaaaaaaaaaaaa", redaction, e -> { }).path("statusCode").asInt());
        JsonNode nothing = moderate(anonymous.id(), Map.of("reason", "x"), e -> { });
        assertEquals(400, nothing.path("statusCode").asInt());
        assertEquals("NOTHING_TO_MODERATE", nothing.path("json").path("error").path("details").path(0).path("code").asText());

        JsonNode moderated = moderate(anonymous.id(), redaction, as("7", "CITIZEN,OFFICER", "tiep-nhan"));
        assertEquals(200, moderated.path("statusCode").asInt(), moderated.toString());
        assertTrue(moderated.path("json").path("inFeed").asBoolean());
        JsonNode shown = feed(Map.of()).path("items").path(1);
        assertEquals("Ổ gà lớn trước nhà số ***.", shown.path("description").asText());
        assertTrue(shown.path("moderated").asBoolean());
        // The original is kept for audit, the moderation recorded.
        Report original = store().find(anonymous.id()).orElseThrow();
        assertTrue(original.description().contains("0912345678"));
        assertEquals(anonymous.description(), original.description());
        var history = new FeedStore(aws.dynamoDb(), table()).moderationHistory(anonymous.id());
        assertEquals(1, history.size());
        assertEquals("7", history.get(0).get("moderatorId").s());
        assertEquals("Số điện thoại", history.get(0).get("reason").s());

        // Reopen and re-answer: published again, the redaction stays.
        citizenReports().reopen(citizen(CITIZEN), anonymous.id(), Json.read("{\"reason\": \"Vẫn còn ổ gà\"}"));
        JsonNode reopened = feed(Map.of("status", "REOPENED"));
        assertEquals(List.of(anonymous.id()), ids(reopened));
        assertEquals("Ổ gà lớn trước nhà số ***.", reopened.path("items").path(0).path("description").asText());
        answer(anonymous.id(), "Đã thảm lại mặt đường.");
        JsonNode reAnswered = feed(Map.of());
        assertEquals(List.of(anonymous.id(), named.id()), ids(reAnswered), "a re-answer comes back on top");
        assertEquals("Ổ gà lớn trước nhà số ***.", reAnswered.path("items").path(0).path("description").asText());
        assertEquals("Đã thảm lại mặt đường.", reAnswered.path("items").path(0).path("answer").path("text").asText());
        assertFalse(reAnswered.toString().contains("0912345678") && reAnswered.path("items").path(0).toString().contains("0912345678"));

        // Hidden: gone from the feed and the map; shown again when un-hidden.
        assertEquals(200, moderate(anonymous.id(), Map.of("hidden", true, "reason", "Lộ thông tin cá nhân"), e -> { })
                .path("statusCode").asInt());
        assertEquals(List.of(named.id()), ids(feed(Map.of())));
        assertEquals(List.of(named.id()), ids(map(Map.of("minLat", "11.28", "minLng", "106.05", "maxLat", "11.34",
                "maxLng", "106.14")).path("json")));
        // A reopen while hidden keeps it hidden (the publication applies the moderation).
        citizenReports().reopen(citizen(CITIZEN), anonymous.id(), Json.read("{\"reason\": \"Lại hỏng\"}"));
        assertEquals(List.of(named.id()), ids(feed(Map.of())));
        assertEquals(200, moderate(anonymous.id(), Map.of("hidden", false, "reason", "Đã biên tập"), e -> { })
                .path("statusCode").asInt());
        JsonNode back = feed(Map.of());
        assertTrue(ids(back).contains(anonymous.id()));
        assertEquals(3, new FeedStore(aws.dynamoDb(), table()).moderationHistory(anonymous.id()).size());

        // Withdrawn (allowed while reopened): out of the feed.
        citizenReports().withdraw(citizen(CITIZEN), anonymous.id(), Json.read("{\"reason\": \"Tự khắc phục\"}"));
        assertEquals(List.of(named.id()), ids(feed(Map.of())));
        assertTrue(aws.dynamoDb().getItem(b -> b.tableName(table()).consistentRead(true)
                .key(ReportItems.key(ReportItems.reportKey(anonymous.id()), PublicItems.PUBLIC))).item().isEmpty());
    }

    @Test
    void aModerationCommittedBetweenAPublicationsReadAndItsWriteCancelsThePublication() {
        Report report = submit(CITIZEN, false, 11.3101, 106.0985, "ROAD_DAMAGE");
        Report answered = answer(report.id(), "Đã xử lý.");
        Report reopened = answered.toBuilder().status(ReportStatus.REOPENED).build();
        var items = Publication.writes(aws.dynamoDb(), table(), answered, reopened);
        assertEquals(200, moderate(report.id(), Map.of("hidden", true, "reason", "Lộ thông tin"), e -> { })
                .path("statusCode").asInt());
        var cancelled = org.junit.jupiter.api.Assertions.assertThrows(
                software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException.class,
                () -> aws.dynamoDb().transactWriteItems(b -> b.transactItems(items)));
        assertTrue(Publication.conflicted(cancelled.cancellationReasons(), 0, items.size()));
        assertTrue(ids(feed(Map.of())).isEmpty(), "still hidden");
    }

    static JsonNode map(Map<String, String> parameters) {
        return invokeHttp(new FeedMapHandler(env("FeedMapFunction"), new Photos()),
                event("reports-feed-map.json", e -> { e.remove("queryStringParameters"); query(parameters).accept(e); }));
    }

    @Test
    void theFeedPagesWithCursorsFiltersAndTheMapFindsByBox() {
        Report a = submit(CITIZEN, false, 11.3101, 106.0985, "ROAD_DAMAGE");
        Report b = submit(CITIZEN, false, 11.3120, 106.0990, "ILLEGAL_DUMPING");
        Report c = submit(CITIZEN, false, 11.5500, 105.9800, "ROAD_DAMAGE");
        answer(a.id(), "Đã xử lý A.");
        answer(b.id(), "Đã xử lý B.");
        answer(c.id(), "Đã xử lý C.");
        JsonNode one = feed(Map.of("limit", "1"));
        assertEquals(List.of(c.id()), ids(one));
        JsonNode two = feed(Map.of("limit", "1", "cursor", one.path("nextCursor").asText()));
        assertEquals(List.of(b.id()), ids(two));
        JsonNode three = feed(Map.of("limit", "5", "cursor", two.path("nextCursor").asText()));
        assertEquals(List.of(a.id()), ids(three));
        assertTrue(three.path("nextCursor").isMissingNode() || three.path("nextCursor").isNull());

        assertEquals(List.of(c.id(), a.id()), ids(feed(Map.of("category", "ROAD_DAMAGE"))));
        assertEquals(List.of(c.id(), a.id()), ids(feed(Map.of("category", "ROAD_DAMAGE", "areaCode", "DEMO-P02"))));
        assertEquals(List.of(b.id()), ids(feed(Map.of("category", "ILLEGAL_DUMPING", "areaCode", "DEMO-P02",
                "status", "ANSWERED"))));

        for (Map<String, String> bad : List.<Map<String, String>>of(Map.of("cursor", "bm9wZQ"), Map.of("cursor", one.path("nextCursor").asText(),
                "category", "ROAD_DAMAGE"), Map.of("category", "UFO"), Map.of("status", "WITHDRAWN"), Map.of("limit", "101"))) {
            JsonNode refused = invokeHttp(new FeedHandler(env("FeedFunction"), new Photos()), event("reports-feed-list.json",
                    e -> { e.remove("queryStringParameters"); query(bad).accept(e); }));
            assertEquals(400, refused.path("statusCode").asInt(), bad + " " + refused);
        }

        JsonNode box = map(Map.of("minLat", "11.28", "minLng", "106.05", "maxLat", "11.34", "maxLng", "106.14"));
        assertEquals(200, box.path("statusCode").asInt(), box.toString());
        assertEquals(List.of(b.id(), a.id()), ids(box.path("json")));
        assertEquals(List.of(a.id()), ids(map(Map.of("minLat", "11.28", "minLng", "106.05", "maxLat", "11.34",
                "maxLng", "106.14", "category", "ROAD_DAMAGE")).path("json")));
        JsonNode inverted = map(Map.of("minLat", "11.34", "minLng", "106.05", "maxLat", "11.28", "maxLng", "106.14"));
        assertEquals(400, inverted.path("statusCode").asInt());
        assertEquals("maxLat", inverted.path("json").path("error").path("details").path(0).path("field").asText());
        JsonNode large = map(Map.of("minLat", "10.5", "minLng", "105.8", "maxLat", "11.6", "maxLng", "106.5"));
        assertEquals(400, large.path("statusCode").asInt());
        assertEquals("BOX_TOO_LARGE", large.path("json").path("error").path("details").path(0).path("code").asText());
        JsonNode missing = map(Map.of("minLat", "11.28"));
        assertEquals(400, missing.path("statusCode").asInt());
    }

    @Test
    void theDashboardReadsTheCountersForAdminsAndAnOfficersOwnAgency() {
        Report a = submit(CITIZEN, false, 11.3101, 106.0985, "ROAD_DAMAGE");
        submit(CITIZEN, false, 11.3101, 106.0985, "ROAD_DAMAGE");
        answer(a.id(), "Đã xử lý.");
        citizenReports().rate(citizen(CITIZEN), a.id(), Json.read("{\"stars\": 4}"));
        String month = java.time.YearMonth.now(vn.smartprovince.shared.province.WorkingDays.ZONE).toString();
        JsonNode stats = StatsHandlerAccess.invoke(env("ReportStatsFunction"), event("reports-feed-stats.json",
                query(Map.of("agencyId", a.agencyId(), "month", month))));
        assertEquals(200, stats.path("statusCode").asInt(), stats.toString());
        JsonNode body = Json.read(stats.path("body").asText());
        assertEquals(2, body.path("received").asInt());
        assertEquals(1, body.path("answered").asInt());
        assertEquals(4.0, body.path("satisfaction").asDouble());
        assertEquals(0, body.path("overdueNow").asInt());
        assertNotNull(body.get("answeredOnTime"));
        JsonNode total = Json.read(StatsHandlerAccess.invoke(env("ReportStatsFunction"), event("reports-feed-stats.json",
                query(Map.of("categoryCode", "ROAD_DAMAGE")))).path("body").asText());
        assertEquals(2, total.path("received").asInt());
        assertTrue(total.path("overdueNow").isMissingNode() || total.path("overdueNow").isNull());

        JsonNode own = StatsHandlerAccess.invoke(env("ReportStatsFunction"), event("reports-feed-stats.json",
                query(Map.of("agencyId", a.agencyId())).andThen(as("7", "CITIZEN,OFFICER", a.agencyId()))));
        assertEquals(200, own.path("statusCode").asInt());
        for (Consumer<ObjectNode> refused : List.of(
                query(Map.of("agencyId", "tiep-nhan")).andThen(as("7", "CITIZEN,OFFICER", a.agencyId())),
                query(Map.of("areaCode", "DEMO-P02")).andThen(as("7", "CITIZEN,OFFICER", a.agencyId())),
                query(Map.of("agencyId", a.agencyId())).andThen(as(CITIZEN, "CITIZEN", "")))) {
            assertEquals(403, StatsHandlerAccess.invoke(env("ReportStatsFunction"), event("reports-feed-stats.json", refused))
                    .path("statusCode").asInt());
        }
        for (Map<String, String> bad : List.<Map<String, String>>of(Map.of(), Map.of("agencyId", "x", "areaCode", "DEMO-P02"),
                Map.of("agencyId", a.agencyId(), "month", "2026-13"), Map.of("areaCode", "NOPE"))) {
            assertEquals(400, StatsHandlerAccess.invoke(env("ReportStatsFunction"), event("reports-feed-stats.json",
                    query(bad))).path("statusCode").asInt(), bad.toString());
        }
    }
}
