package vn.smartprovince.notifications.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.smartprovince.notifications.webhook.WebhookVerifier.Accepted;
import vn.smartprovince.notifications.webhook.WebhookVerifier.Reason;
import vn.smartprovince.notifications.webhook.WebhookVerifier.Rejected;
import vn.smartprovince.notifications.webhook.WebhookVerifier.Verdict;

/** The signature and staleness rules of the webhook, without AWS. */
class WebhookVerifierTest {
    static final String APP_ID = "1234567890";
    static final String SECRET = "oa-secret-key";
    static final Instant NOW = Instant.parse("2026-11-28T09:30:00Z");

    static String body(long timestamp) {
        return "{\"app_id\":\"" + APP_ID + "\",\"oa_id\":\"9000000000000000099\",\"user_id_by_app\":\"9000000000000000001\","
                + "\"event_name\":\"follow\",\"source\":\"oa_profile\",\"follower\":{\"id\":\"4400000000000000001\"},"
                + "\"timestamp\":\"" + timestamp + "\"}";
    }

    static String sign(String body, String timestamp, String secret) {
        return "mac=" + WebhookSignature.mac(APP_ID, body.getBytes(StandardCharsets.UTF_8), timestamp, secret);
    }

    static WebhookVerifier verifier(Duration window) {
        return new WebhookVerifier(APP_ID, () -> SECRET, window, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Verdict verify(String header, String body) {
        return verifier(WebhookVerifier.DEFAULT_WINDOW).verify(header, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static Reason reason(Verdict verdict) {
        return assertInstanceOf(Rejected.class, verdict).reason();
    }

    @Test
    void theDigestIsSha256OfAppIdBodyTimestampAndSecretInThatOrder() {
        // Independent vector (Python: hashlib.sha256(b'1234567890' + body + b'1700000000000' + b'oa-secret')).
        String raw = "{\"event_name\":\"follow\",\"timestamp\":\"1700000000000\"}";
        assertEquals("8c2024bb4f7cc668d501725f9458d8dab79973b9ccc150df1b0c4d03379b14ec",
                WebhookSignature.mac("1234567890", raw.getBytes(StandardCharsets.UTF_8), "1700000000000", "oa-secret"));
    }

    @Test
    void aCorrectlySignedFreshEventIsAcceptedAsItCame() {
        long ts = NOW.minusSeconds(3).toEpochMilli();
        String body = body(ts);
        Accepted accepted = assertInstanceOf(Accepted.class, verify(sign(body, Long.toString(ts), SECRET), body));
        assertEquals(body, accepted.body());
        assertEquals("follow", accepted.eventName());
        assertEquals(Instant.ofEpochMilli(ts), accepted.timestamp());
    }

    @Test
    void aMissingOrForgedSignatureIsRefused() {
        long ts = NOW.toEpochMilli();
        String body = body(ts);
        String good = sign(body, Long.toString(ts), SECRET);
        assertEquals(Reason.SIGNATURE_MISSING, reason(verify(null, body)));
        assertEquals(Reason.SIGNATURE_MISSING, reason(verify("  ", body)));
        assertEquals(Reason.SIGNATURE_INVALID, reason(verify(sign(body, Long.toString(ts), "another-secret"), body)));
        assertEquals(Reason.SIGNATURE_INVALID, reason(verify(good.replace("mac=", "sha256="), body)));
        assertEquals(Reason.SIGNATURE_INVALID, reason(verify(good.substring(4), body)), "the mac= prefix is required");
        assertEquals(Reason.SIGNATURE_INVALID, reason(verify(good.substring(0, good.length() - 1), body)));
        assertEquals(Reason.SIGNATURE_INVALID, reason(verify("mac=", body)));
        // The app id is part of what is signed: another app's signature is not ours.
        String otherApp = "mac=" + WebhookSignature.mac("999", body.getBytes(StandardCharsets.UTF_8), Long.toString(ts), SECRET);
        assertEquals(Reason.SIGNATURE_INVALID, reason(verify(otherApp, body)));
        // Zalo writes lowercase hex; case and surrounding spaces do not matter.
        assertInstanceOf(Accepted.class, verify("  MAC=" + good.substring(4).toUpperCase() + " ", body));
    }

    @Test
    void theSignatureCoversTheExactBytesNotTheParsedJson() {
        long ts = NOW.toEpochMilli();
        String body = body(ts);
        String header = sign(body, Long.toString(ts), SECRET);
        assertEquals(Reason.SIGNATURE_INVALID, reason(verify(header, body.replace("{\"app_id\"", "{ \"app_id\""))),
                "the same JSON with one more space is another body");
        assertEquals(Reason.SIGNATURE_INVALID, reason(verify(header, body.replace("4400000000000000001", "4400000000000000002"))));
        // The timestamp signed is the body's: changing it (to replay a captured event later) breaks the signature.
        long later = ts + 60_000;
        assertEquals(Reason.SIGNATURE_INVALID, reason(verify(header, body(later))));
    }

    @Test
    void nonAsciiBodiesAreSignedAsUtf8Bytes() {
        long ts = NOW.toEpochMilli();
        String body = "{\"event_name\":\"user_send_text\",\"timestamp\":\"" + ts
                + "\",\"sender\":{\"id\":\"44\"},\"message\":{\"text\":\"Đèn đường hỏng ở phường Tân Ninh\"}}";
        assertInstanceOf(Accepted.class, verify(sign(body, Long.toString(ts), SECRET), body));
    }

    @Test
    void staleAndFarFutureTimestampsAreRefusedAtTheWindowsEdge() {
        Duration window = WebhookVerifier.DEFAULT_WINDOW;
        long edge = NOW.minus(window).toEpochMilli();
        assertInstanceOf(Accepted.class, verify(sign(body(edge), Long.toString(edge), SECRET), body(edge)));
        long stale = edge - 1;
        assertEquals(Reason.TIMESTAMP_STALE, reason(verify(sign(body(stale), Long.toString(stale), SECRET), body(stale))));
        long future = NOW.plus(window).toEpochMilli();
        assertInstanceOf(Accepted.class, verify(sign(body(future), Long.toString(future), SECRET), body(future)));
        long farFuture = future + 1;
        assertEquals(Reason.TIMESTAMP_IN_FUTURE,
                reason(verify(sign(body(farFuture), Long.toString(farFuture), SECRET), body(farFuture))));
        assertEquals(401, Reason.TIMESTAMP_STALE.status);
        assertEquals(401, Reason.TIMESTAMP_IN_FUTURE.status);
    }

    @Test
    void theWindowIsConfigurable() {
        long ts = NOW.minusSeconds(60).toEpochMilli();
        String body = body(ts);
        String header = sign(body, Long.toString(ts), SECRET);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(Accepted.class, verifier(Duration.ofMinutes(5)).verify(header, bytes));
        assertEquals(Reason.TIMESTAMP_STALE, reason(verifier(Duration.ofSeconds(30)).verify(header, bytes)));
        assertThrows(IllegalArgumentException.class, () -> verifier(Duration.ZERO));
    }

    @Test
    void aForgedStaleEventIsReportedAsForgedNotAsStale() {
        long stale = NOW.minusSeconds(3600).toEpochMilli();
        assertEquals(Reason.SIGNATURE_INVALID, reason(verify(sign(body(stale), Long.toString(stale), "guess"), body(stale))));
    }

    @Test
    void aNumericTimestampIsSignedAsItsDigits() {
        long ts = NOW.toEpochMilli();
        String body = "{\"event_name\":\"follow\",\"follower\":{\"id\":\"1\"},\"timestamp\":" + ts + "}";
        assertInstanceOf(Accepted.class, verify(sign(body, Long.toString(ts), SECRET), body));
    }

    @Test
    void bodiesThatCannotBeVerifiedAreBadRequests() {
        String header = "mac=" + "0".repeat(64);
        assertEquals(Reason.BODY_MISSING, reason(verify(header, null)));
        assertEquals(Reason.BODY_MISSING, reason(verify(header, "")));
        assertEquals(Reason.BODY_NOT_JSON, reason(verify(header, "event_name=follow")));
        assertEquals(Reason.BODY_NOT_JSON, reason(verify(header, "{\"timestamp\":\"1\"} trailing")));
        assertEquals(Reason.BODY_NOT_OBJECT, reason(verify(header, "[1,2]")));
        assertEquals(Reason.TIMESTAMP_MISSING, reason(verify(header, "{\"event_name\":\"follow\"}")));
        assertEquals(Reason.TIMESTAMP_INVALID, reason(verify(header, "{\"timestamp\":\"yesterday\"}")));
        assertEquals(Reason.TIMESTAMP_INVALID, reason(verify(header, "{\"timestamp\":1.5}")));
        assertEquals(Reason.TIMESTAMP_INVALID, reason(verify(header, "{\"timestamp\":\"-1\"}")));
        for (Reason reason : new Reason[] {Reason.BODY_MISSING, Reason.BODY_NOT_JSON, Reason.BODY_NOT_OBJECT,
                Reason.TIMESTAMP_MISSING, Reason.TIMESTAMP_INVALID, Reason.EVENT_NAME_MISSING, Reason.BODY_NOT_UTF8}) {
            assertEquals(400, reason.status, reason.name());
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedEvenWhenSigned() {
        long ts = NOW.toEpochMilli();
        byte[] body = ("{\"event_name\":\"follow\",\"timestamp\":\"" + ts + "\",\"x\":\"?\"}").getBytes(StandardCharsets.UTF_8);
        body[body.length - 3] = (byte) 0xC3;   // a lone lead byte
        String header = "mac=" + WebhookSignature.mac(APP_ID, body, Long.toString(ts), SECRET);
        assertEquals(Reason.BODY_NOT_UTF8, reason(verifier(WebhookVerifier.DEFAULT_WINDOW).verify(header, body)));
    }

    @Test
    void aSignedEventWithoutAnEventNameIsABadRequest() {
        long ts = NOW.toEpochMilli();
        String body = "{\"timestamp\":\"" + ts + "\"}";
        assertEquals(Reason.EVENT_NAME_MISSING, reason(verify(sign(body, Long.toString(ts), SECRET), body)));
    }

    @Test
    void theSignatureHeaderIsRequiredBeforeAnythingIsParsedAndSizeBeforeThat() {
        assertEquals(Reason.SIGNATURE_MISSING, reason(verify(null, "not json at all")));
        byte[] huge = new byte[WebhookVerifier.MAX_BODY_BYTES + 1];
        assertEquals(Reason.BODY_TOO_LARGE, reason(verifier(WebhookVerifier.DEFAULT_WINDOW).verify("mac=00", huge)));
        assertEquals(413, Reason.BODY_TOO_LARGE.status);
    }

    @Test
    void theSecretIsAskedForOnEveryRequestSoARotationIsPickedUp() {
        AtomicInteger asked = new AtomicInteger();
        String[] secret = {"first"};
        WebhookVerifier verifier = new WebhookVerifier(APP_ID, () -> {
            asked.incrementAndGet();
            return secret[0];
        }, WebhookVerifier.DEFAULT_WINDOW, Clock.fixed(NOW, ZoneOffset.UTC));
        long ts = NOW.toEpochMilli();
        byte[] body = body(ts).getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(Accepted.class, verifier.verify(sign(body(ts), Long.toString(ts), "first"), body));
        secret[0] = "second";
        assertInstanceOf(Rejected.class, verifier.verify(sign(body(ts), Long.toString(ts), "first"), body));
        assertInstanceOf(Accepted.class, verifier.verify(sign(body(ts), Long.toString(ts), "second"), body));
        assertEquals(3, asked.get());
    }

    @Test
    void comparisonIsOfTheWholeDigest() {
        String expected = WebhookSignature.mac(APP_ID, "{}".getBytes(StandardCharsets.UTF_8), "1", SECRET);
        assertTrue(WebhookSignature.matches("mac=" + expected, expected));
        assertFalse(WebhookSignature.matches("mac=" + expected + "00", expected));
        assertFalse(WebhookSignature.matches("mac=" + expected.substring(0, 32), expected));
        assertFalse(WebhookSignature.matches(null, expected));
    }
}
