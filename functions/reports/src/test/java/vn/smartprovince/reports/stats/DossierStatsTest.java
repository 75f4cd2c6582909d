package vn.smartprovince.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.shared.province.WorkingDays;
import vn.smartprovince.shared.stats.DossierCounterKeys;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;

/**
 * The dossier block of {@code GET /v1/stats}: counter items and queue items as functions/dossiers
 * writes them (key scheme {@link DossierCounterKeys}), read for an agency and for a procedure.
 */
class DossierStatsTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();
    static final String WARD = "ubnd-tan-ninh";
    static final String PROCEDURE = "1.001193.000.00.00.H56";
    static final String MONTH = YearMonth.now(WorkingDays.ZONE).toString();

    @BeforeAll
    static void publishAProvinceWithAProcedureAndItsCounters() {
        // The demo province: birth registration is competent in each commune, ubnd-tan-ninh among them.
        new ProvinceConfigStore(aws.dynamoDb(), table()).publish(ProvinceConfigLoader.load(
                AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json"))));

        counters(DossierCounterKeys.agencyKey(WARD), DossierCounterKeys.TOTAL, fields("submitted", 7, "received", 5,
                "finished", 3, "finishedOnTime", 2, "finishedLate", 1, "workingDaysToResult", 10, "inProgress", 2,
                "refused", 1, "returned", 2, "extended", 1, "transferredOut", 1));
        counters(DossierCounterKeys.agencyKey(WARD), DossierCounterKeys.MONTH_PREFIX + MONTH,
                Map.of("received", 2, "inProgress", 1));
        counters(DossierCounterKeys.procedureKey(PROCEDURE), DossierCounterKeys.TOTAL, Map.of("received", 4,
                "finished", 2, "finishedOnTime", 2, "workingDaysToResult", 5, "inProgress", 2, "stopped", 1));
        queued("d1", "PROCESSING", "2020-01-02", PROCEDURE);
        queued("d2", "RECEIVED", "2020-01-03", "2.000001.000.00.00.H56");
        queued("d3", "PROCESSING", "2999-01-01", PROCEDURE);
        queued("d4", "SUPPLEMENT_REQUESTED", "2020-01-04", PROCEDURE);
        queued("d5", "REGISTERED", "2020-01-01", PROCEDURE);
    }

    static String table() {
        return aws.tableName("MainTable");
    }

    static Map<String, Integer> fields(Object... pairs) {
        Map<String, Integer> fields = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return fields;
    }

    static void counters(String pk, String sk, Map<String, Integer> fields) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS(sk));
        fields.forEach((field, n) -> item.put(field, AttributeValue.fromN(Integer.toString(n))));
        aws.dynamoDb().putItem(b -> b.tableName(table()).item(item));
    }

    static void queued(String id, String status, String due, String procedureCode) {
        aws.dynamoDb().putItem(b -> b.tableName(table()).item(Map.of(
                "pk", AttributeValue.fromS("DOSSIER#" + id), "sk", AttributeValue.fromS("DOSSIER"),
                "gsi2pk", AttributeValue.fromS(DossierCounterKeys.queueKey(WARD, status)),
                "gsi2sk", AttributeValue.fromS(due + "#2019-12-30T01:00:00Z#" + id),
                "procedureCode", AttributeValue.fromS(procedureCode))));
    }

    static JsonNode stats(Map<String, String> query, String roles, String agencyId) {
        ObjectNode event = (ObjectNode) Json.read(Events.load("reports-feed-stats.json"));
        ObjectNode q = event.putObject("queryStringParameters");
        query.forEach(q::put);
        ((ObjectNode) event.path("requestContext").path("authorizer").path("lambda"))
                .put("userId", "8100000000000000001").put("roles", roles).put("agencyId", agencyId);
        return Handlers.invokeHttp(new StatsHandler(aws.env("ReportStatsFunction")), event);
    }

    @Test
    void anAgencysStatisticsIncludeItsDossiers() {
        JsonNode answer = stats(Map.of("agencyId", WARD), "CITIZEN,PROVINCE_ADMIN", "");
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        JsonNode body = answer.path("json");
        assertEquals("AGENCY", body.path("dimension").asText());
        assertEquals(0, body.path("received").asInt(), "the report counters are still there");
        JsonNode d = body.path("dossiers");
        assertEquals(5, d.path("received").asInt());
        assertEquals(2, d.path("onTime").asInt());
        assertEquals(1, d.path("late").asInt());
        assertEquals(0.67, d.path("onTimeRate").asDouble());
        assertEquals(3.33, d.path("averageWorkingDaysToResult").asDouble());
        assertEquals(2, d.path("inProgress").asInt());
        assertEquals(3, d.path("overdueNow").asInt(), "clock statuses due before today; not REGISTERED, not the future");
        assertEquals(1, d.path("refused").asInt());
        assertEquals(1, d.path("extended").asInt());
        assertEquals(1, d.path("transferredOut").asInt());

        JsonNode month = stats(Map.of("agencyId", WARD, "month", MONTH), "CITIZEN,OFFICER", WARD).path("json");
        assertEquals(2, month.path("dossiers").path("received").asInt());
        assertEquals(2, month.path("dossiers").path("inProgress").asInt(), "a level: always the total");
        assertTrue(month.path("dossiers").path("averageWorkingDaysToResult").isMissingNode(), "nothing finished this month");
    }

    @Test
    void aProcedureAnswersTheSameDossierBlock() {
        JsonNode answer = stats(Map.of("procedureCode", PROCEDURE), "CITIZEN,PROVINCE_ADMIN", "");
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        JsonNode body = answer.path("json");
        assertEquals("PROCEDURE", body.path("dimension").asText());
        assertEquals(PROCEDURE, body.path("key").asText());
        JsonNode d = body.path("dossiers");
        assertEquals(4, d.path("received").asInt());
        assertEquals(1.0, d.path("onTimeRate").asDouble());
        assertEquals(2.5, d.path("averageWorkingDaysToResult").asDouble());
        assertEquals(1, d.path("stopped").asInt());
        assertEquals(2, d.path("overdueNow").asInt(), "only this procedure's dossiers in the competent agency's queues");
        assertTrue(d.path("transferredIn").isMissingNode(), "transfers are an agency's matter");

        assertEquals(403, stats(Map.of("procedureCode", PROCEDURE), "CITIZEN,OFFICER", WARD).path("statusCode").asInt(),
                "officers see their agency only");
        JsonNode unknown = stats(Map.of("procedureCode", "9.999999.000.00.00.H56"), "CITIZEN,PROVINCE_ADMIN", "");
        assertEquals(400, unknown.path("statusCode").asInt());
        assertEquals("UNKNOWN_PROCEDURE", unknown.path("json").path("error").path("details").path(0).path("code").asText());
        JsonNode two = stats(Map.of("procedureCode", PROCEDURE, "agencyId", WARD), "CITIZEN,PROVINCE_ADMIN", "");
        assertEquals("ONE_DIMENSION_REQUIRED", two.path("json").path("error").path("details").path(0).path("code").asText());
    }
}
