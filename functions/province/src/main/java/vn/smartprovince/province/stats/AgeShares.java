package vn.smartprovince.province.stats;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.smartprovince.shared.stats.UserCounterKeys;

/**
 * "Over 45" from the birth-year counters ({@link UserCounterKeys}), computed when read: only the
 * birth year is known, so a user counts as over 45 in {@code year} when {@code year - birthYear > 45}
 * (they turn 46 or more that year: over 45 on their birthday at the latest). The share is over the
 * users whose birth year is known; the unknown are reported as a count beside it.
 */
final class AgeShares {
    static final int OVER = 45;
    private static final Pattern YEAR = Pattern.compile("y(\\d{4})");

    private AgeShares() {
    }

    /** Counts from the {@code BIRTH_YEARS} item's attributes, for {@code year}. */
    record Ages(long users, long knownBirthYear, long unknownBirthYear, long over45, Double over45Share, int year) {
    }

    static Ages of(Map<String, Long> birthYears, int year) {
        long known = 0;
        long over = 0;
        for (Map.Entry<String, Long> entry : birthYears.entrySet()) {
            Matcher m = YEAR.matcher(entry.getKey());
            if (m.matches()) {
                long count = Math.max(0, entry.getValue());
                known += count;
                if (year - Integer.parseInt(m.group(1)) > OVER) {
                    over += count;
                }
            }
        }
        // Clamped at 0: counters are sums of +1/-1; a negative one would be a bug, never shown as such.
        return new Ages(Math.max(0, StatFigures.get(birthYears, UserCounterKeys.USERS)), known,
                Math.max(0, StatFigures.get(birthYears, UserCounterKeys.UNKNOWN_BIRTH_YEAR)), over,
                StatFigures.rate(over, known, 4), year);
    }
}
