package vn.smartprovince.appointments.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.smartprovince.shared.province.AppointmentRules;
import vn.smartprovince.shared.province.ServiceCentre;
import vn.smartprovince.shared.province.WorkingDays;

/**
 * {@link SlotRule} on the store's counts: one Query per centre and day for the places taken, one
 * per centre for the closures of the range.
 */
public final class FreeSlots {
    private final AppointmentStore store;

    public FreeSlots(AppointmentStore store) {
        this.store = store;
    }

    /** Every slot of the days {@code from..to} (bookable ones only; full ones with free 0). */
    public List<SlotRule.Slot> between(ServiceCentre centre, String procedureCode, LocalDate from, LocalDate to,
                                       Instant now, AppointmentRules rules, WorkingDays calendar) {
        List<SlotRule.Slot> slots = new ArrayList<>();
        if (centre.countersServing(procedureCode).isEmpty()) {
            return slots;
        }
        LocalDate first = from.isBefore(SlotRule.today(now)) ? SlotRule.today(now) : from;
        LocalDate last = to.isBefore(SlotRule.horizonEnd(now, rules)) ? to : SlotRule.horizonEnd(now, rules).minusDays(1);
        if (last.isBefore(first)) {
            return slots;
        }
        Set<LocalDate> closed = store.closures(centre.id(), first, last).keySet();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!SlotRule.opens(centre, day, calendar) || closed.contains(day)) {
                continue;
            }
            slots.addAll(SlotRule.day(centre, procedureCode, day, now, rules, calendar, closed,
                    store.taken(centre.id(), day)));
        }
        return slots;
    }

    /** Up to {@code limit} slots with a free place after {@code date start} (within the horizon). */
    public List<SlotRule.Slot> next(ServiceCentre centre, String procedureCode, LocalDate date, LocalTime start,
                                    int limit, Instant now, AppointmentRules rules, WorkingDays calendar) {
        List<SlotRule.Slot> found = new ArrayList<>();
        LocalDate end = SlotRule.horizonEnd(now, rules);
        LocalDate day = date.isBefore(SlotRule.today(now)) ? SlotRule.today(now) : date;
        while (found.size() < limit && day.isBefore(end)) {
            LocalDate chunkEnd = day.plusDays(6).isBefore(end) ? day.plusDays(6) : end.minusDays(1);
            for (SlotRule.Slot slot : between(centre, procedureCode, day, chunkEnd, now, rules, calendar)) {
                boolean after = slot.date().isAfter(date) || slot.start().isAfter(start);
                if (slot.free() > 0 && after && found.size() < limit) {
                    found.add(slot);
                }
            }
            day = chunkEnd.plusDays(1);
        }
        return found;
    }

    /** The places taken on one day (for choosing a counter). */
    public Map<SlotKey, Integer> taken(String centreId, LocalDate date) {
        return store.taken(centreId, date);
    }
}
