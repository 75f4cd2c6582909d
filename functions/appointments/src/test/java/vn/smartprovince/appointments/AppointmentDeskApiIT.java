package vn.smartprovince.appointments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.testkit.ApiClient.ok;
import static vn.smartprovince.testkit.ApiClient.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.appointments.core.Appointment;
import vn.smartprovince.appointments.store.AppointmentItems;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.ApiClient;
import vn.smartprovince.testkit.ApiClient.Person;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.zalostub.ZaloStubClient;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;

/**
 * The issue's "a booking, its reminder, check-in and no-show appear in the statistics", over HTTP
 * through the local runtime: two citizens book at the province's centre; the evening run (the
 * scheduled function, invoked as EventBridge would) puts a reminder in the Zalo stub's inbox of the
 * one booked for tomorrow; on the day the desk checks her in by code and serves her; the other is
 * marked no-show; GET /v1/stats?centreId= counts it all. The runtime runs on the wall clock, so the
 * test moves stored bookings' days and times (as the dossier lifecycle test moves due dates).
 */
class AppointmentDeskApiIT {
    static final String FIRST_ADMIN = "8100000000000000091";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String CENTRE = "ttphvhcc-tinh";            // run by so-xay-dung (infra/demo/tay-ninh.json)
    static final String BIRTH_REGISTRATION = "1.001193.000.00.00.H56";

    @RegisterExtension
    static LocalApiExtension api = ApiClient.localApi(FIRST_ADMIN);
    static final ApiClient client = new ApiClient(api);

    static Person admin;

    @BeforeAll
    static void publishTheDemoProvinceAndSignInTheAdmin() throws Exception {
        admin = client.demoProvinceWithAdmin(FIRST_ADMIN);
    }

    /** Free slots of the birth registration at the centre over the next two weeks, each once per free place. */
    static List<JsonNode> freePlaces() throws Exception {
        LocalDate today = LocalDate.now(VIETNAM);
        JsonNode slots = ok(client.send("GET", "/v1/appointment-slots?procedureCode=" + BIRTH_REGISTRATION
                + "&centreId=" + CENTRE + "&from=" + today + "&to=" + today.plusDays(13), null, null));
        List<JsonNode> places = new ArrayList<>();
        for (JsonNode slot : slots.path("items")) {
            for (int i = 0; i < slot.path("free").asInt(); i++) {
                places.add(slot);
            }
        }
        assertTrue(places.size() >= 2, slots.toString());
        return places;
    }

    static JsonNode book(Person citizen, JsonNode slot, String key) throws Exception {
        String body = Json.write(Json.object().put("procedureCode", BIRTH_REGISTRATION).put("centreId", CENTRE)
                .put("date", slot.path("date").asText()).put("start", slot.path("start").asText()));
        return status(201, client.send("POST", "/v1/appointments", citizen, body, "idempotency-key", key));
    }

    /** Moves a stored booking to another day and start (its day list's keys follow): days pass on a wall clock. */
    static void move(String id, LocalDate date, LocalTime start) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(AppointmentItems.appointmentKey(id)),
                "sk", AttributeValue.fromS(AppointmentItems.APPT));
        String hhmm = String.format("%02d:%02d", start.getHour(), start.getMinute());
        String counter = client.api().aws().dynamoDb().getItem(b -> b.tableName(client.table()).key(key)
                .consistentRead(true)).item().get("counterId").s();
        Appointment real = new Appointment(id, null, null, CENTRE, counter, null, date, start, start, null, null,
                null, null, null, null, null, null, null, 0);
        set(key, Map.of("date", date.toString(), "start", hhmm, "gsi2pk", AppointmentItems.dayKey(CENTRE, date),
                "gsi2sk", AppointmentItems.daySort(real)));
    }

    static void set(Map<String, AttributeValue> key, Map<String, String> attributes) {
        StringBuilder expression = new StringBuilder();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            expression.append(i == 0 ? "SET " : ", ").append("#a").append(i).append(" = :v").append(i);
            names.put("#a" + i, attribute.getKey());
            values.put(":v" + i, AttributeValue.fromS(attribute.getValue()));
            i++;
        }
        client.api().aws().dynamoDb().updateItem(b -> b.tableName(client.table()).key(key)
                .updateExpression(expression.toString()).expressionAttributeNames(names).expressionAttributeValues(values));
    }

    /** A start earlier today (Vietnam), {@code minutes} ago, never before midnight. */
    static LocalTime minutesAgo(int minutes) {
        LocalDateTime now = LocalDateTime.now(VIETNAM);
        LocalDateTime then = now.minusMinutes(minutes);
        return then.toLocalDate().equals(now.toLocalDate()) ? then.toLocalTime().withSecond(0).withNano(0) : LocalTime.MIN;
    }

    @Test
    void aBookingItsReminderCheckInAndNoShowAppearInTheStatistics() throws Exception {
        Person desk = client.officer("Cán bộ Trung tâm Phục vụ hành chính công", "so-xay-dung", admin);
        String lanPhone = "84905550101";
        Person lan = client.signIn(NewUser.named("Nguyễn Thị Lan").phone(lanPhone));
        Person minh = client.signIn(NewUser.named("Trần Văn Minh").phone("84905550102"));

        // 1. Two citizens book a time for a birth registration.
        List<JsonNode> places = freePlaces();
        JsonNode lanBooking = book(lan, places.get(0), "lan-khai-sinh-0001");
        JsonNode minhBooking = book(minh, places.get(1), "minh-khai-sinh-0001");
        String lanId = lanBooking.path("id").asText();
        String minhId = minhBooking.path("id").asText();
        String code = lanBooking.path("code").asText();
        assertEquals(6, code.length(), lanBooking.toString());

        // 2. Lan's booking is tomorrow; the evening run reminds her through Zalo, once.
        LocalDate today = LocalDate.now(VIETNAM);
        move(lanId, today.plusDays(1), LocalTime.of(8, 0));
        byte[] schedule = Events.load("appointments-reminder-schedule.json").getBytes(StandardCharsets.UTF_8);
        JsonNode run = Json.read(new String(api.functions().invoke("AppointmentReminderFunction", schedule),
                StandardCharsets.UTF_8));
        assertTrue(run.path("reminded").asInt() >= 1, run.toString());
        String reminder = "APPT#" + lanId + "#v1#REMINDER";
        assertTrue(client.dispatched(Set.of(reminder), 90).contains(reminder), "the reminder was not dispatched");
        List<ZaloStubClient.InboxMessage> inbox = api.zaloStub().inboxForPhone(lanPhone).stream()
                .filter(m -> m.trackingId() != null && m.trackingId().contains(reminder)).toList();
        assertEquals(1, inbox.size(), "one reminder in her Zalo inbox: " + api.zaloStub().inboxForPhone(lanPhone));
        assertEquals(code, inbox.get(0).templateData().get("appointment_code"));
        JsonNode again = Json.read(new String(api.functions().invoke("AppointmentReminderFunction", schedule),
                StandardCharsets.UTF_8));
        assertEquals(0, again.path("reminded").asInt(), "a rerun reminds nobody twice: " + again);

        // 3. Her day comes: the desk finds her in the day's list, checks her in by code and serves her.
        move(lanId, today, minutesAgo(30));
        JsonNode day = ok(client.send("GET", "/v1/service-centres/" + CENTRE + "/appointments", desk, null));
        assertTrue(day.path("items").findValuesAsText("id").contains(lanId), day.toString());
        assertEquals(403, client.send("POST", "/v1/appointments/check-in", lan, "{\"code\": \"" + code + "\"}")
                .statusCode(), "a citizen cannot check herself in");
        JsonNode in = ok(client.send("POST", "/v1/appointments/check-in", desk, "{\"code\": \"" + code + "\"}"));
        assertEquals("CHECKED_IN", in.path("status").asText(), in.toString());
        // She waited six minutes at the desk before being called. The wait counts from check-in, or
        // from the slot's start if she came early: just after midnight her slot (moved to 00:00
        // today) starts after that check-in, and the wait is shorter.
        Instant checkedIn = Instant.now().minus(Duration.ofMinutes(6));
        set(Map.of("pk", AttributeValue.fromS(AppointmentItems.appointmentKey(lanId)),
                "sk", AttributeValue.fromS(AppointmentItems.APPT)),
                Map.of("checkedInAt", checkedIn.toString()));
        JsonNode served = ok(client.send("POST", "/v1/appointments/" + lanId + "/serve", desk, "{}"));
        assertEquals("SERVED", served.path("status").asText(), served.toString());
        Instant slotStart = LocalDate.parse(in.path("date").asText()).atTime(LocalTime.parse(in.path("start").asText()))
                .atZone(VIETNAM).toInstant();
        Instant waitFrom = checkedIn.isAfter(slotStart) ? checkedIn : slotStart;
        double expectedWait = Duration.between(waitFrom, Instant.parse(served.path("servedAt").asText())).getSeconds() / 60.0;
        assertEquals(expectedWait * 60, served.path("waitSeconds").asDouble(), 1.0, served.toString());

        // 4. Minh's slot started earlier today and he did not come.
        move(minhId, today, minutesAgo(20));
        JsonNode absent = ok(client.send("POST", "/v1/appointments/" + minhId + "/no-show", desk, null));
        assertEquals("NO_SHOW", absent.path("status").asText(), absent.toString());

        // 5. The centre's statistics.
        JsonNode stats = ok(client.send("GET", "/v1/stats?centreId=" + CENTRE, admin, null));
        JsonNode a = stats.path("appointments");
        assertEquals(2, a.path("booked").asInt(), stats.toString());
        assertEquals(1, a.path("checkedIn").asInt(), stats.toString());
        assertEquals(1, a.path("served").asInt(), stats.toString());
        assertEquals(1, a.path("noShow").asInt(), stats.toString());
        assertEquals(0.5, a.path("showRate").asDouble(), stats.toString());
        double wait = a.path("averageWaitMinutes").asDouble(-1);
        assertEquals(expectedWait, wait, 0.02, "the wait at the desk (about six minutes): " + stats);
        assertTrue(wait <= 7.0, "about six minutes at most: " + stats);
        assertEquals(200, client.send("GET", "/v1/stats?centreId=" + CENTRE, desk, null).statusCode(),
                "the centre's own officers see it");
    }
}
