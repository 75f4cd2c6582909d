package vn.smartprovince.identity.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.smartprovince.identity.core.SigningKey;
import vn.smartprovince.identity.core.SigningKeys;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.secrets.Secrets;

/**
 * The session signing keys from the Secrets Manager secret named by
 * {@code SESSION_SIGNING_KEY_SECRET_NAME}, through the shared (time-limited) secrets cache.
 *
 * <p>The secret holds either one key (its text, at least 32 bytes: e.g. the output of
 * {@code aws secretsmanager get-random-password --password-length 64}) or, while rotating,
 * {@code {"keys": ["<new key>", "<old key>"]}}: the first signs, all verify. Rotation: put both,
 * wait for the cache (15 min) and one session lifetime, then leave only the new one. Without the
 * overlap a rotation just makes every session sign in with Zalo again.
 */
public final class SecretSigningKeys implements SigningKeys {
    private final Secrets secrets;
    private final String secretName;
    private volatile Parsed parsed;

    private record Parsed(String text, List<SigningKey> keys) {
        @Override
        public String toString() {
            return "Parsed[" + keys + "]";
        }
    }

    public SecretSigningKeys(Secrets secrets, String secretName) {
        this.secrets = secrets;
        this.secretName = secretName;
    }

    @Override
    public List<SigningKey> keys() {
        String text;
        try {
            text = secrets.value(secretName);
        } catch (RuntimeException e) {
            JsonLog.warn("session signing key unavailable", Map.of("secret", secretName, "errorType", e.getClass().getName()));
            throw new Unavailable(e);
        }
        Parsed current = parsed;
        if (current != null && current.text().equals(text)) {
            return current.keys();
        }
        try {
            List<SigningKey> keys = parse(text);
            parsed = new Parsed(text, keys);
            return keys;
        } catch (IllegalArgumentException e) {
            JsonLog.warn("session signing key malformed", Map.of("secret", secretName, "problem", e.getMessage()));
            throw new Unavailable(e);
        }
    }

    /** One key, or {@code {"keys": [...]}}. */
    public static List<SigningKey> parse(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{")) {
            return List.of(SigningKey.fromSecret(trimmed));
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(trimmed);
        } catch (Exception e) {
            throw new IllegalArgumentException("the secret starts with { but is not JSON");
        }
        JsonNode array = node.path("keys");
        if (!array.isArray() || array.isEmpty()) {
            throw new IllegalArgumentException("the secret's JSON needs a non-empty \"keys\" array");
        }
        List<SigningKey> keys = new ArrayList<>();
        for (JsonNode key : array) {
            if (!key.isTextual()) {
                throw new IllegalArgumentException("every entry of \"keys\" must be a string");
            }
            keys.add(SigningKey.fromSecret(key.asText()));
        }
        return List.copyOf(keys);
    }
}
