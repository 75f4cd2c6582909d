package vn.smartprovince.appointments.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.smartprovince.appointments.core.Appointment;
import vn.smartprovince.appointments.core.AppointmentCounters;
import vn.smartprovince.appointments.core.AppointmentNotices;
import vn.smartprovince.appointments.core.AppointmentStatus;
import vn.smartprovince.appointments.core.CancelledBy;
import vn.smartprovince.appointments.core.DeskFakeStore;
import vn.smartprovince.appointments.core.DeskFixtures;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.stats.AppointmentCounterKeys;
import vn.smartprovince.testkit.MutableClock;

/** The desk's rules on the store's port in memory: who may, in which status, on which day, and what is counted. */
class DeskActionsTest {
    static final ProvinceConfig PROVINCE = DeskFixtures.province();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    /** 09:00 Vietnam on TODAY. */
    final MutableClock clock = new MutableClock(TODAY.atTime(9, 0).atZone(AppointmentCounters.ZONE).toInstant());
    final DeskFakeStore store = new DeskFakeStore();
    final DeskActions desk = new DeskActions(store, () -> PROVINCE, clock);
    final CentreClosures closures = new CentreClosures(store, () -> PROVINCE, clock);
    final Caller officer = DeskFixtures.officer(DeskFixtures.AGENCY);
    final Caller stranger = DeskFixtures.officer("cong-an-tinh");

    static Supplier<JsonNode> body(String json) {
        return () -> Json.read(json);
    }

    static Supplier<JsonNode> noBodyRead() {
        return () -> {
            throw new AssertionError("the body was read before the caller's right was checked");
        };
    }

    static int status(Runnable call) {
        return assertThrows(ApiException.class, call::run).code().status();
    }

    static String detail(Runnable call) {
        return assertThrows(ApiException.class, call::run).details().get(0).code();
    }

    Appointment booked(String id, LocalDate date, LocalTime start) {
        return store.put(DeskFakeStore.booked(id, "9000000000000000" + id.length(), DeskFixtures.CENTRE, "quay-1", date,
                start));
    }

    @Test
    void checkInByCodeOnTheDayThenServeCountsTheWaitFromTheSlotsStart() {
        Appointment a = booked("a1", TODAY, LocalTime.of(8, 30));
        DeskView in = desk.checkIn(officer, body("{\"code\": \"" + a.code().toLowerCase() + "\"}"));
        assertEquals(AppointmentStatus.CHECKED_IN, in.status());
        assertEquals(2, in.version());
        assertEquals(1, store.counted(AppointmentCounterKeys.CHECKED_IN));

        clock.advance(java.time.Duration.ofMinutes(12));
        DeskView served = desk.serve(officer, a.id(), body("{\"expectedVersion\": 2}"));
        assertEquals(AppointmentStatus.SERVED, served.status());
        assertEquals(12 * 60, served.waitSeconds(), "checked in at 09:00 after an 08:30 slot: waited from 09:00");
        assertEquals(1, store.counted(AppointmentCounterKeys.SERVED));
        assertEquals(720, store.counted(AppointmentCounterKeys.WAIT_SECONDS));
        assertEquals(2026, store.counters.get(0).month().getYear(), "the slot's month");
        assertTrue(store.jobs.isEmpty(), "the desk notifies nobody");

        assertEquals(409, status(() -> desk.serve(officer, a.id(), body("{}"))), "served once");
        assertEquals("NOT_CHECKED_IN", detail(() -> desk.serve(officer, a.id(), body("{}"))));
    }

    @Test
    void anEarlyCitizenWaitsFromTheSlotsStartNotFromArrival() {
        Appointment a = booked("a2", TODAY, LocalTime.of(9, 30));
        desk.checkIn(officer, body("{\"code\": \"" + a.code() + "\"}"));
        clock.advance(java.time.Duration.ofMinutes(40));
        assertEquals(600, desk.serve(officer, a.id(), () -> Json.object()).waitSeconds());
        Appointment early = booked("a3", TODAY, LocalTime.of(15, 0));
        desk.checkIn(officer, body("{\"code\": \"" + early.code() + "\"}"));
        assertEquals(0, desk.serve(officer, early.id(), () -> Json.object()).waitSeconds(), "served before the slot");
    }

    @Test
    void checkInOnlyOnTheSlotsDayAndOnlyWhenBooked() {
        Appointment tomorrow = booked("b1", TODAY.plusDays(1), LocalTime.of(8, 0));
        assertEquals("NOT_ITS_DAY", detail(() -> desk.checkIn(officer, body("{\"code\": \"" + tomorrow.code() + "\"}"))));
        Appointment cancelled = store.put(booked("b2", TODAY, LocalTime.of(8, 0))
                .cancelled(CancelledBy.CITIZEN, null, clock.instant()));
        assertEquals(409, status(() -> desk.checkIn(officer, body("{\"code\": \"" + cancelled.code() + "\"}"))));
        assertEquals(404, status(() -> desk.checkIn(officer, body("{\"code\": \"ZZZZZZ\"}"))));
        assertEquals(400, status(() -> desk.checkIn(officer, body("{\"code\": \"not a code!\"}"))));
        assertEquals(400, status(() -> desk.checkIn(officer, body("{}"))));
        assertEquals(0, store.counted(AppointmentCounterKeys.CHECKED_IN));
    }

    @Test
    void onlyTheCentresOfficersAndAdminsActAndTheBodyIsReadAfter() {
        Appointment a = booked("c1", TODAY, LocalTime.of(8, 0));
        assertEquals(403, status(() -> desk.checkIn(DeskFixtures.citizen(a.userId()), noBodyRead())),
                "a citizen is refused before the code is read");
        assertEquals(404, status(() -> desk.checkIn(stranger, body("{\"code\": \"" + a.code() + "\"}"))),
                "another agency's officer does not learn the code exists");
        assertEquals(403, status(() -> desk.noShow(DeskFixtures.citizen(a.userId()), a.id(), noBodyRead())),
                "its own citizen: 403");
        assertEquals(404, status(() -> desk.noShow(DeskFixtures.citizen("9111"), a.id(), noBodyRead())));
        assertEquals(404, status(() -> desk.noShow(stranger, a.id(), noBodyRead())));
        assertEquals(404, status(() -> desk.serve(officer, "nope", noBodyRead())));
        assertEquals(404, status(() -> desk.serve(officer, "../x", noBodyRead())));
        assertEquals(403, status(() -> desk.day(stranger, DeskFixtures.CENTRE, null, null)));
        assertEquals(404, status(() -> desk.day(officer, "no-such-centre", null, null)));
        assertEquals(AppointmentStatus.CHECKED_IN,
                desk.checkIn(DeskFixtures.admin(), body("{\"code\": \"" + a.code() + "\"}")).status(), "an admin may");
    }

    @Test
    void noShowOnlyOnceTheSlotStarted() {
        Appointment later = booked("d1", TODAY, LocalTime.of(10, 0));
        assertEquals("NOT_STARTED", detail(() -> desk.noShow(officer, later.id(), () -> Json.object())));
        clock.advance(java.time.Duration.ofHours(1));
        assertEquals(409, status(() -> desk.noShow(officer, later.id(), body("{\"expectedVersion\": 7}"))));
        DeskView marked = desk.noShow(officer, later.id(), body("{\"expectedVersion\": 1}"));
        assertEquals(AppointmentStatus.NO_SHOW, marked.status());
        assertEquals(1, store.counted(AppointmentCounterKeys.NO_SHOW));
        assertEquals(409, status(() -> desk.noShow(officer, later.id(), () -> Json.object())));
    }

    @Test
    void aConcurrentChangeIs409WithTheBookingAsItIs() {
        Appointment a = booked("e1", TODAY, LocalTime.of(8, 0));
        store.raceWith = a.cancelled(CancelledBy.CITIZEN, null, clock.instant());
        ApiException e = assertThrows(ApiException.class,
                () -> desk.checkIn(officer, body("{\"code\": \"" + a.code() + "\"}")));
        assertEquals(409, e.code().status());
        assertEquals(AppointmentStatus.CANCELLED, ((DeskView) e.current()).status());
    }

    @Test
    void theDaysListPerCounter() {
        booked("f1", TODAY, LocalTime.of(9, 0));
        store.put(DeskFakeStore.booked("f2", "9002", DeskFixtures.CENTRE, "quay-2", TODAY, LocalTime.of(8, 0)));
        booked("f3", TODAY.plusDays(1), LocalTime.of(8, 0));
        @SuppressWarnings("unchecked")
        java.util.List<DeskView> all = (java.util.List<DeskView>) desk.day(officer, DeskFixtures.CENTRE, null, null).get("items");
        assertEquals(java.util.List.of("f2", "f1"), all.stream().map(DeskView::id).toList(), "today, by start time");
        @SuppressWarnings("unchecked")
        java.util.List<DeskView> one = (java.util.List<DeskView>) desk.day(officer, DeskFixtures.CENTRE,
                TODAY.plusDays(1).toString(), "quay-1").get("items");
        assertEquals(java.util.List.of("f3"), one.stream().map(DeskView::id).toList());
        assertEquals(400, status(() -> desk.day(officer, DeskFixtures.CENTRE, "20-11-2026", null)));
        assertEquals("UNKNOWN_COUNTER", detail(() -> desk.day(officer, DeskFixtures.CENTRE, null, "quay-9")));
    }

    @Test
    void aClosureCancelsTheDaysBookingsOnceAndTellsEachCitizen() {
        LocalDate day = TODAY.plusDays(2);
        Appointment one = booked("g1", day, LocalTime.of(8, 0));
        Appointment two = booked("g22", day, LocalTime.of(9, 0));
        store.put(booked("g3", day, LocalTime.of(10, 0)).cancelled(CancelledBy.CITIZEN, null, clock.instant()));
        Appointment otherDay = booked("g4", day.plusDays(1), LocalTime.of(8, 0));
        String request = "{\"date\": \"" + day + "\", \"reason\": \"Mất điện toàn khu vực.\"}";

        assertEquals(403, status(() -> closures.close(stranger, DeskFixtures.CENTRE, noBodyRead(), "r1")));
        assertEquals(403, status(() -> closures.close(DeskFixtures.citizen("9"), DeskFixtures.CENTRE, noBodyRead(), "r1")));
        CentreClosures.Closure closure = closures.close(officer, DeskFixtures.CENTRE, body(request), "r1");
        assertTrue(closure.newlyClosed());
        assertEquals(2, closure.cancelled());
        for (Appointment a : java.util.List.of(one, two)) {
            Appointment now = store.get(a.id()).orElseThrow();
            assertEquals(AppointmentStatus.CANCELLED, now.status());
            assertEquals(CancelledBy.CENTRE, now.cancelledBy());
            assertEquals("Mất điện toàn khu vực.", now.cancelReason());
        }
        assertEquals(AppointmentStatus.BOOKED, store.get(otherDay.id()).orElseThrow().status());
        assertEquals(2, store.counted(AppointmentCounterKeys.CANCELLED_BY_CENTRE));
        assertEquals(2, store.jobs.size());
        var job = store.jobs.get(0);
        assertEquals(AppointmentNotices.CANCELLED_TEMPLATE, job.templateKey());
        assertEquals(one.userId(), job.recipientId());
        assertEquals(Map.of("appointment_code", one.code(), "centre_name", DeskFixtures.centre().name(),
                "reason", "Mất điện toàn khu vực."), job.parameters());
        assertEquals("APPT#g1#v2#CANCELLED", job.deduplicationKey());
        assertEquals(Map.of(day, "Mất điện toàn khu vực."), store.closures(DeskFixtures.CENTRE, day, day));

        CentreClosures.Closure again = closures.close(DeskFixtures.admin(), DeskFixtures.CENTRE, body(request), "r2");
        assertFalse(again.newlyClosed());
        assertEquals(0, again.cancelled(), "idempotent");
        assertEquals(2, store.jobs.size());
    }

    @Test
    void aClosureNeedsAFutureDateAndAReason() {
        assertEquals(400, status(() -> closures.close(officer, DeskFixtures.CENTRE,
                body("{\"date\": \"" + TODAY.minusDays(1) + "\", \"reason\": \"x\"}"), "r")));
        assertEquals(400, status(() -> closures.close(officer, DeskFixtures.CENTRE, body("{\"date\": \"" + TODAY + "\"}"), "r")));
        assertEquals(404, status(() -> closures.close(officer, "nowhere", noBodyRead(), "r")));
        assertTrue(store.closed.isEmpty());
    }
}
