package vn.smartprovince.shared.onestop;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import vn.smartprovince.shared.json.Json;

/**
 * The one-stop system's credentials, THE parser of the secret named by {@code ONE_STOP_SECRET_NAME}
 * ({@code OneStopSecretName}): JSON {@code {"apiKey": "...", "signingSecret": "..."}}. The api key is
 * what the vendor issued us, sent as {@code Authorization: Bearer <apiKey>}; the signing secret is the
 * HMAC key the vendor signs its pushed updates with ({@link OneStopSignature}). Read by the functions
 * and checked the same way by {@code infra/bin/secrets} before it writes. No message ever holds a value.
 */
public record OneStopCredentials(String apiKey, String signingSecret) {
    public static final String SHAPE = "JSON {\"apiKey\": \"...\", \"signingSecret\": \"...\"}";
    /** The api key travels in one HTTP header: at most 4 KB, no whitespace. */
    public static final int MAX_API_KEY_BYTES = 4096;
    private static final Pattern NO_WHITESPACE_OR_CONTROL = Pattern.compile("[^\\s\\p{Cntrl}]+");

    public OneStopCredentials {
        String problem = apiKeyProblem(apiKey);
        if (problem != null) {
            throw new IllegalArgumentException("\"apiKey\" " + problem);
        }
        if (signingSecret == null || signingSecret.isEmpty()) {
            throw new IllegalArgumentException("\"signingSecret\" is missing or empty");
        }
    }

    /**
     * The credentials of the secret's text.
     *
     * @throws IllegalArgumentException naming the rule broken (never the value)
     */
    public static OneStopCredentials parse(String secretJson) {
        JsonNode node;
        try {
            node = secretJson == null ? null : Json.MAPPER.readTree(secretJson);
        } catch (Exception e) {
            // Jackson's message quotes the input: never shown.
            throw new IllegalArgumentException("it is not JSON; it must be " + SHAPE);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("it is not a JSON object; it must be " + SHAPE);
        }
        return new OneStopCredentials(text(node, "apiKey"), text(node, "signingSecret"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a string; it must be " + SHAPE);
        }
        return value.textValue();
    }

    /** What is wrong with this api key (without it), or null when it can be sent as a bearer token. */
    private static String apiKeyProblem(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return "is missing or empty";
        }
        if (!NO_WHITESPACE_OR_CONTROL.matcher(apiKey).matches()) {
            return "holds spaces, line breaks or control characters (paste the key alone)";
        }
        int bytes = apiKey.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_API_KEY_BYTES) {
            return "is " + bytes + " bytes long, more than " + MAX_API_KEY_BYTES;
        }
        return null;
    }

    /** Never the values (a record would print them). */
    @Override
    public String toString() {
        return "OneStopCredentials[apiKey=***, signingSecret=***]";
    }
}
