package vn.smartprovince.dossiers.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.dossiers.officer.OfficerFixtures.*;
import static vn.smartprovince.testkit.Handlers.invokeHttp;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.dossiers.store.DynamoDbDossierStore;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.MutableClock;

/**
 * The officers' handlers on the DynamoDB store against the emulator, driven by
 * events/dossiers-officer-*.json (an officer of ubnd-tan-ninh); the province is the one built in
 * code (OfficerFixtures), the clock Tuesday 1 December 2026.
 */
class OfficerHandlersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();
    static final String SAMPLE = "ddemodossiersample01";

    DossierStore store;
    OfficerActionHandler handler;
    MutableClock clock;

    @BeforeEach
    void setUp() {
        store = new DynamoDbDossierStore(aws.dynamoDb(), aws.tableName("MainTable"));
        clock = new MutableClock(TUESDAY);
        handler = new OfficerActionHandler(new OfficerActions(store, () -> CONFIG, null, clock));
    }

    Dossier submitted(String id) {
        Dossier dossier = registered(id, TUESDAY.minusSeconds(3_600));
        TimelineEntry entry = new TimelineEntry(id, 1, dossier.submittedAt(), CITIZEN, ActorRole.APPLICANT,
                DossierAction.SUBMIT, null, DossierStatus.REGISTERED, null, COMMUNE, null, null, null, Map.of());
        store.create(dossier, entry, List.of(), List.of());
        return dossier;
    }

    static ObjectNode event(String name, String id, Consumer<ObjectNode> change) {
        ObjectNode event = (ObjectNode) Json.read(Events.load(name));
        ((ObjectNode) event.path("pathParameters")).put("id", id);
        event.put("rawPath", event.path("rawPath").asText().replace(SAMPLE, id));
        change.accept(event);
        return event;
    }

    static Consumer<ObjectNode> version(int version) {
        return e -> {
            ObjectNode body = (ObjectNode) Json.read(e.path("body").asText());
            body.put("expectedVersion", version);
            e.put("body", Json.write(body));
        };
    }

    static Consumer<ObjectNode> asCitizen(String userId) {
        return e -> {
            ObjectNode lambda = (ObjectNode) e.path("requestContext").path("authorizer").path("lambda");
            lambda.put("userId", userId).put("roles", "CITIZEN");
            lambda.remove("agencyId");
        };
    }

    static Consumer<ObjectNode> asOfficer(String userId, String agencyId) {
        return e -> ((ObjectNode) e.path("requestContext").path("authorizer").path("lambda")).put("userId", userId)
                .put("agencyId", agencyId);
    }

    JsonNode call(RequestStreamHandlerMethod method, ObjectNode event) {
        return invokeHttp(new RequestStreamHandler() {
            @Override
            public void handleRequest(java.io.InputStream in, java.io.OutputStream out,
                                      com.amazonaws.services.lambda.runtime.Context context) throws java.io.IOException {
                method.handle(in, out, context);
            }
        }, event);
    }

    @FunctionalInterface
    interface RequestStreamHandlerMethod {
        void handle(java.io.InputStream in, java.io.OutputStream out,
                    com.amazonaws.services.lambda.runtime.Context context) throws java.io.IOException;
    }

    JsonNode receive(String id, Consumer<ObjectNode> change) {
        return call(handler::receive, event("dossiers-officer-receive.json", id, change));
    }

    static Map<String, AttributeValue> item(String pk, String sk) {
        return aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }

    static TreeSet<String> table() {
        TreeSet<String> items = new TreeSet<>();
        aws.dynamoDb().scanPaginator(b -> b.tableName(aws.tableName("MainTable"))).items()
                .forEach(item -> items.add(new java.util.TreeMap<>(item).toString()));
        return items;
    }

    @Test
    void anOfficerReceivesADossierAndTheApplicantIsToldTheAppointment() {
        submitted("dh-receive");
        JsonNode answer = receive("dh-receive", e -> { });
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        JsonNode dossier = answer.path("json");
        assertEquals(COMMUNE_UNIT + "-261201-0001", dossier.path("code").asText());
        assertEquals("RECEIVED", dossier.path("status").path("key").asText());
        assertEquals("2026-12-07", dossier.path("clock").path("dueDate").asText());
        assertEquals(2, dossier.path("timeline").size(), "the dossier as GET /v1/dossiers/{id} shows it");
        assertEquals("2026-12-07", dossier.path("dueDate").asText());
        assertEquals("\"2\"", answer.path("headers").path("etag").asText());
        assertEquals("dh-receive", store.idForCode(dossier.path("code").asText()).orElseThrow());
        NotificationJob job = Outbox.jobOf(item(Outbox.key("dh-receive#v2#RECEIVED"), Outbox.SORT_KEY));
        assertEquals("DOSSIER_RECEIVED", job.templateKey());
        assertEquals("07/12/2026", job.parameters().get("due_date"));
        assertEquals(CITIZEN, job.recipientId());
        assertEquals(2, store.timeline("dh-receive").size());
    }

    @Test
    void aSupplementAfterReceiptPausesTheClock() {
        submitted("dh-supplement");
        receive("dh-supplement", e -> { });
        JsonNode answer = call(handler::requestSupplement, event("dossiers-officer-request-supplement.json",
                "dh-supplement", e -> { }));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        assertEquals("SUPPLEMENT_REQUESTED", answer.path("json").path("status").path("key").asText());
        assertTrue(answer.path("json").path("clock").path("paused").asBoolean());
        assertEquals(List.of("birth_notice"), store.find("dh-supplement").orElseThrow().openRequest().documentKeys());
        assertFalse(item(Outbox.key("dh-supplement#v3#SUPPLEMENT_REQUESTED"), Outbox.SORT_KEY).isEmpty());
    }

    @Test
    void anOfficerFinishesWithTheResultFile() {
        submitted("dh-finish");
        receive("dh-finish", e -> { });
        assertEquals(200, call(handler::start, event("dossiers-officer-start.json", "dh-finish", e -> { }))
                .path("statusCode").asInt());
        JsonNode answer = call(handler::finish, event("dossiers-officer-finish.json", "dh-finish", e -> e.put("body",
                Json.write(Map.of("summary", "Đã cấp giấy khai sinh", "resultFileKey", "dossiers/dh-finish/kq.pdf",
                        "expectedVersion", 3)))));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        assertEquals("FINISHED", answer.path("json").path("status").path("key").asText());
        assertTrue(answer.path("json").path("result").path("onTime").asBoolean());
        assertEquals("1", item("STATS#DOSSIER_AGENCY#" + COMMUNE, "TOTAL").get("finishedOnTime").n());
    }

    @Test
    void aStrangerGets404AndNothingChanges() {
        submitted("dh-stranger");
        TreeSet<String> before = table();
        JsonNode citizen = receive("dh-stranger", asCitizen(STRANGER));
        assertEquals(404, citizen.path("statusCode").asInt(), citizen.toString());
        JsonNode foreign = receive("dh-stranger", asOfficer(FOREIGN_OFFICER, "so-xay-dung"));
        assertEquals(404, foreign.path("statusCode").asInt(), foreign.toString());
        JsonNode applicant = receive("dh-stranger", asCitizen(CITIZEN));
        assertEquals(403, applicant.path("statusCode").asInt(), applicant.toString());
        assertEquals(before, table());
    }

    @Test
    void aStaleVersionIs409WithTheCurrentDossier() {
        submitted("dh-stale");
        JsonNode stale = receive("dh-stale", version(0));
        assertEquals(409, stale.path("statusCode").asInt(), stale.toString());
        assertEquals("VERSION_MISMATCH", stale.path("json").path("error").path("details").path(0).path("code").asText());
        assertEquals(1, stale.path("json").path("error").path("current").path("version").asInt());
        receive("dh-stale", e -> { });
        JsonNode again = receive("dh-stale", e -> { });
        assertEquals(409, again.path("statusCode").asInt());
        assertEquals("TRANSITION_NOT_ALLOWED", again.path("json").path("error").path("details").path(0).path("code").asText());
        assertEquals("RECEIVED", again.path("json").path("error").path("current").path("status").path("key").asText());
        assertTrue(again.path("json").path("error").path("current").path("timeline").isArray());
    }

    @Test
    void twentyConcurrentReceiptsOfOneDossierAssignExactlyOneCode() throws Exception {
        clock.set(java.time.Instant.parse("2026-12-02T02:00:00Z"));
        submitted("dh-race");
        List<Callable<JsonNode>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> receive("dh-race", e -> { }));
        }
        List<JsonNode> answers = runAll(tasks);
        assertEquals(1, answers.stream().filter(a -> a.path("statusCode").asInt() == 200).count(), answers.toString());
        assertEquals(19, answers.stream().filter(a -> a.path("statusCode").asInt() == 409).count(), answers.toString());
        assertEquals(COMMUNE_UNIT + "-261202-0001", store.find("dh-race").orElseThrow().code());
        assertEquals(1, store.lastSequence(COMMUNE_UNIT, java.time.LocalDate.parse("2026-12-02")));
    }

    @Test
    void twentyConcurrentReceiptsOfOneAgencyNumberTheDayWithoutAGap() throws Exception {
        clock.set(java.time.Instant.parse("2026-12-03T02:00:00Z"));
        List<Callable<JsonNode>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "dh-day-" + i;
            submitted(id);
            tasks.add(() -> receive(id, e -> { }));
        }
        List<JsonNode> answers = runAll(tasks);
        TreeSet<String> codes = new TreeSet<>();
        for (JsonNode answer : answers) {
            assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
            codes.add(answer.path("json").path("code").asText());
        }
        TreeSet<String> expected = new TreeSet<>();
        for (int i = 1; i <= 20; i++) {
            expected.add(OfficerActions.code(COMMUNE_UNIT, java.time.LocalDate.parse("2026-12-03"), i));
        }
        assertEquals(expected, codes);
        assertEquals(20, store.lastSequence(COMMUNE_UNIT, java.time.LocalDate.parse("2026-12-03")));
    }

    private static List<JsonNode> runAll(List<Callable<JsonNode>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        List<JsonNode> answers = new ArrayList<>();
        try {
            for (Future<JsonNode> future : pool.invokeAll(tasks)) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return answers;
    }
}
