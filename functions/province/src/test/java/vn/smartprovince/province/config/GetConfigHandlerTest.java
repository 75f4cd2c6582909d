package vn.smartprovince.province.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;

/** The handler with the template's environment, against the emulator, driven by events/province-config-get.json. */
class GetConfigHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    private String table() {
        return aws.tableName("MainTable");
    }

    private ProvinceConfigStore store() {
        return new ProvinceConfigStore(aws.dynamoDb(), table());
    }

    private Env env() {
        return aws.env("ProvinceConfigFunction");
    }

    /** Each test starts with no configuration: the province's partition emptied. */
    @BeforeEach
    void clear() {
        aws.dynamoDb().queryPaginator(b -> b.tableName(table()).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(ProvinceConfigStore.partitionKey("DEMO-TNH")))))
                .items().forEach(item -> aws.dynamoDb().deleteItem(b -> b.tableName(table())
                        .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))));
    }

    static ObjectNode event(String ifNoneMatch, String roles) {
        ObjectNode event = (ObjectNode) Json.read(Events.load("province-config-get.json"));
        if (ifNoneMatch != null) {
            ((ObjectNode) event.path("headers")).put("if-none-match", ifNoneMatch);
        }
        if (roles != null) {
            ((ObjectNode) event.path("requestContext").path("authorizer").path("lambda")).put("roles", roles);
        }
        return event;
    }

    @Test
    void anAdminReadsTheVersionInForceThenGets304() {
        store().publish(ShowConfigTest.DEMO);
        GetConfigHandler handler = new GetConfigHandler(env());

        ObjectNode answer = Handlers.invokeHttp(handler, event(null, null));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        assertEquals("\"1\"", answer.path("headers").path("etag").asText());
        assertEquals("private, no-cache", answer.path("headers").path("cache-control").asText());
        JsonNode body = answer.path("json");
        assertEquals(1, body.path("version").asInt());
        assertEquals("DEMO-TNH", body.path("provinceCode").asText());
        assertEquals(64, body.path("sha256").asText().length());
        assertFalse(body.path("publishedAt").asText().isBlank());
        assertEquals("publish", body.path("appliedBy").asText(), "the store records who applied each version");
        assertEquals(body.path("publishedAt").asText(), body.path("appliedAt").asText());
        assertEquals("DEMO-TNH", body.path("config").path("province").path("code").asText());

        ObjectNode notModified = Handlers.invokeHttp(handler, event("\"1\"", null));
        assertEquals(304, notModified.path("statusCode").asInt(), notModified.toString());
        assertEquals("\"1\"", notModified.path("headers").path("etag").asText());
        assertEquals("private, no-cache", notModified.path("headers").path("cache-control").asText());
    }

    @Test
    void whoAppliedAVersionIsShownAsTheStoreRecordedIt() {
        store().apply(ShowConfigTest.DEMO, null, "nguyen.van.a", "first version");
        JsonNode body = Handlers.invokeHttp(new GetConfigHandler(env()), event(null, null)).path("json");
        assertEquals("nguyen.van.a", body.path("appliedBy").asText());
        assertEquals(store().version("DEMO-TNH", 1).orElseThrow().appliedAt(), body.path("appliedAt").asText());
    }

    @Test
    void aCitizenIs403AndNothingPublishedIs503() {
        GetConfigHandler handler = new GetConfigHandler(env());
        ObjectNode none = Handlers.invokeHttp(handler, event(null, null));
        assertEquals(503, none.path("statusCode").asInt(), none.toString());
        assertEquals("DEPENDENCY_UNAVAILABLE", none.path("json").path("error").path("code").asText());

        store().publish(ShowConfigTest.DEMO);
        ObjectNode citizen = Handlers.invokeHttp(handler, event(null, "CITIZEN"));
        assertEquals(403, citizen.path("statusCode").asInt(), citizen.toString());
        assertEquals("PROVINCE_ADMIN_REQUIRED", citizen.path("json").path("error").path("details").path(0).path("code").asText());
    }
}
