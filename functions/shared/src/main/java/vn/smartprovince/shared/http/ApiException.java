package vn.smartprovince.shared.http;

import java.util.List;
import java.util.Map;

/**
 * A failure the client should hear about, with its stable code, optional field details, extra
 * headers (Retry-After) and an optional body fragment (e.g. the current state on a 409).
 */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldError> details;
    private final Map<String, String> headers;
    private final Object current;
    private final Map<String, Object> fields;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of(), Map.of(), null);
    }

    public ApiException(ErrorCode code, String detail, List<FieldError> details,
                        Map<String, String> headers, Object current) {
        this(code, detail, details, headers, current, Map.of());
    }

    /** With {@code fields}: more members of the answer's {@code error} object (e.g. {@code nextFreeSlots}). */
    public ApiException(ErrorCode code, String detail, List<FieldError> details,
                        Map<String, String> headers, Object current, Map<String, Object> fields) {
        super(detail == null ? code.name() : detail);
        this.code = code;
        this.details = List.copyOf(details);
        this.headers = Map.copyOf(headers);
        this.current = current;
        this.fields = Map.copyOf(fields);
    }

    public static ApiException invalid(List<FieldError> details) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, null, details, Map.of(), null);
    }

    public static ApiException invalid(FieldError detail) {
        return invalid(List.of(detail));
    }

    /** A dependency (DynamoDB, Zalo) is unavailable; the cause is named in the answer. */
    public static ApiException unavailable(String cause) {
        return new ApiException(ErrorCode.DEPENDENCY_UNAVAILABLE, cause, List.of(), Map.of("Retry-After", "5"), null);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Object current() {
        return current;
    }

    /** More members of the answer's {@code error} object, by name. */
    public Map<String, Object> fields() {
        return fields;
    }
}
