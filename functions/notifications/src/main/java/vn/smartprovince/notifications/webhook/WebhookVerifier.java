package vn.smartprovince.notifications.webhook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import vn.smartprovince.shared.http.SignedRequests;
import vn.smartprovince.shared.json.Json;

/**
 * The rules a webhook request must pass before anything is enqueued, in this order:
 *
 * <ol>
 *   <li>at most {@link #MAX_BODY_BYTES} (413);</li>
 *   <li>an {@code X-ZEvent-Signature} header (401 {@code SIGNATURE_MISSING});</li>
 *   <li>a body that is UTF-8 JSON, an object, with a {@code timestamp} of epoch milliseconds (400: the
 *       timestamp is part of what is signed, so without it nothing can be verified);</li>
 *   <li>the signature over the raw bytes (401 {@code SIGNATURE_INVALID});</li>
 *   <li>the timestamp within {@code window} of now, either way (401 {@code TIMESTAMP_STALE} /
 *       {@code TIMESTAMP_IN_FUTURE}): a captured request replayed later is refused;</li>
 *   <li>an {@code event_name} (400).</li>
 * </ol>
 *
 * Nothing else of the event is checked here: a signed event of a shape we do not expect is Zalo's
 * to send and ours to log (the consumer does), and refusing it would make Zalo retry it and in the
 * end disable the webhook. Free of AWS types.
 */
final class WebhookVerifier {
    /** Zalo's events are a few KB; SQS takes 256 KiB per message including attributes. */
    static final int MAX_BODY_BYTES = 200_000;
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    /** One JSON value and nothing after it: what is enqueued is what was verified. */
    private static final ObjectReader JSON = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Why a request was refused; {@code status} is the HTTP answer, {@code field} the one named in it. */
    enum Reason {
        BODY_TOO_LARGE(413, "body"),
        SIGNATURE_MISSING(401, "X-ZEvent-Signature"),
        BODY_MISSING(400, "body"),
        BODY_NOT_UTF8(400, "body"),
        BODY_NOT_JSON(400, "body"),
        BODY_NOT_OBJECT(400, "body"),
        TIMESTAMP_MISSING(400, "timestamp"),
        TIMESTAMP_INVALID(400, "timestamp"),
        SIGNATURE_INVALID(401, "X-ZEvent-Signature"),
        TIMESTAMP_STALE(401, "timestamp"),
        TIMESTAMP_IN_FUTURE(401, "timestamp"),
        EVENT_NAME_MISSING(400, "event_name");

        final int status;
        final String field;

        Reason(int status, String field) {
            this.status = status;
            this.field = field;
        }
    }

    /** What became of a request. */
    sealed interface Verdict {
    }

    /**
     * @param body      the raw body as text (strict UTF-8), exactly what goes on the queue
     * @param eventName {@code event_name}
     * @param timestamp the body's {@code timestamp}
     */
    record Accepted(String body, String eventName, Instant timestamp) implements Verdict {
    }

    record Rejected(Reason reason) implements Verdict {
    }

    private final String appId;
    private final Supplier<String> oaSecretKey;
    private final Duration window;
    private final Clock clock;

    /**
     * @param appId       the Zalo App id (the first part of what Zalo signs)
     * @param oaSecretKey the OA secret key, asked for on each request (cached by the caller) so a
     *                    rotated key is picked up
     * @param window      how far the event's timestamp may be from now, in the past or the future
     */
    WebhookVerifier(String appId, Supplier<String> oaSecretKey, Duration window, Clock clock) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.oaSecretKey = Objects.requireNonNull(oaSecretKey, "oaSecretKey");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Duration window() {
        return window;
    }

    Verdict verify(String signatureHeader, byte[] rawBody) {
        if (rawBody != null && rawBody.length > MAX_BODY_BYTES) {
            return new Rejected(Reason.BODY_TOO_LARGE);
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return new Rejected(Reason.SIGNATURE_MISSING);
        }
        if (rawBody == null || rawBody.length == 0) {
            return new Rejected(Reason.BODY_MISSING);
        }
        String body = SignedRequests.strictUtf8(rawBody);
        if (body == null) {
            return new Rejected(Reason.BODY_NOT_UTF8);
        }
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (Exception e) {
            return new Rejected(Reason.BODY_NOT_JSON);
        }
        if (event == null || !event.isObject()) {
            return new Rejected(Reason.BODY_NOT_OBJECT);
        }
        JsonNode timestampNode = event.get("timestamp");
        if (timestampNode == null || timestampNode.isNull()) {
            return new Rejected(Reason.TIMESTAMP_MISSING);
        }
        // Signed as written in the body: a string "1764293400000" or a number 1764293400000 both
        // read as these digits.
        String timestamp = timestampNode.isTextual() || timestampNode.isIntegralNumber() ? timestampNode.asText() : null;
        if (timestamp == null || !timestamp.matches("[0-9]{1,15}")) {
            return new Rejected(Reason.TIMESTAMP_INVALID);
        }
        String expected = WebhookSignature.mac(appId, rawBody, timestamp, oaSecretKey.get());
        if (!WebhookSignature.matches(signatureHeader, expected)) {
            return new Rejected(Reason.SIGNATURE_INVALID);
        }
        Instant sentAt = Instant.ofEpochMilli(Long.parseLong(timestamp));
        switch (SignedRequests.freshness(sentAt, clock.instant(), window)) {
            case STALE -> {
                return new Rejected(Reason.TIMESTAMP_STALE);
            }
            case IN_FUTURE -> {
                return new Rejected(Reason.TIMESTAMP_IN_FUTURE);
            }
            case FRESH -> {
            }
        }
        JsonNode name = event.get("event_name");
        if (name == null || !name.isTextual() || name.textValue().isBlank()) {
            return new Rejected(Reason.EVENT_NAME_MISSING);
        }
        return new Accepted(body, name.textValue(), sentAt);
    }
}
