package vn.smartprovince.appointments.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.province.AppointmentRules;
import vn.smartprovince.shared.province.CalendarDay;
import vn.smartprovince.shared.province.HolidayYear;
import vn.smartprovince.shared.province.OpeningPeriod;
import vn.smartprovince.shared.province.ServiceCentre;
import vn.smartprovince.shared.province.ServiceCounter;
import vn.smartprovince.shared.province.WorkingDays;

/** Which slots exist, which are past or closed, and how many places each has left. */
class SlotRuleTest {
    static final String BIRTH = "1.001193";
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    /** Monday 2026-12-07 08:10 in Vietnam. */
    static final Instant NOW = Instant.parse("2026-12-07T01:10:00Z");
    static final ServiceCentre CENTRE = new ServiceCentre("c", "Trung tâm", "agency", "Địa chỉ", null,
            Map.of(DayOfWeek.MONDAY, List.of(new OpeningPeriod(LocalTime.of(7, 30), LocalTime.of(9, 0)),
                            new OpeningPeriod(LocalTime.of(13, 30), LocalTime.of(14, 0))),
                    DayOfWeek.SATURDAY, List.of(new OpeningPeriod(LocalTime.of(8, 0), LocalTime.of(8, 30)))),
            30, List.of(new ServiceCounter("q1", "Quầy 1", List.of(BIRTH), 2),
            new ServiceCounter("q2", "Quầy 2", List.of(BIRTH, "other"), 1),
            new ServiceCounter("q3", "Quầy 3", List.of("other"), 5)));
    static final WorkingDays CALENDAR = new WorkingDays(List.of(new HolidayYear(2026,
            List.of(new CalendarDay(LocalDate.of(2026, 12, 14), "Nghỉ")), List.of())));
    static final AppointmentRules RULES = new AppointmentRules(3, 120, 10);

    @Test
    void periodsAreCutIntoSlots() {
        assertEquals(List.of(LocalTime.of(7, 30), LocalTime.of(8, 0), LocalTime.of(8, 30), LocalTime.of(13, 30)),
                SlotRule.starts(CENTRE, MONDAY));
        assertTrue(SlotRule.starts(CENTRE, MONDAY.plusDays(1)).isEmpty(), "closed on Tuesdays");
    }

    @Test
    void startedSlotsArePastAndFreePlacesCountTheServingCounters() {
        List<SlotRule.Slot> day = SlotRule.day(CENTRE, BIRTH, MONDAY, NOW, RULES, CALENDAR, Set.of(),
                Map.of(new SlotKey("c", MONDAY, LocalTime.of(8, 30), "q1"), 2,
                        new SlotKey("c", MONDAY, LocalTime.of(13, 30), "q2"), 1,
                        new SlotKey("c", MONDAY, LocalTime.of(13, 30), "q3"), 5));
        assertEquals(List.of(new SlotRule.Slot("c", MONDAY, LocalTime.of(8, 30), LocalTime.of(9, 0), 1),
                new SlotRule.Slot("c", MONDAY, LocalTime.of(13, 30), LocalTime.of(14, 0), 2)), day);
    }

    @Test
    void holidaysClosuresAndTheHorizonCloseDays() {
        LocalDate holiday = LocalDate.of(2026, 12, 14);
        assertTrue(SlotRule.day(CENTRE, BIRTH, holiday, NOW, RULES, CALENDAR, Set.of(), Map.of()).isEmpty());
        LocalDate saturday = LocalDate.of(2026, 12, 12);
        assertEquals(1, SlotRule.day(CENTRE, BIRTH, saturday, NOW, RULES, CALENDAR, Set.of(), Map.of()).size(),
                "open on Saturday when the centre says so, although not a working day");
        assertTrue(SlotRule.day(CENTRE, BIRTH, saturday, NOW, RULES, CALENDAR, Set.of(saturday), Map.of()).isEmpty());
        assertTrue(SlotRule.inHorizon(MONDAY.plusDays(10), NOW, RULES));
        assertFalse(SlotRule.inHorizon(MONDAY.plusDays(11), NOW, RULES));
        assertFalse(SlotRule.inHorizon(MONDAY.minusDays(1), NOW, RULES));
        assertTrue(SlotRule.day(CENTRE, "unknown", MONDAY, NOW, RULES, CALENDAR, Set.of(), Map.of()).isEmpty());
    }

    @Test
    void bookableNeedsARealFutureSlotOnAnOpenDay() {
        assertTrue(SlotRule.bookable(CENTRE, MONDAY, LocalTime.of(8, 30), NOW, RULES, CALENDAR, Set.of()));
        assertFalse(SlotRule.bookable(CENTRE, MONDAY, LocalTime.of(8, 0), NOW, RULES, CALENDAR, Set.of()), "started");
        assertFalse(SlotRule.bookable(CENTRE, MONDAY, LocalTime.of(8, 45), NOW, RULES, CALENDAR, Set.of()), "not a start");
    }
}
