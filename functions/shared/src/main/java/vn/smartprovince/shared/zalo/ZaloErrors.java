package vn.smartprovince.shared.zalo;

import static java.util.Map.entry;
import static vn.smartprovince.shared.zalo.ZaloException.Kind.INVALID_TOKEN;
import static vn.smartprovince.shared.zalo.ZaloException.Kind.MISCONFIGURED;
import static vn.smartprovince.shared.zalo.ZaloException.Kind.PERMANENT;
import static vn.smartprovince.shared.zalo.ZaloException.Kind.RETRYABLE;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.Optional;
import vn.smartprovince.shared.zalo.ZaloException.Kind;

/**
 * Every classification of a failed Zalo call, in one place: Zalo's error codes, HTTP statuses
 * without a Zalo code, and transport failures.
 *
 * <p>Zalo publishes no complete table. The codes below are the documented or observed ones (see
 * the team's Zalo reference), then the Zalo stub's guesses for the numbers nobody published; a
 * code not listed is {@link Kind#RETRYABLE}, so that a message is
 * retried and, failing that, kept in the dead-letter queue for a person to look at rather than
 * dropped. {@code ZALO_ERROR_KINDS} (see {@link ZaloConfig}) reclassifies codes without a code
 * change, e.g. once the numbers of "out of quota" or "user rejects messages" are confirmed.
 */
public final class ZaloErrors {

    /** A documented code: what to do and a short description for causes and logs. */
    public record Known(Kind kind, String description) {
    }

    private static final Map<Integer, Known> KNOWN = Map.ofEntries(
            // Tokens: the caller signs in again; an OA token is refreshed and the call retried once.
            entry(452, new Known(INVALID_TOKEN, "session key invalid")),
            entry(-216, new Known(INVALID_TOKEN, "access token invalid")),
            entry(-124, new Known(INVALID_TOKEN, "access token invalid")),
            // Zalo's own "unknown error, try again later".
            entry(-100, new Known(RETRYABLE, "unknown error")),
            // The deployment: app id, app secret, OA link, egress region.
            entry(-101, new Known(MISCONFIGURED, "application invalid")),
            entry(-102, new Known(MISCONFIGURED, "application does not exist")),
            entry(-103, new Known(MISCONFIGURED, "application not activated")),
            entry(-104, new Known(MISCONFIGURED, "app secret invalid")),
            entry(-105, new Known(MISCONFIGURED, "application not linked to an OA")),
            entry(-106, new Known(MISCONFIGURED, "method unsupported")),
            entry(-501, new Known(MISCONFIGURED, "region restricted")),
            // This one message can never be delivered.
            entry(-107, new Known(PERMANENT, "message id invalid")),
            entry(-108, new Known(PERMANENT, "phone number invalid")),
            entry(-109, new Known(PERMANENT, "template id invalid")),
            entry(-110, new Known(PERMANENT, "recipient's Zalo version unsupported")),
            entry(-111, new Known(PERMANENT, "template data empty")),
            entry(-112, new Known(PERMANENT, "template data invalid")),
            entry(-118, new Known(PERMANENT, "Zalo account does not exist")),
            // OA cs messages: the user has not interacted with the OA recently (sign as seen reported).
            entry(230, new Known(PERMANENT, "user outside the OA interaction window")),
            entry(-230, new Known(PERMANENT, "user outside the OA interaction window")),
            // Social API table: a parameter (e.g. a phone or location code) Zalo refuses.
            entry(100, new Known(PERMANENT, "invalid parameter")),
            // Numbers not in Zalo's public tables: the same guesses as the Zalo stub (infra/zalo-stub),
            // kept in step with it; correct them here or with ZALO_ERROR_KINDS once confirmed.
            entry(-114, new Known(PERMANENT, "user cannot receive ZNS")),
            entry(-122, new Known(PERMANENT, "body invalid")),
            entry(-127, new Known(PERMANENT, "development mode sends only to administrators")),
            entry(-131, new Known(PERMANENT, "template not approved")),
            entry(-133, new Known(RETRYABLE, "outside the template's sending hours")),
            entry(-135, new Known(PERMANENT, "template may not be sent by user id")),
            entry(-144, new Known(RETRYABLE, "daily quota exceeded")),
            entry(-201, new Known(PERMANENT, "invalid parameter")),
            entry(-213, new Known(PERMANENT, "user does not follow the OA")),
            entry(-14001, new Known(MISCONFIGURED, "OAuth app id invalid")),
            entry(-14002, new Known(MISCONFIGURED, "OAuth secret key invalid")),
            entry(-14003, new Known(PERMANENT, "OAuth invalid parameter")),
            entry(-14014, new Known(INVALID_TOKEN, "refresh token invalid")));

    private ZaloErrors() {
    }

    /** The built-in entry for a Zalo code, if it is one of the documented ones. */
    public static Optional<Known> known(int zaloCode) {
        return Optional.ofNullable(KNOWN.get(zaloCode));
    }

    /** The kind of a Zalo error code: the configured override, the documented kind, else RETRYABLE. */
    public static Kind kindOf(int zaloCode, Map<Integer, Kind> overrides) {
        Kind override = overrides.get(zaloCode);
        if (override != null) {
            return override;
        }
        Known known = KNOWN.get(zaloCode);
        return known == null ? RETRYABLE : known.kind();
    }

    /** An answer whose body carried a non-zero Zalo {@code error}. */
    static ZaloException fromZaloCode(ZaloEndpoint endpoint, ZaloConfig config, int httpStatus, int code,
                                      String zaloMessage) {
        Kind kind = kindOf(code, config.errorKinds());
        String description = known(code).map(Known::description).orElse("error");
        String reason = switch (code) {
            case -501 -> config.egressProxy().isPresent()
                    ? "zalo region restricted (-501): the egress proxy in " + ZaloConfig.EGRESS_PROXY_URL
                            + " does not leave from Vietnam"
                    : "zalo region restricted (-501): configure " + ZaloConfig.EGRESS_PROXY_URL;
            case -101, -102, -103 -> "zalo " + description + " (" + code + "): check " + ZaloConfig.APP_ID;
            case -104, -14002 -> "zalo " + description + " (" + code + "): check the secret named by "
                    + ZaloConfig.APP_SECRET_NAME;
            case -14001 -> "zalo " + description + " (" + code + "): check " + ZaloConfig.APP_ID;
            case -133, -144 -> "zalo " + description + " (" + code + ")";
            default -> switch (kind) {
                case INVALID_TOKEN -> "zalo token invalid (" + code + ")";
                case PERMANENT -> "zalo refused the request (" + code + " " + description + ")";
                case MISCONFIGURED -> "zalo misconfigured (" + code + " " + description + ")";
                case RETRYABLE -> "zalo error (" + code + " " + description + ")";
            };
        };
        return new ZaloException(kind, endpoint.logName, httpStatus, code, zaloMessage, reason, null);
    }

    /** A non-2xx answer without a Zalo error code (a gateway, the proxy, or a wrong base URL answered). */
    static ZaloException fromHttpStatus(ZaloEndpoint endpoint, ZaloConfig config, int status) {
        Kind kind;
        String reason;
        if (status >= 500 || status == 429 || status == 408) {
            kind = RETRYABLE;
            reason = status == 429 ? "zalo rate limited (HTTP 429)" : "zalo unavailable (HTTP " + status + ")";
        } else if (status == 401) {
            kind = INVALID_TOKEN;
            reason = "zalo token invalid (HTTP 401)";
        } else if (status == 407) {
            kind = MISCONFIGURED;
            reason = "zalo egress proxy requires authentication (HTTP 407): check " + ZaloConfig.EGRESS_PROXY_URL;
        } else {
            kind = MISCONFIGURED;
            reason = "zalo answered HTTP " + status + ": check " + endpoint.baseVariable
                    + (config.egressProxy().isPresent() ? " and " + ZaloConfig.EGRESS_PROXY_URL : "");
        }
        return new ZaloException(kind, endpoint.logName, status, 0, null, reason, null);
    }

    /** No HTTP answer at all. Connection errors and timeouts are retryable. */
    static ZaloException fromTransport(ZaloEndpoint endpoint, ZaloConfig config, IOException error) {
        boolean proxied = config.egressProxy().isPresent();
        String reason;
        if (error instanceof HttpConnectTimeoutException) {
            reason = proxied ? "zalo egress proxy unreachable (connect timeout)" : "zalo unreachable (connect timeout)";
        } else if (error instanceof HttpTimeoutException) {
            reason = "zalo timeout";
        } else if (error instanceof ConnectException) {
            // With a proxy, the connection that failed is the one to the proxy.
            reason = proxied ? "zalo egress proxy unreachable" : "zalo unreachable";
        } else {
            reason = proxied ? "zalo unreachable through the egress proxy" : "zalo unreachable";
        }
        return new ZaloException(RETRYABLE, endpoint.logName, 0, 0, null, reason, error);
    }

    static ZaloException interrupted(ZaloEndpoint endpoint, InterruptedException error) {
        return new ZaloException(RETRYABLE, endpoint.logName, 0, 0, null, "zalo call interrupted", error);
    }

    /** A 2xx answer we cannot read (not JSON, or a field we need is missing). */
    static ZaloException unexpected(ZaloEndpoint endpoint, int status, String what) {
        return new ZaloException(RETRYABLE, endpoint.logName, status, 0, null,
                "zalo answered an unexpected response (" + what + ")", null);
    }

    /** A token handed to us that cannot even be put in a header (control characters, empty, absurdly long). */
    static ZaloException malformedToken(ZaloEndpoint endpoint, String which) {
        return new ZaloException(INVALID_TOKEN, endpoint.logName, 0, 0, null, "zalo token malformed (" + which + ")",
                null);
    }

    /** The app secret we hold cannot be put in a header: the secret's value is wrong. */
    static ZaloException malformedSecret(ZaloEndpoint endpoint) {
        return new ZaloException(MISCONFIGURED, endpoint.logName, 0, 0, null,
                "zalo app secret malformed: check the secret named by " + ZaloConfig.APP_SECRET_NAME, null);
    }
}
