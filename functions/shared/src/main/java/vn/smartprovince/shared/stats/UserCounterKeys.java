package vn.smartprovince.shared.stats;

/**
 * The user statistics' key scheme, in one place: functions/identity writes these counters,
 * the admin statistics (functions/province) read them.
 * <ul>
 *   <li>{@code pk = STATS#USERS}, {@code sk = BIRTH_YEARS}: {@link #USERS} (user items in existence),
 *       {@link #UNKNOWN_BIRTH_YEAR}, and one {@code y<yyyy>} per birth year; maintained when a user
 *       item is created (first sign-in: unknown), when {@code PATCH /v1/me} changes
 *       {@code birthYear} (-1 old, +1 new) and when an account is erased (-1), in the same
 *       transaction as the user item. "Over 45" is computed when read, for the current year.</li>
 *   <li>{@code pk = STATS#USERS}, {@code sk = MONTH#yyyy-MM}: {@link #ACTIVE} users that month
 *       (Vietnam time), added once per user and month: sign-in and session renewal put the marker
 *       {@code pk = ACTIVE#yyyy-MM}, {@code sk = <userId>} (condition: not there yet; TTL
 *       {@code expiresAt} about 40 days after the month) and ADD {@code active 1} in one transaction.</li>
 * </ul>
 */
public final class UserCounterKeys {
    public static final String PK = "STATS#USERS";
    public static final String BIRTH_YEARS = "BIRTH_YEARS";
    public static final String USERS = "users";
    public static final String UNKNOWN_BIRTH_YEAR = "unknownBirthYear";
    public static final String ACTIVE = "active";
    public static final String ACTIVE_PREFIX = "ACTIVE#";
    /**
     * Boolean attribute of the user item ({@code USER#<id>} / {@code PROFILE}): this user is in the
     * counters. Set at creation; set by the back-fill ({@code infra/bin/stats-backfill users}) on the
     * users created before the counters existed, in the transaction that counts them. A birth-year
     * change or an erasure moves the counters only for a counted user, so nobody is counted twice.
     */
    public static final String COUNTED = "statsCounted";

    private UserCounterKeys() {
    }

    /** The attribute counting users born in {@code year}: {@code y1980}. */
    public static String birthYear(int year) {
        return "y" + year;
    }

    /** The attribute a user with this (possibly unknown) birth year is counted in. */
    public static String birthYearField(Integer year) {
        return year == null ? UNKNOWN_BIRTH_YEAR : birthYear(year);
    }

    /** The marker partition of a month's active users: {@code ACTIVE#2026-12}. */
    public static String activeKey(java.time.YearMonth month) {
        return ACTIVE_PREFIX + month;
    }
}
