package vn.smartprovince.appointments.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.appointments.core.Appointment;
import vn.smartprovince.appointments.core.AppointmentStatus;
import vn.smartprovince.appointments.core.AppointmentStore.CodeTaken;
import vn.smartprovince.appointments.core.AppointmentStore.CounterDelta;
import vn.smartprovince.appointments.core.AppointmentStore.Outcome;
import vn.smartprovince.appointments.core.AppointmentStore.Page;
import vn.smartprovince.appointments.core.AppointmentStore.SlotFull;
import vn.smartprovince.appointments.core.AppointmentStore.TooManyOpen;
import vn.smartprovince.appointments.core.AppointmentStore.VersionConflict;
import vn.smartprovince.appointments.core.AppointmentStore.Written;
import vn.smartprovince.appointments.core.CancelledBy;
import vn.smartprovince.appointments.core.SlotKey;
import vn.smartprovince.shared.aws.Attributes;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.shared.stats.AppointmentCounterKeys;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/** The DynamoDB store against the emulator: capacity under a race, open bookings, give-backs, lists. */
class DynamoDbAppointmentStoreTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 12, 8);
    static final String CENTRE = "ttphvhcc-tinh";

    private DynamoDbAppointmentStore store() {
        return new DynamoDbAppointmentStore(aws.dynamoDb(), aws.tableName("MainTable"), Clock.systemUTC());
    }

    static Appointment booking(String id, String code, String userId, String start, String counter) {
        return booking(DAY, id, code, userId, start, counter);
    }

    static Appointment booking(LocalDate day, String id, String code, String userId, String start, String counter) {
        LocalTime s = LocalTime.parse(start);
        return new Appointment(id, code, userId, CENTRE, counter, "1.001193", day, s, s.plusMinutes(15), null,
                AppointmentStatus.BOOKED, null, null, T0, T0, null, null, null, 1);
    }

    static List<CounterDelta> booked() {
        return List.of(new CounterDelta(CENTRE, YearMonth.from(DAY), AppointmentCounterKeys.BOOKED, 1));
    }

    static NotificationJob job(Appointment a) {
        return new NotificationJob(NotificationJob.SCHEMA_VERSION, "APPT#" + a.id() + "#v" + a.version() + "#CONFIRMED",
                "APPOINTMENT_CONFIRMED", a.userId(), "APPOINTMENT_CONFIRMED", Map.of("appointment_code", a.code()),
                "APPT#" + a.id() + "#v" + a.version() + "#CONFIRMED", T0, "test");
    }

    private long attribute(String pk, String sk, String name) {
        var item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).consistentRead(true)
                .key(Attributes.key(pk, sk))).item();
        return Attributes.number(item, name);
    }

    @Test
    void aBookingRoundTripsWithItsCodeJobAndCounters() {
        var store = store();
        LocalDate day = DAY.plusDays(1);
        Appointment a = booking(day, "a1", "K7M2PQ", "u1", "08:00", "quay-1");
        Outcome outcome = store.book(a, 2, 3, booked(), List.of(job(a)));
        assertEquals(new Written(a), outcome);
        assertEquals(a, store.get("a1").orElseThrow());
        assertEquals(a, store.byCode("K7M2PQ").orElseThrow());
        assertTrue(store.byCode("NOPE22").isEmpty());
        assertEquals(Map.of(a.slot(), 1), store.taken(CENTRE, day));
        assertEquals(1, attribute("APPT_OPEN#u1", "OPEN", "open"));
        assertEquals(1, attribute(AppointmentCounterKeys.centreKey(CENTRE), "TOTAL", "booked"));
        assertEquals(1, attribute(AppointmentCounterKeys.centreKey(CENTRE), "MONTH#2026-12", "booked"));
        var outboxItem = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable"))
                .key(Attributes.key(Outbox.key(job(a).jobId()), Outbox.SORT_KEY))).item();
        assertFalse(outboxItem.isEmpty());
        assertEquals(List.of(a), store.ofDay(CENTRE, day));
    }

    @Test
    void aTakenCodeIsToldApartAndNothingIsWritten() {
        var store = store();
        store.book(booking("c1", "CODE22", "u2", "08:00", "quay-1"), 2, 3, List.of(), List.of());
        Outcome second = store.book(booking("c2", "CODE22", "u3", "08:15", "quay-1"), 2, 3, List.of(), List.of());
        assertEquals(new CodeTaken("CODE22"), second);
        assertTrue(store.get("c2").isEmpty());
        assertEquals(0, attribute("APPT_OPEN#u3", "OPEN", "open"));
    }

    @Test
    void fiftyConcurrentBookingsForTheLastPlaceGiveExactlyOne() throws Exception {
        var store = store();
        store.book(booking("r0", "RACE00", "first", "09:00", "quay-2"), 2, 3, List.of(), List.of());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            Appointment a = booking("r" + i, String.format("RACE%02d", i), "racer" + i, "09:00", "quay-2");
            futures.add(pool.submit(() -> {
                go.await();
                return store.book(a, 2, 3, List.of(), List.of());
            }));
        }
        go.countDown();
        int written = 0;
        int full = 0;
        for (Future<Outcome> f : futures) {
            Outcome o = f.get();
            if (o instanceof Written) {
                written++;
            } else if (o instanceof SlotFull) {
                full++;
            }
        }
        pool.shutdown();
        assertEquals(1, written);
        assertEquals(49, full);
        assertEquals(2, store.taken(CENTRE, DAY).get(new SlotKey(CENTRE, DAY, LocalTime.of(9, 0), "quay-2")));
    }

    @Test
    void openBookingsAreCappedAndGivenBackByACancellation() {
        var store = store();
        Appointment a = booking("o1", "OPEN01", "hoarder", "10:00", "quay-1");
        store.book(a, 5, 2, List.of(), List.of());
        store.book(booking("o2", "OPEN02", "hoarder", "10:15", "quay-1"), 5, 2, List.of(), List.of());
        assertEquals(new TooManyOpen(2), store.book(booking("o3", "OPEN03", "hoarder", "10:30", "quay-1"), 5, 2,
                List.of(), List.of()));
        assertFalse(store.taken(CENTRE, DAY).containsKey(new SlotKey(CENTRE, DAY, LocalTime.of(10, 30), "quay-1")));

        Appointment cancelled = a.cancelled(CancelledBy.CITIZEN, null, T0.plusSeconds(60));
        assertEquals(new Written(cancelled), store.cancel(a, cancelled, List.of(), List.of()));
        assertFalse(store.taken(CENTRE, DAY).containsKey(a.slot()), "the place is free again at once");
        assertEquals(1, attribute("APPT_OPEN#hoarder", "OPEN", "open"));
        assertInstanceOf(Written.class, store.book(booking("o3", "OPEN03", "hoarder", "10:30", "quay-1"), 5, 2,
                List.of(), List.of()));
        // a stale version is refused, nothing given back twice
        Outcome again = store.cancel(a, cancelled, List.of(), List.of());
        assertEquals(new VersionConflict(cancelled), again);
        assertEquals(2, attribute("APPT_OPEN#hoarder", "OPEN", "open"));
    }

    @Test
    void aRescheduleHoldsTheNewPlaceBeforeGivingBackTheOld() {
        var store = store();
        Appointment mine = booking("m1", "MOVE01", "mover", "11:00", "quay-1");
        store.book(mine, 1, 3, List.of(), List.of());
        store.book(booking("m2", "MOVE02", "other", "11:15", "quay-1"), 1, 3, List.of(), List.of());
        SlotKey full = new SlotKey(CENTRE, DAY, LocalTime.of(11, 15), "quay-1");
        Appointment toFull = mine.movedTo(full, LocalTime.of(11, 30), T0.plusSeconds(5));
        assertEquals(new SlotFull(full), store.reschedule(mine, toFull, 1, List.of(), List.of()));
        assertEquals(mine, store.get("m1").orElseThrow(), "the old place is kept");
        assertEquals(1, store.taken(CENTRE, DAY).get(mine.slot()));

        SlotKey free = new SlotKey(CENTRE, DAY, LocalTime.of(11, 30), "quay-1");
        Appointment moved = mine.movedTo(free, LocalTime.of(11, 45), T0.plusSeconds(9));
        assertEquals(new Written(moved), store.reschedule(mine, moved, 1, List.of(), List.of()));
        Map<SlotKey, Integer> taken = store.taken(CENTRE, DAY);
        assertFalse(taken.containsKey(mine.slot()));
        assertEquals(1, taken.get(free));
        assertEquals(moved, store.get("m1").orElseThrow());
    }

    @Test
    void leavingTheOpenStatusesGivesBackTheOpenBookingButNotThePlace() {
        var store = store();
        Appointment a = booking("d1", "DESK01", "visitor", "13:30", "quay-1");
        store.book(a, 2, 3, List.of(), List.of());
        Appointment in = a.checkedIn(T0.plusSeconds(30));
        assertEquals(new Written(in), store.update(a, in, List.of(), List.of()));
        assertEquals(1, attribute("APPT_OPEN#visitor", "OPEN", "open"));
        Appointment served = in.served(T0.plusSeconds(90));
        assertEquals(new Written(served), store.update(in, served, List.of(), List.of()));
        assertEquals(0, attribute("APPT_OPEN#visitor", "OPEN", "open"));
        assertEquals(1, store.taken(CENTRE, DAY).get(a.slot()));
        Appointment reminded = served.reminded(T0.plusSeconds(100));
        assertInstanceOf(Written.class, store.update(served, reminded, List.of(), List.of()));
        assertEquals(new VersionConflict(reminded), store.update(a, in, List.of(), List.of()));
    }

    @Test
    void myBookingsComeMostRecentSlotFirstAPageAtATime() {
        var store = store();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            store.book(booking("p" + i, "PAGE0" + (char) ('A' + i), "pager", "14:0" + i, "quay-1"), 9, 9, List.of(),
                    List.of());
        }
        Page first = store.mine("pager", 3, null);
        assertEquals(List.of("p4", "p3", "p2"), first.items().stream().map(Appointment::id).toList());
        Page second = store.mine("pager", 3, first.nextCursor());
        assertEquals(List.of("p1", "p0"), second.items().stream().map(Appointment::id).toList());
        assertNull(second.nextCursor());
        first.items().forEach(a -> seen.add(a.id()));
        assertEquals(3, seen.size());
    }

    @Test
    void closuresAreRecordedOnceAndReadByRange() {
        var store = store();
        assertTrue(store.close(CENTRE, DAY, "Mất điện", "officer-1"));
        assertFalse(store.close(CENTRE, DAY, "again", "officer-1"));
        store.close(CENTRE, DAY.plusDays(10), "Sửa chữa", "officer-1");
        assertEquals(Map.of(DAY, "Mất điện"), store.closures(CENTRE, DAY.minusDays(1), DAY.plusDays(9)));
        assertEquals(2, store.closures(CENTRE, DAY, DAY.plusDays(10)).size());
        assertTrue(store.closures("other", DAY, DAY).isEmpty());
        assertNull(aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable"))
                .key(Attributes.key("APPT_CLOSURE#other", DAY.toString()))).item().get("reason"));
    }
}
