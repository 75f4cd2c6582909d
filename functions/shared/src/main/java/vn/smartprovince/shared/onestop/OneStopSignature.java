package vn.smartprovince.shared.onestop;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of an update the one-stop system pushes (and of what the one-stop fake sends):
 * {@code X-OneStop-Signature: sha256=<hex>}, hex being the lowercase HMAC-SHA256, keyed with the
 * shared signing secret, of {@code <X-OneStop-Timestamp> + "." + <raw body bytes>}. The timestamp is
 * epoch seconds as written in its header. Computed over the body exactly as received: one changed
 * byte changes the digest. One definition for the receiving function, the fake and the tests.
 */
public final class OneStopSignature {
    public static final String SIGNATURE_HEADER = "x-onestop-signature";
    public static final String TIMESTAMP_HEADER = "x-onestop-timestamp";
    public static final String PREFIX = "sha256=";

    private OneStopSignature() {
    }

    /** The lowercase hex HMAC-SHA256 of {@code timestamp + "." + rawBody}. */
    public static String hmac(String signingSecret, String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(rawBody);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The header value: {@code sha256=<hex>}. */
    public static String header(String signingSecret, String timestamp, byte[] rawBody) {
        return PREFIX + hmac(signingSecret, timestamp, rawBody);
    }

    /**
     * Whether {@code header} carries the expected digest, compared in constant time
     * ({@link MessageDigest#isEqual}) so the time taken tells a forger nothing. Anything but
     * {@code sha256=<hex>} fails; hex is compared case-insensitively.
     */
    public static boolean matches(String header, String signingSecret, String timestamp, byte[] rawBody) {
        if (header == null || timestamp == null || rawBody == null) {
            return false;
        }
        String value = header.strip();
        if (value.length() < PREFIX.length() || !value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String given = value.substring(PREFIX.length()).strip().toLowerCase(Locale.ROOT);
        String expected = hmac(signingSecret, timestamp, rawBody);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
