package vn.smartprovince.shared.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {
    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static List<CalendarDay> days(String name, String... dates) {
        return Stream.of(dates).map(date -> new CalendarDay(d(date), name)).toList();
    }

    /** Shaped like the demo calendar: Tết 2026 Mon-Fri, Tết 2027 with a swapped Friday and a working Saturday. */
    private static final WorkingDays CALENDAR = new WorkingDays(List.of(
            new HolidayYear(2026, Stream.of(
                    days("Tết Dương lịch", "2026-01-01"),
                    days("Tết Nguyên đán", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"),
                    days("Quốc khánh", "2026-09-01", "2026-09-02")).flatMap(List::stream).toList(),
                    List.of()),
            new HolidayYear(2027, Stream.of(
                    days("Tết Dương lịch", "2027-01-01"),
                    days("Tết Nguyên đán", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-02-12"),
                    days("Giỗ Tổ Hùng Vương", "2027-04-16")).flatMap(List::stream).toList(),
                    days("Làm bù cho ngày 12/02", "2027-02-20"))));

    @Test
    void skipsWeekends() {
        assertEquals(d("2026-03-09"), CALENDAR.addWorkingDays(d("2026-03-06"), 1));  // Fri -> Mon
        assertEquals(d("2026-03-13"), CALENDAR.addWorkingDays(d("2026-03-06"), 5));
        assertEquals(d("2026-03-09"), CALENDAR.addWorkingDays(d("2026-03-07"), 1));  // Sat -> Mon
    }

    @Test
    void tetSpanningWeeks() {
        // Received on the Friday before Tết: the next working day is ten calendar days later.
        assertEquals(d("2026-02-23"), CALENDAR.addWorkingDays(d("2026-02-13"), 1));
        assertEquals(d("2026-02-24"), CALENDAR.addWorkingDays(d("2026-02-12"), 3));
        for (LocalDate day = d("2026-02-14"); day.isBefore(d("2026-02-23")); day = day.plusDays(1)) {
            assertFalse(CALENDAR.isWorkingDay(day), day.toString());
        }
    }

    @Test
    void aHolidayOnFriday() {
        assertEquals(DayOfWeek.FRIDAY, d("2027-04-16").getDayOfWeek());
        assertEquals(d("2027-04-19"), CALENDAR.addWorkingDays(d("2027-04-15"), 1));
    }

    @Test
    void aCompensatorySaturdayIsAWorkingDay() {
        assertEquals(DayOfWeek.SATURDAY, d("2027-02-20").getDayOfWeek());
        assertTrue(CALENDAR.isWorkingDay(d("2027-02-20")));
        assertFalse(CALENDAR.isWorkingDay(d("2027-02-21")));
        assertEquals(d("2027-02-20"), CALENDAR.addWorkingDays(d("2027-02-19"), 1));
        assertEquals(d("2027-02-22"), CALENDAR.addWorkingDays(d("2027-02-19"), 2));
        // Tết 2027 with the swapped Friday: Thursday 4 Feb, then Monday 15 Feb.
        assertEquals(d("2027-02-15"), CALENDAR.addWorkingDays(d("2027-02-04"), 1));
    }

    @Test
    void acrossTheYearBoundary() {
        // Thu 31 Dec is the first; Fri 1 Jan is New Year; the weekend; Mon 4 Jan is the second.
        assertEquals(d("2027-01-04"), CALENDAR.addWorkingDays(d("2026-12-30"), 2));
    }

    @Test
    void deadlineCountsFromTheDayInVietnamNotInUtc() {
        // Thursday 17:30 UTC is already Friday 00:30 in Vietnam: the first working day after is Monday.
        Instant received = Instant.parse("2026-03-05T17:30:00Z");
        assertEquals(d("2026-03-09"), CALENDAR.deadline(received, 1));
        assertEquals(d("2026-03-06"), CALENDAR.deadline(Instant.parse("2026-03-05T16:59:59Z"), 1));
    }

    @Test
    void zeroWorkingDaysIsTheSameOrNextWorkingDay() {
        assertEquals(d("2026-03-06"), CALENDAR.addWorkingDays(d("2026-03-06"), 0));
        assertEquals(d("2026-02-23"), CALENDAR.addWorkingDays(d("2026-02-16"), 0));
        assertThrows(IllegalArgumentException.class, () -> CALENDAR.addWorkingDays(d("2026-03-06"), -1));
    }

    @Test
    void countsWorkingDaysBetweenDates() {
        assertEquals(1, CALENDAR.workingDaysBetween(d("2026-02-13"), d("2026-02-23")));
        assertEquals(-1, CALENDAR.workingDaysBetween(d("2026-02-23"), d("2026-02-13")));
        assertEquals(0, CALENDAR.workingDaysBetween(d("2026-02-13"), d("2026-02-13")));
        LocalDate start = d("2026-12-28");
        for (int n = 0; n < 40; n++) {
            LocalDate end = CALENDAR.addWorkingDays(start, n);
            if (n > 0) {
                assertEquals(n, CALENDAR.workingDaysBetween(start, end));
            }
        }
    }

    @Test
    void aYearTheCalendarDoesNotListCountsWeekendsOnly() {
        assertTrue(CALENDAR.covers(2027));
        assertFalse(CALENDAR.covers(2028));
        assertEquals(d("2028-01-03"), CALENDAR.addWorkingDays(d("2027-12-31"), 1));  // Fri -> Mon
        assertTrue(CALENDAR.isWorkingDay(d("2028-01-03")));
    }

    @Test
    void builtFromAProvinceConfig() {
        WorkingDays days = WorkingDays.of(ProvinceConfigLoaderTest.validConfig());
        assertFalse(days.isWorkingDay(d("2026-01-01")));
        assertTrue(days.isWorkingDay(d("2026-01-10")));
    }
}
