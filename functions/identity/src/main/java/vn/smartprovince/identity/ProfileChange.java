package vn.smartprovince.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Year;
import java.util.Optional;
import java.util.Set;
import vn.smartprovince.shared.http.BodyFields;
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
        BodyFields problems = new BodyFields();
        problems.onlyFields(body, FIELDS);
        Change<String> displayName = displayName(body, problems);
        Change<Integer> birthYear = birthYear(body, currentYear, problems);
        Change<NotificationPreference> preference = preference(body, problems);

        boolean removePhone = false;
        if (body.has("phone")) {
            if (body.get("phone").isNull()) {
                removePhone = true;
            } else {
                problems.error(new FieldError("phone", "PHONE_REQUIRES_ZALO_TOKEN",
                        "Số điện thoại chỉ được cập nhật qua Zalo (phoneToken).",
                        "The phone number can only be set through Zalo (send phoneToken and zaloAccessToken)."));
            }
        }
        String phoneToken = token(body, "phoneToken", problems);
        String accessToken = token(body, "zaloAccessToken", problems);
        PhoneGrant grant = null;
        if (phoneToken != null && accessToken == null && !body.has("zaloAccessToken")) {
            problems.error(required("zaloAccessToken", "Cần mã truy cập Zalo kèm theo phoneToken.",
                    "zaloAccessToken must come with phoneToken."));
        } else if (phoneToken == null && accessToken != null && !body.has("phoneToken")) {
            problems.error(required("phoneToken", "Thiếu phoneToken.", "phoneToken is missing."));
        } else if (phoneToken != null && accessToken != null) {
            grant = new PhoneGrant(accessToken, phoneToken);
        }
        if (grant != null && removePhone) {
            problems.error(new FieldError("phone", "CONFLICTING_FIELDS", "Không thể vừa xoá vừa cập nhật số điện thoại.",
                    "The phone number cannot be removed and set at once."));
        }

        Optional<Long> version = expectedVersion(body, ifMatch, problems);
        problems.done();
        return new ProfileChange(displayName, birthYear, preference, removePhone, grant, version.orElseThrow());
    }

    private static Change<String> displayName(JsonNode body, BodyFields problems) {
        if (!body.has("displayName")) {
            return Change.keep();
        }
        JsonNode node = body.get("displayName");
        if (node.isNull()) {
            return new Change<>(true, null);
        }
        if (!node.isTextual()) {
            problems.error(type("displayName", "một chuỗi hoặc null", "a string or null"));
            return Change.keep();
        }
        String text = TextRules.normalise(node.asText());
        if (TextRules.firstControlCharacter(text, false) >= 0) {
            problems.error(new FieldError("displayName", "CONTROL_CHARACTER", "Tên không được chứa ký tự điều khiển.",
                    "The name must not contain control characters."));
        } else if (text.isEmpty()) {
            problems.error(new FieldError("displayName", "EMPTY", "Tên không được để trống (gửi null để dùng tên Zalo).",
                    "The name must not be empty (send null to show the Zalo name)."));
        } else if (TextRules.length(text) > MAX_DISPLAY_NAME_CHARS) {
            problems.error(new FieldError("displayName", "TOO_LONG", "Tên dài tối đa " + MAX_DISPLAY_NAME_CHARS + " ký tự.",
                    "The name is at most " + MAX_DISPLAY_NAME_CHARS + " characters long."));
        } else {
            return new Change<>(true, text);
        }
        return Change.keep();
    }

    private static Change<Integer> birthYear(JsonNode body, Year currentYear, BodyFields problems) {
        if (!body.has("birthYear")) {
            return Change.keep();
        }
        JsonNode node = body.get("birthYear");
        if (node.isNull()) {
            return new Change<>(true, null);
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problems.error(type("birthYear", "một số nguyên hoặc null", "an integer or null"));
            return Change.keep();
        }
        int year = node.asInt();
        if (year < MIN_BIRTH_YEAR || year > currentYear.getValue()) {
            problems.error(new FieldError("birthYear", "OUT_OF_RANGE",
                    "Năm sinh phải từ " + MIN_BIRTH_YEAR + " đến " + currentYear.getValue() + ".",
                    "The birth year must be between " + MIN_BIRTH_YEAR + " and " + currentYear.getValue() + "."));
            return Change.keep();
        }
        return new Change<>(true, year);
    }

    private static Change<NotificationPreference> preference(JsonNode body, BodyFields problems) {
        if (!body.has("notificationPreference")) {
            return Change.keep();
        }
        if (body.get("notificationPreference").isNull()) {
            problems.error(BodyFields.notOneOf("notificationPreference", NotificationPreference.values()));
            return Change.keep();
        }
        NotificationPreference preference = problems.oneOf(body, "notificationPreference", "notificationPreference",
                NotificationPreference.values(), true);
        return preference == null ? Change.keep() : new Change<>(true, preference);
    }

    /** A token is optional here, but {@code null} is no token (unlike the profile fields, where it clears). */
    private static String token(JsonNode body, String field, BodyFields problems) {
        if (body.has(field) && body.get(field).isNull()) {
            problems.error(type(field, "một chuỗi khác rỗng", "a non-empty string"));
            return null;
        }
        return problems.token(body, field, false);
    }

    private static Optional<Long> expectedVersion(JsonNode body, String ifMatch, BodyFields problems) {
        Long fromBody = null;
        if (body.has("expectedVersion")) {
            JsonNode node = body.get("expectedVersion");
            if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 1) {
                fromBody = node.asLong();
            } else {
                problems.error(type("expectedVersion", "một số nguyên dương", "a positive integer"));
                return Optional.empty();
            }
        }
        Long fromHeader = null;
        if (ifMatch != null) {
            fromHeader = ifMatchVersion(ifMatch);
            if (fromHeader == null) {
                problems.error(new FieldError("If-Match", "INVALID_FORMAT", "If-Match phải là ETag của hồ sơ, ví dụ \"7\".",
                        "If-Match must be the profile's ETag, e.g. \"7\"."));
                return Optional.empty();
            }
        }
        if (fromBody != null && fromHeader != null && !fromBody.equals(fromHeader)) {
            problems.error(new FieldError("expectedVersion", "DISAGREES_WITH_IF_MATCH",
                    "expectedVersion và If-Match khác nhau.", "expectedVersion and If-Match disagree."));
            return Optional.empty();
        }
        if (fromBody == null && fromHeader == null) {
            problems.error(required("expectedVersion", "Gửi phiên bản hồ sơ đã xem (If-Match hoặc expectedVersion).",
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
