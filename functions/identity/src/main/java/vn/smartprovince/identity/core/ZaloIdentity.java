package vn.smartprovince.identity.core;

import java.util.List;
import java.util.Map;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;

/**
 * What the identity functions ask Zalo: who holds a mini app access token, and which phone number
 * a phone-number token stands for. Implemented over the shared Zalo client.
 */
public interface ZaloIdentity {

    /** {@code GET /v2.0/me} with appsecret_proof. */
    ZaloUser me(String accessToken);

    /** {@code GET /v2.0/me/info} decoding a {@code getPhoneNumber} token; the number as Zalo gives it. */
    String phoneNumber(String accessToken, String phoneToken);

    record ZaloUser(String id, String name, String avatarUrl) {
    }

    /** Zalo refused a token we were given (the client's fault: 401, or 400 for a phone token). */
    final class TokenRejected extends RuntimeException {
        public TokenRejected(String message) {
            super(message, null, false, false);
        }
    }

    /** Zalo could not be asked or did not answer usefully: 503 naming the cause. */
    final class Unavailable extends ApiException {
        public Unavailable(String cause, Throwable error) {
            super(ErrorCode.DEPENDENCY_UNAVAILABLE, cause, List.of(), Map.of("Retry-After", "5"), null);
            if (error != null) {
                initCause(error);
            }
        }
    }
}
