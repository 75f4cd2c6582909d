package vn.smartprovince.shared.onestop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OneStopCredentialsTest {
    @Test
    void readsBothFieldsAndWritesThemBack() {
        var credentials = OneStopCredentials.parse("{\"apiKey\": \"k-123\", \"signingSecret\": \"s3cret value\"}");
        assertEquals("k-123", credentials.apiKey());
        assertEquals("s3cret value", credentials.signingSecret());
        assertFalse(credentials.toString().contains("k-123"));
        assertFalse(credentials.toString().contains("s3cret"));
    }

    @Test
    void eachBrokenRuleIsNamedWithoutTheValue() {
        assertProblem("not json, key-999", "not JSON");
        assertProblem("[\"key-999\"]", "not a JSON object");
        assertProblem("{\"signingSecret\": \"key-999\"}", "\"apiKey\" is missing");
        assertProblem("{\"apiKey\": 12, \"signingSecret\": \"key-999\"}", "\"apiKey\" is missing or not a string");
        assertProblem("{\"apiKey\": \"  \", \"signingSecret\": \"key-999\"}", "\"apiKey\" is missing or empty");
        assertProblem("{\"apiKey\": \"key 999\", \"signingSecret\": \"s\"}", "spaces");
        assertProblem("{\"apiKey\": \"key-999\\n\", \"signingSecret\": \"s\"}", "line breaks");
        assertProblem("{\"apiKey\": \"" + "k".repeat(4097) + "\", \"signingSecret\": \"s\"}", "4097 bytes");
        assertProblem("{\"apiKey\": \"key-999\"}", "\"signingSecret\" is missing");
        assertProblem("{\"apiKey\": \"key-999\", \"signingSecret\": \"\"}", "\"signingSecret\" is missing or empty");
        assertProblem(null, "not a JSON object");
        assertEquals(4096, OneStopCredentials.parse("{\"apiKey\": \"" + "k".repeat(4096) + "\", \"signingSecret\": \"s\"}")
                .apiKey().length());
    }

    private static void assertProblem(String secret, String expected) {
        var e = assertThrows(IllegalArgumentException.class, () -> OneStopCredentials.parse(secret));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("key-999"), e.getMessage());
    }
}
