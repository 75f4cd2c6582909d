package vn.smartprovince.appointments.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.smartprovince.shared.province.WorkingDays;
import vn.smartprovince.shared.stats.AppointmentCounterKeys;

/**
 * The statistics deltas of a booking's change (key scheme {@link AppointmentCounterKeys}): each
 * counted in the month of the booking's SLOT (Vietnam time), and in TOTAL by the store. Also the
 * times the desk's rules compare: when a slot starts, today in Vietnam, the wait.
 */
public final class AppointmentCounters {
    public static final ZoneId ZONE = WorkingDays.ZONE;

    private AppointmentCounters() {
    }

    /** {@code field} += {@code amount} for the booking's centre, in its slot's month. */
    public static List<AppointmentStore.CounterDelta> add(Appointment appointment, String field, long amount) {
        List<AppointmentStore.CounterDelta> deltas = new ArrayList<>();
        deltas.add(new AppointmentStore.CounterDelta(appointment.centreId(), YearMonth.from(appointment.date()), field,
                amount));
        return deltas;
    }

    /** When the booking's slot starts (Vietnam time). */
    public static Instant slotStart(Appointment appointment) {
        return appointment.date().atTime(appointment.start()).atZone(ZONE).toInstant();
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /**
     * Seconds waited at the centre: from check-in, or from the slot's start if the citizen came
     * early (nobody waits for a slot they came early for), to being served; never negative.
     */
    public static long waitSeconds(Appointment appointment, Instant servedAt) {
        Instant from = slotStart(appointment);
        if (appointment.checkedInAt() != null && appointment.checkedInAt().isAfter(from)) {
            from = appointment.checkedInAt();
        }
        return Math.max(0, Duration.between(from, servedAt).getSeconds());
    }
}
