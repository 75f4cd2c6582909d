package vn.smartprovince.shared.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * Safe retries of a creating POST (conventions, "Safe retries"), without a table of its own: with
 * an {@code Idempotency-Key} the new item's id is derived from the scope, the caller and the key
 * ({@link #newId}), so every retry names the same item and the store's conditional write lets
 * exactly one of them create it; the item keeps {@link #requestHash} of the request. A retry that
 * finds the item replays the first answer when the hashes agree ({@link #checkSameRequest}) and is
 * refused with 422 {@code IDEMPOTENCY_KEY_REUSED} when they do not. The write is the idempotency
 * record, atomic with the change.
 */
public final class Idempotency {
    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** The answer's header ({@code true}) when it replays an earlier request's. */
    public static final String REPLAYED_HEADER = "idempotent-replayed";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    /** 15 bytes = 120 bits = 24 base32 characters. */
    private static final int ID_BYTES = 15;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Idempotency() {
    }

    /** The request's key; null when there is none; 400 naming {@code Idempotency-Key} when malformed. */
    public static String key(HttpRequest request) {
        String key = request.header("idempotency-key").map(String::strip).orElse(null);
        if (key == null || key.isEmpty()) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.invalid(new FieldError(HEADER, "INVALID_FORMAT",
                    "Idempotency-Key gồm 8–128 ký tự A-Z, a-z, 0-9, . _ : -.",
                    "Idempotency-Key must be 8-128 characters of A-Z, a-z, 0-9, . _ : -."));
        }
        return key;
    }

    /**
     * The id of the item a request creates: {@code prefix} + 24 characters of lower-case base32
     * (120 bits), derived from SHA-256 of {@code scope}, {@code caller} and {@code key} when there is
     * a key, random otherwise.
     *
     * @param scope  what is created (e.g. {@code report}), so keys of different routes never meet
     * @param caller who asks (and anything else that must be part of the identity, e.g. the parent item)
     * @param key    the request's Idempotency-Key, or null
     */
    public static String newId(String prefix, String scope, String caller, String key) {
        if (key == null) {
            return randomId(prefix);
        }
        return prefix + base32(Arrays.copyOf(sha256Bytes(scope + "\n" + caller + "\n" + key), ID_BYTES));
    }

    /** {@code prefix} + 24 random characters of lower-case base32. */
    public static String randomId(String prefix) {
        byte[] bytes = new byte[ID_BYTES];
        RANDOM.nextBytes(bytes);
        return prefix + base32(bytes);
    }

    /** What the created item keeps of its request: hex SHA-256 of the request's canonical form. */
    public static String requestHash(String canonicalRequest) {
        return HexFormat.of().formatHex(sha256Bytes(canonicalRequest));
    }

    /**
     * A retry found the item its key names: passes when it is the same request (a replay), else 422
     * {@code IDEMPOTENCY_KEY_REUSED}.
     *
     * @param storedHash  the {@link #requestHash} kept with the item (null when it was created without a key)
     * @param requestHash this request's
     */
    public static void checkSameRequest(String storedHash, String requestHash) {
        if (!requestHash.equals(storedHash)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED, null);
        }
    }

    /** The answer, marked with {@link #REPLAYED_HEADER} when it replays an earlier request's. */
    public static HttpResponse answer(HttpResponse response, boolean replayed) {
        return replayed ? response.withHeader(REPLAYED_HEADER, "true") : response;
    }

    private static byte[] sha256Bytes(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 8 / 5 + 1);
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
