package vn.smartprovince.appointments.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import vn.smartprovince.appointments.core.Appointment;
import vn.smartprovince.appointments.core.AppointmentCounters;
import vn.smartprovince.appointments.core.AppointmentNotices;
import vn.smartprovince.appointments.core.AppointmentStatus;
import vn.smartprovince.appointments.core.AppointmentStore;
import vn.smartprovince.appointments.core.CancelledBy;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ServiceCentre;
import vn.smartprovince.shared.stats.AppointmentCounterKeys;

/**
 * {@code POST /v1/service-centres/{centreId}/closures} {@code {date, reason}}: the centre is closed
 * that day (a storm, a power cut, an event). For officers of the centre's agency and province admins.
 *
 * <p>The closure is recorded first ({@link AppointmentStore#close}), so the day vanishes from the
 * free slots and no new booking can take it; then every booking of that day still BOOKED is
 * cancelled by the centre, each in its OWN transaction (the booking, its place and the citizen's
 * open booking given back, counter {@code cancelledByCentre}, {@code APPOINTMENT_CANCELLED} with the
 * reason to the citizen), so no transaction comes near DynamoDB's 100 items whatever the day holds.
 * Idempotent: a repeat (a retry, a second officer) finds the day closed, cancels whatever is still
 * BOOKED (a booking that slipped in before the closure was recorded, or one a failed run left) and
 * nothing twice (each cancellation is conditional on the booking's version; the job's key is its
 * new version). Checked-in bookings are left to the desk.
 */
public final class CentreClosures {
    /** A booking that changed under us is read again this many times before it is left to a repeat. */
    static final int ATTEMPTS = 3;

    private final AppointmentStore store;
    private final Supplier<ProvinceConfig> configs;
    private final Clock clock;

    public CentreClosures(AppointmentStore store, Supplier<ProvinceConfig> configs, Clock clock) {
        this.store = store;
        this.configs = configs;
        this.clock = clock;
    }

    /** What the closure did. {@code newlyClosed} false on a repeat; {@code remaining} bookings still BOOKED (retry). */
    public record Closure(String centreId, String date, String reason, boolean newlyClosed, int cancelled,
                          int remaining) {
    }

    public Closure close(Caller caller, String centreId, Supplier<JsonNode> body, String correlationId) {
        ServiceCentre centre = DeskActions.centre(caller, centreId, configs.get());
        JsonNode json = body.get();
        BodyFields fields = new BodyFields();
        fields.onlyFields(json, Set.of("date", "reason"));
        String dateText = fields.text(json, "date", "date", true, 10, false);
        LocalDate date = dateText == null ? null : DeskActions.date(fields, "date", dateText);
        if (date != null && date.isBefore(AppointmentCounters.today(clock))) {
            fields.error("date", "IN_THE_PAST", "Không thể đóng cửa một ngày đã qua.", "A past day cannot be closed.");
        }
        String reason = fields.text(json, "reason", "reason", true, 300, false);
        fields.done();
        boolean newlyClosed = store.close(centre.id(), date, reason, caller.userId());
        String recorded = newlyClosed ? reason
                : store.closures(centre.id(), date, date).getOrDefault(date, reason);
        int cancelled = 0;
        int remaining = 0;
        for (Appointment booked : store.ofDay(centre.id(), date)) {
            if (booked.status() != AppointmentStatus.BOOKED) {
                continue;
            }
            switch (cancel(booked, centre, recorded, correlationId)) {
                case CANCELLED -> cancelled++;
                case LEFT -> remaining++;
                case GONE -> { }
            }
        }
        return new Closure(centre.id(), date.toString(), recorded, newlyClosed, cancelled, remaining);
    }

    private enum Result { CANCELLED, GONE, LEFT }

    /** Cancels one booking for the centre; LEFT if it kept changing (a repeat cancels it). */
    private Result cancel(Appointment booking, ServiceCentre centre, String reason, String correlationId) {
        Appointment before = booking;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Appointment after = before.cancelled(CancelledBy.CENTRE, reason, now);
            AppointmentStore.Outcome outcome = store.cancel(before, after,
                    AppointmentCounters.add(after, AppointmentCounterKeys.CANCELLED_BY_CENTRE, 1),
                    List.of(AppointmentNotices.cancelledByCentre(after, centre.name(), reason, correlationId, clock)));
            if (outcome instanceof AppointmentStore.Written) {
                return Result.CANCELLED;
            }
            Appointment current = outcome instanceof AppointmentStore.VersionConflict conflict ? conflict.current() : null;
            if (current == null || current.status() != AppointmentStatus.BOOKED || !current.date().equals(booking.date())
                    || !current.centreId().equals(booking.centreId())) {
                return Result.GONE;   // gone, served, cancelled or moved away meanwhile: nothing left to cancel here
            }
            before = current;
        }
        return Result.LEFT;
    }
}
