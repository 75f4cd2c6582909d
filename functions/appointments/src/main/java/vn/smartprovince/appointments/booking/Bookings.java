package vn.smartprovince.appointments.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.smartprovince.appointments.core.Appointment;
import vn.smartprovince.appointments.core.AppointmentCodes;
import vn.smartprovince.appointments.core.AppointmentNotices;
import vn.smartprovince.appointments.core.AppointmentStatus;
import vn.smartprovince.appointments.core.AppointmentStore;
import vn.smartprovince.appointments.core.AppointmentStore.CounterDelta;
import vn.smartprovince.appointments.core.AppointmentViews;
import vn.smartprovince.appointments.core.CancelledBy;
import vn.smartprovince.appointments.core.DossierOwners;
import vn.smartprovince.appointments.core.FreeSlots;
import vn.smartprovince.appointments.core.SlotKey;
import vn.smartprovince.appointments.core.SlotRule;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.idempotency.Idempotency;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ServiceCentre;
import vn.smartprovince.shared.province.ServiceCounter;
import vn.smartprovince.shared.province.WorkingDays;
import vn.smartprovince.shared.stats.AppointmentCounterKeys;

/**
 * The citizen's side of appointments. Booking: the slot must be bookable ({@link SlotRule}); the
 * first counter serving the procedure with a free place is tried, then the next (a race may fill
 * one meanwhile); when none is left, 409 {@code SLOT_FULL} with {@code error.nextFreeSlots}; the
 * store's conditions decide, so capacity is exact under any number of concurrent requests. With an
 * {@code Idempotency-Key} the booking's id derives from caller and key: a retry finds it and
 * replays the answer (another body: 422).
 */
public final class Bookings {
    static final int NEXT_FREE = 5;
    static final int CODE_ATTEMPTS = 5;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern DOSSIER_CODE = Pattern.compile("[A-Za-z0-9.\\-]{1,60}");

    private final AppointmentStore store;
    private final DossierOwners dossiers;
    private final FreeSlots slots;
    private final Clock clock;

    public Bookings(AppointmentStore store, DossierOwners dossiers, Clock clock) {
        this.store = store;
        this.dossiers = dossiers;
        this.slots = new FreeSlots(store);
        this.clock = clock;
    }

    public record Answer(Appointment appointment, ObjectNode view, boolean replayed) {
    }

    // ------------------------------------------------------------------ book

    public Answer book(Caller caller, ProvinceConfig config, JsonNode body, String idempotencyKey, String requestId) {
        BodyFields problems = new BodyFields();
        problems.onlyFields(body, Set.of("procedureCode", "centreId", "date", "start", "dossierCode"));
        String procedureCode = problems.text(body, "procedureCode", "procedureCode", true, 40, false);
        String centreId = problems.text(body, "centreId", "centreId", true, 40, false);
        LocalDate date = date(problems, body, "date");
        LocalTime start = time(problems, body, "start");
        String dossierCode = problems.text(body, "dossierCode", "dossierCode", false, 60, false);
        if (dossierCode != null && !DOSSIER_CODE.matcher(dossierCode).matches()) {
            problems.error("dossierCode", "INVALID_FORMAT", "Mã hồ sơ không hợp lệ.", "Not a dossier code.");
            dossierCode = null;
        }
        if (procedureCode != null && config.procedure(procedureCode).isEmpty()) {
            problems.error("procedureCode", "UNKNOWN", "Không có thủ tục này.", "No such procedure.");
        }
        ServiceCentre centre = centreId == null ? null : config.serviceCentre(centreId).orElse(null);
        if (centreId != null && centre == null) {
            problems.error("centreId", "UNKNOWN", "Không có trung tâm này.", "No such service centre.");
        }
        if (centre != null && procedureCode != null && !problems.hasErrorFor("procedureCode")
                && centre.countersServing(procedureCode).isEmpty()) {
            problems.error("procedureCode", "NOT_SERVED", "Trung tâm không tiếp nhận thủ tục này.",
                    "The centre does not serve this procedure.");
        }
        problems.done();
        Instant now = clock.instant();
        String id = Idempotency.newId("ap", "appointment", caller.userId(), idempotencyKey);
        String requested = procedureCode + "|" + centreId + "|" + date + "|" + start + "|" + dossierCode;
        Answer replay = replay(caller, id, requested, config);
        if (replay != null) {
            return replay;
        }
        checkBookable(centre, date, start, now, config);
        if (dossierCode != null && !dossiers.applicantOf(dossierCode).map(caller.userId()::equals).orElse(false)) {
            throw ApiException.invalid(new FieldError("dossierCode", "NOT_YOURS",
                    "Không tìm thấy hồ sơ này trong các hồ sơ của bạn.", "No dossier of yours has this code."));
        }
        int maxOpen = config.appointments().maxOpenPerCitizen();
        Map<SlotKey, Integer> taken = store.taken(centre.id(), date);
        List<CounterDelta> counters = List.of(new CounterDelta(centre.id(), YearMonth.from(date),
                AppointmentCounterKeys.BOOKED, 1));
        for (ServiceCounter counter : centre.countersServing(procedureCode)) {
            SlotKey slot = new SlotKey(centre.id(), date, start, counter.id());
            if (taken.getOrDefault(slot, 0) >= counter.capacity()) {
                continue;
            }
            for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
                Appointment a = new Appointment(id, AppointmentCodes.next(), caller.userId(), centre.id(), counter.id(),
                        procedureCode, date, start, start.plusMinutes(centre.slotMinutes()), dossierCode,
                        AppointmentStatus.BOOKED, null, null, now, now, null, null, null, 1);
                AppointmentStore.Outcome outcome = store.book(a, counter.capacity(), maxOpen, counters,
                        List.of(confirmation(a, centre, requestId)));
                if (outcome instanceof AppointmentStore.Written w) {
                    return new Answer(w.appointment(), AppointmentViews.view(w.appointment(), config), false);
                }
                if (outcome instanceof AppointmentStore.TooManyOpen t) {
                    throw tooManyOpen(t.max());
                }
                if (outcome instanceof AppointmentStore.VersionConflict) {
                    // The same key, at the same time: the other request created it.
                    Answer again = replay(caller, id, requested, config);
                    if (again != null) {
                        return again;
                    }
                    throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS, null, List.of(),
                            Map.of("Retry-After", "1"), null);
                }
                if (outcome instanceof AppointmentStore.SlotFull) {
                    break;   // the next counter, if any
                }
                // CodeTaken: draw another code
            }
        }
        throw slotFull(centre, procedureCode, date, start, now, config);
    }

    private Answer replay(Caller caller, String id, String requested, ProvinceConfig config) {
        Appointment existing = store.get(id).orElse(null);
        if (existing == null) {
            return null;
        }
        if (!existing.userId().equals(caller.userId())) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED, null);
        }
        String first = existing.procedureCode() + "|" + existing.centreId() + "|" + existing.date() + "|"
                + existing.start() + "|" + existing.dossierCode();
        // A booking moved since (rescheduled) still answers a retry of its first request.
        boolean same = existing.version() > 1
                ? requested.startsWith(existing.procedureCode() + "|" + existing.centreId() + "|")
                && requested.endsWith("|" + existing.dossierCode())
                : first.equals(requested);
        if (!same) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED, null);
        }
        return new Answer(existing, AppointmentViews.view(existing, config), true);
    }

    private void checkBookable(ServiceCentre centre, LocalDate date, LocalTime start, Instant now,
                               ProvinceConfig config) {
        WorkingDays calendar = WorkingDays.of(config);
        if (!SlotRule.inHorizon(date, now, config.appointments())) {
            throw ApiException.invalid(new FieldError("date", "OUT_OF_HORIZON",
                    "Chỉ đặt lịch từ hôm nay đến " + config.appointments().bookingHorizonDays() + " ngày tới.",
                    "Book from today up to " + config.appointments().bookingHorizonDays() + " days ahead."));
        }
        boolean closed = !store.closures(centre.id(), date, date).isEmpty();
        if (!SlotRule.opens(centre, date, calendar) || closed) {
            throw ApiException.invalid(new FieldError("date", "CLOSED", "Trung tâm không làm việc ngày này.",
                    "The centre is closed that day."));
        }
        if (!SlotRule.starts(centre, date).contains(start)) {
            throw ApiException.invalid(new FieldError("start", "NOT_A_SLOT", "Không có khung giờ bắt đầu lúc này.",
                    "No slot starts at that time."));
        }
        if (SlotRule.past(date, start, now)) {
            throw ApiException.invalid(new FieldError("start", "PAST", "Khung giờ này đã qua.", "The slot has passed."));
        }
    }

    private ApiException slotFull(ServiceCentre centre, String procedureCode, LocalDate date, LocalTime start,
                                  Instant now, ProvinceConfig config) {
        List<SlotRule.Slot> next = slots.next(centre, procedureCode, date, start, NEXT_FREE, now, config.appointments(),
                WorkingDays.of(config));
        return new ApiException(ErrorCode.SLOT_FULL, null, List.of(), Map.of(), null,
                Map.of("nextFreeSlots", next.stream().map(Bookings::slotView).toList()));
    }

    static ObjectNode slotView(SlotRule.Slot slot) {
        ObjectNode node = Json.object();
        node.put("centreId", slot.centreId());
        node.put("date", slot.date().toString());
        node.put("start", slot.start().toString());
        node.put("end", slot.end().toString());
        node.put("free", slot.free());
        return node;
    }

    private static ApiException tooManyOpen(int max) {
        return new ApiException(ErrorCode.TOO_MANY_OPEN_BOOKINGS, null, List.of(), Map.of(), null,
                Map.of("maxOpenBookings", max));
    }

    private NotificationJob confirmation(Appointment a, ServiceCentre centre, String requestId) {
        String key = "APPT#" + a.id() + "#v" + a.version() + "#CONFIRMED";
        return new NotificationJob(NotificationJob.SCHEMA_VERSION, key, AppointmentNotices.CONFIRMED_TEMPLATE, a.userId(),
                AppointmentNotices.CONFIRMED_TEMPLATE, Map.of("appointment_code", a.code(), "centre_name", centre.name(),
                "appointment_time", AppointmentViews.noticeTime(a)), key,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), correlation(requestId));
    }

    private static String correlation(String requestId) {
        return requestId == null || requestId.isBlank() ? "appointments" : requestId.replaceAll("[^\\x21-\\x7E]", "");
    }

    // ------------------------------------------------------------------ read

    /** The owner's, the centre's agency officers' and admins'; 404 to anyone else. */
    public Answer get(Caller caller, String id, ProvinceConfig config) {
        Appointment a = store.get(id).filter(found -> sees(caller, found, config)).orElseThrow(Bookings::notFound);
        return new Answer(a, AppointmentViews.view(a, config), false);
    }

    public ObjectNode mine(Caller caller, int limit, String cursor, ProvinceConfig config) {
        AppointmentStore.Page page = store.mine(caller.userId(), limit, cursor);
        ObjectNode node = Json.object();
        var items = node.putArray("items");
        page.items().forEach(a -> items.add(AppointmentViews.view(a, config)));
        node.put("nextCursor", page.nextCursor());
        return node;
    }

    static boolean sees(Caller caller, Appointment a, ProvinceConfig config) {
        if (a.userId().equals(caller.userId()) || caller.isProvinceAdmin()) {
            return true;
        }
        return config.serviceCentre(a.centreId()).map(c -> caller.isOfficerOf(c.agencyId())).orElse(false);
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "appointment");
    }

    // ------------------------------------------------------------------ cancel, reschedule

    /** The owner's own BOOKED booking, until the cut-off, by version: its place is free again at once. */
    public Answer cancel(Caller caller, String id, Supplier<JsonNode> request, ProvinceConfig config) {
        Appointment before = owned(caller, id);
        JsonNode body = request.get();
        BodyFields problems = new BodyFields();
        problems.onlyFields(body, Set.of("expectedVersion"));
        Long expected = expectedVersion(problems, body);
        problems.done();
        Instant now = clock.instant();
        checkChangeable(before, expected, now, config);
        Appointment after = before.cancelled(CancelledBy.CITIZEN, null, now);
        List<CounterDelta> counters = List.of(new CounterDelta(before.centreId(), YearMonth.from(before.date()),
                AppointmentCounterKeys.CANCELLED_BY_CITIZEN, 1));
        return written(store.cancel(before, after, counters, List.of()), before, now, config);
    }

    /**
     * Moves the owner's BOOKED booking, until the cut-off of the OLD slot: the new place (first
     * counter serving the procedure with room) is held and the old one given back in one
     * transaction; when the new slot is full the booking keeps its old place (409 SLOT_FULL).
     */
    public Answer reschedule(Caller caller, String id, Supplier<JsonNode> request, ProvinceConfig config,
                             String requestId) {
        Appointment before = owned(caller, id);
        JsonNode body = request.get();
        BodyFields problems = new BodyFields();
        problems.onlyFields(body, Set.of("date", "start", "expectedVersion"));
        LocalDate date = date(problems, body, "date");
        LocalTime start = time(problems, body, "start");
        Long expected = expectedVersion(problems, body);
        problems.done();
        Instant now = clock.instant();
        checkChangeable(before, expected, now, config);
        ServiceCentre centre = config.serviceCentre(before.centreId()).orElseThrow(Bookings::notFound);
        if (date.equals(before.date()) && start.equals(before.start())) {
            throw ApiException.invalid(new FieldError("start", "SAME_SLOT", "Lịch hẹn đã ở khung giờ này.",
                    "The appointment is already at that time."));
        }
        checkBookable(centre, date, start, now, config);
        Map<SlotKey, Integer> taken = store.taken(centre.id(), date);
        List<CounterDelta> counters = List.of(new CounterDelta(centre.id(), YearMonth.from(before.date()),
                AppointmentCounterKeys.RESCHEDULED, 1));
        for (ServiceCounter counter : centre.countersServing(before.procedureCode())) {
            SlotKey slot = new SlotKey(centre.id(), date, start, counter.id());
            if (taken.getOrDefault(slot, 0) >= counter.capacity()) {
                continue;
            }
            Appointment moved = before.movedTo(slot, start.plusMinutes(centre.slotMinutes()), now);
            Appointment after = new Appointment(moved.id(), moved.code(), moved.userId(), moved.centreId(),
                    moved.counterId(), moved.procedureCode(), moved.date(), moved.start(), moved.end(),
                    moved.dossierCode(), moved.status(), moved.cancelledBy(), moved.cancelReason(), moved.createdAt(),
                    moved.updatedAt(), moved.checkedInAt(), moved.servedAt(), null, moved.version());
            AppointmentStore.Outcome outcome = store.reschedule(before, after, counter.capacity(), counters,
                    List.of(confirmation(after, centre, requestId)));
            if (outcome instanceof AppointmentStore.SlotFull) {
                continue;
            }
            return written(outcome, before, now, config);
        }
        throw slotFull(centre, before.procedureCode(), date, start, now, config);
    }

    private Appointment owned(Caller caller, String id) {
        return store.get(id).filter(a -> a.userId().equals(caller.userId())).orElseThrow(Bookings::notFound);
    }

    private static void checkChangeable(Appointment before, Long expected, Instant now, ProvinceConfig config) {
        if (expected != before.version()) {
            throw conflict("expectedVersion", "VERSION_MISMATCH", "Lịch hẹn đã thay đổi, vui lòng tải lại.",
                    "The appointment changed; reload it.", before, config);
        }
        if (before.status() != AppointmentStatus.BOOKED) {
            throw conflict("status", "NOT_BOOKED", "Lịch hẹn không còn ở trạng thái đã đặt.",
                    "The appointment is no longer booked.", before, config);
        }
        if (!now.isBefore(AppointmentViews.cancellableUntil(before, config.appointments()))) {
            int minutes = config.appointments().cancelCutoffMinutes();
            throw conflict("start", "CUTOFF_PASSED", "Chỉ được huỷ hoặc đổi lịch trước giờ hẹn " + minutes + " phút.",
                    "Cancel or reschedule at least " + minutes + " minutes before the appointment.", before, config);
        }
    }

    private Answer written(AppointmentStore.Outcome outcome, Appointment before, Instant now, ProvinceConfig config) {
        if (outcome instanceof AppointmentStore.Written w) {
            return new Answer(w.appointment(), AppointmentViews.view(w.appointment(), config), false);
        }
        if (outcome instanceof AppointmentStore.VersionConflict v) {
            throw conflict("expectedVersion", "VERSION_MISMATCH", "Lịch hẹn đã thay đổi, vui lòng tải lại.",
                    "The appointment changed; reload it.", v.current() == null ? before : v.current(), config);
        }
        throw new IllegalStateException("unexpected outcome " + outcome);
    }

    private static ApiException conflict(String field, String code, String vi, String en, Appointment current,
                                         ProvinceConfig config) {
        return new ApiException(ErrorCode.CONFLICT, code, List.of(new FieldError(field, code, vi, en)), Map.of(),
                AppointmentViews.view(current, config));
    }

    // ------------------------------------------------------------------ fields

    private static Long expectedVersion(BodyFields problems, JsonNode body) {
        Long expected = problems.version(body);
        if (expected == null && !problems.hasErrorFor("expectedVersion")) {
            problems.error(BodyFields.required("expectedVersion"));
        }
        return expected;
    }

    static LocalDate date(BodyFields problems, JsonNode body, String name) {
        String text = problems.text(body, name, name, true, 10, false);
        if (text == null) {
            return null;
        }
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // below
        }
        problems.error(name, "INVALID_FORMAT", "Ngày dạng YYYY-MM-DD.", "A date YYYY-MM-DD.");
        return null;
    }

    static LocalTime time(BodyFields problems, JsonNode body, String name) {
        String text = problems.text(body, name, name, true, 5, false);
        if (text == null) {
            return null;
        }
        if (!HH_MM.matcher(text).matches()) {
            problems.error(name, "INVALID_FORMAT", "Giờ dạng HH:mm.", "A time HH:mm.");
            return null;
        }
        return LocalTime.parse(text);
    }

}
