package vn.smartprovince.ops.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import vn.smartprovince.identity.store.SecretSigningKeys;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.onestop.OneStopCredentials;

/**
 * What each secret of a stack must hold, checked the way the functions read them,
 * by {@code infra/bin/secrets} before it writes and by {@code infra/bin/preflight} after. Every
 * problem is described without the value (nor any part of it).
 */
public final class SecretRules {
    /** The secrets: the template's parameter naming each, what it is for, whether every stack needs it. */
    public enum Kind {
        APP_SECRET("ZaloAppSecretName", "the Zalo App's secret key", true),
        OA_SECRET("ZaloOaSecretName", "the Official Account's secret key", true),
        SIGNING_KEY("SessionSigningKeySecretName", "the session signing key", true),
        OA_TOKENS("ZaloOaTokensSecretName", "the OA's first token pair", true),
        /** Only a province with a one-stop system ({@code OneStopBaseUrl}) has it. */
        ONE_STOP("OneStopSecretName", "the one-stop system's credentials", false);

        /** The template parameter naming the secret (empty = {@code smartprovince/<Stage>/<purpose>}). */
        public final String parameter;
        public final String description;
        /** False: created only when asked for, and not missed when absent. */
        public final boolean required;

        Kind(String parameter, String description, boolean required) {
            this.parameter = parameter;
            this.description = description;
            this.required = required;
        }
    }

    /** Zalo's keys travel in HTTP headers ({@code secret_key}) or are hashed as text: printable ASCII, no spaces. */
    private static final Pattern HEADER_SAFE = Pattern.compile("[\\x21-\\x7E]+");
    static final int MIN_KEY_LENGTH = 8;
    static final int MAX_KEY_LENGTH = 256;
    /** Random bytes of a generated signing key (base64: 64 characters, 64 bytes of key text). */
    static final int GENERATED_SIGNING_KEY_BYTES = 48;
    /** Random bytes of a generated one-stop signing secret (256 bits, the HMAC-SHA256 block's worth). */
    static final int GENERATED_ONE_STOP_SIGNING_BYTES = 32;

    private SecretRules() {
    }

    /** The problem with this value for this secret, or empty when it is well formed. Never echoes the value. */
    public static Optional<String> problem(Kind kind, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("it is empty");
        }
        return switch (kind) {
            case APP_SECRET, OA_SECRET -> key(value);
            case SIGNING_KEY -> readBy(SecretSigningKeys::parse, value);
            case OA_TOKENS -> tokenPair(value);
            case ONE_STOP -> readBy(OneStopCredentials::parse, value);
        };
    }

    private static Optional<String> key(String value) {
        if (!value.equals(value.strip())) {
            return Optional.of("it has spaces or line breaks around it (paste the key alone)");
        }
        if (!HEADER_SAFE.matcher(value).matches()) {
            return Optional.of("it holds characters a Zalo key never has (spaces, quotes of another alphabet,"
                    + " control characters)");
        }
        if (value.length() < MIN_KEY_LENGTH || value.length() > MAX_KEY_LENGTH) {
            return Optional.of("it is " + value.length() + " characters long, not a Zalo key (" + MIN_KEY_LENGTH
                    + " to " + MAX_KEY_LENGTH + ")");
        }
        return Optional.empty();
    }

    /**
     * The problem the functions' own parser finds, or empty: the session signing key as the identity
     * functions read it ({@link SecretSigningKeys#parse}: one key of 32+ bytes, or {"keys": [...]}),
     * the one-stop credentials as the dossiers functions do ({@link OneStopCredentials#parse}).
     */
    private static Optional<String> readBy(Consumer<String> parser, String value) {
        try {
            parser.accept(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            // The parsers' messages name the rule, never the value.
            return Optional.of(e.getMessage());
        }
    }

    /** As the notification dispatcher reads it: {"accessToken", "refreshToken", "accessTokenExpiresAt"?}. */
    private static Optional<String> tokenPair(String value) {
        String shape = "it must be JSON {\"accessToken\": \"...\", \"refreshToken\": \"...\","
                + " \"accessTokenExpiresAt\": \"<RFC 3339>\" (optional)}";
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(value);
        } catch (Exception e) {
            // Jackson's message quotes the input: never shown.
            return Optional.of("it is not JSON; " + shape);
        }
        if (node == null || !node.isObject()) {
            return Optional.of("it is not a JSON object; " + shape);
        }
        for (String field : new String[] {"accessToken", "refreshToken"}) {
            JsonNode token = node.get(field);
            if (token == null || !token.isTextual() || token.textValue().isBlank()) {
                return Optional.of("\"" + field + "\" is missing or not a non-empty string; " + shape);
            }
            if (!HEADER_SAFE.matcher(token.textValue().strip()).matches()) {
                return Optional.of("\"" + field + "\" holds spaces or control characters");
            }
        }
        JsonNode expiry = node.get("accessTokenExpiresAt");
        if (expiry != null && !expiry.isNull()) {
            if (!expiry.isTextual()) {
                return Optional.of("\"accessTokenExpiresAt\" must be an RFC 3339 string such as 2026-12-31T10:00:00+07:00");
            }
            try {
                OffsetDateTime.parse(expiry.textValue());
            } catch (DateTimeParseException e) {
                return Optional.of("\"accessTokenExpiresAt\" must be an RFC 3339 string such as 2026-12-31T10:00:00+07:00");
            }
        }
        return Optional.empty();
    }

    /** A new one-stop signing secret: {@value #GENERATED_ONE_STOP_SIGNING_BYTES} random bytes, base64url without padding. */
    public static String generateOneStopSigningSecret(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_ONE_STOP_SIGNING_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new session signing key: {@value #GENERATED_SIGNING_KEY_BYTES} random bytes, base64. */
    public static String generateSigningKey(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_SIGNING_KEY_BYTES];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The one-stop secret's JSON from its parts, unchecked ({@link #problem} checks it as the functions read it). */
    public static String oneStopJson(String apiKey, String signingSecret) {
        return Json.write(Json.object().put("apiKey", apiKey).put("signingSecret", signingSecret));
    }

    /** The OA token secret's JSON from its parts (expiry optional, RFC 3339). */
    public static String tokenPairJson(String accessToken, String refreshToken, String accessTokenExpiresAt) {
        var node = Json.object();
        node.put("accessToken", accessToken.strip());
        node.put("refreshToken", refreshToken.strip());
        if (accessTokenExpiresAt != null && !accessTokenExpiresAt.isBlank()) {
            node.put("accessTokenExpiresAt", accessTokenExpiresAt.strip());
        }
        return Json.write(node);
    }
}
