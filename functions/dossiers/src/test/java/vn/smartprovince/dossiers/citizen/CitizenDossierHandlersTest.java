package vn.smartprovince.dossiers.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.dossiers.Fixtures.*;
import static vn.smartprovince.testkit.Handlers.invokeHttp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.Address;
import vn.smartprovince.dossiers.core.Applicant;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierCounters;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.OpenRequest;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.dossiers.store.DossierItems;
import vn.smartprovince.dossiers.store.DynamoDbDossierStore;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.DocumentType;
import vn.smartprovince.shared.province.ResultDelivery;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.MutableClock;

/** The applicant's routes against the emulator, driven by events/dossiers-*.json. */
class CitizenDossierHandlersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();
    static final MutableClock CLOCK = new MutableClock(NOW);
    static int sequence;

    static final List<String> TAN_NINH_OFFICERS = List.of("officer-tn-1", "officer-tn-2");

    private static CitizenDossiers dossiers() {
        return new CitizenDossiers(store(aws), documents(aws),
                (agency, limit) -> agency.equals("ubnd-tan-ninh") ? TAN_NINH_OFFICERS : List.of(), CLOCK);
    }

    static java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item(String pk, String sk) {
        return aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).consistentRead(true)
                .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(pk),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(sk)))).item();
    }

    /** A registered dossier of {@code userId} at ubnd-tan-ninh, written straight to the store. */
    static Dossier registered(String userId) {
        String id = String.format("dtest%020d", ++sequence);
        Instant at = NOW.minus(Duration.ofDays(10)).plusSeconds(sequence);
        Dossier d = new Dossier.Builder().id(id).procedureCode(BIRTH).agencyId("ubnd-tan-ninh")
                .status(DossierStatus.REGISTERED).version(1)
                .applicant(new Applicant(userId, "Nguyễn Văn An", "072090001234", "84901234567", null,
                        new Address("12 Đường 30/4", "DEMO-P01"), Applicant.ApplicantType.CITIZEN))
                .formData(Map.of("childName", "Bé", "fatherId", "072090009999"))
                .documents(List.of(new vn.smartprovince.dossiers.core.AttachedDocument("birth_notice",
                        "dossier-documents/dossiers/" + id + "/a.jpg", DocumentType.JPEG, 10, at, false)))
                .resultDelivery(ResultDelivery.DESK).submittedAt(at).updatedAt(at).build();
        store(aws).create(d, entry(d, DossierAction.SUBMIT, null, null), List.of(), List.of());
        return d;
    }

    static TimelineEntry entry(Dossier d, DossierAction action, DossierStatus from, String comment) {
        return new TimelineEntry(d.id(), d.version(), d.updatedAt(), "officer-1", ActorRole.OFFICER, action, from,
                d.status(), null, d.agencyId(), comment, null, null, Map.of());
    }

    /** Received, processing, then a supplement requested with the clock paused (version 4). */
    static Dossier awaitingSupplement(String userId) {
        DynamoDbDossierStore store = store(aws);
        Dossier d = registered(userId);
        Instant received = NOW.minus(Duration.ofDays(7));
        Dossier r = d.toBuilder().next(received).status(DossierStatus.RECEIVED).code("000.00.P01.H56-261130-" + sequence)
                .receivedAt(received).dueDate(LocalDate.of(2026, 12, 3)).originalDueDate(LocalDate.of(2026, 12, 3)).build();
        store.update(new DossierStore.Change(d, r, entry(r, DossierAction.RECEIVE, d.status(), null), List.of(),
                DossierCounters.addForAgency("ubnd-tan-ninh", received, "inProgress", 1), null));
        Dossier p = r.toBuilder().next(received.plusSeconds(60)).status(DossierStatus.PROCESSING).build();
        store.update(new DossierStore.Change(r, p, entry(p, DossierAction.START, r.status(), null), List.of(), List.of(), null));
        Instant paused = LocalDate.of(2026, 12, 2).atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
        Dossier s = p.toBuilder().next(paused).status(DossierStatus.SUPPLEMENT_REQUESTED).pausedAt(paused)
                .resumeStatus(DossierStatus.PROCESSING)
                .openRequest(new OpenRequest(OpenRequest.Kind.SUPPLEMENT, List.of("Ảnh giấy chứng sinh bị mờ"),
                        List.of("birth_notice"), null, "Chụp lại rõ nét", paused, "officer-1")).build();
        store.update(new DossierStore.Change(p, s, entry(s, DossierAction.REQUEST_SUPPLEMENT, p.status(), "Bổ sung ảnh rõ"),
                List.of(), List.of(), null));
        return s;
    }

    static JsonNode error(JsonNode answer) {
        return answer.path("json").path("error");
    }

    @Test
    void whoSeesADossierAndHowMuch() {
        Dossier d = registered(CITIZEN);
        GetDossierHandler get = new GetDossierHandler(dossiers(), () -> CONFIG);
        JsonNode mine = invokeHttp(get, event("dossiers-get.json", on(d.id())));
        assertEquals(200, mine.path("statusCode").asInt(), mine.toString());
        assertEquals("072090001234", mine.path("json").path("applicant").path("cccd").asText());
        assertEquals("84901234567", mine.path("json").path("applicant").path("phone").asText());
        assertEquals("SUBMIT", mine.path("json").path("timeline").get(0).path("action").asText());
        assertEquals(1, mine.path("json").path("status").path("code").asInt());

        JsonNode officer = invokeHttp(get, event("dossiers-get.json", on(d.id()), officerOf("off-1", "ubnd-tan-ninh")));
        assertEquals("072090001234", officer.path("json").path("applicant").path("cccd").asText());
        JsonNode admin = invokeHttp(get, event("dossiers-get.json", on(d.id()), admin("adm-1")));
        assertEquals(200, admin.path("statusCode").asInt());
        assertEquals("********1234", admin.path("json").path("applicant").path("cccd").asText());
        assertEquals("84*****4567", admin.path("json").path("applicant").path("phone").asText());
        assertEquals("********9999", admin.path("json").path("form").path("fatherId").asText());

        assertEquals(404, invokeHttp(get, event("dossiers-get.json", on(d.id()), as(OTHER))).path("statusCode").asInt());
        assertEquals(404, invokeHttp(get, event("dossiers-get.json", on(d.id()), officerOf("off-2", "ubnd-tan-an")))
                .path("statusCode").asInt());
        assertEquals(404, invokeHttp(get, event("dossiers-get.json", on("dnothere"))).path("statusCode").asInt());
    }

    @Test
    void myDossiersNewestFirstWithACursorAndATamperedOneIsRefused() {
        String me = "9000000000000000077";
        Dossier first = registered(me);
        Dossier second = awaitingSupplement(me);
        MyDossiersHandler mine = new MyDossiersHandler(dossiers(), () -> CONFIG);
        JsonNode page = invokeHttp(mine, event("dossiers-mine.json", as(me), query("limit", "1")));
        assertEquals(200, page.path("statusCode").asInt(), page.toString());
        JsonNode item = page.path("json").path("items").get(0);
        assertEquals(second.id(), item.path("id").asText());
        assertTrue(item.path("askedOfYou").asBoolean());
        assertEquals("Đăng ký khai sinh", item.path("procedure").path("name").asText());
        assertEquals(5, item.path("status").path("code").asInt());
        assertEquals(second.code(), item.path("reference").asText());
        String cursor = page.path("json").path("nextCursor").asText();
        JsonNode next = invokeHttp(mine, event("dossiers-mine.json", as(me), query("limit", "1"), query("cursor", cursor)));
        assertEquals(first.id(), next.path("json").path("items").get(0).path("id").asText());
        assertFalse(next.path("json").path("items").get(0).path("askedOfYou").asBoolean());

        JsonNode tampered = invokeHttp(mine, event("dossiers-mine.json", as(me), query("cursor", cursor + "x")));
        assertEquals(400, tampered.path("statusCode").asInt());
        assertEquals("cursor", error(tampered).path("details").get(0).path("field").asText());
        JsonNode foreign = invokeHttp(mine, event("dossiers-mine.json", as(OTHER), query("cursor", cursor)));
        assertEquals(400, foreign.path("statusCode").asInt());
    }

    @Test
    void theApplicantWithdrawsOnceAndOthersCannot() {
        Dossier d = registered(CITIZEN);
        CitizenActionHandler actions = new CitizenActionHandler(dossiers(), () -> CONFIG);
        // a stranger gets 404 before the body is read (this one is not even JSON)
        JsonNode stranger = invokeHttp(actions::withdraw, event("dossiers-withdraw.json", on(d.id()), as(OTHER), body("{oops")));
        assertEquals(404, stranger.path("statusCode").asInt());
        JsonNode officer = invokeHttp(actions::withdraw, event("dossiers-withdraw.json", on(d.id()),
                officerOf("off-1", "ubnd-tan-ninh")));
        assertEquals(403, officer.path("statusCode").asInt());

        JsonNode noVersion = invokeHttp(actions::withdraw, event("dossiers-withdraw.json", on(d.id()), body(Json.object())));
        assertEquals(400, noVersion.path("statusCode").asInt());
        assertEquals("expectedVersion", error(noVersion).path("details").get(0).path("field").asText());

        JsonNode stale = invokeHttp(actions::withdraw, event("dossiers-withdraw.json", on(d.id()),
                body(Json.object().put("expectedVersion", 7))));
        assertEquals(409, stale.path("statusCode").asInt());
        assertEquals("VERSION_MISMATCH", error(stale).path("details").get(0).path("code").asText());
        assertEquals(1, error(stale).path("current").path("version").asInt());

        JsonNode done = invokeHttp(actions::withdraw, event("dossiers-withdraw.json", on(d.id())));
        assertEquals(200, done.path("statusCode").asInt(), done.toString());
        assertEquals(7, done.path("json").path("status").path("code").asInt());
        assertEquals("WITHDRAW", done.path("json").path("timeline").get(1).path("action").asText());
        assertEquals("Tôi đã nộp trực tiếp tại bộ phận một cửa.", done.path("json").path("timeline").get(1).path("comment").asText());
        assertEquals("1", aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).key(DossierItems.key(
                DossierCounters.agencyKey("ubnd-tan-ninh"), "TOTAL"))).item().get("withdrawn").n());

        JsonNode again = invokeHttp(actions::withdraw, event("dossiers-withdraw.json", on(d.id()),
                body(Json.object().put("expectedVersion", 2))));
        assertEquals(409, again.path("statusCode").asInt());
        assertEquals("TRANSITION_NOT_ALLOWED", error(again).path("details").get(0).path("code").asText());
    }

    @Test
    void answeringASupplementResumesTheClockAndMovesTheDueDate() {
        Dossier d = awaitingSupplement(CITIZEN);
        CitizenActionHandler actions = new CitizenActionHandler(dossiers(), () -> CONFIG);
        GetDossierHandler get = new GetDossierHandler(dossiers(), () -> CONFIG);
        JsonNode asked = invokeHttp(get, event("dossiers-get.json", on(d.id()))).path("json");
        assertTrue(asked.path("askedOfYou").asBoolean());
        assertEquals("Ảnh giấy chứng sinh bị mờ", asked.path("askedOfYouDetail").path("items").get(0).asText());
        assertEquals("Giấy chứng sinh (hoặc văn bản của người làm chứng xác nhận việc sinh)", asked.path("askedOfYouDetail").path("documents").get(0).path("name").asText());
        assertTrue(asked.path("clock").path("paused").asBoolean());

        JsonNode stranger = invokeHttp(actions::supplement, event("dossiers-supplement.json", on(d.id()), as(OTHER)));
        assertEquals(404, stranger.path("statusCode").asInt());
        String foreign = upload(aws, OTHER, DocumentType.JPEG, 100);
        JsonNode notMine = invokeHttp(actions::supplement, event("dossiers-supplement.json", on(d.id()),
                body(Json.object().put("expectedVersion", 4).put("comment", "Gửi lại").set("documents",
                        Json.MAPPER.createArrayNode().add(Json.object().put("documentKey", "birth_notice").put("fileKey", foreign))))));
        assertEquals(400, notMine.path("statusCode").asInt());
        assertEquals("documents[0].fileKey", error(notMine).path("details").get(0).path("field").asText());
        JsonNode unknown = invokeHttp(actions::supplement, event("dossiers-supplement.json", on(d.id()),
                body(Json.object().put("expectedVersion", 4).put("comment", "Gửi lại").set("documents",
                        Json.MAPPER.createArrayNode().add(Json.object().put("documentKey", "khong_co").put("fileKey", foreign))))));
        assertEquals("documents[0].documentKey", error(unknown).path("details").get(0).path("field").asText());

        // answered on Monday 7 December: paused since Wednesday 2nd, 3 working days (3, 4, 7)
        String upload = upload(aws, CITIZEN, DocumentType.PNG, 100);
        JsonNode answered = invokeHttp(actions::supplement, event("dossiers-supplement.json", on(d.id()),
                body(Json.object().put("expectedVersion", 4).put("comment", "Tôi gửi lại ảnh rõ hơn.").set("documents",
                        Json.MAPPER.createArrayNode().add(Json.object().put("documentKey", "birth_notice").put("fileKey", upload))))));
        assertEquals(200, answered.path("statusCode").asInt(), answered.toString());
        JsonNode after = answered.path("json");
        assertEquals(4, after.path("status").path("code").asInt(), "back to processing");
        assertFalse(after.path("askedOfYou").asBoolean());
        assertFalse(after.path("clock").path("paused").asBoolean());
        assertEquals(3, after.path("clock").path("pausedWorkingDays").asInt());
        assertEquals("2026-12-08", after.path("dueDate").asText(), "3 December + 3 working days");
        assertEquals(2, after.path("documents").size());
        assertTrue(after.path("documents").get(1).path("supplement").asBoolean());
        JsonNode last = after.path("timeline").get(after.path("timeline").size() - 1);
        assertEquals("ANSWER_SUPPLEMENT", last.path("action").asText());
        assertEquals("Tôi gửi lại ảnh rõ hơn.", last.path("comment").asText());
        for (String officer : TAN_NINH_OFFICERS) {     // the agency's officers hear of it, in the same transaction
            var job = vn.smartprovince.shared.notify.Outbox.jobOf(item(vn.smartprovince.shared.notify.Outbox.key(
                    d.id() + "#v5#SUPPLEMENT_ANSWERED#" + officer), vn.smartprovince.shared.notify.Outbox.SORT_KEY));
            assertEquals("DOSSIER_SUPPLEMENT_ANSWERED", job.templateKey());
            assertEquals(officer, job.recipientId());
            assertEquals(d.code(), job.parameters().get("dossier_ref"));
        }

        JsonNode again = invokeHttp(actions::supplement, event("dossiers-supplement.json", on(d.id()),
                body(Json.object().put("expectedVersion", 5).put("comment", "Lần nữa"))));
        assertEquals(409, again.path("statusCode").asInt());
        assertEquals("TRANSITION_NOT_ALLOWED", error(again).path("details").get(0).path("code").asText());
    }
}
