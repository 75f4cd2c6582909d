package vn.smartprovince.identity.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import vn.smartprovince.shared.auth.AuthFailure;
import vn.smartprovince.shared.auth.Authentication;
import vn.smartprovince.shared.auth.Caller;

/**
 * Starts and renews sessions. A session is short-lived ({@code ttl}, 1 h by default) and renewed
 * by the mini app before it expires; renewals keep the session id and the time of the Zalo
 * sign-in, and stop at {@code maxAge} (7 days by default), after which the mini app signs in with
 * Zalo again (silently: it already has the Zalo access token).
 */
public final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Issued(String token, Instant expiresAt) {
        /** Never the token. */
        @Override
        public String toString() {
            return "Issued[expiresAt=" + expiresAt + "]";
        }
    }

    private final SessionTokens tokens;
    private final Duration ttl;
    private final Duration maxAge;
    private final Clock clock;

    public Sessions(SessionTokens tokens, Duration ttl, Duration maxAge, Clock clock) {
        if (ttl.isNegative() || ttl.isZero() || maxAge.compareTo(ttl) < 0) {
            throw new IllegalArgumentException("the session lifetime must be positive and at most the maximum age");
        }
        this.tokens = tokens;
        this.ttl = ttl;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** A new session after a Zalo sign-in. */
    public Issued start(User user) {
        Instant now = now();
        return issue(new SessionTokens.Claims(user.zaloId(), newSessionId(), now, now.plus(ttl), now,
                user.sessionVersion()));
    }

    /** The same session with a fresh expiry; 401 once the Zalo sign-in is older than the maximum age. */
    public Issued renew(Caller caller, User user) {
        Instant now = now();
        Instant limit = caller.authTime().plus(maxAge);
        if (!limit.isAfter(now)) {
            throw Authentication.unauthorized(AuthFailure.TOKEN_EXPIRED);
        }
        Instant expires = now.plus(ttl);
        if (expires.isAfter(limit)) {
            expires = limit;
        }
        return issue(new SessionTokens.Claims(user.zaloId(), caller.sessionId(), now, expires, caller.authTime(),
                user.sessionVersion()));
    }

    private Issued issue(SessionTokens.Claims claims) {
        return new Issued(tokens.issue(claims), claims.expiresAt());
    }

    /** Whole seconds: the token's times are epoch seconds, so the answer's expiresAt matches exp. */
    private Instant now() {
        return Instant.ofEpochSecond(clock.instant().getEpochSecond());
    }

    private static String newSessionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
