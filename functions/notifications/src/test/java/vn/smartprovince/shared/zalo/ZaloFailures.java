package vn.smartprovince.shared.zalo;

import java.net.http.HttpTimeoutException;
import java.util.Map;
import vn.smartprovince.shared.config.Env;

/**
 * Real {@link ZaloException}s, classified by {@link ZaloErrors} exactly as the client classifies
 * Zalo's answers, for the notification module's unit tests (this package, because the factory
 * methods are package-private in functions/shared).
 */
public final class ZaloFailures {
    private static final ZaloConfig CONFIG = ZaloConfig.from(new Env(Map.of(ZaloConfig.APP_ID, "1234567890")));

    private ZaloFailures() {
    }

    /** Zalo answered {@code {"error": code}} on a ZNS send. */
    public static ZaloException code(int code) {
        return ZaloErrors.fromZaloCode(ZaloEndpoint.ZNS_TEMPLATE_SEND, CONFIG, 200, code, "stub message");
    }

    /** A gateway answered this HTTP status without a Zalo body. */
    public static ZaloException http(int status) {
        return ZaloErrors.fromHttpStatus(ZaloEndpoint.ZNS_TEMPLATE_SEND, CONFIG, status);
    }

    /** No answer within the read timeout. */
    public static ZaloException timeout() {
        return ZaloErrors.fromTransport(ZaloEndpoint.ZNS_TEMPLATE_SEND, CONFIG, new HttpTimeoutException("timed out"));
    }

    /** The OAuth server refused the refresh token. */
    public static ZaloException refreshTokenRejected() {
        return ZaloErrors.fromZaloCode(ZaloEndpoint.OAUTH_OA_ACCESS_TOKEN, CONFIG, 200, -14014, "invalid refresh token");
    }
}
