package vn.smartprovince.dossiers.core;

import java.util.regex.Pattern;

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
}
