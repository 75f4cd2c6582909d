package vn.smartprovince.reports.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.testkit.Handlers.invokeHttp;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.reports.Fixtures;
import vn.smartprovince.reports.core.TrackingCodes;
import vn.smartprovince.reports.store.ReportItems;
import vn.smartprovince.reports.submit.SubmitReportHandler;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;

/**
 * The report handlers with their template environment against the emulator, driven by
 * events/reports-*.json (whose authorizer context is citizen 9000000000000000001).
 */
class ReportHandlersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();
    static final String CITIZEN = "9000000000000000001";
    static final String OTHER = "9000000000000000002";

    @BeforeAll
    static void publishTheDemoProvince() {
        new ProvinceConfigStore(aws.dynamoDb(), aws.tableName("MainTable")).publish(ProvinceConfigLoader.load(
                AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json"))));
    }

    private static Env env(String function) {
        return aws.env(function);
    }

    static ObjectNode event(String name, Consumer<ObjectNode> change) {
        ObjectNode event = (ObjectNode) Json.read(Events.load(name));
        change.accept(event);
        return event;
    }

    static Consumer<ObjectNode> on(String id) {
        return e -> {
            ((ObjectNode) e.path("pathParameters")).put("id", id);
            e.put("rawPath", e.path("rawPath").asText().replace("rdemoreportsampleaaaaaaaa", id));
        };
    }

    static Consumer<ObjectNode> as(String userId) {
        return e -> ((ObjectNode) e.path("requestContext").path("authorizer").path("lambda")).put("userId", userId);
    }

    static Consumer<ObjectNode> body(Object body) {
        return e -> e.put("body", body instanceof String s ? s : Json.write(body));
    }


    /** Every item's keys and content: compared before and after refused requests. */
    static TreeSet<String> table() {
        TreeSet<String> items = new TreeSet<>();
        aws.dynamoDb().scanPaginator(b -> b.tableName(aws.tableName("MainTable"))).items()
                .forEach(item -> items.add(new java.util.TreeMap<>(item).toString()));
        return items;
    }

    static Map<String, AttributeValue> item(String pk, String sk) {
        return aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).consistentRead(true)
                .key(ReportItems.key(pk, sk))).item();
    }

    private SubmitReportHandler submitHandler() {
        return new SubmitReportHandler(env("SubmitReportFunction"), new Fixtures.Photos());
    }

    @Test
    void aCitizenSubmitsReadsListsAndWithdraws() {
        JsonNode created = invokeHttp(submitHandler(), event("reports-submit.json", e -> { }));
        assertEquals(201, created.path("statusCode").asInt(), created.toString());
        JsonNode answer = created.path("json");
        String id = answer.path("id").asText();
        assertEquals("so-xay-dung", answer.path("agency").path("id").asText());
        assertEquals("Sở Xây dựng", answer.path("agency").path("name").asText());
        assertTrue(answer.path("expectedAnswerDate").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
        assertTrue(TrackingCodes.valid(answer.path("trackingCode").asText()));
        assertEquals("ROUTED", answer.path("status").asText());

        JsonNode replay = invokeHttp(submitHandler(), event("reports-submit.json", e -> { }));
        assertEquals(201, replay.path("statusCode").asInt());
        assertEquals(id, replay.path("json").path("id").asText());
        assertEquals("true", replay.path("headers").path("idempotent-replayed").asText());

        // The transaction wrote the report, its code, its history, its cell, the job and the counters.
        assertEquals(id, item(ReportItems.trackingKey(answer.path("trackingCode").asText()), "TRACKING").get("reportId").s());
        assertFalse(item(ReportItems.reportKey(id), ReportItems.historyKey(1)).isEmpty());
        assertFalse(item(ReportItems.reportKey(id), ReportItems.GEO).isEmpty());
        var jobItem = item(Outbox.key(id + "#v1#RECEIVED#" + CITIZEN), Outbox.SORT_KEY);
        NotificationJob job = Outbox.jobOf(jobItem);
        assertEquals("REPORT_RECEIVED", job.type());
        assertEquals(CITIZEN, job.recipientId());
        assertEquals(answer.path("expectedAnswerDate").asText(), job.parameters().get("deadline"));
        assertEquals("1", item("STATS#AGENCY#so-xay-dung", "TOTAL").get("received").n());
        assertEquals("1", item("STATS#AREA#DEMO-P02", "TOTAL").get("received").n());

        JsonNode got = invokeHttp(new GetReportHandler(env("GetReportFunction")), event("reports-get.json", on(id)));
        assertEquals(200, got.path("statusCode").asInt(), got.toString());
        assertEquals("SUBMIT", got.path("json").path("timeline").path(0).path("action").asText());
        assertEquals("DEMO-P02", got.path("json").path("location").path("areaCode").asText());

        JsonNode foreign = invokeHttp(new GetReportHandler(env("GetReportFunction")), event("reports-get.json", on(id).andThen(as(OTHER))));
        assertEquals(404, foreign.path("statusCode").asInt());

        JsonNode mine = invokeHttp(new MyReportsHandler(env("MyReportsFunction")), event("reports-mine.json", e -> { }));
        assertEquals(200, mine.path("statusCode").asInt(), mine.toString());
        assertEquals(id, mine.path("json").path("items").path(0).path("id").asText());
        JsonNode tampered = invokeHttp(new MyReportsHandler(env("MyReportsFunction")), event("reports-mine.json",
                e -> ((ObjectNode) e).putObject("queryStringParameters").put("cursor", "eyJsIjoibWluZSJ9")));
        assertEquals(400, tampered.path("statusCode").asInt());
        assertEquals("INVALID_CURSOR", tampered.path("json").path("error").path("code").asText());

        JsonNode nearby = invokeHttp(new NearbyReportsHandler(env("NearbyReportsFunction")), event("reports-nearby.json", as(OTHER)));
        assertEquals(200, nearby.path("statusCode").asInt(), nearby.toString());
        assertEquals(id, nearby.path("json").path("items").path(0).path("id").asText());
        assertTrue(nearby.path("json").path("items").path(0).path("description").isMissingNode(), "no unmoderated text");

        RequestStreamHandler support = new CitizenActionHandler(env("SupportReportFunction"))::support;
        JsonNode supported = invokeHttp(support, event("reports-support.json", on(id).andThen(as(OTHER))));
        assertEquals(200, supported.path("statusCode").asInt(), supported.toString());
        assertTrue(supported.path("json").path("counted").asBoolean());
        JsonNode twice = invokeHttp(support, event("reports-support.json", on(id).andThen(as(OTHER))));
        assertFalse(twice.path("json").path("counted").asBoolean());
        assertEquals(1, twice.path("json").path("supportCount").asInt());

        TreeSet<String> before = table();
        for (String action : List.of("reports-rating.json", "reports-reopen.json", "reports-info.json")) {
            RequestStreamHandler handler = switch (action) {
                case "reports-rating.json" -> new CitizenActionHandler(env("RateReportFunction"))::rate;
                case "reports-reopen.json" -> new CitizenActionHandler(env("ReopenReportFunction"))::reopen;
                default -> new CitizenActionHandler(env("ProvideInfoFunction"))::provideInfo;
            };
            JsonNode refused = invokeHttp(handler, event(action, on(id)));
            assertEquals(409, refused.path("statusCode").asInt(), action + refused);
            assertEquals("TRANSITION_NOT_ALLOWED", refused.path("json").path("error").path("details").path(0).path("code").asText());
            assertEquals("ROUTED", refused.path("json").path("error").path("current").path("status").asText());
        }
        JsonNode notOwner = invokeHttp(new CitizenActionHandler(env("WithdrawReportFunction"))::withdraw,
                event("reports-withdraw.json", on(id).andThen(as(OTHER))));
        assertEquals(404, notOwner.path("statusCode").asInt());
        assertEquals(before, table(), "refused actions write nothing");

        RequestStreamHandler withdraw = new CitizenActionHandler(env("WithdrawReportFunction"))::withdraw;
        JsonNode withdrawn = invokeHttp(withdraw, event("reports-withdraw.json", on(id)));
        assertEquals(200, withdrawn.path("statusCode").asInt(), withdrawn.toString());
        assertEquals("WITHDRAWN", withdrawn.path("json").path("status").asText());
        assertEquals("\"2\"", withdrawn.path("headers").path("etag").asText());
        assertTrue(item(ReportItems.reportKey(id), ReportItems.GEO).isEmpty(), "no longer offered as a duplicate");
        assertEquals("1", item("STATS#AGENCY#so-xay-dung", "TOTAL").get("withdrawn").n());
        JsonNode again = invokeHttp(withdraw, event("reports-withdraw.json", on(id)));
        assertEquals(409, again.path("statusCode").asInt());
        assertEquals("TRANSITION_NOT_ALLOWED", again.path("json").path("error").path("details").path(0).path("code").asText());
    }

    @Test
    void badSubmissionsAre400NamingTheFieldAndWriteNothing() {
        TreeSet<String> before = table();
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"{\"category\": \"ROAD_DAMAGE\"}", "description"});
        cases.add(new Object[] {"{not json", null});
        cases.add(new Object[] {Fixtures.body(Map.of("description", "x".repeat(4001))), "description"});
        cases.add(new Object[] {Fixtures.body(Map.of("category", "UFO")), "category"});
        cases.add(new Object[] {Fixtures.body(Map.of("location", Map.of("lat", 21.03, "lng", 105.85, "areaCode", "DEMO-P02"))), "location"});
        cases.add(new Object[] {Fixtures.body(Map.of("location", Map.of("lat", 11.31, "lng", 106.09, "areaCode", "NOPE"))), "location.areaCode"});
        cases.add(new Object[] {Fixtures.body(Map.of("location", Map.of("lat", "north", "lng", 106.09, "areaCode", "DEMO-P02"))), "location.lat"});
        cases.add(new Object[] {Fixtures.body(Map.of("photoKeys", List.of(OTHER + "/x.jpg"))), "photoKeys[0]"});
        cases.add(new Object[] {Fixtures.body(Map.of("category", "OTHER", "hideIdentity", true)), "hideIdentity"});
        for (Object[] c : cases) {
            JsonNode result = invokeHttp(submitHandler(), event("reports-submit.json", body(c[0]).andThen(e ->
                    ((ObjectNode) e.path("headers")).remove("idempotency-key"))));
            assertEquals(400, result.path("statusCode").asInt(), c[0] + " " + result);
            if (c[1] != null) {
                assertEquals(c[1], result.path("json").path("error").path("details").path(0).path("field").asText(), result.toString());
            } else {
                assertEquals("MALFORMED_JSON", result.path("json").path("error").path("code").asText());
            }
        }
        JsonNode badKey = invokeHttp(submitHandler(), event("reports-submit.json",
                e -> ((ObjectNode) e.path("headers")).put("idempotency-key", "short")));
        assertEquals(400, badKey.path("statusCode").asInt());
        assertEquals("Idempotency-Key", badKey.path("json").path("error").path("details").path(0).path("field").asText());
        assertEquals(before, table(), "nothing written");
    }
}
