package vn.smartprovince.province.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;

/** The directory handlers with the template's environment, against the emulator, driven by events/directory-*.json. */
class DirectoryHandlersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    @BeforeAll
    static void publish() {
        new ProvinceConfigStore(aws.dynamoDb(), aws.tableName("MainTable")).publish(DirectorySearchTest.DEMO);
    }

    static ObjectNode event(String name) {
        return (ObjectNode) Json.read(Events.load(name));
    }

    @Test
    void searchFindsTheNearestWardOfficeWithoutDiacriticsThenAnswers304() {
        ListDirectoryHandler handler = new ListDirectoryHandler(aws.env("DirectorySearchFunction"));
        ObjectNode answer = Handlers.invokeHttp(handler, event("directory-search.json"));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        JsonNode first = answer.path("json").path("items").get(0);
        assertEquals("ubnd-demo-p04", first.path("id").asText());
        assertEquals("Ủy ban nhân dân phường Long Hoa", first.path("name").asText());
        assertTrue(first.path("distanceMeters").asLong() < 500, first.toString());
        assertEquals("public, max-age=60", answer.path("headers").path("cache-control").asText());
        String etag = answer.path("headers").path("etag").asText();

        ObjectNode again = event("directory-search.json");
        ((ObjectNode) again.path("headers")).put("if-none-match", etag);
        ObjectNode notModified = Handlers.invokeHttp(handler, again);
        assertEquals(304, notModified.path("statusCode").asInt(), notModified.toString());
        assertEquals(etag, notModified.path("headers").path("etag").asText());

        ObjectNode bad = event("directory-search.json");
        ((ObjectNode) bad.path("queryStringParameters")).put("near", "north");
        ObjectNode refused = Handlers.invokeHttp(handler, bad);
        assertEquals(400, refused.path("statusCode").asInt());
        assertEquals("near", refused.path("json").path("error").path("details").get(0).path("field").asText());
    }

    @Test
    void onePlaceAndThe404OfAnUnknownOne() {
        GetDirectoryEntryHandler handler = new GetDirectoryEntryHandler(aws.env("DirectoryEntryFunction"));
        ObjectNode answer = Handlers.invokeHttp(handler, event("directory-entry-get.json"));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        assertEquals("PEOPLES_COMMITTEE", answer.path("json").path("kind").asText());
        assertEquals("DEMO-P04", answer.path("json").path("areaCode").asText());
        assertEquals("Phường Long Hoa", answer.path("json").path("areaName").asText());
        assertTrue(answer.path("json").path("openNow").isBoolean());

        ObjectNode unknown = event("directory-entry-get.json");
        ((ObjectNode) unknown.path("pathParameters")).put("id", "khong-co");
        assertEquals(404, Handlers.invokeHttp(handler, unknown).path("statusCode").asInt());
    }

    @Test
    void hotlinesListTheEmergencyNumbersAndTheProvincesLine() {
        ObjectNode answer = Handlers.invokeHttp(new ListHotlinesHandler(aws.env("DirectoryHotlinesFunction")),
                event("directory-hotlines.json"));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        JsonNode items = answer.path("json").path("items");
        assertEquals("113", items.get(0).path("number").asText());
        assertEquals("Cấp cứu y tế", items.get(2).path("name").asText());
        assertEquals("1022", items.get(3).path("number").asText());
        assertEquals("public, max-age=3600", answer.path("headers").path("cache-control").asText());
    }
}
