package vn.smartprovince.reports.categories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.testkit.Handlers.invokeHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.Category;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;

/**
 * {@code GET /v1/report-categories} with its template environment against the emulator, driven
 * by events/reports-categories-get.json. The kit loads no province: each test publishes a small
 * configuration under the stack's PROVINCE_CODE (DEMO-TNH in infra/local-stack.properties).
 */
class ListCategoriesHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static ProvinceConfig config() {
        try (InputStream in = ListCategoriesHandlerTest.class.getResourceAsStream("/categories/province.json")) {
            return ProvinceConfigLoader.parse(in.readAllBytes(), "categories/province.json");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ProvinceConfigStore store() {
        return new ProvinceConfigStore(aws.dynamoDb(), aws.tableName("MainTable"));
    }

    /** The function's environment; each instance reads the table on every request unless told otherwise. */
    Env env(Map<String, String> overrides) {
        Map<String, String> values = new java.util.LinkedHashMap<>(Map.of("PROVINCE_CONFIG_REFRESH_SECONDS", "0"));
        values.putAll(overrides);
        return aws.env("ListReportCategoriesFunction", values);
    }


    static ObjectNode event(String ifNoneMatch) {
        ObjectNode event = (ObjectNode) Json.read(Events.load("reports-categories-get.json"));
        if (ifNoneMatch != null) {
            ((ObjectNode) event.path("headers")).put("if-none-match", ifNoneMatch);
        }
        return event;
    }

    @BeforeEach
    void publishTheSmallProvince() {
        store().publish(config());
    }

    @Test
    void theEnvironmentNamesTheDemoProvince() {
        assertEquals("DEMO-TNH", aws.env("ListReportCategoriesFunction").required("PROVINCE_CODE"));
    }

    @Test
    void listsTheCategoriesInForceCacheably() throws IOException {
        JsonNode result = invokeHttp(new ListCategoriesHandler(env(Map.of())), event(null));
        assertEquals(200, result.path("statusCode").asInt(), result.toString());
        JsonNode headers = result.path("headers");
        assertEquals("public, max-age=300", headers.path("cache-control").asText());
        var stored = store().current("DEMO-TNH").orElseThrow();
        assertEquals("\"v" + stored.version() + "-" + stored.sha256().substring(0, 16) + "-r1\"", headers.path("etag").asText());
        JsonNode body = result.path("json");
        assertEquals("DEMO-TNH", body.path("provinceCode").asText());
        assertEquals(stored.version(), body.path("configVersion").asInt());
        assertEquals(3, body.path("items").size());
        JsonNode pothole = body.path("items").get(0);
        assertEquals("POTHOLE", pothole.path("code").asText());
        assertEquals("Ổ gà", pothole.path("name").asText());
        assertEquals("Mặt đường hư hỏng.\nGhi rõ vị trí.", pothole.path("description").asText());
        assertEquals("pothole", pothole.path("iconKey").asText());
        assertTrue(pothole.path("anonymousAllowed").asBoolean());
        assertEquals(5, pothole.path("answerDeadlineWorkingDays").asInt());
        assertTrue(body.path("items").get(1).path("urgent").asBoolean());
        assertEquals("OTHER", body.path("items").get(2).path("code").asText());
    }

    @Test
    void theSameTagIsNotModifiedUntilANewConfigurationIsPublished() throws IOException {
        ListCategoriesHandler handler = new ListCategoriesHandler(env(Map.of()));
        String etag = invokeHttp(handler, event(null)).path("headers").path("etag").asText();

        JsonNode notModified = invokeHttp(handler, event(etag));
        assertEquals(304, notModified.path("statusCode").asInt(), notModified.toString());
        assertEquals("", notModified.path("body").asText());
        assertEquals(etag, notModified.path("headers").path("etag").asText());
        assertEquals("public, max-age=300", notModified.path("headers").path("cache-control").asText());

        // The province renames a category and publishes: a new version, a new tag, the new name.
        store().publish(renamed("Ổ gà, sụt lún"));

        JsonNode changed = invokeHttp(handler, event(etag));
        assertEquals(200, changed.path("statusCode").asInt(), changed.toString());
        assertNotEquals(etag, changed.path("headers").path("etag").asText());
        assertEquals("Ổ gà, sụt lún", changed.path("json").path("items").get(0).path("name").asText());
    }

    @Test
    void anInstanceServesWhatItReadForTheCacheTime() throws IOException {
        ListCategoriesHandler handler = new ListCategoriesHandler(env(Map.of("PROVINCE_CONFIG_REFRESH_SECONDS", "3600",
                "CATEGORIES_MAX_AGE_SECONDS", "60")));
        JsonNode first = invokeHttp(handler, event(null));
        assertEquals("public, max-age=60", first.path("headers").path("cache-control").asText());
        store().publish(renamed("Ổ gà (đã đổi tên)"));

        JsonNode second = invokeHttp(handler, event(null));
        assertEquals(200, second.path("statusCode").asInt());
        assertEquals(first.path("headers").path("etag"), second.path("headers").path("etag"), "within its cache time");
        assertEquals("Ổ gà", second.path("json").path("items").get(0).path("name").asText());
        JsonNode fresh = invokeHttp(new ListCategoriesHandler(env(Map.of())), event(null));
        assertEquals("Ổ gà (đã đổi tên)", fresh.path("json").path("items").get(0).path("name").asText(),
                "a fresh instance reads the table");
    }

    /** The small province with its first category renamed. */
    static ProvinceConfig renamed(String name) {
        ProvinceConfig config = config();
        var categories = new java.util.ArrayList<>(config.categories());
        Category pothole = categories.get(0);
        categories.set(0, new Category(pothole.code(), name, pothole.description(), pothole.iconKey(),
                pothole.anonymousAllowed(), pothole.answerDeadlineWorkingDays(), pothole.urgent(),
                pothole.duplicateRadiusMeters()));
        return new ProvinceConfig(config.schemaVersion(), config.demo(), config.province(), config.zalo(),
                config.areas(), config.agencies(), categories, config.routing(), config.holidayCalendar(),
                config.notificationTemplates(), config.procedures());
    }

    @Test
    void aProvinceWithoutAPublishedConfigurationIs503NamingTheCause() throws IOException {
        JsonNode result = invokeHttp(new ListCategoriesHandler(env(Map.of("PROVINCE_CODE", "NOT-PUBLISHED"))), event(null));
        assertEquals(503, result.path("statusCode").asInt(), result.toString());
        assertEquals("DEPENDENCY_UNAVAILABLE", result.path("json").path("error").path("code").asText());
        assertEquals("province configuration not published", result.path("json").path("error").path("cause").asText());
    }
}
