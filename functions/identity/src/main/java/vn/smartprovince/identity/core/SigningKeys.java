package vn.smartprovince.identity.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;

/** The keys of session tokens: the first signs, every one verifies (rotation overlap). */
public interface SigningKeys {

    /** The keys in force, newest first; never empty. @throws Unavailable when they cannot be read */
    List<SigningKey> keys();

    default SigningKey current() {
        return keys().get(0);
    }

    default Optional<SigningKey> find(String kid) {
        return keys().stream().filter(key -> key.kid().equals(kid)).findFirst();
    }

    /** The keys cannot be read (Secrets Manager unreachable, secret missing or malformed): 503. */
    final class Unavailable extends ApiException {
        public static final String CAUSE = "session-signing-key";

        public Unavailable(Throwable error) {
            super(ErrorCode.DEPENDENCY_UNAVAILABLE, CAUSE, List.of(), Map.of("Retry-After", "5"), null);
            if (error != null) {
                initCause(error);
            }
        }
    }
}
