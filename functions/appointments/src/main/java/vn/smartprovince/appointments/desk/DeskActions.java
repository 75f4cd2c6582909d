package vn.smartprovince.appointments.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.smartprovince.appointments.core.Appointment;
import vn.smartprovince.appointments.core.AppointmentCounters;
import vn.smartprovince.appointments.core.AppointmentStatus;
import vn.smartprovince.appointments.core.AppointmentStore;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ServiceCentre;
import vn.smartprovince.shared.stats.AppointmentCounterKeys;

/**
 * What the desk does to a booking. Who may: officers of the centre's agency and province admins;
 * checked before the body is read. A booking of another centre's agency is 404 to an officer (it is
 * not revealed), its own citizen gets 403; a caller who is neither officer nor admin gets 403 on
 * check-in before the code is even read.
 * <ul>
 *   <li>check-in by code: BOOKED -> CHECKED_IN, only on the slot's day (counter {@code checkedIn});</li>
 *   <li>serve: CHECKED_IN -> SERVED (counters {@code served} and {@code waitSeconds}: from check-in,
 *       or the slot's start if later, to now);</li>
 *   <li>no-show: BOOKED -> NO_SHOW, once the slot has started (counter {@code noShow});</li>
 * </ul>
 * Each a versioned store write ({@link AppointmentStore#update}); a booking that moved on meanwhile,
 * or is not in the status the action needs, is 409 with the booking as it is. Serving and no-show
 * give back the citizen's open booking (the store's rule for leaving BOOKED/CHECKED_IN).
 */
public final class DeskActions {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{4,12}");

    private final AppointmentStore store;
    private final Supplier<ProvinceConfig> configs;
    private final Clock clock;

    public DeskActions(AppointmentStore store, Supplier<ProvinceConfig> configs, Clock clock) {
        this.store = store;
        this.configs = configs;
        this.clock = clock;
    }

    /** {@code POST /v1/appointments/check-in} {@code {code}}: the citizen at the desk, on the slot's day. */
    public DeskView checkIn(Caller caller, Supplier<JsonNode> body) {
        if (!caller.isProvinceAdmin() && !caller.has(Role.OFFICER)) {
            throw notPermitted("Chỉ cán bộ của trung tâm được tiếp đón công dân.",
                    "Only the centre's officers may check citizens in.");
        }
        JsonNode json = body.get();
        BodyFields fields = new BodyFields();
        fields.onlyFields(json, Set.of("code"));
        String code = fields.text(json, "code", "code", true, 20, false);
        if (code != null && !CODE.matcher(code.toUpperCase(java.util.Locale.ROOT)).matches()) {
            fields.error("code", "INVALID_FORMAT", "Mã lịch hẹn không hợp lệ.", "The appointment code is malformed.");
        }
        fields.done();
        Appointment appointment = store.byCode(code.toUpperCase(java.util.Locale.ROOT))
                .filter(found -> mayAct(caller, found))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, null, List.of(new FieldError("code",
                        "UNKNOWN_CODE", "Không có lịch hẹn với mã này tại trung tâm.",
                        "No appointment with this code at your centre.")), Map.of(), null));
        requireStatus(appointment, AppointmentStatus.BOOKED);
        Instant now = clock.instant();
        if (!appointment.date().equals(AppointmentCounters.today(clock))) {
            throw conflict(appointment, "NOT_ITS_DAY", "Lịch hẹn này vào ngày " + appointment.date()
                    + ", không phải hôm nay.", "This appointment is on " + appointment.date() + ", not today.");
        }
        Appointment after = appointment.checkedIn(now);
        return DeskView.of(write(appointment, after, AppointmentCounters.add(after, AppointmentCounterKeys.CHECKED_IN, 1)));
    }

    /** {@code POST /v1/appointments/{id}/serve}: called to the counter; the wait ends. */
    public DeskView serve(Caller caller, String id, Supplier<JsonNode> body) {
        Appointment appointment = toAct(caller, id);
        expectVersion(appointment, body.get());
        requireStatus(appointment, AppointmentStatus.CHECKED_IN);
        Instant now = clock.instant();
        Appointment after = appointment.served(now);
        long wait = AppointmentCounters.waitSeconds(appointment, now);
        List<AppointmentStore.CounterDelta> counters = AppointmentCounters.add(after, AppointmentCounterKeys.SERVED, 1);
        counters.addAll(AppointmentCounters.add(after, AppointmentCounterKeys.WAIT_SECONDS, wait));
        return DeskView.of(write(appointment, after, counters), wait);
    }

    /** {@code POST /v1/appointments/{id}/no-show}: the slot started and the citizen did not come. */
    public DeskView noShow(Caller caller, String id, Supplier<JsonNode> body) {
        Appointment appointment = toAct(caller, id);
        expectVersion(appointment, body.get());
        requireStatus(appointment, AppointmentStatus.BOOKED);
        Instant now = clock.instant();
        if (now.isBefore(AppointmentCounters.slotStart(appointment))) {
            throw conflict(appointment, "NOT_STARTED", "Chưa đến giờ hẹn.", "The appointment's slot has not started yet.");
        }
        Appointment after = appointment.withStatus(AppointmentStatus.NO_SHOW, now);
        return DeskView.of(write(appointment, after, AppointmentCounters.add(after, AppointmentCounterKeys.NO_SHOW, 1)));
    }

    /**
     * {@code GET /v1/service-centres/{centreId}/appointments?date=&counterId=}: the day's bookings
     * (every status) by start time then counter; {@code date} defaults to today (Vietnam).
     */
    public Map<String, Object> day(Caller caller, String centreId, String dateText, String counterId) {
        ServiceCentre centre = centre(caller, centreId);
        BodyFields fields = new BodyFields();
        LocalDate date = AppointmentCounters.today(clock);
        if (dateText != null && !dateText.isBlank()) {
            date = date(fields, "date", dateText);
        }
        String counter = counterId == null || counterId.isBlank() ? null : counterId.strip();
        if (counter != null && centre.counter(counter).isEmpty()) {
            fields.error("counterId", "UNKNOWN_COUNTER", "Trung tâm không có quầy này.", "The centre has no such counter.");
        }
        fields.done();
        List<DeskView> items = store.ofDay(centre.id(), date).stream()
                .filter(a -> counter == null || counter.equals(a.counterId()))
                .map(DeskView::of).toList();
        java.util.LinkedHashMap<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("items", items);
        answer.put("nextCursor", null);
        return answer;
    }

    /** The centre, if the caller may work at its desk: 404 unknown, 403 neither its agency's officer nor admin. */
    static ServiceCentre centre(Caller caller, String centreId, ProvinceConfig config) {
        ServiceCentre centre = centreId == null || !ID.matcher(centreId).matches() ? null
                : config.serviceCentre(centreId).orElse(null);
        if (centre == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, null);
        }
        caller.requireProvinceAdminOrOfficerOf(centre.agencyId());
        return centre;
    }

    private ServiceCentre centre(Caller caller, String centreId) {
        return centre(caller, centreId, configs.get());
    }

    static LocalDate date(BodyFields fields, String field, String text) {
        try {
            if (text.length() != 10) {
                throw new DateTimeParseException(field, text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            fields.error(field, "INVALID_FORMAT", field + " có dạng YYYY-MM-DD.", field + " must be YYYY-MM-DD.");
            return null;
        }
    }

    private boolean mayAct(Caller caller, Appointment appointment) {
        if (caller.isProvinceAdmin()) {
            return true;
        }
        ServiceCentre centre = configs.get().serviceCentre(appointment.centreId()).orElse(null);
        return centre != null && caller.isOfficerOf(centre.agencyId());
    }

    /** The booking, if the caller may act on it: its citizen 403, anyone else not of its centre 404. */
    private Appointment toAct(Caller caller, String id) {
        Appointment appointment = id == null || !ID.matcher(id).matches() ? null : store.get(id).orElse(null);
        if (appointment == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, null);
        }
        if (mayAct(caller, appointment)) {
            return appointment;
        }
        if (caller.userId().equals(appointment.userId())) {
            throw notPermitted("Chỉ cán bộ của trung tâm được thực hiện thao tác này.",
                    "Only the centre's officers may do this.");
        }
        throw new ApiException(ErrorCode.NOT_FOUND, null);
    }

    /** An optional {@code expectedVersion} in the body: 409 with the booking when it moved on. */
    private static void expectVersion(Appointment appointment, JsonNode body) {
        BodyFields fields = new BodyFields();
        fields.onlyFields(body, Set.of("expectedVersion"));
        Long expected = fields.version(body);
        fields.done();
        if (expected != null && expected != appointment.version()) {
            throw new ApiException(ErrorCode.CONFLICT, "VERSION_MISMATCH", List.of(new FieldError("expectedVersion",
                    "VERSION_MISMATCH", "Lịch hẹn đã thay đổi, vui lòng tải lại.",
                    "The appointment changed; reload and try again.")), Map.of(), DeskView.of(appointment));
        }
    }

    private static void requireStatus(Appointment appointment, AppointmentStatus needed) {
        if (appointment.status() != needed) {
            throw conflict(appointment, "NOT_" + needed.name(), "Lịch hẹn đang ở trạng thái "
                    + appointment.status() + ".", "The appointment is " + appointment.status() + ", not " + needed + ".");
        }
    }

    private Appointment write(Appointment before, Appointment after, List<AppointmentStore.CounterDelta> counters) {
        AppointmentStore.Outcome outcome = store.update(before, after, counters, List.of());
        if (outcome instanceof AppointmentStore.Written written) {
            return written.appointment();
        }
        Appointment current = outcome instanceof AppointmentStore.VersionConflict conflict ? conflict.current() : null;
        throw new ApiException(ErrorCode.CONFLICT, "VERSION_MISMATCH", List.of(new FieldError("expectedVersion",
                "VERSION_MISMATCH", "Lịch hẹn vừa thay đổi, vui lòng tải lại.",
                "The appointment just changed; reload and try again.")), Map.of(),
                current == null ? null : DeskView.of(current));
    }

    static ApiException conflict(Appointment appointment, String code, String vietnamese, String english) {
        return new ApiException(ErrorCode.CONFLICT, code, List.of(new FieldError("status", code, vietnamese, english)),
                Map.of(), DeskView.of(appointment));
    }

    static ApiException notPermitted(String vietnamese, String english) {
        return new ApiException(ErrorCode.FORBIDDEN, "ACTION_NOT_PERMITTED", List.of(new FieldError("action",
                "ACTION_NOT_PERMITTED", vietnamese, english)), Map.of(), null);
    }
}
