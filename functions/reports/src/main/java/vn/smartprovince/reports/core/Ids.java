package vn.smartprovince.reports.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Report ids: {@code r} + 24 characters of lower-case base32 (120 bits). Random, or derived from
 * the citizen and the Idempotency-Key, so that every retry of one submission names the same report
 * and the conditional put lets exactly one of them create it.
 */
public final class Ids {
    private static final Pattern ID = Pattern.compile("r[a-z2-7]{24}");
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static String random() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return "r" + base32(bytes);
    }

    /** The id of the report one citizen's submission with this Idempotency-Key creates. */
    public static String forIdempotencyKey(String userId, String idempotencyKey) {
        byte[] digest = sha256Bytes("report\n" + userId + "\n" + idempotencyKey);
        return "r" + base32(java.util.Arrays.copyOf(digest, 15));
    }

    public static String sha256(String text) {
        return HexFormat.of().formatHex(sha256Bytes(text));
    }

    private static byte[] sha256Bytes(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 15 bytes = 120 bits = 24 base32 characters. */
    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder(24);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return out.toString();
    }
}
