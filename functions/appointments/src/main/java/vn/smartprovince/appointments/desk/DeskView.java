package vn.smartprovince.appointments.desk;

import java.time.Instant;
import vn.smartprovince.appointments.core.Appointment;
import vn.smartprovince.appointments.core.AppointmentStatus;

/**
 * A booking as the desk sees it: who (the citizen's user id), when, where, and what happened.
 * Times are RFC 3339 instants; {@code date} and {@code start}/{@code end} are Vietnam's.
 */
public record DeskView(String id, String code, String userId, String centreId, String counterId, String procedureCode,
                       String date, String start, String end, String dossierCode, AppointmentStatus status,
                       String checkedInAt, String servedAt, Long waitSeconds, long version) {

    static DeskView of(Appointment a, Long waitSeconds) {
        return new DeskView(a.id(), a.code(), a.userId(), a.centreId(), a.counterId(), a.procedureCode(),
                a.date().toString(), a.start().toString(), a.end().toString(), a.dossierCode(), a.status(),
                instant(a.checkedInAt()), instant(a.servedAt()), waitSeconds, a.version());
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }

    static DeskView of(Appointment a) {
        return of(a, null);
    }
}
