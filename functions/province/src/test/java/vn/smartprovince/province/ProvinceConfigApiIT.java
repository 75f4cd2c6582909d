package vn.smartprovince.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.LocalApiExtension;

/**
 * GET /v1/province/config over HTTP through the local runtime (the template's authorizer and
 * route, the province zip): an admin reads the version in force, then 304; a citizen 403; no
 * session 401; /v1/health names the same version.
 */
class ProvinceConfigApiIT {
    @RegisterExtension
    static LocalApiExtension api = new LocalApiExtension(AwsEmulatorExtension.builder()
            .parameter("FirstAdminZaloId", ProvinceApiClient.FIRST_ADMIN).build());

    static ProvinceApiClient client;

    @BeforeAll
    static void publishTheDemoProvince() {
        client = new ProvinceApiClient(api);
        client.store().publish(ProvinceApiClient.demo());
    }

    @Test
    void anAdminReadsTheConfigurationInForceThenGets304() throws Exception {
        String admin = client.session("Quản trị", ProvinceApiClient.FIRST_ADMIN);
        HttpResponse<String> response = client.get("/v1/province/config", admin);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("\"1\"", response.headers().firstValue("etag").orElse(""));
        assertEquals("private, no-cache", response.headers().firstValue("cache-control").orElse(""));
        JsonNode body = Json.read(response.body());
        assertEquals(1, body.path("version").asInt());
        assertEquals("DEMO-TNH", body.path("config").path("province").path("code").asText());
        assertTrue(body.path("config").path("agencies").size() > 0);

        HttpResponse<String> notModified = client.get("/v1/province/config", admin, "if-none-match", "\"1\"");
        assertEquals(304, notModified.statusCode());
        assertEquals("", notModified.body());
        assertEquals("\"1\"", notModified.headers().firstValue("etag").orElse(""));

        JsonNode health = Json.read(api.get("/v1/health").body());
        assertEquals(1, health.path("provinceConfig").path("version").asInt(), health.toString());
        assertEquals("DEMO-TNH", health.path("provinceConfig").path("code").asText());
    }

    @Test
    void aCitizenIs403AndNoSessionIs401() throws Exception {
        String citizen = client.session("Lê Văn Dân", null);
        HttpResponse<String> forbidden = client.get("/v1/province/config", citizen);
        assertEquals(403, forbidden.statusCode(), forbidden.body());
        assertEquals("PROVINCE_ADMIN_REQUIRED",
                Json.read(forbidden.body()).path("error").path("details").path(0).path("code").asText());

        assertEquals(401, api.get("/v1/province/config").statusCode());
    }
}
