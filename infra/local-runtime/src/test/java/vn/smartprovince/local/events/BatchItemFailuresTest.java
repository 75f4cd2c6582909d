package vn.smartprovince.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchItemFailuresTest {
    private static final Set<String> BATCH = Set.of("m1", "m2");

    private static BatchItemFailures parse(String answer) {
        return BatchItemFailures.parse(answer == null ? null : answer.getBytes(StandardCharsets.UTF_8), BATCH);
    }

    @Test
    void completeSuccess() {
        for (String answer : new String[] {null, "", "null", "{}", "{\"batchItemFailures\":null}",
                "{\"batchItemFailures\":[]}"}) {
            assertFalse(parse(answer).any(), String.valueOf(answer));
        }
    }

    @Test
    void someItemsFailed() {
        BatchItemFailures failures = parse("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}");
        assertFalse(failures.wholeBatch());
        assertEquals(Set.of("m2"), failures.identifiers());
    }

    @Test
    void completeFailure() {
        for (String answer : new String[] {"not json", "\"ok\"", "[]", "{\"batchItemFailures\":{}}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
                "{\"batchItemFailures\":[{\"id\":\"m1\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"m1\"},{\"itemIdentifier\":\"m9\"}]}"}) {
            assertTrue(parse(answer).wholeBatch(), answer);
        }
    }
}
