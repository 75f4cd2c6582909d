package vn.smartprovince.dossiers.core;

import java.util.regex.Pattern;
import vn.smartprovince.shared.http.FieldError;

/**
 * The citizen identity card number (căn cước công dân): 12 digits, the first three the code of the
 * province of birth registration, 001 to 096. Personal data: never logged, never in the public lookup.
 */
public final class Cccd {
    private static final Pattern DIGITS = Pattern.compile("\\d{12}");

    private Cccd() {
    }

    public static boolean valid(String value) {
        if (value == null || !DIGITS.matcher(value).matches()) {
            return false;
        }
        int province = Integer.parseInt(value.substring(0, 3));
        return province >= 1 && province <= 96;
    }

    /** The refusal of a value that is not a CCCD, naming {@code field} (the value itself is never echoed). */
    public static FieldError invalid(String field) {
        return new FieldError(field, "INVALID_CCCD", "Số CCCD phải gồm 12 chữ số, bắt đầu bằng mã tỉnh (001-096).",
                "A CCCD is 12 digits starting with a province code (001-096).");
    }
}
