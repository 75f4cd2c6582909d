package vn.smartprovince.shared.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The context the session authorizer hands to every protected route
 * ({@code requestContext.authorizer.lambda}). Values are strings: API Gateway passes them through
 * as they are, and strings survive every hop unchanged.
 *
 * <pre>
 * authenticated     "true" | "false"
 * reason            an {@link AuthFailure} name, when authenticated is "false"
 * cause             with AUTH_UNAVAILABLE: the dependency that failed (dynamodb, session-signing-key)
 * userId            the Zalo user id (the user item's key)
 * roles             "CITIZEN,OFFICER" (comma-separated {@link Role} names)
 * agencyId          the officer's agency, "" when not an officer
 * sessionId         the session's id (claim sid), stable across renewals
 * sessionExpiresAt  epoch seconds (claim exp)
 * authTime          epoch seconds of the Zalo sign-in that started the session (claim auth_time)
 * </pre>
 */
public final class AuthorizerContext {
    public static final String AUTHENTICATED = "authenticated";
    public static final String REASON = "reason";
    /** With {@link AuthFailure#AUTH_UNAVAILABLE}: which dependency failed (e.g. {@code dynamodb}). */
    public static final String CAUSE = "cause";
    public static final String USER_ID = "userId";
    public static final String ROLES = "roles";
    public static final String AGENCY_ID = "agencyId";
    public static final String SESSION_ID = "sessionId";
    public static final String SESSION_EXPIRES_AT = "sessionExpiresAt";
    public static final String AUTH_TIME = "authTime";

    private AuthorizerContext() {
    }

    /** The context of a caller with a valid session. */
    public static Map<String, String> of(Caller caller) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put(AUTHENTICATED, "true");
        context.put(USER_ID, caller.userId());
        context.put(ROLES, caller.roles().stream().map(Role::name).collect(Collectors.joining(",")));
        context.put(AGENCY_ID, caller.agencyId() == null ? "" : caller.agencyId());
        context.put(SESSION_ID, caller.sessionId());
        context.put(SESSION_EXPIRES_AT, Long.toString(caller.sessionExpiresAt().getEpochSecond()));
        context.put(AUTH_TIME, Long.toString(caller.authTime().getEpochSecond()));
        return context;
    }

    /** The context of a request without a valid session, and why. */
    public static Map<String, String> rejected(AuthFailure reason) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put(AUTHENTICATED, "false");
        context.put(REASON, reason.name());
        return context;
    }

    /** The session could not be checked because {@code cause} (a dependency's name) failed. */
    public static Map<String, String> unavailable(String cause) {
        Map<String, String> context = rejected(AuthFailure.AUTH_UNAVAILABLE);
        context.put(CAUSE, cause);
        return context;
    }

    static Instant epochSeconds(String value) {
        return Instant.ofEpochSecond(Long.parseLong(value));
    }
}
