package vn.smartprovince.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.province.TextRules;

/**
 * A validated {@code PATCH /v1/me} body. Fields left out stay as they are; {@code null} clears
 * ({@code displayName}: back to the Zalo name; {@code birthYear}; {@code phone}: removes the
 * number). The phone number is never typed: it comes only from a Zalo phone-number token
 * ({@code phoneToken} with the mini app's {@code zaloAccessToken}, which must belong to the caller).
 * Every problem is reported at once, each naming its field.
 *
 * @param expectedVersion from {@code expectedVersion} or the {@code If-Match} header
 */
record ProfileChange(Change<String> displayName, Change<Integer> birthYear,
                     Change<NotificationPreference> notificationPreference, boolean removePhone,
                     PhoneGrant phoneGrant, long expectedVersion) {

    static final int MAX_DISPLAY_NAME_CHARS = 100;
    static final int MIN_BIRTH_YEAR = 1900;
    static final int MAX_TOKEN_CHARS = 4096;
    static final Set<String> FIELDS = Set.of("displayName", "birthYear", "notificationPreference", "phone",
            "phoneToken", "zaloAccessToken", "expectedVersion");

    /** A field that is left out ({@code present} false), cleared (value null) or set. */
    record Change<T>(boolean present, T value) {
        static <T> Change<T> keep() {
            return new Change<>(false, null);
        }
    }

    /** Tokens from the mini app's {@code getAccessToken()} and {@code getPhoneNumber()}. Never logged. */
    record PhoneGrant(String zaloAccessToken, String phoneToken) {
        @Override
        public String toString() {
            return "PhoneGrant[redacted]";
        }
    }

    boolean changesNothing() {
        return !displayName.present() && !birthYear.present() && !notificationPreference.present() && !removePhone
                && phoneGrant == null;
    }

    /**
     * @param body        the JSON object
     * @param ifMatch     the If-Match header, or null
     * @param currentYear the year now in Vietnam (upper bound of birthYear)
     */
    static ProfileChange parse(JsonNode body, String ifMatch, Year currentYear) {
        List<FieldError> problems = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problems.add(new FieldError(name, "UNKNOWN_FIELD", "Trường này không được hỗ trợ.",
                        "This field is not supported."));
            }
        });
        Change<String> displayName = displayName(body, problems);
        Change<Integer> birthYear = birthYear(body, currentYear, problems);
        Change<NotificationPreference> preference = preference(body, problems);

        boolean removePhone = false;
        if (body.has("phone")) {
            if (body.get("phone").isNull()) {
                removePhone = true;
            } else {
                problems.add(new FieldError("phone", "PHONE_REQUIRES_ZALO_TOKEN",
                        "Số điện thoại chỉ được cập nhật qua Zalo (phoneToken).",
                        "The phone number can only be set through Zalo (send phoneToken and zaloAccessToken)."));
            }
        }
        String phoneToken = token(body, "phoneToken", problems);
        String accessToken = token(body, "zaloAccessToken", problems);
        PhoneGrant grant = null;
        if (phoneToken != null && accessToken == null && !body.has("zaloAccessToken")) {
            problems.add(required("zaloAccessToken", "Cần mã truy cập Zalo kèm theo phoneToken.",
                    "zaloAccessToken must come with phoneToken."));
        } else if (phoneToken == null && accessToken != null && !body.has("phoneToken")) {
            problems.add(required("phoneToken", "Thiếu phoneToken.", "phoneToken is missing."));
        } else if (phoneToken != null && accessToken != null) {
            grant = new PhoneGrant(accessToken, phoneToken);
        }
        if (grant != null && removePhone) {
            problems.add(new FieldError("phone", "CONFLICTING_FIELDS", "Không thể vừa xoá vừa cập nhật số điện thoại.",
                    "The phone number cannot be removed and set at once."));
        }

        Optional<Long> version = expectedVersion(body, ifMatch, problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new ProfileChange(displayName, birthYear, preference, removePhone, grant, version.orElseThrow());
    }

    private static Change<String> displayName(JsonNode body, List<FieldError> problems) {
        if (!body.has("displayName")) {
            return Change.keep();
        }
        JsonNode node = body.get("displayName");
        if (node.isNull()) {
            return new Change<>(true, null);
        }
        if (!node.isTextual()) {
            problems.add(type("displayName", "một chuỗi hoặc null", "a string or null"));
            return Change.keep();
        }
        String text = TextRules.normalise(node.asText());
        if (TextRules.firstControlCharacter(text, false) >= 0) {
            problems.add(new FieldError("displayName", "CONTROL_CHARACTER", "Tên không được chứa ký tự điều khiển.",
                    "The name must not contain control characters."));
        } else if (text.isEmpty()) {
            problems.add(new FieldError("displayName", "EMPTY", "Tên không được để trống (gửi null để dùng tên Zalo).",
                    "The name must not be empty (send null to show the Zalo name)."));
        } else if (TextRules.length(text) > MAX_DISPLAY_NAME_CHARS) {
            problems.add(new FieldError("displayName", "TOO_LONG", "Tên dài tối đa " + MAX_DISPLAY_NAME_CHARS + " ký tự.",
                    "The name is at most " + MAX_DISPLAY_NAME_CHARS + " characters long."));
        } else {
            return new Change<>(true, text);
        }
        return Change.keep();
    }

    private static Change<Integer> birthYear(JsonNode body, Year currentYear, List<FieldError> problems) {
        if (!body.has("birthYear")) {
            return Change.keep();
        }
        JsonNode node = body.get("birthYear");
        if (node.isNull()) {
            return new Change<>(true, null);
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problems.add(type("birthYear", "một số nguyên hoặc null", "an integer or null"));
            return Change.keep();
        }
        int year = node.asInt();
        if (year < MIN_BIRTH_YEAR || year > currentYear.getValue()) {
            problems.add(new FieldError("birthYear", "OUT_OF_RANGE",
                    "Năm sinh phải từ " + MIN_BIRTH_YEAR + " đến " + currentYear.getValue() + ".",
                    "The birth year must be between " + MIN_BIRTH_YEAR + " and " + currentYear.getValue() + "."));
            return Change.keep();
        }
        return new Change<>(true, year);
    }

    private static Change<NotificationPreference> preference(JsonNode body, List<FieldError> problems) {
        if (!body.has("notificationPreference")) {
            return Change.keep();
        }
        JsonNode node = body.get("notificationPreference");
        if (node.isTextual()) {
            for (NotificationPreference preference : NotificationPreference.values()) {
                if (preference.name().equals(node.asText())) {
                    return new Change<>(true, preference);
                }
            }
        }
        problems.add(new FieldError("notificationPreference", "INVALID_VALUE", "Phải là ZALO_OA, ZNS hoặc NONE.",
                "Must be ZALO_OA, ZNS or NONE."));
        return Change.keep();
    }

    private static String token(JsonNode body, String field, List<FieldError> problems) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(type(field, "một chuỗi khác rỗng", "a non-empty string"));
            return null;
        }
        String token = node.asText();
        if (token.length() > MAX_TOKEN_CHARS || TextRules.firstControlCharacter(token, false) >= 0 || token.contains(" ")) {
            problems.add(new FieldError(field, "INVALID_FORMAT", "Mã không hợp lệ.", "The token is malformed."));
            return null;
        }
        return token;
    }

    private static Optional<Long> expectedVersion(JsonNode body, String ifMatch, List<FieldError> problems) {
        Long fromBody = null;
        if (body.has("expectedVersion")) {
            JsonNode node = body.get("expectedVersion");
            if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 1) {
                fromBody = node.asLong();
            } else {
                problems.add(type("expectedVersion", "một số nguyên dương", "a positive integer"));
                return Optional.empty();
            }
        }
        Long fromHeader = null;
        if (ifMatch != null) {
            fromHeader = ifMatchVersion(ifMatch);
            if (fromHeader == null) {
                problems.add(new FieldError("If-Match", "INVALID_FORMAT", "If-Match phải là ETag của hồ sơ, ví dụ \"7\".",
                        "If-Match must be the profile's ETag, e.g. \"7\"."));
                return Optional.empty();
            }
        }
        if (fromBody != null && fromHeader != null && !fromBody.equals(fromHeader)) {
            problems.add(new FieldError("expectedVersion", "DISAGREES_WITH_IF_MATCH",
                    "expectedVersion và If-Match khác nhau.", "expectedVersion and If-Match disagree."));
            return Optional.empty();
        }
        if (fromBody == null && fromHeader == null) {
            problems.add(required("expectedVersion", "Gửi phiên bản hồ sơ đã xem (If-Match hoặc expectedVersion).",
                    "Send the version you saw (If-Match or expectedVersion)."));
            return Optional.empty();
        }
        return Optional.of(fromBody != null ? fromBody : fromHeader);
    }

    /** {@code "7"}, {@code W/"7"} or {@code 7}; null when it is none of these. */
    static Long ifMatchVersion(String header) {
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!value.matches("[0-9]{1,18}")) {
            return null;
        }
        long version = Long.parseLong(value);
        return version >= 1 ? version : null;
    }

    private static FieldError type(String field, String vietnamese, String english) {
        return new FieldError(field, "INVALID_TYPE", "Phải là " + vietnamese + ".", "Must be " + english + ".");
    }

    private static FieldError required(String field, String vietnamese, String english) {
        return new FieldError(field, "REQUIRED", vietnamese, english);
    }

    /** For tests: a change with only the version. */
    static ProfileChange nothing(long expectedVersion) {
        return new ProfileChange(Change.keep(), Change.keep(), Change.keep(), false, null, expectedVersion);
    }
}
