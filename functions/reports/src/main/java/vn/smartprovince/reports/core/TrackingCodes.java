package vn.smartprovince.reports.core;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Tracking codes people read out on the phone: 8 characters in two groups, {@code K7M4-QX9P},
 * from an alphabet without look-alikes (no 0/O, 1/I/L, U/V, 5/S, 2/Z, 8/B): 23 symbols, 23^8 ≈ 7.8e10
 * codes. Uniqueness is enforced by a conditional put of {@code TRACKING#<code>}; a collision
 * draws again. Typed input is forgiving: case, spaces and a missing dash do not matter.
 */
public final class TrackingCodes {
    public static final String ALPHABET = "34679ACDEFGHJKMNPQRTWXY";
    private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}");
    private final RandomGenerator random;

    public TrackingCodes() {
        this(new SecureRandom());
    }

    public TrackingCodes(RandomGenerator random) {
        this.random = random;
    }

    public String next() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    public static boolean valid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** A code as someone typed it, in canonical form, if it can be one. */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case ' ', '-' -> { }
                default -> out.append(c);
            }
        }
        if (out.length() != 8) {
            return Optional.empty();
        }
        String code = out.substring(0, 4) + "-" + out.substring(4);
        return valid(code) ? Optional.of(code) : Optional.empty();
    }
}
