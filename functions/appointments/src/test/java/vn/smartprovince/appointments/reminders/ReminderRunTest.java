package vn.smartprovince.appointments.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.smartprovince.appointments.core.Appointment;
import vn.smartprovince.appointments.core.AppointmentCounters;
import vn.smartprovince.appointments.core.AppointmentNotices;
import vn.smartprovince.appointments.core.AppointmentStatus;
import vn.smartprovince.appointments.core.CancelledBy;
import vn.smartprovince.appointments.core.DeskFakeStore;
import vn.smartprovince.appointments.core.DeskFixtures;
import vn.smartprovince.appointments.core.SlotKey;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.stats.AppointmentCounterKeys;
import vn.smartprovince.testkit.MutableClock;

/** The evening run: tomorrow's reminders once, earlier days' unattended bookings as no-shows. */
class ReminderRunTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    final MutableClock clock = new MutableClock(TODAY.atTime(17, 0).atZone(AppointmentCounters.ZONE).toInstant());
    final DeskFakeStore store = new DeskFakeStore();
    final ReminderRun run = new ReminderRun(store, DeskFixtures::province, clock);

    Appointment booked(String id, LocalDate date) {
        return store.put(DeskFakeStore.booked(id, "90000000000" + id, DeskFixtures.CENTRE, "quay-1", date,
                LocalTime.of(8, 15)));
    }

    @Test
    void tomorrowsBookingsAreRemindedOnce() {
        Appointment a = booked("r1", TODAY.plusDays(1));
        store.put(booked("r2", TODAY.plusDays(1)).cancelled(CancelledBy.CITIZEN, null, clock.instant()));
        booked("r3", TODAY.plusDays(2));
        ReminderRun.Counts first = run.run("evt-1");
        assertEquals(1, first.reminded());
        assertEquals(1, store.jobs.size());
        NotificationJob job = store.jobs.get(0);
        assertEquals(AppointmentNotices.REMINDER_TEMPLATE, job.templateKey());
        assertEquals(a.userId(), job.recipientId());
        assertEquals("APPT#r1#v1#REMINDER", job.deduplicationKey());
        assertEquals(Map.of("appointment_code", a.code(), "centre_name", DeskFixtures.centre().name(),
                "appointment_time", "08:15 21/11/2026"), job.parameters());
        Appointment marked = store.get("r1").orElseThrow();
        assertNotNull(marked.remindedAt());
        assertEquals(1, marked.version(), "a reminder is not a change the citizen sees");

        clock.advance(Duration.ofMinutes(30));
        ReminderRun.Counts again = run.run("evt-2");
        assertEquals(0, again.reminded());
        assertEquals(1, again.alreadyReminded());
        assertEquals(1, store.jobs.size(), "never twice");
    }

    @Test
    void aBookingMovedAfterItsReminderIsRemindedForItsNewDay() {
        Appointment a = booked("m1", TODAY.plusDays(1));
        run.run("evt-1");
        Appointment moved = store.get("m1").orElseThrow();
        store.put(moved.movedTo(new SlotKey(a.centreId(), TODAY.plusDays(4), a.start(), a.counterId()), a.end(),
                clock.instant()));
        clock.set(TODAY.plusDays(3).atTime(17, 0).atZone(AppointmentCounters.ZONE).toInstant());
        assertEquals(1, run.run("evt-3").reminded());
        assertEquals("APPT#m1#v2#REMINDER", store.jobs.get(1).deduplicationKey());
    }

    @Test
    void earlierDaysStillBookedBecomeNoShowsAndTodaysAreLeftToTheDesk() {
        booked("n1", TODAY.minusDays(1));
        booked("n2", TODAY.minusDays(3));
        booked("n3", TODAY);
        store.put(booked("n4", TODAY.minusDays(1)).checkedIn(clock.instant()));
        ReminderRun.Counts counts = run.run("evt");
        assertEquals(2, counts.noShows());
        assertEquals(AppointmentStatus.NO_SHOW, store.get("n1").orElseThrow().status());
        assertEquals(AppointmentStatus.NO_SHOW, store.get("n2").orElseThrow().status());
        assertEquals(AppointmentStatus.BOOKED, store.get("n3").orElseThrow().status());
        assertEquals(AppointmentStatus.CHECKED_IN, store.get("n4").orElseThrow().status());
        assertEquals(2, store.counted(AppointmentCounterKeys.NO_SHOW));
        assertEquals(0, run.run("evt-again").noShows(), "once");
    }
}
