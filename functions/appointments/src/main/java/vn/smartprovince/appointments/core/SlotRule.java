package vn.smartprovince.appointments.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.smartprovince.shared.province.AppointmentRules;
import vn.smartprovince.shared.province.OpeningPeriod;
import vn.smartprovince.shared.province.ServiceCentre;
import vn.smartprovince.shared.province.ServiceCounter;
import vn.smartprovince.shared.province.WorkingDays;

/**
 * THE rule of which slots exist and how many places each has left (pure). A day is bookable when
 * it is within the horizon (today .. today + {@code bookingHorizonDays}, Vietnam time), not a
 * holiday of the province calendar, not closed by the centre, and the centre has periods that
 * weekday. Its slots are the periods cut into {@code slotMinutes}; a slot that has started is
 * past. A slot's {@code free} places are, over the counters serving the procedure, capacity minus
 * places taken.
 */
public final class SlotRule {
    /** At most this many days per question (the slots list). */
    public static final int MAX_DAYS_PER_CALL = 14;

    private SlotRule() {
    }

    /** One bookable time of a centre: {@code free} places left for the procedure asked about. */
    public record Slot(String centreId, LocalDate date, LocalTime start, LocalTime end, int free) {
    }

    /** The first day that cannot be booked any more (exclusive end of the horizon). */
    public static LocalDate horizonEnd(Instant now, AppointmentRules rules) {
        return today(now).plusDays(rules.bookingHorizonDays() + 1L);
    }

    public static LocalDate today(Instant now) {
        return now.atZone(WorkingDays.ZONE).toLocalDate();
    }

    /** Whether the centre takes bookings on {@code date} at all (closures aside). */
    public static boolean opens(ServiceCentre centre, LocalDate date, WorkingDays calendar) {
        return !calendar.isHoliday(date) && !centre.periods(date.getDayOfWeek()).isEmpty();
    }

    /** The starts of the day's slots, in order (empty on a day without periods). */
    public static List<LocalTime> starts(ServiceCentre centre, LocalDate date) {
        List<LocalTime> starts = new ArrayList<>();
        int length = centre.slotMinutes();
        for (OpeningPeriod period : centre.periods(date.getDayOfWeek())) {
            int end = period.to().toSecondOfDay() / 60;
            for (int m = period.from().toSecondOfDay() / 60; m + length <= end; m += length) {
                starts.add(LocalTime.of(m / 60, m % 60));
            }
        }
        return starts;
    }

    /** Whether {@code start} on {@code date} is a slot of the centre that can still be booked now. */
    public static boolean bookable(ServiceCentre centre, LocalDate date, LocalTime start, Instant now,
                                   AppointmentRules rules, WorkingDays calendar, Set<LocalDate> closed) {
        return inHorizon(date, now, rules) && opens(centre, date, calendar) && !closed.contains(date)
                && starts(centre, date).contains(start) && !past(date, start, now);
    }

    public static boolean inHorizon(LocalDate date, Instant now, AppointmentRules rules) {
        return !date.isBefore(today(now)) && date.isBefore(horizonEnd(now, rules));
    }

    public static boolean past(LocalDate date, LocalTime start, Instant now) {
        return !LocalDateTime.of(date, start).atZone(WorkingDays.ZONE).toInstant().isAfter(now);
    }

    /** The places left in one slot for the counters serving {@code procedureCode}. */
    public static int free(ServiceCentre centre, String procedureCode, LocalDate date, LocalTime start,
                           Map<SlotKey, Integer> taken) {
        int free = 0;
        for (ServiceCounter counter : centre.countersServing(procedureCode)) {
            int held = taken.getOrDefault(new SlotKey(centre.id(), date, start, counter.id()), 0);
            free += Math.max(0, counter.capacity() - held);
        }
        return free;
    }

    /** The slots of one day (empty when the day is not bookable), full ones included with {@code free = 0}. */
    public static List<Slot> day(ServiceCentre centre, String procedureCode, LocalDate date, Instant now,
                                 AppointmentRules rules, WorkingDays calendar, Set<LocalDate> closed,
                                 Map<SlotKey, Integer> taken) {
        List<Slot> slots = new ArrayList<>();
        if (!inHorizon(date, now, rules) || !opens(centre, date, calendar) || closed.contains(date)
                || centre.countersServing(procedureCode).isEmpty()) {
            return slots;
        }
        for (LocalTime start : starts(centre, date)) {
            if (!past(date, start, now)) {
                slots.add(new Slot(centre.id(), date, start, start.plusMinutes(centre.slotMinutes()),
                        free(centre, procedureCode, date, start, taken)));
            }
        }
        return slots;
    }
}
