package vn.smartprovince.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.LocalApiExtension;

/** GET /v1/health as the mini app calls it: over HTTP, through the local runtime, from the built zip. */
class HealthApiIT {
    @RegisterExtension
    static LocalApiExtension api = new LocalApiExtension();

    @Test
    void healthIsPublicAndProvesDynamoDbWorks() throws Exception {
        HttpResponse<String> response = api.get("/v1/health");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        assertTrue(response.headers().firstValue("apigw-requestid").isPresent());
        JsonNode body = Json.read(response.body());
        assertEquals("OK", body.path("status").asText());
        assertEquals("OK", body.path("dynamodb").path("status").asText());
        assertFalse(body.path("version").asText().isBlank());
    }

    @Test
    void theMiniAppsOriginMayCallTheApiAndOthersMayNot() throws Exception {
        HttpResponse<String> preflight = api.send(api.request("/v1/health")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("origin", "https://h5.zdn.vn")
                .header("access-control-request-method", "GET").build());
        assertEquals("https://h5.zdn.vn", preflight.headers().firstValue("access-control-allow-origin").orElse(""));

        HttpResponse<String> fromZalo = api.get("/v1/health", "origin", "zbrowser://h5.zdn.vn");
        assertEquals("zbrowser://h5.zdn.vn", fromZalo.headers().firstValue("access-control-allow-origin").orElse(""));

        HttpResponse<String> elsewhere = api.get("/v1/health", "origin", "https://evil.example");
        assertTrue(elsewhere.headers().firstValue("access-control-allow-origin").isEmpty());
    }

    @Test
    void routesTheTemplateDoesNotDeclareAreApiGateways404() throws Exception {
        HttpResponse<String> post = api.post("/v1/health", "{}");
        assertEquals(404, post.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", post.body());
        assertEquals(404, api.get("/v1/nothing").statusCode());
    }
}
