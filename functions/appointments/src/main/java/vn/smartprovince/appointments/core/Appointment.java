package vn.smartprovince.appointments.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A booked time at a service centre's counter (lịch hẹn). Dates and times are Vietnam's.
 *
 * @param code         the short code the citizen shows or reads at the desk (and its QR code):
 *                     unique, 6 characters of an alphabet without look-alikes (no 0/O, 1/I/L)
 * @param userId       the citizen who booked
 * @param dossierCode  the dossier it is for, when the citizen attached one (theirs), else null
 * @param start        the slot's start; {@code end} = start + the centre's slot length
 * @param cancelledBy  set when CANCELLED; {@code cancelReason} the centre's reason (null for a citizen)
 * @param checkedInAt  set from CHECKED_IN on; {@code servedAt} from SERVED on
 * @param remindedAt   when the reminder the day before was queued (sent once)
 * @param version      1 when booked, +1 per change (the {@code expectedVersion} of changes)
 */
public record Appointment(String id, String code, String userId, String centreId, String counterId,
                          String procedureCode, LocalDate date, LocalTime start, LocalTime end, String dossierCode,
                          AppointmentStatus status, CancelledBy cancelledBy, String cancelReason, Instant createdAt,
                          Instant updatedAt, Instant checkedInAt, Instant servedAt, Instant remindedAt, long version) {

    /** The place it holds while BOOKED or CHECKED_IN. */
    public SlotKey slot() {
        return new SlotKey(centreId, date, start, counterId);
    }

    public Appointment withStatus(AppointmentStatus next, Instant at) {
        return new Appointment(id, code, userId, centreId, counterId, procedureCode, date, start, end, dossierCode,
                next, cancelledBy, cancelReason, createdAt, at, checkedInAt, servedAt, remindedAt, version + 1);
    }

    public Appointment cancelled(CancelledBy by, String reason, Instant at) {
        return new Appointment(id, code, userId, centreId, counterId, procedureCode, date, start, end, dossierCode,
                AppointmentStatus.CANCELLED, by, reason, createdAt, at, checkedInAt, servedAt, remindedAt, version + 1);
    }

    public Appointment checkedIn(Instant at) {
        return new Appointment(id, code, userId, centreId, counterId, procedureCode, date, start, end, dossierCode,
                AppointmentStatus.CHECKED_IN, cancelledBy, cancelReason, createdAt, at, at, servedAt, remindedAt,
                version + 1);
    }

    public Appointment served(Instant at) {
        return new Appointment(id, code, userId, centreId, counterId, procedureCode, date, start, end, dossierCode,
                AppointmentStatus.SERVED, cancelledBy, cancelReason, createdAt, at, checkedInAt, at, remindedAt,
                version + 1);
    }

    public Appointment movedTo(SlotKey slot, LocalTime newEnd, Instant at) {
        return new Appointment(id, code, userId, slot.centreId(), slot.counterId(), procedureCode, slot.date(),
                slot.start(), newEnd, dossierCode, status, cancelledBy, cancelReason, createdAt, at, checkedInAt,
                servedAt, remindedAt, version + 1);
    }

    /** Marks the reminder as queued; not a change the citizen sees (the version stays). */
    public Appointment reminded(Instant at) {
        return new Appointment(id, code, userId, centreId, counterId, procedureCode, date, start, end, dossierCode,
                status, cancelledBy, cancelReason, createdAt, updatedAt, checkedInAt, servedAt, at, version);
    }
}
