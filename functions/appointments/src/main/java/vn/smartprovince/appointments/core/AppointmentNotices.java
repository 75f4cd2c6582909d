package vn.smartprovince.appointments.core;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.smartprovince.shared.notify.NotificationJob;

/**
 * The notification jobs the desk's side of appointments writes, to the citizen who booked
 * (recipient = their user id), with the province configuration's templates and exactly their
 * params:
 * <ul>
 *   <li>{@code APPOINTMENT_REMINDER}(appointment_code, centre_name, appointment_time): the day before</li>
 *   <li>{@code APPOINTMENT_CANCELLED}(appointment_code, centre_name, reason): the centre cancelled it
 *       (a closure)</li>
 * </ul>
 * {@code appointment_time} reads {@code HH:mm dd/MM/yyyy}. Job id = deduplication key =
 * {@code APPT#<id>#v<version>#<KIND>}, derived from the booking as changed, so a retried write or
 * a rerun never announces a fact twice.
 */
public final class AppointmentNotices {
    public static final String CONFIRMED_TEMPLATE = "APPOINTMENT_CONFIRMED";
    public static final String REMINDER_TEMPLATE = "APPOINTMENT_REMINDER";
    public static final String CANCELLED_TEMPLATE = "APPOINTMENT_CANCELLED";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private AppointmentNotices() {
    }

    /** "08:15 21/11/2026": when the slot starts. */
    public static String time(Appointment appointment) {
        return appointment.date().atTime(appointment.start()).format(TIME);
    }

    /** The reminder of {@code appointment} (as it is: a reminder does not change its version). */
    public static NotificationJob reminder(Appointment appointment, String centreName, String correlationId,
                                           Clock clock) {
        return job(appointment, "REMINDER", REMINDER_TEMPLATE, params("appointment_code", appointment.code(), "centre_name",
                centreName, "appointment_time", time(appointment)), correlationId, clock);
    }

    /** The centre cancelled {@code after} (as cancelled, its new version) for {@code reason}. */
    public static NotificationJob cancelledByCentre(Appointment after, String centreName, String reason,
                                                    String correlationId, Clock clock) {
        return job(after, "CANCELLED", CANCELLED_TEMPLATE, params("appointment_code", after.code(), "centre_name", centreName,
                "reason", reason), correlationId, clock);
    }

    public static String deduplicationKey(Appointment appointment, String kind) {
        return "APPT#" + appointment.id() + "#v" + appointment.version() + "#" + kind;
    }

    private static NotificationJob job(Appointment appointment, String kind, String template,
                                       Map<String, String> parameters, String correlationId, Clock clock) {
        String key = deduplicationKey(appointment, kind);
        return NotificationJob.create(template, appointment.userId(), template, parameters, key,
                correlationId == null || correlationId.isBlank() ? key : correlationId, clock).withJobId(key);
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }
}
