package vn.smartprovince.shared.zalo;

import java.util.Map;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;

/**
 * A Zalo call that did not succeed, classified once (in {@link ZaloErrors}) so that every caller
 * reacts the same way: the identity functions turn {@link Kind#INVALID_TOKEN} into 401 and the
 * rest into 503; the notification dispatcher refreshes the OA token, retries later, records a
 * permanent failure or raises an alarm.
 *
 * <p>Nothing secret is ever in it: the message, {@link #reason()} and {@link #zaloMessage()} are
 * built from the endpoint's name, status codes and Zalo's own message with every token and
 * secret of the call (and any long digit run, such as a phone number) blanked out.
 */
public final class ZaloException extends RuntimeException {

    /** What the caller should do about it. */
    public enum Kind {
        /** The access token (user or OA) is invalid or expired: sign in again, or refresh the OA token and retry once. */
        INVALID_TOKEN,
        /** Transient: HTTP 5xx, 429, timeouts, connection errors, Zalo's "unknown error", unclassified codes: retry later. */
        RETRYABLE,
        /** This request can never succeed (invalid phone, template, no Zalo account, outside the interaction window): do not retry. */
        PERMANENT,
        /** Our deployment is wrong (-501 region restricted, app id or secret invalid, wrong base URL): alarm, do not retry. */
        MISCONFIGURED
    }

    private final Kind kind;
    private final String endpoint;
    private final int httpStatus;
    private final int zaloCode;
    private final String zaloMessage;
    private final String reason;

    ZaloException(Kind kind, String endpoint, int httpStatus, int zaloCode, String zaloMessage, String reason,
                  Throwable cause) {
        super(describe(kind, endpoint, httpStatus, zaloCode, zaloMessage, reason), cause, true, true);
        this.kind = kind;
        this.endpoint = endpoint;
        this.httpStatus = httpStatus;
        this.zaloCode = zaloCode;
        this.zaloMessage = zaloMessage == null ? "" : zaloMessage;
        this.reason = reason;
    }

    private static String describe(Kind kind, String endpoint, int httpStatus, int zaloCode, String zaloMessage,
                                   String reason) {
        StringBuilder text = new StringBuilder("zalo ").append(endpoint).append(" failed: ").append(reason)
                .append(" [").append(kind);
        if (httpStatus > 0) {
            text.append(", http ").append(httpStatus);
        }
        if (zaloCode != 0) {
            text.append(", zalo error ").append(zaloCode);
        }
        if (zaloMessage != null && !zaloMessage.isEmpty()) {
            text.append(", \"").append(zaloMessage).append('"');
        }
        return text.append(']').toString();
    }

    public Kind kind() {
        return kind;
    }

    /** The endpoint's name as it appears in the logs, e.g. {@code graph.me}, {@code zns.template.send}. */
    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status Zalo (or the proxy) answered, 0 when there was no answer (timeout, connection error). */
    public int httpStatus() {
        return httpStatus;
    }

    /** Zalo's {@code error} code, 0 when the answer carried none. */
    public int zaloCode() {
        return zaloCode;
    }

    /** Zalo's message, sanitised (may be empty). */
    public String zaloMessage() {
        return zaloMessage;
    }

    /**
     * A short cause safe to show to API clients and operators, e.g. {@code zalo timeout},
     * {@code zalo unreachable}, {@code zalo region restricted (-501): configure ZALO_EGRESS_PROXY_URL}.
     */
    public String reason() {
        return reason;
    }

    public boolean isRetryable() {
        return kind == Kind.RETRYABLE;
    }

    /**
     * The API's answer for a request that needed this call: {@link Kind#INVALID_TOKEN} is a 401
     * ({@code UNAUTHORIZED}: the caller's Zalo token is invalid or expired, sign in again); every
     * other kind is a 503 {@code DEPENDENCY_UNAVAILABLE} naming {@link #reason()} (with
     * {@code Retry-After} for retryable failures only). Code whose token is the OA's, not the
     * caller's, refreshes it instead of calling this for INVALID_TOKEN.
     */
    public ApiException toApiException() {
        return switch (kind) {
            case INVALID_TOKEN -> new ApiException(ErrorCode.UNAUTHORIZED, reason);
            case RETRYABLE -> ApiException.unavailable(reason);
            case PERMANENT, MISCONFIGURED -> new ApiException(ErrorCode.DEPENDENCY_UNAVAILABLE, reason,
                    java.util.List.of(), Map.of(), null);
        };
    }
}
