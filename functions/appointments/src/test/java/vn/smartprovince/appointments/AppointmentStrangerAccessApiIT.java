package vn.smartprovince.appointments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static vn.smartprovince.testkit.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.ApiClient;
import vn.smartprovince.testkit.ApiClient.Person;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.testkit.OpenApiRoutes;

/**
 * Authorization before validation, end to end, for one booking and one centre: every route of
 * functions/openapi.yaml on {@code /v1/appointments/{id}} and {@code /v1/service-centres/{centreId}/…}
 * is walked with callers who have no right to it, each with malformed bodies. A citizen who did not
 * book it and an officer of another centre's agency get 404 on the booking (its existence is not
 * revealed) and 403 on the centre's desk routes; the booking's own citizen gets 403 on the desk's
 * actions. Never 400, never 2xx, and nothing is written. A new route there fails this test until it
 * is walked here.
 */
class AppointmentStrangerAccessApiIT {
    static final String FIRST_ADMIN = "8100000000000000171";
    static final String CENTRE = "ttphvhcc-tinh";
    static final String BIRTH_REGISTRATION = "1.001193.000.00.00.H56";

    @RegisterExtension
    static LocalApiExtension api = ApiClient.localApi(FIRST_ADMIN);
    static final ApiClient client = new ApiClient(api);

    /** The booking's own routes; the other routes on it are the desk's. */
    static final Set<String> OWNER_ROUTES = Set.of("GET /v1/appointments/{id}", "POST /v1/appointments/{id}/cancel",
            "POST /v1/appointments/{id}/reschedule");

    static final List<String> MALFORMED = List.of("{not json", "[1, 2, 3]",
            "{\"expectedVersion\": \"x\", \"date\": 7, \"start\": {\"deep\": true}, \"reason\": 7}");

    static Person owner;
    static Person strangerCitizen;
    static Person otherAgencyOfficer;
    static String appointmentId;

    @BeforeAll
    static void aBookingAndStrangers() throws Exception {
        Person admin = client.demoProvinceWithAdmin(FIRST_ADMIN);
        owner = client.citizen("Trần Thị Mai");
        strangerCitizen = client.citizen("Người lạ");
        // ubnd-tan-ninh runs the commune desk, not the provincial centre (so-xay-dung runs that).
        otherAgencyOfficer = client.officer("Cán bộ phường Tân Ninh", "ubnd-tan-ninh", admin);
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1);
        JsonNode slots = ok(client.send("GET", "/v1/appointment-slots?procedureCode=" + BIRTH_REGISTRATION
                + "&centreId=" + CENTRE + "&from=" + tomorrow + "&to=" + tomorrow.plusDays(10), null, null));
        JsonNode slot = slots.path("items").get(0);
        String body = Json.write(Json.object().put("procedureCode", BIRTH_REGISTRATION).put("centreId", CENTRE)
                .put("date", slot.path("date").asText()).put("start", slot.path("start").asText()));
        HttpResponse<String> booked = client.send("POST", "/v1/appointments", owner, body, "idempotency-key",
                "stranger-walk-0001");
        assertEquals(201, booked.statusCode(), booked.body());
        appointmentId = Json.read(booked.body()).path("id").asText();
    }

    static List<String> routes() throws Exception {
        List<String> routes = new ArrayList<>();
        OpenApiRoutes.matching("/v1/appointments/\\{[^}]+}[^:]*", "get|post|put|patch|delete").forEach(route ->
                routes.add(route.replaceFirst("/v1/appointments/\\{[^}]+}", "/v1/appointments/{id}")));
        routes.addAll(OpenApiRoutes.matching("/v1/service-centres/\\{[^}]+}/[^:]*", "get|post|put|patch|delete"));
        return routes;
    }

    static String pathOf(String route) {
        return route.substring(route.indexOf(' ') + 1).replace("{id}", appointmentId)
                .replaceFirst("\\{centreId}", CENTRE);
    }

    /** The booking, its code, the centre's slots, closures and counters. */
    static TreeSet<String> items() {
        TreeSet<String> items = new TreeSet<>();
        String table = client.table();
        for (String prefix : List.of("APPT", "STATS#APPT_CENTRE#", "OUTBOX#")) {
            api.aws().dynamoDb().scanPaginator(b -> b.tableName(table).consistentRead(true)
                            .filterExpression("begins_with(pk, :s)")
                            .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(prefix))))
                    .items().forEach(item -> items.add(new TreeMap<>(item).toString()));
        }
        return items;
    }

    static void walk(String route, Person who, String as, int expected, List<String> problems) throws Exception {
        String method = route.substring(0, route.indexOf(' '));
        for (String body : MALFORMED) {
            HttpResponse<String> response = client.send(method, pathOf(route) + (method.equals("GET") ? "?date=x" : ""),
                    who, method.equals("GET") ? null : body, "if-match", "\"not-a-version\"", "idempotency-key", "!");
            if (response.statusCode() != expected) {
                problems.add(route + " as " + as + " with " + body + ": " + response.statusCode() + " (not "
                        + expected + ") " + response.body());
            }
        }
    }

    @Test
    void everyRouteOnABookingOrACentreRefusesCallersWithoutTheRightWhateverTheBody() throws Exception {
        List<String> routes = routes();
        assertTrue(routes.size() >= 7, "the routes were read from functions/openapi.yaml: " + routes);
        TreeSet<String> before = items();
        List<String> problems = new ArrayList<>();
        for (String route : routes) {
            boolean onBooking = route.contains("/v1/appointments/{id}");
            // Someone else's booking does not exist for them; a centre's desk is for its agency's officers.
            walk(route, strangerCitizen, "a citizen who did not book it", onBooking ? 404 : 403, problems);
            walk(route, otherAgencyOfficer, "an officer of another centre's agency", onBooking ? 404 : 403, problems);
            if (onBooking && !OWNER_ROUTES.contains(route)) {
                walk(route, owner, "the citizen who booked it", 403, problems);
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        assertEquals(before, items(), "refused requests write nothing");
        JsonNode mine = ok(client.send("GET", "/v1/appointments/" + appointmentId, owner, null));
        assertEquals("BOOKED", mine.path("status").asText(), mine.toString());
    }
}
