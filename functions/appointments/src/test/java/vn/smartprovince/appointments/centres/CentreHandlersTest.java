package vn.smartprovince.appointments.centres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.testkit.Handlers.invokeHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.appointments.core.FreeSlots;
import vn.smartprovince.appointments.store.DynamoDbAppointmentStore;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.MutableClock;

/** The public centre and slot routes against the emulator, driven by events/appointments-*.json. */
class CentreHandlersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();
    /** Monday 2026-12-07 09:00 in Vietnam. */
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
    static final ProvinceConfig CONFIG = ProvinceConfigLoader.load(
            AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json")));

    private Centres centres() {
        var store = new DynamoDbAppointmentStore(aws.dynamoDb(), aws.tableName("MainTable"), Clock.systemUTC());
        return new Centres(new FreeSlots(store), CLOCK);
    }

    static ObjectNode event(String name) {
        return (ObjectNode) Json.read(Events.load(name));
    }

    @Test
    void theCentresWithHoursCountersAndProcedures() {
        JsonNode answer = invokeHttp(new ListServiceCentresHandler(centres(), () -> CONFIG),
                event("appointments-centres-list.json"));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        JsonNode centre = answer.path("json").path("items").get(0);
        assertEquals("ttphvhcc-tinh", centre.path("id").asText());
        assertEquals("07:30", centre.path("openingHours").path("MONDAY").get(0).path("from").asText());
        assertEquals(0, centre.path("openingHours").path("SUNDAY").size());
        assertEquals("Đăng ký khai sinh", centre.path("counters").get(0).path("procedures").get(0).path("name").asText());
    }

    @Test
    void slotsLeaveOutClosedDaysAndAClosureAndTheRangeIsBounded() {
        var store = new DynamoDbAppointmentStore(aws.dynamoDb(), aws.tableName("MainTable"), Clock.systemUTC());
        store.close("ttphvhcc-tinh", LocalDate.of(2026, 12, 9), "Mất điện", "officer-1");
        JsonNode answer = invokeHttp(new AppointmentSlotsHandler(centres(), () -> CONFIG), event("appointments-slots.json"));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        JsonNode items = answer.path("json").path("items");
        assertEquals("2026-12-08", items.get(0).path("date").asText());
        assertEquals("07:30", items.get(0).path("start").asText());
        assertEquals(2, items.get(0).path("free").asInt(), "quay-1 alone serves birth registration, capacity 2");
        java.util.Set<String> days = new java.util.TreeSet<>(items.findValuesAsText("date"));
        assertTrue(!days.contains("2026-12-09"), "the closure");
        assertTrue(!days.contains("2026-12-13"), "Sunday");
        assertTrue(days.contains("2026-12-12"), "Saturday morning");

        ObjectNode tooLong = event("appointments-slots.json");
        ((ObjectNode) tooLong.path("queryStringParameters")).put("to", "2026-12-30");
        JsonNode refused = invokeHttp(new AppointmentSlotsHandler(centres(), () -> CONFIG), tooLong);
        assertEquals(400, refused.path("statusCode").asInt());
        assertEquals("RANGE_TOO_LONG", refused.path("json").path("error").path("details").get(0).path("code").asText());
    }
}
