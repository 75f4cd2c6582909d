package vn.smartprovince.shared.province;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days in Asia/Ho_Chi_Minh: Monday to Friday, minus the province calendar's holidays,
 * plus the weekend days the government made working days (làm bù).
 *
 * <p>A year the calendar does not list counts weekends only: deadlines stay computable, but may
 * come a few days early around that year's holidays. {@link #covers(int)} lets an admin screen or
 * health check warn before that happens.
 */
public final class WorkingDays {
    public static final ZoneId ZONE = ZoneId.of(ProvinceConfigLoader.TIME_ZONE);
    /** About eight years of working days: far beyond any legal time limit; guards against runaway loops. */
    private static final int MAX_DAYS = 2_000;

    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workingWeekendDays = new HashSet<>();
    private final Set<Integer> years = new HashSet<>();

    public WorkingDays(Collection<HolidayYear> calendar) {
        for (HolidayYear year : calendar) {
            years.add(year.year());
            year.holidays().forEach(day -> holidays.add(day.date()));
            year.compensatoryWorkingDays().forEach(day -> workingWeekendDays.add(day.date()));
        }
    }

    public static WorkingDays of(ProvinceConfig config) {
        return new WorkingDays(config.holidayCalendar());
    }

    /** Whether the calendar lists this year's holidays. */
    public boolean covers(int year) {
        return years.contains(year);
    }

    /** Whether the calendar names this day a holiday (whatever the weekday). */
    public boolean isHoliday(LocalDate date) {
        return holidays.contains(date);
    }

    public boolean isWorkingDay(LocalDate date) {
        if (workingWeekendDays.contains(date)) {
            return true;
        }
        DayOfWeek weekday = date.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /**
     * The deadline for something received at {@code received}: the date of the
     * {@code workingDays}-th working day after the day it was received (in Vietnam's time), so the
     * day of receipt never counts, whatever the hour. With 0, the day of receipt if it is a
     * working day, else the next working day.
     */
    public LocalDate deadline(Instant received, int workingDays) {
        return addWorkingDays(received.atZone(ZONE).toLocalDate(), workingDays);
    }

    /** The {@code workingDays}-th working day after {@code start} (0: {@code start} or the next working day). */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0 || workingDays > MAX_DAYS) {
            throw new IllegalArgumentException("workingDays must be between 0 and " + MAX_DAYS + ": " + workingDays);
        }
        LocalDate date = start;
        if (workingDays == 0) {
            while (!isWorkingDay(date)) {
                date = date.plusDays(1);
            }
            return date;
        }
        int counted = 0;
        while (counted < workingDays) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /**
     * Working days after {@code from} up to and including {@code to}: how late something done on
     * {@code to} is against a deadline {@code from}; negative when {@code to} is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }
}
