package vn.smartprovince.appointments.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.smartprovince.shared.notify.NotificationJob;

/**
 * Bookings in the main table (data design: functions/appointments/README.md). Every write that
 * takes or gives back a place is ONE transaction with the slot's counter (condition
 * {@code booked < capacity}), the citizen's open-bookings counter (condition {@code open < max}),
 * the statistics counters and the notification jobs: capacity is exact under races and a
 * rescheduled booking never loses its old place before the new one is held.
 */
public interface AppointmentStore {

    /** A statistics change: {@code ADD field amount} on the centre's TOTAL and MONTH counters. */
    record CounterDelta(String centreId, java.time.YearMonth month, String field, long amount) {
    }

    /** What became of a write. */
    sealed interface Outcome permits Written, SlotFull, TooManyOpen, VersionConflict, CodeTaken {
    }

    record Written(Appointment appointment) implements Outcome {
    }

    /** The slot's places are all taken (the condition on its counter failed). */
    record SlotFull(SlotKey slot) implements Outcome {
    }

    /** The citizen already holds {@code max} open bookings. */
    record TooManyOpen(int max) implements Outcome {
    }

    /** The booking moved on (its version); {@code current} as it is now, or null if gone. */
    record VersionConflict(Appointment current) implements Outcome {
    }

    /** The generated code is already someone's: draw another and retry. */
    record CodeTaken(String code) implements Outcome {
    }

    /** A new booking: claims its code, one place of its slot (of {@code capacity}), one of the citizen's {@code maxOpen}. */
    Outcome book(Appointment appointment, int capacity, int maxOpen, List<CounterDelta> counters,
                 List<NotificationJob> jobs);

    /** BOOKED -> CANCELLED (by anyone): the place and the open booking are given back in the same transaction. */
    Outcome cancel(Appointment before, Appointment after, List<CounterDelta> counters, List<NotificationJob> jobs);

    /** Moves a booking: holds the new place (of {@code capacity}) and gives back the old one, atomically. */
    Outcome reschedule(Appointment before, Appointment after, int capacity, List<CounterDelta> counters,
                       List<NotificationJob> jobs);

    /**
     * A change of status at the desk (check-in, serve, no-show) or a reminder mark, by version. A
     * booking leaving the open statuses (NO_SHOW, SERVED) gives back the citizen's open booking.
     */
    Outcome update(Appointment before, Appointment after, List<CounterDelta> counters, List<NotificationJob> jobs);

    Optional<Appointment> get(String id);

    Optional<Appointment> byCode(String code);

    /** The citizen's bookings, most recent slot first, a page at a time. */
    Page mine(String userId, int limit, String cursor);

    record Page(List<Appointment> items, String nextCursor) {
    }

    /** A centre's bookings on a day (every status), by start time then counter. */
    List<Appointment> ofDay(String centreId, LocalDate date);

    /** Places taken per slot of a centre on a day (slots with none taken are absent). */
    Map<SlotKey, Integer> taken(String centreId, LocalDate date);

    /** The centre's closures (date -> reason) between two days, inclusive. */
    Map<LocalDate, String> closures(String centreId, LocalDate from, LocalDate to);

    /** Records a closure; false when that day was already closed. */
    boolean close(String centreId, LocalDate date, String reason, String byUserId);
}
