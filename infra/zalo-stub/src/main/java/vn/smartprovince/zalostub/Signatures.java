package vn.smartprovince.zalostub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The two signatures of Zalo's APIs, computed as Zalo does. */
public final class Signatures {
    private Signatures() {
    }

    /**
     * {@code appsecret_proof}: lowercase hex of HMAC-SHA256 with the app secret as key over the
     * access token.
     */
    public static String appSecretProof(String appSecret, String accessToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * The OA webhook signature: lowercase hex of SHA-256 over {@code appId + rawBody + timestamp +
     * oaSecretKey}; sent as {@code X-ZEvent-Signature: mac=<hex>}.
     */
    public static String webhookMac(String appId, String rawBody, String timestamp, String oaSecretKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((appId + rawBody + timestamp + oaSecretKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Constant-time comparison of two strings (hex digests). */
    public static boolean equalsConstantTime(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
