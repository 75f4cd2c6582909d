package vn.smartprovince.appointments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.testkit.ApiClient.ok;
import static vn.smartprovince.testkit.ApiClient.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.ApiClient;
import vn.smartprovince.testkit.ApiClient.Person;
import vn.smartprovince.testkit.LocalApiExtension;

/**
 * The race, over HTTP through the local runtime: 50 citizens book the last free place of
 * one slot at the same moment; exactly one gets it (201), the 49 others 409 SLOT_FULL with the
 * next free slots. A cancelled place is free again at once; a reschedule to a full slot keeps the
 * old place.
 */
class AppointmentRaceApiIT {
    static final String FIRST_ADMIN = "8100000000000000131";
    static final String CENTRE = "ttphvhcc-tinh";
    /** Served by quay-1 only (capacity 2) at the provincial centre of the demo province. */
    static final String BIRTH_REGISTRATION = "1.001193.000.00.00.H56";
    static final int RACERS = 50;

    @RegisterExtension
    static LocalApiExtension api = ApiClient.localApi(FIRST_ADMIN);
    static final ApiClient client = new ApiClient(api);

    @BeforeAll
    static void publishTheDemoProvince() throws Exception {
        client.demoProvinceWithAdmin(FIRST_ADMIN);
    }

    /** The bookable slots of the centre from tomorrow on (well before any cut-off). */
    static List<JsonNode> slots() throws Exception {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1);
        JsonNode page = ok(client.send("GET", "/v1/appointment-slots?procedureCode=" + BIRTH_REGISTRATION
                + "&centreId=" + CENTRE + "&from=" + tomorrow + "&to=" + tomorrow.plusDays(10), null, null));
        List<JsonNode> slots = new ArrayList<>();
        page.path("items").forEach(slots::add);
        return slots;
    }

    static int free(JsonNode slot) throws Exception {
        for (JsonNode s : slots()) {
            if (s.path("date").equals(slot.path("date")) && s.path("start").equals(slot.path("start"))) {
                return s.path("free").asInt();
            }
        }
        throw new AssertionError("slot gone: " + slot);
    }

    static HttpResponse<String> book(Person who, JsonNode slot, String key) throws Exception {
        String body = Json.write(Json.object().put("procedureCode", BIRTH_REGISTRATION).put("centreId", CENTRE)
                .put("date", slot.path("date").asText()).put("start", slot.path("start").asText()));
        return client.send("POST", "/v1/appointments", who, body, "idempotency-key", key);
    }

    static HttpResponse<String> reschedule(Person who, JsonNode booking, JsonNode slot) throws Exception {
        String body = Json.write(Json.object().put("date", slot.path("date").asText())
                .put("start", slot.path("start").asText()).put("expectedVersion", booking.path("version").asLong()));
        return client.send("POST", "/v1/appointments/" + booking.path("id").asText() + "/reschedule", who, body);
    }

    @Test
    void fiftyCitizensForTheLastPlaceGiveExactlyOneBooking() throws Exception {
        List<JsonNode> slots = slots();
        assertFalse(slots.isEmpty(), "the demo centre has slots");
        JsonNode slot = slots.get(0);
        assertEquals(2, slot.path("free").asInt(), slot.toString());

        // One place goes first: one is left.
        Person early = client.citizen("Người đặt sớm");
        status(201, book(early, slot, "early-booking-0001"));
        assertEquals(1, free(slot));

        List<Person> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            racers.add(client.citizen("Người đặt lịch " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            Person racer = racers.get(i);
            String key = "race-booking-" + i;
            answers.add(pool.submit(() -> {
                go.await();
                return book(racer, slot, key);
            }));
        }
        go.countDown();
        int created = 0;
        int full = 0;
        JsonNode winner = null;
        Person winnerPerson = null;
        for (int i = 0; i < RACERS; i++) {
            HttpResponse<String> answer = answers.get(i).get();
            JsonNode body = Json.read(answer.body());
            if (answer.statusCode() == 201) {
                created++;
                winner = body;
                winnerPerson = racers.get(i);
            } else {
                assertEquals(409, answer.statusCode(), answer.body());
                assertEquals("SLOT_FULL", body.path("error").path("code").asText(), answer.body());
                JsonNode next = body.path("error").path("nextFreeSlots");
                assertTrue(next.size() > 0 && next.size() <= 5, answer.body());
                assertTrue(next.get(0).path("free").asInt() > 0, answer.body());
                full++;
            }
        }
        pool.shutdown();
        assertEquals(1, created, "exactly one booking");
        assertEquals(RACERS - 1, full);
        assertEquals(0, free(slot));
        assertTrue(winner.path("code").asText().matches("[2-9A-HJKMNP-Z]{6}"), winner.toString());
        assertTrue(winner.path("qrSvg").asText().startsWith("<svg"), "a QR code of the booking's code");

        // A cancelled place is free again at once, and someone else gets it.
        JsonNode cancelled = ok(client.send("POST", "/v1/appointments/" + winner.path("id").asText() + "/cancel",
                winnerPerson, Json.write(Json.object().put("expectedVersion", 1))));
        assertEquals("CANCELLED", cancelled.path("status").asText());
        assertEquals(1, free(slot));
        status(201, book(racers.get(0) == winnerPerson ? racers.get(1) : racers.get(0), slot, "after-cancel-0001"));
        assertEquals(0, free(slot));

        // A reschedule to the full slot keeps the old place; to a free one it moves.
        JsonNode other = slots().get(1);
        Person mover = client.citizen("Người đổi lịch");
        JsonNode booking = status(201, book(mover, other, "mover-booking-0001"));
        int otherFree = free(other);
        HttpResponse<String> refused = reschedule(mover, booking, slot);
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals("SLOT_FULL", Json.read(refused.body()).path("error").path("code").asText());
        JsonNode kept = ok(client.send("GET", "/v1/appointments/" + booking.path("id").asText(), mover, null));
        assertEquals(other.path("start").asText(), kept.path("start").asText(), "still at its old time");
        assertEquals("BOOKED", kept.path("status").asText());
        assertEquals(otherFree, free(other), "its old place is still held");

        JsonNode third = slots().get(2);
        int thirdFree = third.path("free").asInt();
        JsonNode moved = ok(reschedule(mover, kept, third));
        assertEquals(third.path("start").asText(), moved.path("start").asText());
        assertEquals(otherFree + 1, free(other), "the old place is given back");
        assertEquals(thirdFree - 1, free(third));
        JsonNode mine = ok(client.send("GET", "/v1/me/appointments", mover, null));
        assertEquals(1, mine.path("items").size());
    }
}
