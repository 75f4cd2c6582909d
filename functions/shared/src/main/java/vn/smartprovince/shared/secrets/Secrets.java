package vn.smartprovince.shared.secrets;

import java.util.Map;

/**
 * Secret values by name (the template passes names, never values). Implementations never put a
 * value in a log line or an exception message.
 */
public interface Secrets {

    /**
     * The secret's current value.
     *
     * @throws SecretNotFoundException when no secret has that name (or it has no value)
     * @throws vn.smartprovince.shared.http.ApiException 503 when the store cannot be reached
     */
    String value(String name);

    /** Fixed values (tests, local runs). */
    static Secrets of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return name -> {
            String value = copy.get(name);
            if (value == null) {
                throw new SecretNotFoundException(name);
            }
            return value;
        };
    }
}
