package vn.smartprovince.shared.auth;

import static vn.smartprovince.shared.auth.AuthorizerContext.AGENCY_ID;
import static vn.smartprovince.shared.auth.AuthorizerContext.AUTHENTICATED;
import static vn.smartprovince.shared.auth.AuthorizerContext.AUTH_TIME;
import static vn.smartprovince.shared.auth.AuthorizerContext.CAUSE;
import static vn.smartprovince.shared.auth.AuthorizerContext.REASON;
import static vn.smartprovince.shared.auth.AuthorizerContext.ROLES;
import static vn.smartprovince.shared.auth.AuthorizerContext.SESSION_EXPIRES_AT;
import static vn.smartprovince.shared.auth.AuthorizerContext.SESSION_ID;
import static vn.smartprovince.shared.auth.AuthorizerContext.USER_ID;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.HttpRequest;

/**
 * Turns the session authorizer's context into the {@link Caller}, or into the answer the
 * conventions promise.
 *
 * <p>Why the authorizer allows every request and leaves the refusal to this class: on an HTTP
 * API an authorizer that denies produces API Gateway's own {@code 403 {"message":"Forbidden"}},
 * while a forged, expired or foreign token must get {@code 401} with our error body naming why.
 * So the authorizer verifies the token and the user and passes the verdict in its context, and
 * every protected handler calls {@link #require} first (or extends {@link AuthenticatedFunction},
 * which does). A request without an {@code Authorization} header never reaches a handler: API
 * Gateway answers {@code 401 {"message":"Unauthorized"}} itself.
 */
public final class Authentication {
    private Authentication() {
    }

    /**
     * The caller of a protected route. 401 {@code UNAUTHORIZED} (detail: the {@link AuthFailure})
     * when the session is missing, invalid, expired, foreign or revoked, also when the context
     * says it was valid but the session expired since (a cached authorizer answer); 503 when the
     * authorizer could not check the session. Expiry is judged at API Gateway's request time.
     */
    public static Caller require(HttpRequest request) {
        Map<String, Object> context = request.authorizer();
        if (context == null || context.isEmpty()) {
            // No authorizer ran: the route is public in the template by mistake. Refuse.
            throw unauthorized(AuthFailure.TOKEN_MISSING);
        }
        if (!"true".equals(text(context.get(AUTHENTICATED)))) {
            AuthFailure reason = AuthFailure.parse(text(context.get(REASON)));
            if (reason == AuthFailure.AUTH_UNAVAILABLE) {
                String cause = text(context.get(CAUSE));
                throw ApiException.unavailable(cause == null || cause.isEmpty() ? "session-check" : cause);
            }
            throw unauthorized(reason);
        }
        Caller caller;
        try {
            caller = new Caller(required(context, USER_ID), roles(text(context.get(ROLES))),
                    text(context.get(AGENCY_ID)), required(context, SESSION_ID),
                    AuthorizerContext.epochSeconds(required(context, SESSION_EXPIRES_AT)),
                    AuthorizerContext.epochSeconds(required(context, AUTH_TIME)));
        } catch (RuntimeException e) {
            throw unauthorized(AuthFailure.TOKEN_INVALID);
        }
        if (!caller.sessionExpiresAt().isAfter(request.time())) {
            throw unauthorized(AuthFailure.TOKEN_EXPIRED);
        }
        return caller;
    }

    /** 401 {@code UNAUTHORIZED} naming the reason, with RFC 6750's {@code WWW-Authenticate}. */
    public static ApiException unauthorized(AuthFailure reason) {
        String challenge = reason == AuthFailure.TOKEN_MISSING
                ? "Bearer realm=\"smartprovince\""
                : "Bearer realm=\"smartprovince\", error=\"invalid_token\"";
        return new ApiException(ErrorCode.UNAUTHORIZED, reason.name(),
                List.of(new FieldError("Authorization", reason.name(), reason.vietnamese(), reason.english())),
                Map.of("WWW-Authenticate", challenge), null);
    }

    private static Set<Role> roles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (text != null && !text.isBlank()) {
            for (String name : text.split(",")) {
                roles.add(Role.valueOf(name.trim()));
            }
        }
        return roles;
    }

    private static String required(Map<String, Object> context, String key) {
        String value = text(context.get(key));
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(key + " missing");
        }
        return value;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
