package vn.smartprovince.shared.idempotency;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

class IdempotencyTest {
    private static HttpRequest withKey(String key) {
        Map<String, String> headers = key == null ? Map.of() : Map.of("idempotency-key", key);
        return new HttpRequest("POST /v1/x", "POST", "/v1/x", Map.of(), Map.of(), headers, List.of(), "{}", "r",
                "1.2.3.4", Instant.EPOCH, Map.of());
    }

    @Test
    void theKeyIsEightToHundredTwentyEightSafeCharactersOrAbsent() {
        assertNull(Idempotency.key(withKey(null)));
        assertNull(Idempotency.key(withKey("  ")));
        assertEquals("key-1234", Idempotency.key(withKey(" key-1234 ")));
        assertEquals("a.b_c:d-E9", Idempotency.key(withKey("a.b_c:d-E9")));
        assertEquals("x".repeat(128), Idempotency.key(withKey("x".repeat(128))));
        for (String bad : List.of("short", "x".repeat(129), "has space1", "slash/123", "dấu-12345")) {
            ApiException e = assertThrows(ApiException.class, () -> Idempotency.key(withKey(bad)), bad);
            assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
            assertEquals("Idempotency-Key", e.details().get(0).field());
            assertEquals("INVALID_FORMAT", e.details().get(0).code());
        }
    }

    @Test
    void theIdDerivesFromScopeCallerAndKeyOrIsRandomWithoutAKey() {
        // sha-256("report\nu1\nkey-12345678"), first 120 bits in lower-case base32: the id reports always gave.
        assertEquals("rjbn7vg74hhug5wbjoiuulo7q", Idempotency.newId("r", "report", "u1", "key-12345678"));
        assertEquals(Idempotency.newId("r", "report", "u1", "key-12345678"),
                Idempotency.newId("r", "report", "u1", "key-12345678"));
        assertNotEquals(Idempotency.newId("r", "report", "u2", "key-12345678"),
                Idempotency.newId("r", "report", "u1", "key-12345678"), "another caller");
        assertNotEquals(Idempotency.newId("r", "note", "u1", "key-12345678"),
                Idempotency.newId("r", "report", "u1", "key-12345678"), "another scope");
        String random = Idempotency.newId("n", "note", "u1", null);
        assertTrue(random.matches("n[a-z2-7]{24}"), random);
        assertNotEquals(random, Idempotency.newId("n", "note", "u1", null));
    }

    @Test
    void aRetryWithTheSameRequestReplaysAndWithAnotherIsRefused() {
        String hash = Idempotency.requestHash("Ổ gà");
        assertEquals("8186a3050a52b8822ba57753163c70cd036a8d3343f0a58edc7df391d753b478", hash);
        assertDoesNotThrow(() -> Idempotency.checkSameRequest(hash, Idempotency.requestHash("Ổ gà")));
        ApiException reused = assertThrows(ApiException.class,
                () -> Idempotency.checkSameRequest(hash, Idempotency.requestHash("Ổ voi")));
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, reused.code());
        assertEquals(422, reused.code().status());
        assertThrows(ApiException.class, () -> Idempotency.checkSameRequest(null, hash), "created without a key");
    }

    @Test
    void aReplayedAnswerSaysSo() {
        HttpResponse created = HttpResponse.json(201, "{}");
        assertEquals("true", Idempotency.answer(created, true).headers().get(Idempotency.REPLAYED_HEADER));
        assertNull(Idempotency.answer(created, false).headers().get(Idempotency.REPLAYED_HEADER));
    }
}
