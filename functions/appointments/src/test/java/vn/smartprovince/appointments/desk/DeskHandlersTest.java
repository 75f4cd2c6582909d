package vn.smartprovince.appointments.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.appointments.core.Appointment;
import vn.smartprovince.appointments.core.AppointmentCounters;
import vn.smartprovince.appointments.core.AppointmentStore;
import vn.smartprovince.appointments.core.DeskFakeStore;
import vn.smartprovince.appointments.core.DeskFixtures;
import vn.smartprovince.appointments.store.DynamoDbAppointmentStore;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.stats.AppointmentCounterKeys;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;
import vn.smartprovince.testkit.MutableClock;

/**
 * The desk's handlers on the DynamoDB store against the emulator, driven by
 * events/appointments-*.json (an officer of ubnd-tan-ninh, the agency running the centre
 * ttphvhcc-tinh of DeskFixtures); the clock Saturday 28 November 2026, 09:00 Vietnam time.
 */
class DeskHandlersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();
    static final ProvinceConfig PROVINCE = DeskFixtures.province();
    static final LocalDate DAY = LocalDate.of(2026, 11, 28);

    AppointmentStore store;
    MutableClock clock;
    DeskActionHandler handler;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(DAY.atTime(9, 0).atZone(AppointmentCounters.ZONE).toInstant());
        store = new DynamoDbAppointmentStore(aws.dynamoDb(), table(), clock);
        handler = new DeskActionHandler(new DeskActions(store, () -> PROVINCE, clock),
                new CentreClosures(store, () -> PROVINCE, clock));
    }

    static String table() {
        return aws.tableName("MainTable");
    }

    Appointment book(String id, String code, LocalDate date, LocalTime start, String userId) {
        Appointment a = DeskFakeStore.booked(id, userId, DeskFixtures.CENTRE, "quay-1", date, start);
        a = new Appointment(a.id(), code, a.userId(), a.centreId(), a.counterId(), a.procedureCode(), a.date(), a.start(),
                a.end(), null, a.status(), null, null, a.createdAt(), a.updatedAt(), null, null, null, 1);
        var outcome = store.book(a, 2, 3, AppointmentCounters.add(a, AppointmentCounterKeys.BOOKED, 1), List.of());
        assertTrue(outcome instanceof AppointmentStore.Written, outcome.toString());
        return a;
    }

    interface Method {
        void call(InputStream input, OutputStream output, Context context) throws IOException;
    }

    static ObjectNode call(Method method, String eventFile, Consumer<ObjectNode> change) {
        ObjectNode event = (ObjectNode) Json.read(Events.load(eventFile));
        change.accept(event);
        return Handlers.invokeHttp(new RequestStreamHandler() {
            @Override
            public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
                method.call(input, output, context);
            }
        }, event);
    }

    static Consumer<ObjectNode> onBooking(String id) {
        return event -> {
            event.with("pathParameters").put("id", id);
            event.put("body", "{}");
        };
    }

    static Consumer<ObjectNode> as(String userId, String roles, String agencyId) {
        return event -> ((ObjectNode) event.path("requestContext").path("authorizer").path("lambda"))
                .put("userId", userId).put("roles", roles).put("agencyId", agencyId);
    }

    Map<String, AttributeValue> item(String pk, String sk) {
        return aws.dynamoDb().getItem(b -> b.tableName(table()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }

    long counter(String field) {
        AttributeValue value = item(AppointmentCounterKeys.centreKey(DeskFixtures.CENTRE), AppointmentCounterKeys.TOTAL)
                .get(field);
        return value == null ? 0 : Long.parseLong(value.n());
    }

    @Test
    void checkInServeAndNoShowAtTheDeskAndTheDaysList() {
        book("apptdemosample01", "K7Q4MP", DAY, LocalTime.of(8, 30), "9000000000000000301");
        Appointment absent = book("apptabsent0002", "K7Q4MQ", DAY, LocalTime.of(8, 45), "9000000000000000302");

        JsonNode in = call(handler::checkIn, "appointments-check-in.json", e -> { });
        assertEquals(200, in.path("statusCode").asInt(), in.toString());
        assertEquals("CHECKED_IN", in.path("json").path("status").asText());
        clock.advance(Duration.ofMinutes(10));
        JsonNode served = call(handler::serve, "appointments-serve.json", e -> { });
        assertEquals(200, served.path("statusCode").asInt(), served.toString());
        assertEquals("SERVED", served.path("json").path("status").asText());
        assertEquals(600, served.path("json").path("waitSeconds").asInt());

        JsonNode noShow = call(handler::noShow, "appointments-no-show.json", onBooking(absent.id()));
        assertEquals(200, noShow.path("statusCode").asInt(), noShow.toString());
        assertEquals("NO_SHOW", noShow.path("json").path("status").asText());
        assertEquals(409, call(handler::noShow, "appointments-no-show.json", onBooking(absent.id())).path("statusCode").asInt());

        assertEquals(1, counter(AppointmentCounterKeys.CHECKED_IN));
        assertEquals(1, counter(AppointmentCounterKeys.SERVED));
        assertEquals(600, counter(AppointmentCounterKeys.WAIT_SECONDS));
        assertEquals(1, counter(AppointmentCounterKeys.NO_SHOW));
        assertEquals(0, Long.parseLong(item("APPT_OPEN#9000000000000000301", "OPEN").get("open").n()),
                "served: no longer one of her open bookings");

        JsonNode day = call(handler::day, "appointments-centre-day.json", e -> { });
        assertEquals(200, day.path("statusCode").asInt(), day.toString());
        assertEquals(List.of("apptdemosample01", "apptabsent0002"), day.path("json").path("items").findValuesAsText("id"));
    }

    @Test
    void strangersAreRefusedBeforeTheBodyIsRead() {
        Appointment a = book("apptstranger01", "K7Q4MR", DAY, LocalTime.of(8, 30), "9000000000000000303");
        Consumer<ObjectNode> broken = e -> e.put("body", "{not json");
        Consumer<ObjectNode> police = as("9100000000000000099", "CITIZEN,OFFICER", "cong-an-tinh");
        JsonNode citizen = call(handler::checkIn, "appointments-check-in.json",
                broken.andThen(as(a.userId(), "CITIZEN", "")));
        assertEquals(403, citizen.path("statusCode").asInt(), citizen.toString());
        assertEquals(404, call(handler::serve, "appointments-serve.json",
                onBooking(a.id()).andThen(broken).andThen(police)).path("statusCode").asInt());
        assertEquals(403, call(handler::noShow, "appointments-no-show.json",
                onBooking(a.id()).andThen(broken).andThen(as(a.userId(), "CITIZEN", ""))).path("statusCode").asInt());
        assertEquals(403, call(handler::close, "appointments-closure.json", broken.andThen(police)).path("statusCode").asInt());
        assertEquals(403, call(handler::day, "appointments-centre-day.json", police).path("statusCode").asInt());
        JsonNode malformed = call(handler::close, "appointments-closure.json", broken);
        assertEquals(400, malformed.path("statusCode").asInt(), "the officer's malformed body: 400, never 500");
    }

    @Test
    void aClosureCancelsTheDayOnceAndTellsTheCitizen() {
        LocalDate closed = LocalDate.of(2026, 12, 2);
        Appointment a = book("apptclosed0001", "K7Q4MS", closed, LocalTime.of(9, 0), "9000000000000000304");
        JsonNode first = call(handler::close, "appointments-closure.json", e -> { });
        assertEquals(201, first.path("statusCode").asInt(), first.toString());
        assertEquals(1, first.path("json").path("cancelled").asInt());
        Appointment now = store.get(a.id()).orElseThrow();
        assertEquals("CANCELLED", now.status().name());
        assertEquals("CENTRE", now.cancelledBy().name());
        var job = Outbox.jobOf(item(Outbox.key("APPT#" + a.id() + "#v2#CANCELLED"), Outbox.SORT_KEY));
        assertEquals("APPOINTMENT_CANCELLED", job.templateKey());
        assertEquals("Mất điện toàn khu vực, trung tâm tạm nghỉ.", job.parameters().get("reason"));
        assertEquals(a.userId(), job.recipientId());
        assertEquals(0, Long.parseLong(item("APPT_SLOTS#" + DeskFixtures.CENTRE + "#" + closed, "09:00#quay-1")
                .get("taken").n()), "its place given back");
        assertEquals(1, counter(AppointmentCounterKeys.CANCELLED_BY_CENTRE));
        assertEquals(Map.of(closed, "Mất điện toàn khu vực, trung tâm tạm nghỉ."),
                store.closures(DeskFixtures.CENTRE, closed, closed));

        JsonNode again = call(handler::close, "appointments-closure.json", e -> { });
        assertEquals(200, again.path("statusCode").asInt(), again.toString());
        assertFalse(again.path("json").path("newlyClosed").asBoolean());
        assertEquals(0, again.path("json").path("cancelled").asInt());
        assertEquals(1, counter(AppointmentCounterKeys.CANCELLED_BY_CENTRE), "idempotent");
    }
}
