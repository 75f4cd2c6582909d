package vn.smartprovince.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.json.Json;

/** The authorizer's context reaches a handler with the same values and types Jackson's conversion gave. */
class AuthorizerContextTest {

    @Test
    void everyKindOfValueAsJacksonConvertsIt() {
        JsonNode event = Json.read("""
                {"routeKey": "GET /v1/me", "requestContext": {"requestId": "r", "http": {"method": "GET"},
                 "authorizer": {"lambda": {"authenticated": "true", "userId": "u-1", "count": 3,
                  "big": 4102444800123, "huge": 123456789012345678901234567890, "ratio": 0.25, "flag": true,
                  "nothing": null, "list": ["a", 1, false, {"k": "v"}], "nested": {"roles": ["CITIZEN"], "n": 2.0}}}}}
                """);
        Map<String, Object> expected = Json.MAPPER.convertValue(event.at("/requestContext/authorizer/lambda"),
                Json.MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        Map<String, Object> authorizer = HttpRequest.fromEvent(event).authorizer();
        assertEquals(expected, authorizer);
        assertEquals(expected.toString(), authorizer.toString(), "same order");
        for (String key : expected.keySet()) {
            Object value = expected.get(key);
            assertEquals(value == null ? null : value.getClass(), authorizer.get(key) == null ? null
                    : authorizer.get(key).getClass(), key);
        }
    }
}
