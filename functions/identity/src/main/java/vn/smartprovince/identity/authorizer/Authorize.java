package vn.smartprovince.identity.authorizer;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.smartprovince.identity.core.SessionTokens;
import vn.smartprovince.identity.core.User;
import vn.smartprovince.identity.core.Users;
import vn.smartprovince.shared.auth.AuthFailure;
import vn.smartprovince.shared.auth.AuthorizerContext;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.priming.PrimingEvents;

/**
 * The session authorizer's decision for one request: the token is verified (signature, issuer,
 * audience, expiry), then the user item is read (strongly consistent) so that a session of an
 * erased or signed-out user ({@code sessionVersion} moved on) is refused at once and the roles
 * are the ones held now, not those at sign-in. The verdict becomes the context protected handlers
 * read through {@link vn.smartprovince.shared.auth.Authentication}.
 */
final class Authorize {
    private final SessionTokens tokens;
    private final Users users;
    private final Clock clock;

    /** The verdict and, for the log line, the reason (null when valid). */
    record Decision(Map<String, String> context, AuthFailure failure) {
    }

    Authorize(SessionTokens tokens, Users users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    Decision decide(String authorizationHeader) {
        Optional<String> token = bearer(authorizationHeader);
        if (token.isEmpty()) {
            return rejected(authorizationHeader == null || authorizationHeader.isBlank()
                    ? AuthFailure.TOKEN_MISSING : AuthFailure.TOKEN_INVALID);
        }
        try {
            SessionTokens.Verification verification = tokens.verify(token.get(), clock.instant());
            if (verification instanceof SessionTokens.Invalid invalid) {
                return rejected(invalid.reason());
            }
            SessionTokens.Claims claims = ((SessionTokens.Valid) verification).claims();
            Optional<User> user = users.find(claims.subject());
            if (user.isEmpty() || user.get().sessionVersion() != claims.sessionVersion()) {
                return rejected(AuthFailure.SESSION_REVOKED);
            }
            EnumSet<Role> roles = EnumSet.noneOf(Role.class);
            user.get().roles().stream().map(RoleGrant::role).forEach(roles::add);
            roles.add(Role.CITIZEN);
            Caller caller = new Caller(claims.subject(), roles, user.get().officerOf().orElse(null), claims.sessionId(),
                    claims.expiresAt(), claims.authTime());
            return new Decision(AuthorizerContext.of(caller), null);
        } catch (ApiException e) {
            if (e.code() != ErrorCode.DEPENDENCY_UNAVAILABLE) {
                throw e;
            }
            return new Decision(AuthorizerContext.unavailable(e.getMessage()), AuthFailure.AUTH_UNAVAILABLE);
        }
    }

    /**
     * SnapStart priming: a valid token, for five minutes, of the synthetic caller, whom no user item
     * names (its decision is {@code SESSION_REVOKED}, after the signature check and the user read
     * every real request makes). Never leaves the process.
     */
    String primingToken() {
        Instant now = clock.instant();
        return tokens.issue(new SessionTokens.Claims(PrimingEvents.CALLER_ID, PrimingEvents.ID, now,
                now.plusSeconds(300), now, 0));
    }

    /** {@code Bearer <token>}, the scheme case-insensitive (RFC 7235). */
    static Optional<String> bearer(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String trimmed = header.trim();
        if (trimmed.length() < 8 || !trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        String token = trimmed.substring(7).trim();
        return token.isEmpty() || token.contains(" ") ? Optional.empty() : Optional.of(token);
    }

    private static Decision rejected(AuthFailure reason) {
        return new Decision(AuthorizerContext.rejected(reason), reason);
    }
}
