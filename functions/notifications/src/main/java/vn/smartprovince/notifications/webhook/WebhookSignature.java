package vn.smartprovince.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Zalo's OA webhook signature: {@code X-ZEvent-Signature: mac=<hex>}, hex being the lowercase
 * SHA-256 of {@code app_id + raw body + timestamp + OA secret key}, {@code timestamp} the body's
 * field (milliseconds) as it is written there. Computed over the body's bytes exactly as received,
 * never over a re-serialised or re-decoded copy: one changed byte (a space, an escape) changes the
 * digest.
 */
final class WebhookSignature {
    static final String HEADER = "x-zevent-signature";
    static final String PREFIX = "mac=";

    private WebhookSignature() {
    }

    /** The lowercase hex digest Zalo puts after {@code mac=}. */
    static String mac(String appId, byte[] rawBody, String timestamp, String oaSecretKey) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        sha256.update(appId.getBytes(StandardCharsets.UTF_8));
        sha256.update(rawBody);
        sha256.update(timestamp.getBytes(StandardCharsets.UTF_8));
        sha256.update(oaSecretKey.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * Whether the header carries the expected digest. Compared in constant time
     * ({@link MessageDigest#isEqual}), so the time taken does not tell a forger how many leading
     * characters were right. Hex is compared case-insensitively; anything but {@code mac=<hex>} fails.
     */
    static boolean matches(String header, String expectedHex) {
        if (header == null) {
            return false;
        }
        String value = header.strip();
        if (value.length() < PREFIX.length() || !value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String given = value.substring(PREFIX.length()).strip().toLowerCase(Locale.ROOT);
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
