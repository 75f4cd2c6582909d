package vn.smartprovince.province.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.shared.stats.NotificationCounterKeys;
import vn.smartprovince.shared.stats.StatPeriods;
import vn.smartprovince.shared.stats.UserCounterKeys;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;

/** The three statistics handlers with the template's environment, against the emulator, driven by events/stats-*.json. */
class StatsHandlersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final Instant NOW = Instant.now();
    static final String WEEK = StatPeriods.week(NOW);
    static final String MONTH = StatPeriods.month(NOW);

    @BeforeAll
    static void publishAndCount() {
        new ProvinceConfigStore(aws.dynamoDb(), aws.tableName("MainTable")).publish(PublicStatsTest.DEMO);
        add("STATS#AREA#DEMO-P01", WEEK, Map.of("received", 2L, "answered", 1L, "answeredOnTime", 1L));
        add("STATS#DOSSIER_COMMUNE#DEMO-P01", WEEK, Map.of("submitted", 1L));
        add(UserCounterKeys.PK, UserCounterKeys.BIRTH_YEARS, Map.of("users", 4L, "unknownBirthYear", 1L, "y1950", 1L,
                "y2000", 2L));
        add(UserCounterKeys.PK, MONTH, Map.of("active", 3L));
        add(NotificationCounterKeys.PK, MONTH, Map.of("ZBS_UID#sent", 5L, "ZBS_UID#delivered", 4L, "ZNS#failed", 1L));
    }

    static void add(String pk, String sk, Map<String, Long> fields) {
        var item = new java.util.HashMap<String, AttributeValue>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS(sk));
        item.put("itemType", AttributeValue.fromS("TEST_STATS"));
        fields.forEach((name, value) -> item.put(name, AttributeValue.fromN(value.toString())));
        aws.dynamoDb().putItem(b -> b.tableName(aws.tableName("MainTable")).item(item));
    }

    static ObjectNode event(String file) {
        return (ObjectNode) Json.read(Events.load(file));
    }

    static void roles(ObjectNode event, String roles) {
        ((ObjectNode) event.path("requestContext").path("authorizer").path("lambda")).put("roles", roles);
    }

    @Test
    void thePublicSeriesIsCacheableAndRevalidates() {
        PublicStatsHandler handler = new PublicStatsHandler(aws.env("PublicStatsFunction"));
        ObjectNode answer = Handlers.invokeHttp(handler, event("stats-public-get.json"));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        assertEquals("public, max-age=300", answer.path("headers").path("cache-control").asText());
        JsonNode body = answer.path("json");
        assertEquals("Phường Tân Ninh", body.path("name").asText());
        JsonNode current = body.path("points").get(52);
        assertEquals(WEEK.substring("WEEK#".length()), current.path("period").asText());
        assertEquals(2, current.path("reports").path("received").asInt());
        assertEquals(1.0, current.path("reports").path("onTimeRate").asDouble());
        assertEquals(1, current.path("dossiers").path("submitted").asInt());

        ObjectNode again = event("stats-public-get.json");
        ((ObjectNode) again.path("headers")).put("if-none-match", answer.path("headers").path("etag").asText());
        ObjectNode notModified = Handlers.invokeHttp(handler, again);
        assertEquals(304, notModified.path("statusCode").asInt(), notModified.toString());

        ObjectNode bad = event("stats-public-get.json");
        ((ObjectNode) bad.path("queryStringParameters")).put("period", "DAY");
        ObjectNode refused = Handlers.invokeHttp(handler, bad);
        assertEquals(400, refused.path("statusCode").asInt());
        assertEquals("period", refused.path("json").path("error").path("details").get(0).path("field").asText());
    }

    @Test
    void anAdminSeesUsersActivityAndNotifications() {
        ObjectNode answer = Handlers.invokeHttp(new AdminStatsHandler(aws.env("StatsAdminFunction")), event("stats-admin-get.json"));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        JsonNode body = answer.path("json");
        assertEquals(4, body.path("users").path("users").asInt());
        assertEquals(1, body.path("users").path("unknownBirthYear").asInt());
        assertEquals(1, body.path("users").path("over45").asInt());
        assertEquals(3, body.path("activeUsers").get(11).path("active").asInt());
        JsonNode channels = body.path("notifications").get(11).path("channels");
        JsonNode zbs = null;
        for (JsonNode c : channels) {
            if (c.path("channel").asText().equals("ZBS_UID")) {
                zbs = c;
            }
        }
        assertEquals(5, zbs.path("sent").asInt());
        assertEquals(4, zbs.path("delivered").asInt());
    }

    @Test
    void someoneElseGets403AndNothingIsRead() {
        for (String file : new String[] {"stats-admin-get.json", "stats-admin-csv-get.json"}) {
            ObjectNode event = event(file);
            roles(event, "CITIZEN");
            ObjectNode answer = Handlers.invokeHttp(file.contains("csv")
                    ? new AdminStatsCsvHandler(aws.env("StatsCsvFunction"))
                    : new AdminStatsHandler(aws.env("StatsAdminFunction")), event);
            assertEquals(403, answer.path("statusCode").asInt(), answer.toString());
            assertEquals("role", answer.path("json").path("error").path("details").get(0).path("field").asText());
        }
    }

    @Test
    void theCsvIsUtf8WithABomForExcel() {
        ObjectNode answer = Handlers.invokeHttp(new AdminStatsCsvHandler(aws.env("StatsCsvFunction")), event("stats-admin-csv-get.json"));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        assertEquals("text/csv; charset=utf-8", answer.path("headers").path("content-type").asText());
        String disposition = answer.path("headers").path("content-disposition").asText();
        assertTrue(disposition.matches("attachment; filename=\"thong-ke-demo-tnh-\\d{4}-\\d{2}-\\d{2}\\.csv\""), disposition);
        byte[] bytes = answer.path("body").asText().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        String month = LocalDate.now(Clock.system(StatPeriods.VIETNAM)).toString().substring(0, 7);
        assertTrue(text.contains("\r\npublic,COMMUNE,DEMO-P01,Phường Tân Ninh," + month + ","), "the commune's row");
        assertTrue(text.contains("\r\nactive_users,PROVINCE,ALL,Tây Ninh," + month + ","));
    }
}
