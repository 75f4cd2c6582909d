package vn.smartprovince.identity.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A key that signs session tokens (HMAC-SHA256). Its id ({@code kid} in the token header) is
 * derived from the key itself (the first 8 bytes of its SHA-256, hex), so rotating the key in
 * Secrets Manager needs no separate id, and a token names the key that can verify it.
 */
public final class SigningKey {
    /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash, 256 bits. */
    public static final int MIN_BYTES = 32;

    private final String kid;
    private final byte[] secret;

    private SigningKey(String kid, byte[] secret) {
        this.kid = kid;
        this.secret = secret;
    }

    /** The key from a secret's text (its UTF-8 bytes, at least 32). */
    public static SigningKey fromSecret(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("a session signing key needs at least " + MIN_BYTES + " bytes");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new SigningKey(HexFormat.of().formatHex(digest, 0, 8), bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public String kid() {
        return kid;
    }

    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey key && key.kid.equals(kid) && MessageDigest.isEqual(key.secret, secret);
    }

    @Override
    public int hashCode() {
        return kid.hashCode();
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + "]";
    }
}
