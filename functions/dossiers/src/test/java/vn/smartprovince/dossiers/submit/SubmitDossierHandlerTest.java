package vn.smartprovince.dossiers.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.dossiers.Fixtures.*;
import static vn.smartprovince.testkit.Handlers.invokeHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierCounters;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.store.DynamoDbDossierStore;
import vn.smartprovince.dossiers.store.DynamoDbProfiles;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.DocumentType;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.MutableClock;

/** POST /v1/dossiers against the emulator, driven by events/dossiers-submit.json. */
class SubmitDossierHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    private SubmitDossierHandler handler() {
        return new SubmitDossierHandler(new SubmitDossier(store(aws), documents(aws),
                new DynamoDbProfiles(aws.dynamoDb(), aws.tableName("MainTable")), new MutableClock(NOW)), () -> CONFIG);
    }

    /** The sample body with this upload cited, changed by {@code change}. */
    private static Consumer<ObjectNode> withBody(String fileKey, Consumer<ObjectNode> change) {
        return e -> {
            ObjectNode body = (ObjectNode) Json.read(e.path("body").asText());
            ((ObjectNode) body.path("documents").get(0)).put("fileKey", fileKey);
            change.accept(body);
            e.put("body", Json.write(body));
        };
    }

    private static Set<String> fields(JsonNode answer) {
        Set<String> fields = new TreeSet<>();
        answer.path("json").path("error").path("details").forEach(d -> fields.add(d.path("field").asText() + " " + d.path("code").asText()));
        return fields;
    }

    /** A road-works permit body (the demo's fixed-agency procedure) citing this upload as its design. */
    private static ObjectNode roadWorks(String fileKey) {
        ObjectNode body = Json.object().put("procedureCode", ROAD_WORKS).put("resultDelivery", "ONLINE");
        body.set("applicant", Json.object().put("cccd", "072190004321")
                .set("address", Json.object().put("street", "5 Lê Lợi").put("areaCode", "DEMO-P12")));
        body.set("form", Json.object().put("organisationName", "Công ty TNHH Cấp nước Tây Ninh")
                .put("roadName", "Đường 30/4, đoạn Km2-Km3").put("startDate", "2026-12-21").put("durationDays", 20)
                .set("workAddress", Json.object().put("street", "Đường 30/4").put("areaCode", "DEMO-P12")));
        body.putArray("documents").addObject().put("documentKey", "construction_design").put("fileKey", fileKey);
        return body;
    }

    @Test
    void aCitizenSubmitsABirthRegistrationRoutedByTheChildsCommuneAndARetryReplaysIt() {
        String upload = upload(aws, CITIZEN, DocumentType.JPEG, 2048);
        JsonNode created = invokeHttp(handler(), event("dossiers-submit.json", withBody(upload, b -> { })));
        assertEquals(201, created.path("statusCode").asInt(), created.toString());
        JsonNode answer = created.path("json");
        String id = answer.path("id").asText();
        assertTrue(id.matches("d[a-z2-7]{24}"), id);
        assertEquals(1, answer.path("status").path("code").asInt());
        assertEquals("Mới đăng ký", answer.path("status").path("name").asText());
        assertEquals("ubnd-tan-ninh", answer.path("agency").path("id").asText(), "the child's residence DEMO-P01");
        assertEquals("Đăng ký khai sinh", answer.path("procedure").path("name").asText());
        assertEquals(NOW.toString(), answer.path("submittedAt").asText());
        assertEquals("/v1/dossiers/" + id, created.path("headers").path("location").asText());

        DynamoDbDossierStore store = store(aws);
        Dossier dossier = store.find(id).orElseThrow();
        assertEquals(DossierStatus.REGISTERED, dossier.status());
        assertEquals(1, dossier.version());
        assertEquals("84901234567", dossier.applicant().phone());
        assertEquals("FEMALE", dossier.formData().get("sex"));
        assertEquals(Map.of("street", "12 Đường 30/4", "areaCode", "DEMO-P01"), dossier.formData().get("residence"));
        assertTrue(dossier.documents().get(0).fileKey().startsWith("dossier-documents/dossiers/" + id + "/"),
                "copied under the dossier's prefix");
        aws.s3().headObject(b -> b.bucket(aws.bucketName("DocumentBucket")).key(dossier.documents().get(0).fileKey()));
        assertEquals(1, store.timeline(id).size());
        assertEquals("1", aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).key(
                vn.smartprovince.dossiers.store.DossierItems.key(DossierCounters.agencyKey("ubnd-tan-ninh"), "TOTAL")))
                .item().get("submitted").n());

        JsonNode replay = invokeHttp(handler(), event("dossiers-submit.json", withBody(upload, b -> { })));
        assertEquals(201, replay.path("statusCode").asInt());
        assertEquals(id, replay.path("json").path("id").asText());
        assertEquals("true", replay.path("headers").path("idempotent-replayed").asText());

        JsonNode reused = invokeHttp(handler(), event("dossiers-submit.json",
                withBody(upload, b -> ((ObjectNode) b.path("form")).put("childName", "Tên khác"))));
        assertEquals(422, reused.path("statusCode").asInt());
        assertEquals("IDEMPOTENCY_KEY_REUSED", reused.path("json").path("error").path("code").asText());
    }

    @Test
    void theChildsResidenceNotTheParentsAddressChoosesTheCommittee() {
        String upload = upload(aws, CITIZEN, DocumentType.JPEG, 2048);
        JsonNode created = invokeHttp(handler(), event("dossiers-submit.json", header("idempotency-key", "residence-0001"),
                withBody(upload, b -> ((ObjectNode) b.path("form")).putObject("residence")
                        .put("street", "3 Nguyễn Huệ").put("areaCode", "DEMO-P12"))));
        assertEquals(201, created.path("statusCode").asInt(), created.toString());
        assertEquals("ubnd-tan-an", created.path("json").path("agency").path("id").asText(),
                "the child lives in Tân An (DEMO-P12), the applicant in Tân Ninh (DEMO-P01)");
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsWritten() {
        String upload = upload(aws, CITIZEN, DocumentType.JPEG, 2048);
        JsonNode bad = invokeHttp(handler(), event("dossiers-submit.json", header("idempotency-key", "bad-body-0001"),
                withBody(upload, b -> {
                    ((ObjectNode) b.path("applicant")).put("cccd", "999123456789");
                    ObjectNode form = (ObjectNode) b.path("form");
                    form.put("dateOfBirth", "2031-01-01").put("sex", "NU").put("nickname", "Bé")
                            .put("fatherId", "12345").putObject("placeOfBirth")
                            .put("street", "Bệnh viện").put("areaCode", "NOWHERE");
                    form.remove(List.of("childName", "motherId"));
                    b.putArray("documents");
                })));
        assertEquals(400, bad.path("statusCode").asInt(), bad.toString());
        assertEquals(Set.of("applicant.cccd INVALID_CCCD", "form.dateOfBirth DATE_IN_FUTURE", "form.sex UNKNOWN_CHOICE",
                "form.nickname UNKNOWN_FIELD", "form.fatherId INVALID_CCCD", "form.placeOfBirth UNKNOWN_AREA",
                "form.childName REQUIRED", "form.motherId REQUIRED", "documents.birth_notice REQUIRED"), fields(bad));

        JsonNode unknown = invokeHttp(handler(), event("dossiers-submit.json", header("idempotency-key", "bad-body-0002"),
                withBody(upload, b -> b.put("procedureCode", "9.999"))));
        assertEquals(400, unknown.path("statusCode").asInt());
        assertEquals(Set.of("procedureCode UNKNOWN_PROCEDURE"), fields(unknown));

        JsonNode post = invokeHttp(handler(), event("dossiers-submit.json", header("idempotency-key", "bad-body-0003"),
                withBody(upload, b -> b.put("resultDelivery", "POST"))));
        assertEquals(Set.of("deliveryAddress REQUIRED"), fields(post));

        String foreign = upload(aws, OTHER, DocumentType.JPEG, 2048);
        JsonNode notYours = invokeHttp(handler(), event("dossiers-submit.json", header("idempotency-key", "bad-body-0004"),
                withBody(foreign, b -> { })));
        assertEquals(Set.of("documents[0].fileKey NOT_YOURS"), fields(notYours));

        ObjectNode jpegDesign = roadWorks(upload);
        ((ObjectNode) jpegDesign.path("applicant")).put("fullName", "Nguyễn Văn An").put("phone", "0901234567");
        JsonNode wrongType = invokeHttp(handler(), event("dossiers-submit.json", header("idempotency-key", "bad-body-0005"),
                body(jpegDesign)));
        assertEquals(Set.of("documents[0].fileKey WRONG_TYPE"), fields(wrongType), "the design is PDF only");

        ObjectNode outOfRange = roadWorks(upload(aws, CITIZEN, DocumentType.PDF, 2048));
        ((ObjectNode) outOfRange.path("form")).put("durationDays", 400).put("startDate", "2026-12-04");
        ((ObjectNode) outOfRange.path("applicant")).put("fullName", "Nguyễn Văn An").put("phone", "0901234567");
        JsonNode range = invokeHttp(handler(), event("dossiers-submit.json", header("idempotency-key", "bad-body-0007"),
                body(outOfRange)));
        assertEquals(Set.of("form.durationDays OUT_OF_RANGE", "form.startDate DATE_IN_PAST"), fields(range));

        JsonNode missing = invokeHttp(handler(), event("dossiers-submit.json", header("idempotency-key", "bad-body-0006"),
                withBody("dossier-documents/pending/" + CITIZEN + "/0b4e8a52-3f6e-4a8e-9a57-6a2f1d1c3b7e.jpg", b -> { })));
        assertEquals(Set.of("documents[0].fileKey NOT_UPLOADED"), fields(missing));
        assertTrue(store(aws).ofApplicant(CITIZEN, null, 10).dossiers().isEmpty(), "nothing written");
    }

    @Test
    void omittedApplicantFieldsComeFromTheProfileAndAFixedProcedureGoesToItsAgency() {
        profile(aws, OTHER, "Trần Thị Bình", "84912345678");
        JsonNode created = invokeHttp(handler(), event("dossiers-submit.json", as(OTHER), header("idempotency-key", "permit-0001"),
                body(roadWorks(upload(aws, OTHER, DocumentType.PDF, 4096)))));
        assertEquals(201, created.path("statusCode").asInt(), created.toString());
        assertEquals("so-xay-dung", created.path("json").path("agency").path("id").asText());
        Dossier dossier = store(aws).find(created.path("json").path("id").asText()).orElseThrow();
        assertEquals("Trần Thị Bình", dossier.applicant().fullName());
        assertEquals("84912345678", dossier.applicant().phone());
        assertEquals(vn.smartprovince.shared.province.ResultDelivery.ONLINE, dossier.resultDelivery());
        assertFalse(dossier.applicant().cccd().isEmpty());
    }
}
