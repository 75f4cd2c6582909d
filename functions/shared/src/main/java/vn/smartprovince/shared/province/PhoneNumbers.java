package vn.smartprovince.shared.province;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese phone numbers in the stored form {@code 84xxxxxxxxx}: accepts {@code 0xxxxxxxxx},
 * {@code +84…} and {@code 84…} with spaces, dots, dashes or parentheses between digits.
 */
public final class PhoneNumbers {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.()\\-]");
    private static final Pattern MOBILE = Pattern.compile("84[35789]\\d{8}");
    /** Mobile (9 digits after 84) or fixed line (10 digits after 84, area code first). */
    private static final Pattern ANY_NUMBER = Pattern.compile("84[1-9]\\d{8,9}");
    /** Hotlines and service numbers kept as dialled: 113, 1022, 1900xxxx, 1800xxxx. */
    private static final Pattern SERVICE_NUMBER = Pattern.compile("1\\d{2,9}");

    private PhoneNumbers() {
    }

    /** A mobile number (what a Zalo account has), as {@code 84xxxxxxxxx}; empty if it is not one. */
    public static Optional<String> mobile(String input) {
        return canonical(input).filter(number -> MOBILE.matcher(number).matches());
    }

    /**
     * A contact number an agency publishes: a mobile or fixed-line number as {@code 84…}, or a
     * short service number (113, 1022, 1900…) unchanged; empty if it is neither.
     */
    public static Optional<String> contact(String input) {
        String digits = SEPARATORS.matcher(input).replaceAll("");
        if (SERVICE_NUMBER.matcher(digits).matches()) {
            return Optional.of(digits);
        }
        return canonical(input).filter(number -> ANY_NUMBER.matcher(number).matches());
    }

    /** {@code 84*****1234}: for anyone but the number's owner. */
    public static String masked(String number) {
        if (number.length() <= 6) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 2) + "*".repeat(number.length() - 6) + number.substring(number.length() - 4);
    }

    private static Optional<String> canonical(String input) {
        String digits = SEPARATORS.matcher(input).replaceAll("");
        if (digits.startsWith("+84")) {
            digits = digits.substring(1);
        } else if (digits.startsWith("0")) {
            digits = "84" + digits.substring(1);
        }
        return digits.matches("84\\d+") ? Optional.of(digits) : Optional.empty();
    }
}
