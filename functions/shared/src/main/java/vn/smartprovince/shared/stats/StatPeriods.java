package vn.smartprovince.shared.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/**
 * The time buckets every statistics counter is kept in, in one place: {@code TOTAL}, the month
 * {@code MONTH#yyyy-MM} and the ISO week {@code WEEK#YYYY-Www} (ISO 8601 week-based year, weeks
 * from Monday, week 1 holds the year's first Thursday), both of the instant in Vietnam time
 * (Asia/Ho_Chi_Minh, UTC+7): 2026-12-31T17:30Z is already 2027-01-01 in Vietnam, and that day is in
 * week 2026-W53.
 */
public final class StatPeriods {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final String TOTAL = "TOTAL";
    public static final String MONTH_PREFIX = "MONTH#";
    public static final String WEEK_PREFIX = "WEEK#";

    private StatPeriods() {
    }

    /** The three sort keys an event at {@code at} adds to: TOTAL, its month, its ISO week. */
    public static List<String> of(Instant at) {
        return List.of(TOTAL, month(at), week(at));
    }

    public static String month(Instant at) {
        return month(YearMonth.from(at.atZone(VIETNAM)));
    }

    public static String month(YearMonth month) {
        return MONTH_PREFIX + month;
    }

    public static String week(Instant at) {
        return week(at.atZone(VIETNAM).toLocalDate());
    }

    /** {@code WEEK#2026-W05}: the ISO week of a calendar date. */
    public static String week(LocalDate date) {
        return WEEK_PREFIX + isoWeek(date);
    }

    /** {@code 2026-W05}. */
    public static String isoWeek(LocalDate date) {
        return String.format("%04d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The {@code count} ISO weeks ending with the one holding {@code today}, oldest first ({@code 2026-W05} form). */
    public static List<String> lastWeeks(LocalDate today, int count) {
        List<String> weeks = new ArrayList<>(count);
        for (int i = count - 1; i >= 0; i--) {
            weeks.add(isoWeek(today.minusWeeks(i)));
        }
        return weeks;
    }

    /** The {@code count} months ending with the one holding {@code today}, oldest first ({@code 2026-05} form). */
    public static List<String> lastMonths(LocalDate today, int count) {
        List<String> months = new ArrayList<>(count);
        YearMonth current = YearMonth.from(today);
        for (int i = count - 1; i >= 0; i--) {
            months.add(current.minusMonths(i).toString());
        }
        return months;
    }
}
