package vn.smartprovince.appointments.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.testkit.Handlers.invokeHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.appointments.store.DynamoDbAppointmentStore;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.MutableClock;

/** The booking routes against the emulator, driven by events/appointments-*.json (demo province). */
class BookingHandlersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();
    /** Monday 2026-12-07 09:00 in Vietnam; the events book Tuesday 2026-12-08 07:30. */
    static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);
    static final ProvinceConfig CONFIG = ProvinceConfigLoader.load(
            AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json")));
    static final String CITIZEN = "9000000000000000001";

    private Bookings bookings(Map<String, String> dossierOwners) {
        return new Bookings(new DynamoDbAppointmentStore(aws.dynamoDb(), aws.tableName("MainTable"), Clock.systemUTC()),
                code -> Optional.ofNullable(dossierOwners.get(code)), CLOCK);
    }

    private Bookings bookings() {
        return bookings(Map.of());
    }

    @SafeVarargs
    static ObjectNode event(String name, Consumer<ObjectNode>... changes) {
        ObjectNode event = (ObjectNode) Json.read(Events.load(name));
        for (Consumer<ObjectNode> change : changes) {
            change.accept(event);
        }
        return event;
    }

    static Consumer<ObjectNode> as(String userId) {
        return e -> ((ObjectNode) e.path("requestContext").path("authorizer").path("lambda")).put("userId", userId);
    }

    static Consumer<ObjectNode> key(String key) {
        return e -> ((ObjectNode) e.path("headers")).put("idempotency-key", key);
    }

    static Consumer<ObjectNode> body(Map<String, Object> fields) {
        return e -> {
            ObjectNode body = (ObjectNode) Json.read(e.path("body").asText());
            body.setAll((ObjectNode) Json.MAPPER.valueToTree(fields));
            e.put("body", Json.write(body));
        };
    }

    static Consumer<ObjectNode> on(String id) {
        return e -> {
            ((ObjectNode) e.path("pathParameters")).put("id", id);
            e.put("rawPath", e.path("rawPath").asText().replace("apdemoappointmentsampleaa", id));
        };
    }

    private JsonNode book(Bookings b, Consumer<ObjectNode>... changes) {
        return invokeHttp(new BookAppointmentHandler(b, () -> CONFIG), event("appointments-book.json", changes));
    }

    @Test
    void aBookingAnswersItsCodeQrAndConfirmationAndARetryReplaysIt() {
        JsonNode first = book(bookings());
        assertEquals(201, first.path("statusCode").asInt(), first.toString());
        JsonNode view = first.path("json");
        assertEquals("BOOKED", view.path("status").asText());
        assertEquals("quay-1", view.path("counter").path("id").asText());
        assertEquals("07:45", view.path("end").asText());
        assertTrue(view.path("qrSvg").asText().startsWith("<svg"));
        assertEquals("2026-12-07T22:30:00Z", view.path("cancellableUntil").asText(), "120 minutes before 07:30 Vietnam");
        String id = view.path("id").asText();

        JsonNode again = book(bookings());
        assertEquals(201, again.path("statusCode").asInt());
        assertEquals(id, again.path("json").path("id").asText());
        assertEquals("true", again.path("headers").path("idempotent-replayed").asText());
        JsonNode reused = book(bookings(), body(Map.of("start", "07:45")));
        assertEquals(422, reused.path("statusCode").asInt(), reused.toString());

        String jobId = "APPT#" + id + "#v1#CONFIRMED";
        var item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable"))
                .key(Map.of("pk", AttributeValue.fromS(Outbox.key(jobId)), "sk", AttributeValue.fromS(Outbox.SORT_KEY))))
                .item();
        NotificationJob job = NotificationJob.fromJson(item.get(Outbox.JOB).s());
        assertEquals(Map.of("appointment_code", view.path("code").asText(),
                "centre_name", "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh",
                "appointment_time", "07:30 08/12/2026"), job.parameters());
    }

    @Test
    void aFullSlotAnswersTheNextFreeSlotsAndHoardingIsCapped() {
        String start = "08:00";
        JsonNode a = book(bookings(), as("u-full-1"), key("full-0000001"), body(Map.of("start", start)));
        JsonNode b = book(bookings(), as("u-full-2"), key("full-0000002"), body(Map.of("start", start)));
        assertEquals(201, a.path("statusCode").asInt(), a.toString());
        assertEquals(201, b.path("statusCode").asInt(), b.toString());
        JsonNode full = book(bookings(), as("u-full-3"), key("full-0000003"), body(Map.of("start", start)));
        assertEquals(409, full.path("statusCode").asInt(), full.toString());
        JsonNode error = full.path("json").path("error");
        assertEquals("SLOT_FULL", error.path("code").asText());
        assertEquals(5, error.path("nextFreeSlots").size());
        assertEquals("08:15", error.path("nextFreeSlots").get(0).path("start").asText());

        for (String t : new String[] {"09:00", "09:15", "09:30"}) {
            assertEquals(201, book(bookings(), as("hoarder"), key("hoard-" + t.replace(":", "") + "-01"),
                    body(Map.of("start", t))).path("statusCode").asInt());
        }
        JsonNode fourth = book(bookings(), as("hoarder"), key("hoard-0945-01"), body(Map.of("start", "09:45")));
        assertEquals(409, fourth.path("statusCode").asInt());
        assertEquals("TOO_MANY_OPEN_BOOKINGS", fourth.path("json").path("error").path("code").asText());
    }

    @Test
    void badSlotsAndSomeoneElsesDossierAreRefused() {
        assertEquals("NOT_A_SLOT", book(bookings(), key("bad-00000001"), body(Map.of("start", "07:40")))
                .path("json").path("error").path("details").get(0).path("code").asText());
        assertEquals("CLOSED", book(bookings(), key("bad-00000002"), body(Map.of("date", "2026-12-13")))
                .path("json").path("error").path("details").get(0).path("code").asText(), "a Sunday");
        assertEquals("OUT_OF_HORIZON", book(bookings(), key("bad-00000003"), body(Map.of("date", "2027-03-01")))
                .path("json").path("error").path("details").get(0).path("code").asText());
        assertEquals("NOT_SERVED", book(bookings(), key("bad-00000004"), body(Map.of("centreId", "mot-cua-tan-ninh",
                "procedureCode", "1.009994.000.00.00.H56"))).path("json").path("error").path("details").get(0)
                .path("code").asText());
        Bookings withDossiers = bookings(Map.of("000.00.P01.H56-261201-0001", "someone-else",
                "000.00.P01.H56-261201-0002", "u-dossier"));
        JsonNode notMine = book(withDossiers, as("u-dossier"), key("dossier-00001"),
                body(Map.of("start", "10:00", "dossierCode", "000.00.P01.H56-261201-0001")));
        assertEquals(400, notMine.path("statusCode").asInt());
        assertEquals("NOT_YOURS", notMine.path("json").path("error").path("details").get(0).path("code").asText());
        JsonNode mine = book(withDossiers, as("u-dossier"), key("dossier-00002"),
                body(Map.of("start", "10:00", "dossierCode", "000.00.P01.H56-261201-0002")));
        assertEquals(201, mine.path("statusCode").asInt(), mine.toString());
        assertEquals("000.00.P01.H56-261201-0002", mine.path("json").path("dossierCode").asText());
    }

    @Test
    void ownersSeeCancelAndRescheduleUntilTheCutOffStrangersGet404() {
        JsonNode booked = book(bookings(), as("u-owner"), key("owner-000001"), body(Map.of("start", "10:30")));
        String id = booked.path("json").path("id").asText();
        var get = new GetAppointmentHandler(bookings(), () -> CONFIG);
        assertEquals(200, invokeHttp(get, event("appointments-get.json", on(id), as("u-owner"))).path("statusCode").asInt());
        assertEquals(404, invokeHttp(get, event("appointments-get.json", on(id), as("stranger"))).path("statusCode").asInt());
        JsonNode officer = invokeHttp(get, event("appointments-get.json", on(id), e -> ((ObjectNode) e.path("requestContext")
                .path("authorizer").path("lambda")).put("userId", "off-1").put("roles", "CITIZEN,OFFICER")
                .put("agencyId", "so-xay-dung")));
        assertEquals(200, officer.path("statusCode").asInt(), "an officer of the centre's agency");

        var mine = new MyAppointmentsHandler(bookings(), () -> CONFIG);
        assertEquals(1, invokeHttp(mine, event("appointments-mine.json", as("u-owner"))).path("json").path("items").size());

        var reschedule = new RescheduleAppointmentHandler(bookings(), () -> CONFIG);
        JsonNode moved = invokeHttp(reschedule, event("appointments-reschedule.json", on(id), as("u-owner")));
        assertEquals(200, moved.path("statusCode").asInt(), moved.toString());
        assertEquals("2026-12-09", moved.path("json").path("date").asText());
        assertEquals(2, moved.path("json").path("version").asInt());

        var cancel = new CancelAppointmentHandler(bookings(), () -> CONFIG);
        assertEquals(404, invokeHttp(cancel, event("appointments-cancel.json", on(id), as("stranger"),
                body(Map.of("expectedVersion", 2)))).path("statusCode").asInt());
        JsonNode stale = invokeHttp(cancel, event("appointments-cancel.json", on(id), as("u-owner")));
        assertEquals(409, stale.path("statusCode").asInt());
        assertEquals("VERSION_MISMATCH", stale.path("json").path("error").path("details").get(0).path("code").asText());
        CLOCK.set(Instant.parse("2026-12-08T23:30:00Z"));   // 06:30 on the 9th: the 08:00 slot is within 2 hours
        try {
            JsonNode late = invokeHttp(cancel, event("appointments-cancel.json", on(id), as("u-owner"),
                    body(Map.of("expectedVersion", 2))));
            assertEquals(409, late.path("statusCode").asInt());
            assertEquals("CUTOFF_PASSED", late.path("json").path("error").path("details").get(0).path("code").asText());
        } finally {
            CLOCK.set(NOW);
        }
        JsonNode cancelled = invokeHttp(cancel, event("appointments-cancel.json", on(id), as("u-owner"),
                body(Map.of("expectedVersion", 2))));
        assertEquals("CANCELLED", cancelled.path("json").path("status").asText(), cancelled.toString());
    }
}
