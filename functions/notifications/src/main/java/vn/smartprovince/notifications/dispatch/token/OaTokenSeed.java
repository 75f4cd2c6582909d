package vn.smartprovince.notifications.dispatch.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.secrets.CachingSecrets;
import vn.smartprovince.shared.secrets.SecretNotFoundException;
import vn.smartprovince.shared.secrets.Secrets;

/**
 * The OA token pair an operator stored in Secrets Manager (the secret named by
 * {@code ZALO_OA_TOKENS_SECRET_NAME}), as JSON:
 * {@code {"accessToken": "...", "refreshToken": "...", "accessTokenExpiresAt": "2026-11-29T10:00:00Z"}}
 * (the expiry is optional: without it the pair is refreshed at first use). It starts the chain
 * once (the stored pair is the truth afterwards) and restarts it when an operator puts a new pair
 * there after re-authorising the OA.
 */
final class OaTokenSeed {

    /** A pair read from the secret; {@code hash} tells one secret value from another without keeping it. */
    record Pair(String accessToken, String refreshToken, Instant accessTokenExpiresAt, String hash) {
        @Override
        public String toString() {
            return "Pair[accessToken=***, refreshToken=***, accessTokenExpiresAt=" + accessTokenExpiresAt + "]";
        }
    }

    private final Secrets secrets;
    private final String name;

    OaTokenSeed(Secrets secrets, String name) {
        this.secrets = secrets;
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The pair in the secret, or empty when the secret does not exist. */
    Optional<Pair> read() {
        if (secrets instanceof CachingSecrets cache) {
            // Read afresh: the point is to see a pair an operator stored a minute ago.
            cache.invalidate(name);
        }
        String value;
        try {
            value = secrets.value(name);
        } catch (SecretNotFoundException e) {
            return Optional.empty();
        }
        return Optional.of(parse(value, name));
    }

    static Pair parse(String value, String name) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(value);
        } catch (Exception e) {
            node = null;
        }
        String shape = "the secret " + name + " must be JSON {\"accessToken\", \"refreshToken\", \"accessTokenExpiresAt\"?}";
        if (node == null || !node.path("accessToken").isTextual() || !node.path("refreshToken").isTextual()
                || node.path("accessToken").textValue().isBlank() || node.path("refreshToken").textValue().isBlank()) {
            throw new OaTokenException(vn.smartprovince.shared.zalo.ZaloException.Kind.MISCONFIGURED, shape, null);
        }
        Instant expiresAt = null;
        if (node.path("accessTokenExpiresAt").isTextual()) {
            try {
                expiresAt = OffsetDateTime.parse(node.path("accessTokenExpiresAt").textValue()).toInstant();
            } catch (RuntimeException e) {
                throw new OaTokenException(vn.smartprovince.shared.zalo.ZaloException.Kind.MISCONFIGURED,
                        shape + " (accessTokenExpiresAt an RFC 3339 instant)", null);
            }
        }
        return new Pair(node.path("accessToken").textValue().strip(), node.path("refreshToken").textValue().strip(),
                expiresAt, sha256(value));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
