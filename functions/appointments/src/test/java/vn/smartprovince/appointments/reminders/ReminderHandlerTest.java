package vn.smartprovince.appointments.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.appointments.core.Appointment;
import vn.smartprovince.appointments.core.AppointmentCounters;
import vn.smartprovince.appointments.core.AppointmentStatus;
import vn.smartprovince.appointments.core.AppointmentStore;
import vn.smartprovince.appointments.core.DeskFakeStore;
import vn.smartprovince.appointments.core.DeskFixtures;
import vn.smartprovince.appointments.store.DynamoDbAppointmentStore;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;
import vn.smartprovince.testkit.MutableClock;

/** The scheduled run on the DynamoDB store, driven by events/appointments-reminder-schedule.json (Friday 27 November 2026, 17:00 Vietnam). */
class ReminderHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void remindsTomorrowOnceAndMarksYesterdaysNoShow() {
        MutableClock clock = new MutableClock(TODAY.atTime(17, 0).atZone(AppointmentCounters.ZONE).toInstant());
        AppointmentStore store = new DynamoDbAppointmentStore(aws.dynamoDb(), aws.tableName("MainTable"), clock);
        Appointment tomorrow = DeskFakeStore.booked("remind01", "9000000000000000401", DeskFixtures.CENTRE, "quay-1",
                TODAY.plusDays(1), LocalTime.of(7, 30));
        Appointment yesterday = DeskFakeStore.booked("absent01", "9000000000000000402", DeskFixtures.CENTRE, "quay-1",
                TODAY.minusDays(1), LocalTime.of(7, 30));
        for (Appointment a : List.of(tomorrow, yesterday)) {
            assertTrue(store.book(a, 2, 3, List.of(), List.of()) instanceof AppointmentStore.Written);
        }
        ReminderHandler handler = new ReminderHandler(new ReminderRun(store, DeskFixtures::province, clock));
        JsonNode counts = Handlers.invoke(handler, Events.bytes("appointments-reminder-schedule.json"));
        assertEquals(1, counts.path("reminded").asInt(), counts.toString());
        assertEquals(1, counts.path("noShows").asInt(), counts.toString());
        var item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS(Outbox.key("APPT#remind01#v1#REMINDER")),
                "sk", AttributeValue.fromS(Outbox.SORT_KEY)))).item();
        var job = Outbox.jobOf(item);
        assertEquals("APPOINTMENT_REMINDER", job.templateKey());
        assertEquals("07:30 28/11/2026", job.parameters().get("appointment_time"));
        assertEquals("7b1e0c52-3f7d-4a41-9d8e-2c5b6a9f0e11", job.correlationId(), "the run's event id");
        assertNotNull(store.get("remind01").orElseThrow().remindedAt());
        assertEquals(AppointmentStatus.NO_SHOW, store.get("absent01").orElseThrow().status());

        JsonNode again = Handlers.invoke(handler, Events.bytes("appointments-reminder-schedule.json"));
        assertEquals(0, again.path("reminded").asInt());
        assertEquals(1, again.path("alreadyReminded").asInt());
    }
}
