package vn.smartprovince.dossiers.onestop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import vn.smartprovince.shared.http.SignedRequests;
import vn.smartprovince.shared.onestop.OneStopSignature;

/**
 * The rules a desk update of the one-stop system must pass before it is queued, in this order:
 *
 * <ol>
 *   <li>at most {@link #MAX_BODY_BYTES} (413);</li>
 *   <li>an {@code X-OneStop-Signature} header (401 {@code SIGNATURE_MISSING});</li>
 *   <li>an {@code X-OneStop-Timestamp} header of epoch seconds (400: it is part of what is signed);</li>
 *   <li>the signature over timestamp and raw body, compared in constant time
 *       ({@link OneStopSignature#matches}; 401 {@code SIGNATURE_INVALID});</li>
 *   <li>the timestamp within {@code window} of now, either way (401 {@code TIMESTAMP_STALE} /
 *       {@code TIMESTAMP_IN_FUTURE});</li>
 *   <li>a body that can be queued: not empty, UTF-8 (400).</li>
 * </ol>
 *
 * The replay claim (409 {@code REPLAYED}) follows in the handler. Nothing of the update itself is
 * checked here: a signed but malformed update reaches the consumer, which sends it to the
 * dead-letter queue with its reason. Free of AWS types.
 */
final class UpdateVerifier {
    /** SQS takes 256 KiB per message, attributes included. */
    static final int MAX_BODY_BYTES = 200 * 1024;
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    /** Why a request was refused; {@code status} is the HTTP answer, {@code field} the header or field named. */
    enum Reason {
        BODY_TOO_LARGE(413, "body"),
        SIGNATURE_MISSING(401, "X-OneStop-Signature"),
        TIMESTAMP_MISSING(400, "X-OneStop-Timestamp"),
        TIMESTAMP_INVALID(400, "X-OneStop-Timestamp"),
        SIGNATURE_INVALID(401, "X-OneStop-Signature"),
        TIMESTAMP_STALE(401, "X-OneStop-Timestamp"),
        TIMESTAMP_IN_FUTURE(401, "X-OneStop-Timestamp"),
        BODY_MISSING(400, "body"),
        BODY_NOT_UTF8(400, "body");

        final int status;
        final String field;

        Reason(int status, String field) {
            this.status = status;
            this.field = field;
        }
    }

    sealed interface Verdict {
    }

    /**
     * @param body      the raw body as text, exactly what goes on the queue
     * @param signature the digest (lowercase hex): what the replay claim holds
     */
    record Accepted(String body, String signature, Instant timestamp) implements Verdict {
    }

    record Rejected(Reason reason) implements Verdict {
    }

    private final Supplier<String> signingSecret;
    private final Duration window;
    private final Clock clock;

    /**
     * @param signingSecret asked for on each request (cached by the caller), so a rotated secret is picked up
     * @param window        how far the timestamp may be from now, in the past or the future
     */
    UpdateVerifier(Supplier<String> signingSecret, Duration window, Clock clock) {
        this.signingSecret = Objects.requireNonNull(signingSecret, "signingSecret");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Duration window() {
        return window;
    }

    Verdict verify(String signatureHeader, String timestampHeader, byte[] rawBody) {
        byte[] body = rawBody == null ? new byte[0] : rawBody;
        if (body.length > MAX_BODY_BYTES) {
            return new Rejected(Reason.BODY_TOO_LARGE);
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return new Rejected(Reason.SIGNATURE_MISSING);
        }
        if (timestampHeader == null || timestampHeader.isBlank()) {
            return new Rejected(Reason.TIMESTAMP_MISSING);
        }
        String timestamp = timestampHeader.strip();
        if (!timestamp.matches("[0-9]{1,12}")) {
            return new Rejected(Reason.TIMESTAMP_INVALID);
        }
        if (!OneStopSignature.matches(signatureHeader, signingSecret.get(), timestamp, body)) {
            return new Rejected(Reason.SIGNATURE_INVALID);
        }
        Instant sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
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
        if (body.length == 0) {
            return new Rejected(Reason.BODY_MISSING);
        }
        String text = SignedRequests.strictUtf8(body);
        if (text == null) {
            return new Rejected(Reason.BODY_NOT_UTF8);
        }
        String digest = signatureHeader.strip().substring(OneStopSignature.PREFIX.length()).strip()
                .toLowerCase(java.util.Locale.ROOT);
        return new Accepted(text, digest, sentAt);
    }
}
