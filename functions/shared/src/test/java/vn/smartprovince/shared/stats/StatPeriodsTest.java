package vn.smartprovince.shared.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The buckets: ISO weeks and months in Vietnam time, across year ends. */
class StatPeriodsTest {

    @Test
    void newYearsEveInUtcIsAlreadyNewYearInVietnam() {
        Instant at = Instant.parse("2026-12-31T17:30:00Z"); // 2027-01-01 00:30 in Vietnam, a Friday
        assertEquals(List.of("TOTAL", "MONTH#2027-01", "WEEK#2026-W53"), StatPeriods.of(at));
        Instant before = Instant.parse("2026-12-31T16:59:59Z"); // 23:59:59 on 31 December in Vietnam
        assertEquals(List.of("TOTAL", "MONTH#2026-12", "WEEK#2026-W53"), StatPeriods.of(before));
    }

    @Test
    void isoWeeksFollowTheWeekBasedYear() {
        assertEquals("WEEK#2026-W01", StatPeriods.week(LocalDate.of(2025, 12, 29))); // Monday of 2026's first week
        assertEquals("WEEK#2025-W52", StatPeriods.week(LocalDate.of(2025, 12, 28)));
        assertEquals("WEEK#2026-W53", StatPeriods.week(LocalDate.of(2027, 1, 3))); // a Sunday: 2026 has 53 weeks
        assertEquals("WEEK#2027-W01", StatPeriods.week(LocalDate.of(2027, 1, 4)));
        assertEquals("WEEK#2020-W53", StatPeriods.week(LocalDate.of(2021, 1, 1)));
        // Monday 00:00 in Vietnam is still Sunday in UTC: the Vietnam day decides.
        assertEquals("WEEK#2027-W01", StatPeriods.week(Instant.parse("2027-01-03T17:00:00Z")));
    }

    @Test
    void theLastWeeksAndMonthsEndWithTheCurrentOneOldestFirst() {
        List<String> weeks = StatPeriods.lastWeeks(LocalDate.of(2027, 1, 6), 53);
        assertEquals(53, weeks.size());
        assertEquals("2027-W01", weeks.get(52));
        assertEquals("2026-W53", weeks.get(51));
        assertEquals("2026-W02", weeks.get(0), "2026 has 53 weeks: a year back from 2027-W01 is 2026-W02");
        List<String> months = StatPeriods.lastMonths(LocalDate.of(2027, 1, 6), 12);
        assertEquals("2026-02", months.get(0));
        assertEquals("2027-01", months.get(11));
    }
}
