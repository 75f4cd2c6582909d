package vn.smartprovince.notifications.dispatch.token;

import vn.smartprovince.shared.zalo.ZaloException;

/**
 * No usable OA access token right now. {@link #kind()} says what to do with the message that
 * needed it: {@code RETRYABLE} (Zalo or DynamoDB failed, another instance is still refreshing) or
 * {@code MISCONFIGURED} (no seed, refresh token rejected: a person must re-authorise the OA; an
 * ERROR line was written). Never carries a token.
 */
public final class OaTokenException extends RuntimeException {
    private final ZaloException.Kind kind;

    public OaTokenException(ZaloException.Kind kind, String reason, Throwable cause) {
        super(reason, cause, true, false);
        this.kind = kind;
    }

    public ZaloException.Kind kind() {
        return kind;
    }

    public String reason() {
        return getMessage();
    }
}
