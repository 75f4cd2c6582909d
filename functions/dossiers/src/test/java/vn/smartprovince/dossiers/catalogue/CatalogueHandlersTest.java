package vn.smartprovince.dossiers.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.testkit.Handlers.invokeHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;

/**
 * {@code GET /v1/procedures} and {@code GET /v1/procedures/{code}} with their template environment
 * against the emulator, driven by events/dossiers-procedures-list.json and
 * events/dossiers-procedure-get.json, on the demo province (published by each test).
 */
class CatalogueHandlersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final ProvinceConfig DEMO = ProvinceConfigLoader.load(
            AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json")));

    ProvinceConfigStore store() {
        return new ProvinceConfigStore(aws.dynamoDb(), aws.tableName("MainTable"));
    }

    Env env(String function) {
        return aws.env(function, Map.of("PROVINCE_CONFIG_REFRESH_SECONDS", "0"));
    }

    ListProceduresHandler list() {
        return new ListProceduresHandler(env("DossierListProceduresFunction"));
    }

    GetProcedureHandler get() {
        return new GetProcedureHandler(env("DossierGetProcedureFunction"));
    }

    /** The list event with these query parameters instead of its own (null values left out). */
    static ObjectNode listEvent(Map<String, String> query, String ifNoneMatch) {
        ObjectNode event = (ObjectNode) Json.read(Events.load("dossiers-procedures-list.json"));
        ObjectNode parameters = event.putObject("queryStringParameters");
        query.forEach((name, value) -> {
            if (value != null) {
                parameters.put(name, value);
            }
        });
        if (ifNoneMatch != null) {
            ((ObjectNode) event.path("headers")).put("if-none-match", ifNoneMatch);
        }
        return event;
    }

    static ObjectNode getEvent(String code, String ifNoneMatch) {
        ObjectNode event = (ObjectNode) Json.read(Events.load("dossiers-procedure-get.json"));
        if (code != null) {
            ((ObjectNode) event.path("pathParameters")).put("code", code);
        }
        if (ifNoneMatch != null) {
            ((ObjectNode) event.path("headers")).put("if-none-match", ifNoneMatch);
        }
        return event;
    }

    @BeforeEach
    void publishTheDemoProvince() {
        store().publish(DEMO);
    }

    @Test
    void theSampleEventFindsBirthRegistrationWithoutDiacritics() throws IOException {
        JsonNode event = Json.read(Events.load("dossiers-procedures-list.json"));
        JsonNode result = invokeHttp(list(), event);
        assertEquals(200, result.path("statusCode").asInt(), result.toString());
        assertEquals("public, max-age=300", result.path("headers").path("cache-control").asText());
        var stored = store().current("DEMO-TNH").orElseThrow();
        assertEquals("\"v" + stored.version() + "-" + stored.sha256().substring(0, 16) + "-r1\"",
                result.path("headers").path("etag").asText());
        JsonNode body = result.path("json");
        assertEquals(1, body.path("items").size(), body.toString());
        JsonNode birth = body.path("items").get(0);
        assertEquals("1.001193.000.00.00.H56", birth.path("code").asText());
        assertEquals("Đăng ký khai sinh", birth.path("name").asText());
        assertEquals("Miễn phí", birth.path("fee").path("text").asText());
        assertEquals("SUBJECT_AREA", birth.path("competence").path("basis").asText());
        assertFalse(body.has("nextCursor"), "one page only");
        assertEquals("Hộ tịch", body.path("fields").get(0).path("name").asText());
    }

    @Test
    void pagesThroughEveryProcedureAndFiltersByAgency() throws IOException {
        ListProceduresHandler handler = list();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", "4");
        JsonNode first = invokeHttp(handler, listEvent(query, null)).path("json");
        assertEquals(4, first.path("items").size());
        assertEquals(6, first.path("fields").size());
        query.put("cursor", first.path("nextCursor").asText());
        JsonNode second = invokeHttp(handler, listEvent(query, null)).path("json");
        assertEquals(DEMO.procedures().size() - 4, second.path("items").size());
        assertFalse(second.has("nextCursor"));

        JsonNode fixed = invokeHttp(handler, listEvent(Map.of("agencyId", "so-xay-dung"), null)).path("json");
        assertEquals(1, fixed.path("items").size());
        assertEquals("Sở Xây dựng", fixed.path("items").get(0).path("competence").path("agency").path("name").asText());
        JsonNode byField = invokeHttp(handler, listEvent(Map.of("field", "Chứng thực"), null)).path("json");
        assertEquals("2.000815.000.00.00.H56", byField.path("items").get(0).path("code").asText());
    }

    @Test
    void badParametersAre400NamingThem() throws IOException {
        for (Map.Entry<String, String> bad : Map.of("limit", "0", "cursor", "not-a-cursor", "agencyId", "nobody",
                "q", "x".repeat(101)).entrySet()) {
            JsonNode result = invokeHttp(list(), listEvent(Map.of(bad.getKey(), bad.getValue()), null));
            assertEquals(400, result.path("statusCode").asInt(), result.toString());
            assertEquals(bad.getKey(), result.path("json").path("error").path("details").get(0).path("field").asText(),
                    result.toString());
        }
        JsonNode cursor = invokeHttp(list(), listEvent(Map.of("cursor", "not-a-cursor"), null));
        assertEquals("INVALID_CURSOR", cursor.path("json").path("error").path("code").asText());
    }

    @Test
    void oneProcedureWithItsFormAndDocuments() throws IOException {
        JsonNode result = invokeHttp(get(), Json.read(Events.load("dossiers-procedure-get.json")));
        assertEquals(200, result.path("statusCode").asInt(), result.toString());
        assertEquals("public, max-age=300", result.path("headers").path("cache-control").asText());
        JsonNode body = result.path("json");
        assertEquals("Đăng ký khai sinh", body.path("name").asText());
        assertEquals("FULL", body.path("onlineLevel").asText());
        JsonNode document = body.path("documents").get(0);
        assertEquals("birth_notice", document.path("key").asText());
        assertTrue(document.path("required").asBoolean());
        assertEquals("[\"image/jpeg\",\"image/png\",\"application/pdf\"]", document.path("acceptedTypes").toString());
        assertEquals(2, document.path("maxFiles").asInt());
        JsonNode sex = body.path("form").get(2);
        assertEquals("CHOICE", sex.path("type").asText());
        assertEquals("Nữ", sex.path("choices").get(1).path("label").asText());
        JsonNode dateOfBirth = body.path("form").get(1);
        assertEquals("PAST_OR_TODAY", dateOfBirth.path("dates").asText());
        assertFalse(dateOfBirth.has("maxLength"), "rules a type does not have are left out");
        assertEquals("[\"DESK\",\"POST\",\"ONLINE\"]",
                body.path("resultDeliveries").findValues("code").toString().replace(" ", ""));
        assertEquals("1 ngày làm việc", body.path("processingTimeText").asText());

        JsonNode permit = invokeHttp(get(), getEvent("1.009994.000.00.00.H56", null)).path("json");
        assertEquals("75.000 đồng", permit.path("fee").path("amountText").asText());
        assertEquals(75000, permit.path("fee").path("amountVnd").asInt());

        JsonNode unknown = invokeHttp(get(), getEvent("9.999999.000.00.00.H56", null));
        assertEquals(404, unknown.path("statusCode").asInt(), unknown.toString());
        assertEquals("NOT_FOUND", unknown.path("json").path("error").path("code").asText());
    }

    @Test
    void notModifiedUntilANewConfigurationIsPublished() throws IOException {
        GetProcedureHandler handler = get();
        String etag = invokeHttp(handler, getEvent(null, null)).path("headers").path("etag").asText();
        JsonNode notModified = invokeHttp(handler, getEvent(null, etag));
        assertEquals(304, notModified.path("statusCode").asInt(), notModified.toString());
        assertEquals("", notModified.path("body").asText());
        assertEquals(etag, notModified.path("headers").path("etag").asText());
        JsonNode listNotModified = invokeHttp(list(), listEvent(Map.of(), etag));
        assertEquals(304, listNotModified.path("statusCode").asInt());

        store().publish(renamedBirthRegistration("Đăng ký khai sinh (trẻ em)"));
        JsonNode changed = invokeHttp(handler, getEvent(null, etag));
        assertEquals(200, changed.path("statusCode").asInt(), changed.toString());
        assertNotEquals(etag, changed.path("headers").path("etag").asText());
        assertEquals("Đăng ký khai sinh (trẻ em)", changed.path("json").path("name").asText());
    }

    static ProvinceConfig renamedBirthRegistration(String name) {
        var procedures = DEMO.procedures().stream().map(p -> p.code().equals("1.001193.000.00.00.H56")
                ? new Procedure(p.code(), name, p.field(), p.competence(), p.onlineLevel(), p.processingWorkingDays(),
                p.fee(), p.documents(), p.form(), p.resultDeliveries(), p.description()) : p).toList();
        return new ProvinceConfig(DEMO.schemaVersion(), DEMO.demo(), DEMO.province(), DEMO.zalo(), DEMO.areas(),
                DEMO.agencies(), DEMO.categories(), DEMO.routing(), DEMO.holidayCalendar(),
                DEMO.notificationTemplates(), procedures);
    }
}
