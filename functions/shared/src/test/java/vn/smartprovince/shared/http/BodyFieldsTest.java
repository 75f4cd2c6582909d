package vn.smartprovince.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.json.Json;

class BodyFieldsTest {
    enum Channel { ZALO_OA, ZNS, NONE }

    private static List<String> problems(BodyFields fields) {
        return fields.errors().stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    @Test
    void everyProblemIsCollectedNamingItsFieldAndThrownAsOne400() {
        JsonNode body = Json.read("{\"nickname\": 1, \"text\": 5, \"stars\": 9, \"lat\": \"x\", \"agree\": \"yes\","
                + " \"channel\": \"SMS\"}");
        BodyFields fields = new BodyFields();
        fields.onlyFields(body, Set.of("text", "stars", "lat", "agree", "channel", "note"));
        assertNull(fields.text(body, "text", "text", true, 10, false));
        assertNull(fields.integer(body, "stars", "stars", 1, 5, true));
        assertNull(fields.number(body, "lat", "location.lat", -90, 90));
        assertFalse(fields.bool(body, "agree", "agree"));
        assertNull(fields.oneOf(body, "channel", "channel", Channel.values(), true));
        assertNull(fields.text(body, "note", "note", true, 10, false));
        assertEquals(List.of("nickname:UNKNOWN_FIELD", "text:INVALID_TYPE", "stars:OUT_OF_RANGE",
                "location.lat:INVALID_TYPE", "agree:INVALID_TYPE", "channel:INVALID_VALUE", "note:REQUIRED"), problems(fields));
        assertTrue(fields.hasErrorFor("location.lat"));
        ApiException e = assertThrows(ApiException.class, fields::done);
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(7, e.details().size());
        assertEquals("Must be ZALO_OA, ZNS or NONE.", e.details().get(5).messageEn());
        assertEquals("Phải là ZALO_OA, ZNS hoặc NONE.", e.details().get(5).messageVi());
        assertEquals("Thiếu note.", e.details().get(6).messageVi());
    }

    @Test
    void textIsTrimmedNormalisedToNfcAndCountedInCharacters() {
        BodyFields fields = new BodyFields();
        // "Hà" with a combining grave accent, surrounded by white space (a no-break space too).
        JsonNode body = Json.object().put("name", " \u00a0Ha\u0300 ").put("long", "ộ".repeat(5))
                .put("control", "a\u0007b").put("lines", "a\nb").put("empty", "   ");
        assertEquals("Hà", fields.text(body, "name", "name", true, 2, false));
        assertEquals("ộ".repeat(5), fields.text(body, "long", "long", true, 5, false), "5 characters, 15 bytes");
        assertNull(fields.text(body, "long", "long", true, 4, false));
        assertNull(fields.text(body, "control", "control", true, 10, true));
        assertEquals("a\nb", fields.text(body, "lines", "lines", true, 10, true));
        assertNull(fields.text(body, "lines", "oneLine", true, 10, false));
        assertNull(fields.text(body, "empty", "empty", false, 10, false), "optional and empty: absent, no error");
        assertNull(fields.text(body, "empty", "emptyRequired", true, 10, false));
        assertEquals(List.of("long:TOO_LONG", "control:CONTROL_CHARACTER", "oneLine:CONTROL_CHARACTER",
                "emptyRequired:REQUIRED"), problems(fields));
    }

    @Test
    void tokensAreNonBlankWithoutWhiteSpaceOrControlCharacters() {
        BodyFields fields = new BodyFields();
        JsonNode body = Json.read("{\"ok\": \"abc.DEF-123\", \"blank\": \" \", \"number\": 7, \"spaced\": \"a b\","
                + " \"nul\": null}");
        assertEquals("abc.DEF-123", fields.token(body, "ok", true));
        assertNull(fields.token(body, "blank", true));
        assertNull(fields.token(body, "number", true));
        assertNull(fields.token(body, "spaced", true));
        assertNull(fields.token(body, "nul", false));
        assertNull(fields.token(body, "missing", true));
        assertNull(fields.token(Json.object().put("long", "x".repeat(BodyFields.MAX_TOKEN_CHARS + 1)), "long", true));
        assertEquals(List.of("blank:INVALID_TYPE", "number:INVALID_TYPE", "spaced:INVALID_FORMAT", "missing:REQUIRED",
                "long:INVALID_FORMAT"), problems(fields));
    }

    @Test
    void numbersAndVersionsAreCheckedForTypeAndRange() {
        BodyFields fields = new BodyFields();
        JsonNode body = Json.read("{\"lat\": 10.5, \"stars\": 3, \"half\": 2.5, \"expectedVersion\": 4, \"flag\": true,"
                + " \"channel\": \"ZNS\"}");
        assertEquals(10.5, fields.number(body, "lat", "lat", -90, 90));
        assertEquals(3, fields.integer(body, "stars", "stars", 1, 5, true));
        assertNull(fields.integer(body, "absent", "absent", 1, 5, false));
        assertEquals(4L, fields.version(body));
        assertTrue(fields.bool(body, "flag", "flag"));
        assertEquals(Channel.ZNS, fields.oneOf(body, "channel", "channel", Channel.values(), true));
        assertTrue(fields.ok());
        fields.done();
        assertNull(fields.integer(body, "half", "half", 1, 5, true));
        assertNull(fields.number(Json.object(), "lng", "lng", -180, 180));
        assertEquals(List.of("half:INVALID_TYPE", "lng:REQUIRED"), problems(fields));
    }

    @Test
    void aMalformedOrNonObjectBodyIsA400BeforeAnyField() {
        ApiException malformed = assertThrows(ApiException.class, () -> request("{\"a\": ").jsonBody());
        assertEquals(ErrorCode.MALFORMED_JSON, malformed.code());
        assertEquals(400, malformed.code().status());
        ApiException array = assertThrows(ApiException.class, () -> request("[1]").jsonBody());
        assertEquals("body", array.details().get(0).field());
        assertEquals(400, array.code().status());
    }

    private static HttpRequest request(String body) {
        return new HttpRequest("POST /v1/x", "POST", "/v1/x", Map.of(), Map.of(), Map.of(), List.of(), body, "r",
                "1.2.3.4", Instant.EPOCH, Map.of());
    }
}
