package vn.smartprovince.shared.onestop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OneStopSignatureTest {
    private static final byte[] BODY = "{\"MaCapNhat\":\"u-1\",\"TrangThaiHoSo\":4}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theDigestIsTheHmacOfTimestampDotBody() {
        // openssl: printf '1767225600.{"MaCapNhat":"u-1","TrangThaiHoSo":4}' | openssl dgst -sha256 -hmac secret
        assertEquals("sha256=f436c8d152de6eea4de8ee11387a437e392728fc9d572b4a955095041fdcfce2",
                OneStopSignature.header("secret", "1767225600", BODY));
    }

    @Test
    void onlyTheSameSecretTimestampAndBytesMatch() {
        String header = OneStopSignature.header("secret", "1767225600", BODY);
        assertTrue(OneStopSignature.matches(header, "secret", "1767225600", BODY));
        assertTrue(OneStopSignature.matches(header.toUpperCase().replace("SHA256=", "sha256="), "secret", "1767225600", BODY));
        assertFalse(OneStopSignature.matches(header, "other", "1767225600", BODY));
        assertFalse(OneStopSignature.matches(header, "secret", "1767225601", BODY));
        byte[] changed = BODY.clone();
        changed[changed.length - 2] = '5';
        assertFalse(OneStopSignature.matches(header, "secret", "1767225600", changed));
        assertFalse(OneStopSignature.matches(header.substring(7), "secret", "1767225600", BODY));
        assertFalse(OneStopSignature.matches(null, "secret", "1767225600", BODY));
    }
}
