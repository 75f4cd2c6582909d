package vn.smartprovince.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every list's {@code ?limit=}, as the conventions say: default 20, 1 to 100, anything else a 400 naming it. */
class PageLimitTest {
    private static HttpRequest withQuery(Map<String, String> query) {
        return new HttpRequest("GET /v1/x", "GET", "/v1/x", Map.of(), query, Map.of(), List.of(), null, "r", "1.2.3.4",
                Instant.EPOCH, Map.of());
    }

    @Test
    void theLimitIsTheDefaultOrAWholeNumberFromOneToAHundred() {
        assertEquals(20, withQuery(Map.of()).pageLimit());
        assertEquals(1, withQuery(Map.of("limit", "1")).pageLimit());
        assertEquals(100, withQuery(Map.of("limit", " 100 ")).pageLimit());
        for (String bad : List.of("0", "101", "-5", "ten", "2.5", "")) {
            ApiException e = assertThrows(ApiException.class, () -> withQuery(Map.of("limit", bad)).pageLimit(), bad);
            assertEquals(400, e.code().status());
            assertEquals("limit", e.details().get(0).field());
            assertEquals("OUT_OF_RANGE", e.details().get(0).code());
        }
    }
}
