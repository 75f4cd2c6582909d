package vn.smartprovince.appointments.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.smartprovince.appointments.core.Appointment;
import vn.smartprovince.appointments.core.AppointmentCounters;
import vn.smartprovince.appointments.core.AppointmentNotices;
import vn.smartprovince.appointments.core.AppointmentStatus;
import vn.smartprovince.appointments.core.AppointmentStore;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ServiceCentre;
import vn.smartprovince.shared.stats.AppointmentCounterKeys;

/**
 * One run of the evening scheduler (17:00 Vietnam time), for each service centre of the province,
 * reading the centre's day lists (GSI2 {@code APPT_DAY#<centre>#<date>}: a Query per centre and day,
 * never a Scan):
 * <ul>
 *   <li>tomorrow's bookings still BOOKED get {@code APPOINTMENT_REMINDER}, once: the write marks
 *   {@code remindedAt} (version unchanged) with the job in the same transaction, conditional on the
 *   version, and the job's key is {@code APPT#<id>#v<version>#REMINDER}; a rerun skips a booking
 *   reminded on or after the day before its slot (a booking rescheduled after its reminder to a
 *   later day is reminded again the evening before its new day);</li>
 *   <li>bookings of the {@link #LOOKBACK_DAYS} days before today still BOOKED become NO_SHOW (counter
 *   {@code noShow}; the citizen's open booking is given back). Today's are the desk's to mark. The
 *   look-back (not just yesterday) catches up after runs that failed.</li>
 * </ul>
 * A booking that changed meanwhile (version) is counted as a conflict and seen again by the next
 * run. The tag-2 ZNS template is held to Zalo's sending hours by the dispatcher (17:00 is within).
 */
public final class ReminderRun {
    public static final int LOOKBACK_DAYS = 7;

    private final AppointmentStore store;
    private final Supplier<ProvinceConfig> config;
    private final Clock clock;

    public ReminderRun(AppointmentStore store, Supplier<ProvinceConfig> config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** What one run did. */
    public record Counts(int centres, int days, int reminded, int alreadyReminded, int noShows, int conflicts) {
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("centres", centres);
            fields.put("days", days);
            fields.put("reminded", reminded);
            fields.put("alreadyReminded", alreadyReminded);
            fields.put("noShows", noShows);
            fields.put("conflicts", conflicts);
            return fields;
        }
    }

    public Counts run(String correlationId) {
        List<ServiceCentre> centres = config.get().serviceCentres();
        LocalDate today = AppointmentCounters.today(clock);
        LocalDate tomorrow = today.plusDays(1);
        int days = 0;
        int reminded = 0;
        int alreadyReminded = 0;
        int noShows = 0;
        int conflicts = 0;
        for (ServiceCentre centre : centres) {
            days++;
            for (Appointment booking : store.ofDay(centre.id(), tomorrow)) {
                if (booking.status() != AppointmentStatus.BOOKED) {
                    continue;
                }
                if (remindedFor(booking)) {
                    alreadyReminded++;
                } else if (remind(booking, centre, correlationId)) {
                    reminded++;
                } else {
                    conflicts++;
                }
            }
            for (int back = 1; back <= LOOKBACK_DAYS; back++) {
                days++;
                for (Appointment booking : store.ofDay(centre.id(), today.minusDays(back))) {
                    if (booking.status() != AppointmentStatus.BOOKED) {
                        continue;
                    }
                    if (noShow(booking)) {
                        noShows++;
                    } else {
                        conflicts++;
                    }
                }
            }
        }
        return new Counts(centres.size(), days, reminded, alreadyReminded, noShows, conflicts);
    }

    /** Already reminded for its current day: on or after the evening before it. */
    static boolean remindedFor(Appointment booking) {
        return booking.remindedAt() != null && !LocalDate.ofInstant(booking.remindedAt(), AppointmentCounters.ZONE)
                .isBefore(booking.date().minusDays(1));
    }

    private boolean remind(Appointment booking, ServiceCentre centre, String correlationId) {
        Instant now = clock.instant();
        return store.update(booking, booking.reminded(now), List.of(),
                List.of(AppointmentNotices.reminder(booking, centre.name(), correlationId, clock)))
                instanceof AppointmentStore.Written;
    }

    private boolean noShow(Appointment booking) {
        Appointment after = booking.withStatus(AppointmentStatus.NO_SHOW, clock.instant());
        return store.update(booking, after, AppointmentCounters.add(after, AppointmentCounterKeys.NO_SHOW, 1), List.of())
                instanceof AppointmentStore.Written;
    }
}
