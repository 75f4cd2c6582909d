package vn.smartprovince.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.testkit.ApiClient.Person;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.testkit.OpenApiRoutes;

/**
 * Authorization before validation, end to end: every route of functions/openapi.yaml that changes
 * something of one report ({@code POST|PUT|PATCH|DELETE /v1/reports/{id}/...}) is walked with a
 * stranger's session (an officer of another agency; a citizen who does not own the report) and
 * malformed bodies. Each answers 404 or 403, the same whatever the body (never 400), and nothing
 * of the report is written. A new such route fails this test until it is walked here or listed in
 * {@link #EXEMPT} with the reason. The other write routes with a path parameter (officer roles of a
 * user) are walked the same way by a caller who is not the province's admin.
 */
class StrangerAccessApiIT {
    static final String FIRST_ADMIN = "8100000000000000091";

    @RegisterExtension
    static LocalApiExtension api = ReportsApiClient.localApi(FIRST_ADMIN);

    static final ReportsApiClient client = new ReportsApiClient(api);

    /** Routes acting on a report that a stranger may legitimately use, and why. */
    static final Map<String, String> EXEMPT = Map.of(
            "POST /v1/reports/{id}/support",
            "me-too is open to every signed-in citizen on an open report (not their own); it has no body");

    /** Bodies that must not change the answer of a caller without the right. */
    static final List<String> MALFORMED = List.of("{not json", "[1, 2, 3]",
            "{\"expectedVersion\": \"x\", \"unknown\": {\"deep\": true}, \"text\": 7}");

    static Person owner;
    static Person strangerCitizen;
    static Person otherAgencyOfficer;
    static String reportId;

    @BeforeAll
    static void aReportAndTwoStrangers() throws Exception {
        Person admin = client.demoProvinceWithAdmin(FIRST_ADMIN);
        owner = client.citizen("Chủ phản ánh");
        strangerCitizen = client.citizen("Người lạ");
        otherAgencyOfficer = client.officer("Cán bộ Công an", "cong-an-tinh", admin);
        JsonNode created = client.submit(owner, ReportsApiClient.submission("ROAD_DAMAGE", "Ổ gà lớn", Map.of()));
        reportId = created.path("id").asText();
        assertEquals("so-xay-dung", created.path("agency").path("id").asText());
    }

    /** {@code METHOD /v1/reports/{param}/...} of every write route on one report in functions/openapi.yaml. */
    static List<String> reportWriteRoutes() throws IOException {
        return writeRoutes("/v1/reports/\\{[^}]+}[^:]*").stream()
                .map(route -> route.replaceAll("\\{[^}]+}", "{id}")).toList();
    }

    /** {@code METHOD path} of every write route of functions/openapi.yaml whose path matches. */
    static List<String> writeRoutes(String pathPattern) throws IOException {
        return OpenApiRoutes.matching(pathPattern, "post|put|patch|delete");
    }

    /** Every item of the report's partition and every statistics item: what a refused request must leave alone. */
    static TreeSet<String> reportItems() {
        TreeSet<String> items = new TreeSet<>();
        String table = api.aws().tableName("MainTable");
        api.aws().dynamoDb().queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("REPORT#" + reportId))))
                .items().forEach(item -> items.add(new java.util.TreeMap<>(item).toString()));
        api.aws().dynamoDb().scanPaginator(b -> b.tableName(table).consistentRead(true)
                        // Not the notification counters: the dispatcher writes them in the background.
                        .filterExpression("begins_with(pk, :s) AND pk <> :n")
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("STATS#"),
                                ":n", AttributeValue.fromS(vn.smartprovince.shared.stats.NotificationCounterKeys.PK))))
                .items().forEach(item -> items.add(new java.util.TreeMap<>(item).toString()));
        return items;
    }

    @Test
    void everyRouteActingOnAReportRefusesAStrangerWhateverTheBody() throws Exception {
        List<String> routes = reportWriteRoutes();
        assertTrue(routes.size() >= 13, "the routes were read from functions/openapi.yaml: " + routes);
        TreeSet<String> before = reportItems();
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String route : routes) {
            if (EXEMPT.containsKey(route)) {
                continue;
            }
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("{id}", reportId);
            for (Person stranger : List.of(otherAgencyOfficer, strangerCitizen)) {
                String who = stranger == otherAgencyOfficer ? "officer of another agency" : "citizen, not the owner";
                Set<Integer> statuses = new TreeSet<>();
                for (String body : MALFORMED) {
                    HttpResponse<String> response = client.send(method, path, stranger, body,
                            "if-match", "\"not-a-version\"", "idempotency-key", "!");
                    statuses.add(response.statusCode());
                    if (response.statusCode() != 403 && response.statusCode() != 404) {
                        problems.add(route + " as " + who + " with " + body + ": " + response.statusCode() + " "
                                + response.body());
                    } else {
                        assertNotEquals("VALIDATION_FAILED",
                                Json.read(response.body()).path("error").path("code").asText(), route);
                    }
                }
                if (statuses.size() != 1) {
                    problems.add(route + " as " + who + ": answers differ with the body " + statuses);
                }
                answers.put(route + " as " + who, statuses.toString());
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        assertEquals(before, reportItems(), "refused requests write nothing");
        // Each stranger is refused as the conventions say: the citizen never learns that the report exists.
        answers.forEach((route, statuses) -> {
            if (route.endsWith("citizen, not the owner") && !route.contains("/moderation")) {
                assertEquals("[404]", statuses, route);
            }
        });
    }

    /**
     * The other write routes with a path parameter (outside /v1/reports/{id}, and outside
     * /v1/dossiers/{id}, which functions/dossiers' DossierStrangerAccessApiIT walks, and outside a booking or
     * a centre, which functions/appointments' AppointmentStrangerAccessApiIT walks, and outside an article of
     * the news desk or an alert, which functions/province's NewsApiIT and AlertsApiIT walk: their zips
     * are built after this module's tests run in a clean build): each names how
     * this test fills its parameters with a resource that exists. A new one fails until it is added.
     */
    static Map<String, String> otherResourceRoutes() {
        return Map.of(
                "PUT /v1/users/{zaloId}/officer-role", "/v1/users/" + owner.id() + "/officer-role",
                "DELETE /v1/users/{zaloId}/officer-role", "/v1/users/" + owner.id() + "/officer-role",
                "PUT /v1/users/{zaloId}/roles/{role}", "/v1/users/" + owner.id() + "/roles/EDITOR",
                "DELETE /v1/users/{zaloId}/roles/{role}", "/v1/users/" + owner.id() + "/roles/EDITOR");
    }

    @Test
    void everyOtherRouteActingOnAResourceRefusesAStrangerWhateverTheBody() throws Exception {
        List<String> routes = writeRoutes("/v1/(?!reports/|dossiers/|appointments/|service-centres/|news-desk/|alerts/)[^:]*\\{[^}]+}[^:]*");
        assertEquals(new TreeSet<>(otherResourceRoutes().keySet()), new TreeSet<>(routes),
                "every write route with a path parameter in functions/openapi.yaml is walked here");
        String table = api.aws().tableName("MainTable");
        Map<String, AttributeValue> profile = Map.of("pk", AttributeValue.fromS("USER#" + owner.id()),
                "sk", AttributeValue.fromS("PROFILE"));
        var before = api.aws().dynamoDb().getItem(b -> b.tableName(table).key(profile).consistentRead(true)).item();
        List<String> problems = new ArrayList<>();
        for (var route : otherResourceRoutes().entrySet()) {
            String method = route.getKey().substring(0, route.getKey().indexOf(' '));
            for (Person stranger : List.of(otherAgencyOfficer, strangerCitizen)) {
                Set<Integer> statuses = new TreeSet<>();
                for (String body : MALFORMED) {
                    HttpResponse<String> response = client.send(method, route.getValue(), stranger, body);
                    statuses.add(response.statusCode());
                    if (response.statusCode() != 403 && response.statusCode() != 404) {
                        problems.add(route.getKey() + " with " + body + ": " + response.statusCode() + " "
                                + response.body());
                    }
                }
                if (statuses.size() != 1) {
                    problems.add(route.getKey() + ": answers differ with the body " + statuses);
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        assertEquals(before, api.aws().dynamoDb().getItem(b -> b.tableName(table).key(profile).consistentRead(true))
                .item(), "refused requests write nothing");
    }

    @Test
    void theExemptionsAreRoutesThatExist() throws Exception {
        assertTrue(reportWriteRoutes().containsAll(EXEMPT.keySet()), "stale exemption: " + EXEMPT.keySet());
    }
}
