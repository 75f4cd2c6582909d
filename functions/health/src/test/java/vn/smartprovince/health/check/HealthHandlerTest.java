package vn.smartprovince.health.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;

/** The handler with the template's environment, against the emulator, driven by events/health-get.json. */
class HealthHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    private static JsonNode invoke(Env env) {
        return Handlers.invoke(new HealthHandler(env), Events.bytes("health-get.json"));
    }

    @Test
    void answers200AfterARealRoundTripThatLeavesAnExpiringHeartbeat() throws Exception {
        JsonNode result = invoke(aws.env("HealthFunction"));
        assertEquals(200, result.path("statusCode").asInt());
        assertEquals("no-store", result.path("headers").path("cache-control").asText());
        JsonNode body = Json.read(result.path("body").asText());
        assertEquals("OK", body.path("status").asText());
        assertEquals("dev", body.path("stage").asText(), "the stage comes from the template's Stage parameter");
        assertEquals("OK", body.path("dynamodb").path("status").asText());

        var heartbeats = aws.dynamoDb().query(b -> b.tableName(aws.tableName("MainTable"))
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("HEALTH"))));
        assertEquals(1, heartbeats.count());
        long expiresAt = Long.parseLong(heartbeats.items().get(0).get("expiresAt").n());
        long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
        assertTrue(Math.abs(expiresAt - inAnHour) < 120, "the table's TTL removes heartbeats after about an hour");
    }

    @Test
    void answers503NamingDynamoDbWhenItCannotBeReached() throws Exception {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        JsonNode result = invoke(aws.env("HealthFunction", Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9")));
        assertEquals(503, result.path("statusCode").asInt());
        JsonNode body = Json.read(result.path("body").asText());
        assertEquals("DEGRADED", body.path("status").asText());
        assertEquals("DEGRADED", body.path("dynamodb").path("status").asText());
        assertTrue(body.path("dynamodb").path("cause").asText().endsWith("Exception"));
        assertEquals("DYNAMODB_UNAVAILABLE", body.path("provinceConfig").path("reason").asText());
    }

    @Test
    void reportsTheProvinceConfigurationVersionInForceOrWhyThereIsNone() throws Exception {
        try {
            reportsTheVersionInForce();
        } finally {
            // The other tests count the heartbeats in the table: leave none behind.
            String table = aws.tableName("MainTable");
            aws.dynamoDb().queryPaginator(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("HEALTH"))))
                    .items().forEach(item -> aws.dynamoDb().deleteItem(b -> b.tableName(table)
                            .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))));
        }
    }

    private void reportsTheVersionInForce() {
        String table = aws.tableName("MainTable");
        aws.dynamoDb().deleteItem(b -> b.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS(ProvinceConfigStore.partitionKey("DEMO-TNH")),
                "sk", AttributeValue.fromS(ProvinceConfigStore.CURRENT))));
        JsonNode none = Json.read(invoke(aws.env("HealthFunction")).path("body").asText());
        assertEquals("OK", none.path("status").asText(), "no configuration: still up");
        assertEquals("DEMO-TNH", none.path("provinceConfig").path("code").asText());
        assertTrue(none.path("provinceConfig").path("version").isMissingNode());
        assertEquals("NOT_PUBLISHED", none.path("provinceConfig").path("reason").asText());

        new ProvinceConfigStore(aws.dynamoDb(), table).publish(ProvinceConfigLoader.load(
                AwsEmulatorExtension.repoRoot().resolve(java.nio.file.Path.of("infra", "demo", "tay-ninh.json"))));
        JsonNode result = invoke(aws.env("HealthFunction"));
        assertEquals(200, result.path("statusCode").asInt());
        JsonNode body = Json.read(result.path("body").asText());
        assertEquals(1, body.path("provinceConfig").path("version").asInt(), body.toString());
        assertFalse(body.path("provinceConfig").path("publishedAt").asText().isBlank());
        assertTrue(body.path("provinceConfig").path("reason").isMissingNode());
    }
}
