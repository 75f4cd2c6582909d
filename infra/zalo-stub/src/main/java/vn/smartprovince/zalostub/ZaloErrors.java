package vn.smartprovince.zalostub;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every error code the stub answers with, and its message. Zalo answers its errors with HTTP 200
 * and a body {@code {"error": <code>, "message": "..."}} (the OAuth server:
 * {@code {"error", "error_name", "error_reason", "error_description"}}); so does the stub.
 *
 * <p>Where a code is not in Zalo's public documentation the constant says so: it is the stub's
 * choice (see the README's table) and kept in this one place so that a correction is one line.
 */
public final class ZaloErrors {
    private ZaloErrors() {
    }

    // ------------------------------------------------------------ Graph (graph.zalo.me), Social API table

    /** Social API "Invalid parameter"; the stub also uses it for a wrong appsecret_proof, secret_key or code (unconfirmed). */
    public static final int INVALID_PARAMETER = 100;
    /** Social API "Session key invalid": an expired or revoked user access token. */
    public static final int SESSION_KEY_INVALID = 452;
    /** "Access token is invalid": a missing or never issued token (Graph and OA Open API). */
    public static final int ACCESS_TOKEN_INVALID = -216;

    // ------------------------------------------------------------ every Open API host

    /** Calls from outside Vietnam (public reports; the message text is the stub's). */
    public static final int REGION_RESTRICTED = -501;

    // ------------------------------------------------------------ ZNS (business.openapi.zalo.me), official table

    public static final int ZNS_UNKNOWN = -100;
    public static final int ZNS_APP_INVALID = -101;
    public static final int ZNS_APP_NOT_EXISTED = -102;
    public static final int ZNS_APP_NOT_ACTIVATED = -103;
    public static final int ZNS_APP_SECRET_INVALID = -104;
    public static final int ZNS_APP_NOT_LINKED_TO_OA = -105;
    public static final int ZNS_METHOD_UNSUPPORTED = -106;
    public static final int ZNS_MESSAGE_ID_INVALID = -107;
    public static final int ZNS_PHONE_INVALID = -108;
    public static final int ZNS_TEMPLATE_ID_INVALID = -109;
    public static final int ZNS_ZALO_VERSION_UNSUPPORTED = -110;
    public static final int ZNS_TEMPLATE_DATA_EMPTY = -111;
    /** "Template data invalid" (number from the public table as recalled; unconfirmed). */
    public static final int ZNS_TEMPLATE_DATA_INVALID = -112;
    /** The user does not receive ZNS (account state, their ZNS setting...; unconfirmed number). */
    public static final int ZNS_USER_CANNOT_RECEIVE = -114;
    /** "Zalo account does not exist" (seen in code). */
    public static final int ZNS_NO_ZALO_ACCOUNT = -118;
    /** "Body is not valid JSON" (unconfirmed number). */
    public static final int ZNS_BODY_INVALID = -122;
    /** "Access token invalid" (seen in code). */
    public static final int ZNS_ACCESS_TOKEN_INVALID = -124;
    /** Development mode sends only to the app's / OA's administrators (unconfirmed number). */
    public static final int ZNS_DEVELOPMENT_MODE_ADMIN_ONLY = -127;
    /** The template is not approved (status other than ENABLE; unconfirmed number). */
    public static final int ZNS_TEMPLATE_NOT_APPROVED = -131;
    /** Tag 2/3 templates outside 07:00-22:00 Vietnam time (unconfirmed number). */
    public static final int ZNS_OUTSIDE_SENDING_HOURS = -133;
    /** The template may not be sent by user id (approved before 10 December 2025, or OTP): unconfirmed number. */
    public static final int ZBS_TEMPLATE_NOT_BY_USER_ID = -135;
    /** The OA's daily ZNS quota is spent (unconfirmed number). */
    public static final int ZNS_DAILY_QUOTA_EXCEEDED = -144;

    // ------------------------------------------------------------ OA Open API (openapi.zalo.me)

    /** Missing recipient or message (unconfirmed number). */
    public static final int OA_INVALID_PARAMETER = -201;
    /** The user does not follow the OA (unconfirmed number). */
    public static final int OA_NOT_FOLLOWER = -213;
    /**
     * The user has not interacted with the OA in the last 7 days. The team's reference writes
     * "230" without a sign; Zalo's OA codes are negative and public reports show -230.
     */
    public static final int OA_OUTSIDE_INTERACTION_WINDOW = -230;

    // ------------------------------------------------------------ OAuth (oauth.zaloapp.com), unconfirmed numbers

    public static final int OAUTH_INVALID_APP_ID = -14001;
    public static final int OAUTH_INVALID_SECRET_KEY = -14002;
    public static final int OAUTH_INVALID_PARAMETER = -14003;
    public static final int OAUTH_INVALID_REFRESH_TOKEN = -14014;

    private static final Map<Integer, String> MESSAGES = new LinkedHashMap<>();

    static {
        MESSAGES.put(INVALID_PARAMETER, "Invalid parameter");
        MESSAGES.put(SESSION_KEY_INVALID, "Session key invalid");
        MESSAGES.put(ACCESS_TOKEN_INVALID, "Access token is invalid");
        MESSAGES.put(REGION_RESTRICTED, "Region restricted");
        MESSAGES.put(ZNS_UNKNOWN, "Unknown error");
        MESSAGES.put(ZNS_APP_INVALID, "Application is invalid");
        MESSAGES.put(ZNS_APP_NOT_EXISTED, "Application is not existed");
        MESSAGES.put(ZNS_APP_NOT_ACTIVATED, "Application is not activated");
        MESSAGES.put(ZNS_APP_SECRET_INVALID, "App secret key is invalid");
        MESSAGES.put(ZNS_APP_NOT_LINKED_TO_OA, "Application is not linked to any OA");
        MESSAGES.put(ZNS_METHOD_UNSUPPORTED, "Method unsupported");
        MESSAGES.put(ZNS_MESSAGE_ID_INVALID, "Message id is invalid");
        MESSAGES.put(ZNS_PHONE_INVALID, "Phone number is invalid");
        MESSAGES.put(ZNS_TEMPLATE_ID_INVALID, "Template id is invalid");
        MESSAGES.put(ZNS_ZALO_VERSION_UNSUPPORTED, "Zalo version unsupported");
        MESSAGES.put(ZNS_TEMPLATE_DATA_EMPTY, "Template data is empty");
        MESSAGES.put(ZNS_TEMPLATE_DATA_INVALID, "Template data is invalid");
        MESSAGES.put(ZNS_USER_CANNOT_RECEIVE, "User is inactive or rejects the message");
        MESSAGES.put(ZNS_NO_ZALO_ACCOUNT, "Zalo account is not existed");
        MESSAGES.put(ZNS_BODY_INVALID, "Body is not in JSON format");
        MESSAGES.put(ZNS_ACCESS_TOKEN_INVALID, "Access token is invalid");
        MESSAGES.put(ZNS_DEVELOPMENT_MODE_ADMIN_ONLY, "Development mode sends only to administrators");
        MESSAGES.put(ZNS_TEMPLATE_NOT_APPROVED, "Template is not approved");
        MESSAGES.put(ZNS_OUTSIDE_SENDING_HOURS, "Template cannot be sent at this time");
        MESSAGES.put(ZNS_DAILY_QUOTA_EXCEEDED, "Out of daily quota");
        MESSAGES.put(ZBS_TEMPLATE_NOT_BY_USER_ID, "Template cannot be sent by user id");
        MESSAGES.put(OA_INVALID_PARAMETER, "Invalid parameters");
        MESSAGES.put(OA_NOT_FOLLOWER, "User has not followed the OA");
        MESSAGES.put(OA_OUTSIDE_INTERACTION_WINDOW, "User has not interacted with the OA in the past 7 days");
        MESSAGES.put(OAUTH_INVALID_APP_ID, "Invalid app_id");
        MESSAGES.put(OAUTH_INVALID_SECRET_KEY, "Invalid secret key");
        MESSAGES.put(OAUTH_INVALID_PARAMETER, "Invalid parameter");
        MESSAGES.put(OAUTH_INVALID_REFRESH_TOKEN, "Invalid refresh token");
    }

    /** The stub's message for a code; unknown codes (a fault may inject any number) get a generic one. */
    public static String message(int code) {
        return MESSAGES.getOrDefault(code, "Error " + code);
    }

    /** Every code and message the stub knows, in declaration order. */
    public static Map<Integer, String> all() {
        return Map.copyOf(MESSAGES);
    }
}
