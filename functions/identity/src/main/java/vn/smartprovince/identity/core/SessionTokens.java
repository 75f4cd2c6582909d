package vn.smartprovince.identity.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.smartprovince.shared.auth.AuthFailure;
import vn.smartprovince.shared.json.Json;

/**
 * Our session tokens: compact JWS (RFC 7515/7519) signed with HMAC-SHA256 from javax.crypto.
 *
 * <pre>
 * header  {"alg":"HS256","typ":"JWT","kid":"&lt;key id&gt;"}
 * claims  {"iss": issuer, "aud": the Zalo app id, "sub": Zalo user id, "sid": session id,
 *          "iat", "exp", "auth_time" (epoch seconds), "sv": the user's sessionVersion}
 * </pre>
 *
 * Verification is strict: exactly three base64url parts without padding, {@code alg} exactly
 * HS256 (no "none", no algorithm from the token), a known {@code kid}, the signature compared in
 * constant time before any claim is read, no duplicate JSON keys, then issuer, audience (a token
 * of another app is {@code WRONG_APP}), expiry and a small allowance for clock skew.
 */
public final class SessionTokens {
    /** Far above a real token (~400 characters); longer input is refused before any work. */
    public static final int MAX_TOKEN_CHARS = 4096;
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern ZALO_ID = Pattern.compile("[0-9]{1,32}");
    private static final ObjectReader STRICT = Json.MAPPER.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** What a token says about its session. */
    public record Claims(String subject, String sessionId, Instant issuedAt, Instant expiresAt, Instant authTime,
                         long sessionVersion) {
    }

    /** The outcome of {@link #verify}. */
    public sealed interface Verification permits Valid, Invalid {
    }

    public record Valid(Claims claims) implements Verification {
    }

    public record Invalid(AuthFailure reason) implements Verification {
    }

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;

    public SessionTokens(SigningKeys keys, String issuer, String audience) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
    }

    public String issue(Claims claims) {
        SigningKey key = keys.current();
        ObjectNode header = Json.object().put("alg", "HS256").put("typ", "JWT").put("kid", key.kid());
        ObjectNode body = Json.object()
                .put("iss", issuer)
                .put("aud", audience)
                .put("sub", claims.subject())
                .put("sid", claims.sessionId())
                .put("iat", claims.issuedAt().getEpochSecond())
                .put("exp", claims.expiresAt().getEpochSecond())
                .put("auth_time", claims.authTime().getEpochSecond())
                .put("sv", claims.sessionVersion());
        String signingInput = base64(Json.write(header)) + "." + base64(Json.write(body));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, signingInput));
    }

    /** @throws SigningKeys.Unavailable when the keys cannot be read (not the token's fault) */
    public Verification verify(String token, Instant now) {
        if (token == null || token.isEmpty()) {
            return new Invalid(AuthFailure.TOKEN_MISSING);
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            return invalid();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !BASE64URL.matcher(parts[0]).matches() || !BASE64URL.matcher(parts[1]).matches()
                || !BASE64URL.matcher(parts[2]).matches()) {
            return invalid();
        }
        JsonNode header = json(parts[0]);
        if (header == null || !"HS256".equals(text(header, "alg")) || header.has("crit")
                || (header.has("typ") && !"JWT".equals(text(header, "typ"))) || text(header, "kid") == null) {
            return invalid();
        }
        var key = keys.find(text(header, "kid"));
        if (key.isEmpty()) {
            return invalid(); // signed with a key we do not hold (forged, or rotated out)
        }
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return invalid();
        }
        if (!MessageDigest.isEqual(hmac(key.get(), parts[0] + "." + parts[1]), signature)) {
            return invalid();
        }
        JsonNode claims = json(parts[1]);
        if (claims == null || !issuer.equals(text(claims, "iss"))) {
            return invalid();
        }
        if (!audience.equals(text(claims, "aud"))) {
            return new Invalid(AuthFailure.WRONG_APP);
        }
        String subject = text(claims, "sub");
        String sessionId = text(claims, "sid");
        if (subject == null || !ZALO_ID.matcher(subject).matches() || sessionId == null || sessionId.isEmpty()
                || !integral(claims, "iat") || !integral(claims, "exp") || !integral(claims, "auth_time")
                || !integral(claims, "sv")) {
            return invalid();
        }
        Claims parsed = new Claims(subject, sessionId, Instant.ofEpochSecond(claims.get("iat").asLong()),
                Instant.ofEpochSecond(claims.get("exp").asLong()), Instant.ofEpochSecond(claims.get("auth_time").asLong()),
                claims.get("sv").asLong());
        if (parsed.issuedAt().isAfter(now.plus(CLOCK_SKEW)) || parsed.authTime().isAfter(parsed.issuedAt())) {
            return invalid();
        }
        if (!parsed.expiresAt().isAfter(now)) {
            return new Invalid(AuthFailure.TOKEN_EXPIRED);
        }
        return new Valid(parsed);
    }

    private static Invalid invalid() {
        return new Invalid(AuthFailure.TOKEN_INVALID);
    }

    private static byte[] hmac(SigningKey key, String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A base64url part as a JSON object, or null. */
    private static JsonNode json(String part) {
        try {
            JsonNode node = STRICT.readTree(Base64.getUrlDecoder().decode(part));
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static boolean integral(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0;
    }
}
