package vn.smartprovince.appointments.core;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The short code of a booking, read aloud or typed at the desk: 6 characters of an alphabet
 * without look-alikes (no 0/O, 1/I/L): 31^6, about 887 million codes, drawn at random; a code
 * already claimed is drawn again (the store's {@code CodeTaken}).
 */
public final class AppointmentCodes {
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 6;
    public static final Pattern SHAPE = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AppointmentCodes() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code as typed (case and spaces ignored), or null when it cannot be one. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replace(" ", "").replace("-", "").toUpperCase(java.util.Locale.ROOT);
        return SHAPE.matcher(code).matches() ? code : null;
    }
}
