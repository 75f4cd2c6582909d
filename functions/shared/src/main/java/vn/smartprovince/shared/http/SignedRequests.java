package vn.smartprovince.shared.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * What every signed inbound request (Zalo's OA webhook, the one-stop system's desk updates) checks
 * the same way once its signature matched: the body is strict UTF-8 (what goes on a queue is
 * exactly what was signed), and the signed time is within a window of now, either way (a captured
 * request replayed later is refused; a clock far ahead is too).
 */
public final class SignedRequests {
    /** Where a signed time stands against now. */
    public enum Freshness {
        FRESH,
        STALE,
        IN_FUTURE
    }

    private SignedRequests() {
    }

    /** The body as text, or null when its bytes are not valid UTF-8 (never replaced characters). */
    public static String strictUtf8(byte[] rawBody) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(rawBody)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    public static Freshness freshness(Instant signedAt, Instant now, Duration window) {
        if (signedAt.isBefore(now.minus(window))) {
            return Freshness.STALE;
        }
        if (signedAt.isAfter(now.plus(window))) {
            return Freshness.IN_FUTURE;
        }
        return Freshness.FRESH;
    }
}
