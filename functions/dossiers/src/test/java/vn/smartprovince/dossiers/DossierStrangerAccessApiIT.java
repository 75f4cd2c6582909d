package vn.smartprovince.dossiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.ApiClient.Person;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.testkit.OpenApiRoutes;

/**
 * Authorization before validation, end to end, for one dossier: every route of functions/openapi.yaml
 * under {@code /v1/dossiers/{id}} (reads and writes) is walked with a signed-in citizen who is not
 * the applicant and an officer of an agency that never handled it, each with malformed bodies.
 * Both get 404, whatever the body (never 400, never 2xx: the dossier's existence is not revealed),
 * and nothing of the dossier is written. Its applicant may read it but not act as an officer: 403
 * on the officers' routes. A new route under {@code /v1/dossiers/{id}} fails this test until it is
 * walked here or listed in {@link #EXEMPT} with the reason. Also: the CCCD and phone of a
 * submission, good or bad, never reach a log line.
 */
class DossierStrangerAccessApiIT {
    static final String FIRST_ADMIN = "8100000000000000081";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String CCCD = "072190004321";
    static final String PHONE = "0987654321";

    @RegisterExtension
    static LocalApiExtension api = DossiersApiClient.localApi(FIRST_ADMIN);
    static final DossiersApiClient client = new DossiersApiClient(api);

    /** Routes on one dossier that a stranger may legitimately use, and why (none so far). */
    static final Map<String, String> EXEMPT = Map.of();

    /** How the walk fills a path parameter other than {id}, with something that exists. */
    static final Map<String, String> PARAMETERS = Map.of("n", "0", "form", "01");

    /** The applicant's own routes: everything else on the dossier is an officer's. */
    static final Set<String> APPLICANT_ROUTES = Set.of("GET /v1/dossiers/{id}", "GET /v1/dossiers/{id}/files/{n}",
            "GET /v1/dossiers/{id}/forms/{form}", "POST /v1/dossiers/{id}/withdraw", "POST /v1/dossiers/{id}/supplement");

    /** Bodies that must not change the answer of a caller without the right. */
    static final List<String> MALFORMED = List.of("{not json", "[1, 2, 3]",
            "{\"expectedVersion\": \"x\", \"toAgencyId\": 7, \"items\": {\"deep\": true}, \"text\": 7}");

    static Person applicant;
    static Person strangerCitizen;
    static Person otherAgencyOfficer;
    static String dossierId;

    @BeforeAll
    static void aReceivedBirthRegistrationAndTwoStrangers() throws Exception {
        Person admin = client.demoProvinceWithAdmin(FIRST_ADMIN);
        applicant = client.citizen("Nguyễn Thị Hoa");
        strangerCitizen = client.citizen("Người lạ");
        otherAgencyOfficer = client.officer("Cán bộ Sở Xây dựng", "so-xay-dung", admin);
        Person commune = client.officer("Cán bộ tư pháp phường Tân Ninh", "ubnd-tan-ninh", admin);
        JsonNode submitted = client.submit(applicant, birthRegistration(applicant, CCCD), "stranger-walk-0001");
        dossierId = submitted.path("id").asText();
        assertEquals("ubnd-tan-ninh", submitted.path("agency").path("id").asText());
        JsonNode received = client.act(commune, dossierId, "receive", 1, Map.of());
        assertEquals(2, received.path("status").path("code").asInt(), received.toString());
        // The receipt's notice relayed first, so that the outbox stays still during the walk.
        assertTrue(client.dispatched(Set.of(dossierId + "#v2#RECEIVED"), 90).contains(dossierId + "#v2#RECEIVED"));
    }

    /** A birth registration in the demo province (commune DEMO-P01), with a photo of the birth notice. */
    static ObjectNode birthRegistration(Person who, String motherCccd) throws Exception {
        String photo = client.upload(who, "image/jpeg", "giấy chứng sinh".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ObjectNode birth = Json.object().put("procedureCode", DossiersApiClient.BIRTH_REGISTRATION);
        birth.set("applicant", DossiersApiClient.applicant("Nguyễn Thị Hoa", motherCccd, PHONE, "DEMO-P01"));
        birth.putObject("onBehalf").put("fullName", "Lê Minh An").put("relationship", "PARENT");
        ObjectNode form = birth.putObject("form").put("childName", "Lê Minh An").put("sex", "FEMALE")
                .put("dateOfBirth", LocalDate.now(VIETNAM).minusDays(2).toString())
                .put("motherName", "Nguyễn Thị Hoa").put("motherId", motherCccd);
        form.set("placeOfBirth", DossiersApiClient.address("Bệnh viện Đa khoa tỉnh", "DEMO-P01"));
        form.set("residence", DossiersApiClient.address("12 Đường 30/4", "DEMO-P01"));
        birth.putArray("documents").addObject().put("documentKey", "birth_notice").put("fileKey", photo);
        birth.put("resultDelivery", "ONLINE");
        return birth;
    }

    /** {@code METHOD /v1/dossiers/{id}/...} of every route on one dossier in functions/openapi.yaml. */
    static List<String> dossierRoutes() throws IOException {
        return OpenApiRoutes.matching("/v1/dossiers/\\{[^}]+}[^:]*", "get|post|put|patch|delete").stream()
                .map(route -> route.replaceFirst("/v1/dossiers/\\{[^}]+}", "/v1/dossiers/{id}")).toList();
    }

    /** The request path of {@code route} on the dossier; fails on a parameter the walk cannot fill. */
    static String pathOf(String route) {
        String path = route.substring(route.indexOf(' ') + 1).replace("{id}", dossierId);
        Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(path);
        StringBuilder filled = new StringBuilder();
        while (parameter.find()) {
            String value = PARAMETERS.get(parameter.group(1));
            if (value == null) {
                fail(route + ": add a value for {" + parameter.group(1) + "} to PARAMETERS");
            }
            parameter.appendReplacement(filled, value);
        }
        return parameter.appendTail(filled).toString();
    }

    /** The dossier's partition, its outbox jobs, every statistics, code and sequence item. */
    static TreeSet<String> dossierItems() {
        TreeSet<String> items = new TreeSet<>();
        String table = client.table();
        api.aws().dynamoDb().queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("DOSSIER#" + dossierId))))
                .items().forEach(item -> items.add(new TreeMap<>(item).toString()));
        for (String prefix : List.of("OUTBOX#" + dossierId, "STATS#", "DOSSIER_CODE#", "DOSSIER_SEQ#")) {
            api.aws().dynamoDb().scanPaginator(b -> b.tableName(table).consistentRead(true)
                            // Not the notification counters: the dispatcher writes them in the background.
                            .filterExpression("begins_with(pk, :s) AND pk <> :n")
                            .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(prefix),
                                    ":n", AttributeValue.fromS(vn.smartprovince.shared.stats.NotificationCounterKeys.PK))))
                    .items().forEach(item -> items.add(new TreeMap<>(item).toString()));
        }
        return items;
    }

    /** {@code route} as {@code who} with each malformed body; the statuses answered, problems added. */
    static Set<Integer> walk(String route, Person who, String as, int expected, List<String> problems) throws Exception {
        String method = route.substring(0, route.indexOf(' '));
        Set<Integer> statuses = new TreeSet<>();
        for (String body : MALFORMED) {
            HttpResponse<String> response = client.send(method, pathOf(route), who, body,
                    "if-match", "\"not-a-version\"", "idempotency-key", "!");
            statuses.add(response.statusCode());
            if (response.statusCode() != expected) {
                problems.add(route + " as " + as + " with " + body + ": " + response.statusCode() + " (not "
                        + expected + ") " + response.body());
            } else if (expected == 403) {
                assertEquals("ACTION_NOT_PERMITTED", Json.read(response.body()).path("error").path("details")
                        .path(0).path("code").asText(), route + ": " + response.body());
            }
        }
        return statuses;
    }

    @Test
    void everyRouteOnADossierAnswers404ToStrangersWhateverTheBody() throws Exception {
        List<String> routes = dossierRoutes();
        assertTrue(routes.size() >= 17, "the routes were read from functions/openapi.yaml: " + routes);
        TreeSet<String> before = dossierItems();
        List<String> problems = new ArrayList<>();
        for (String route : routes) {
            if (EXEMPT.containsKey(route)) {
                continue;
            }
            walk(route, strangerCitizen, "citizen, not the applicant", 404, problems);
            walk(route, otherAgencyOfficer, "officer of another agency (so-xay-dung)", 404, problems);
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        assertEquals(before, dossierItems(), "refused requests write nothing");
    }

    @Test
    void theApplicantReadsButCannotActAsAnOfficer() throws Exception {
        List<String> officerRoutes = dossierRoutes().stream().filter(route -> !APPLICANT_ROUTES.contains(route)).toList();
        assertTrue(officerRoutes.size() >= 12, officerRoutes.toString());
        assertEquals(200, client.send("GET", "/v1/dossiers/" + dossierId, applicant, null).statusCode());
        TreeSet<String> before = dossierItems();
        List<String> problems = new ArrayList<>();
        for (String route : officerRoutes) {
            walk(route, applicant, "the applicant", 403, problems);
        }
        // A well-formed action too: the applicant is refused for who she is, not for the body.
        HttpResponse<String> start = client.send("POST", "/v1/dossiers/" + dossierId + "/start", applicant,
                "{\"expectedVersion\": 2}");
        if (start.statusCode() != 403) {
            problems.add("POST start as the applicant with a valid body: " + start.statusCode() + " " + start.body());
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        assertEquals(before, dossierItems(), "refused requests write nothing");
    }

    @Test
    void theExemptionsAndParametersAreOfRoutesThatExist() throws Exception {
        assertTrue(dossierRoutes().containsAll(EXEMPT.keySet()), "stale exemption: " + EXEMPT.keySet());
        assertTrue(dossierRoutes().containsAll(APPLICANT_ROUTES), "stale applicant route: " + APPLICANT_ROUTES);
    }

    @Test
    void noCccdNorPhoneInAnyLogLine() throws Exception {
        Person mother = client.citizen("Trần Thị Mai");
        String cccd = "079190008642";
        String invalidCccd = "099190002468";   // province prefix 099: not a CCCD, the error names the field
        ObjectNode good = birthRegistration(mother, cccd);
        String id = client.submit(mother, good, "no-cccd-in-logs-0001").path("id").asText();
        assertFalse(id.isBlank());
        ObjectNode bad = birthRegistration(mother, invalidCccd);
        HttpResponse<String> refused = client.send("POST", "/v1/dossiers", mother, Json.write(bad),
                "idempotency-key", "no-cccd-in-logs-0002");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("applicant.cccd"), "the error names the field: " + refused.body());
        // Read back by the applicant and the commune: the answers hold them, the logs must not.
        assertTrue(client.dossier(mother, id).toString().contains(cccd));

        List<String> lines = api.logLines();
        // The submit function's own line of the refused request (not only the runtime's access line).
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"message\":\"request\"")
                        && line.contains("\"route\":\"POST /v1/dossiers\"") && line.contains("\"status\":400")),
                "the capture holds the functions' own lines: " + lines.size() + " lines");
        List<String> secrets = List.of(cccd, invalidCccd, CCCD, PHONE, "84" + PHONE.substring(1),
                "+84" + PHONE.substring(1), PHONE.substring(1));
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            for (String secret : secrets) {
                if (line.contains(secret)) {
                    leaks.add(secret + " in: " + line);
                }
            }
        }
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    }
}
