package vn.smartprovince.dossiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.testkit.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.onestop.OneStopSignature;
import vn.smartprovince.testkit.ApiClient.Person;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.testkit.RepoRoot;
import vn.smartprovince.zalostub.ZaloStubClient;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;

/**
 * Desk-made changes through the local runtime: the one-stop system pushes signed updates to
 * {@code POST /v1/one-stop/updates}; the consumer applies them as officer actions of the one-stop,
 * so the citizen hears of them on her phone as of the mini app's. An out-of-order pair applies in
 * order; a malformed update lands in the inbound DLQ with its reason and blocks nothing.
 */
class DeskUpdateApiIT {
    static final String FIRST_ADMIN = "8100000000000000073";

    @RegisterExtension
    static LocalApiExtension api = DossiersApiClient.localApi(FIRST_ADMIN);
    static final DossiersApiClient client = new DossiersApiClient(api);

    static String signingSecret;

    @BeforeAll
    static void publishTheDemoProvince() throws Exception {
        client.demoProvinceWithAdmin(FIRST_ADMIN);
        JsonNode secrets = Json.read(Files.readString(RepoRoot.get().resolve("infra/local-secrets.json")));
        signingSecret = Json.read(secrets.path("secrets").path("smartprovince/local/one-stop").asText())
                .path("signingSecret").asText();
    }

    /** A certified copy submitted by {@code who}; answers its id. */
    static String submit(Person who, String key) throws Exception {
        String original = client.upload(who, "image/jpeg", "bản chính".getBytes(StandardCharsets.UTF_8));
        ObjectNode copy = Json.object().put("procedureCode", DossiersApiClient.CERTIFIED_COPY);
        copy.set("applicant", DossiersApiClient.applicant("Phạm Thị Hoa", "072190005678", "0987654321", "DEMO-P01"));
        copy.putObject("form").put("documentTitle", "Bằng tốt nghiệp").put("copies", 2).put("pages", 1);
        copy.putArray("documents").addObject().put("documentKey", "original_scan").put("fileKey", original);
        copy.put("resultDelivery", "DESK");
        return client.submit(who, copy, key).path("id").asText();
    }

    static String update(String id, int k, int status, String comment) {
        ObjectNode body = Json.object().put("MaCapNhat", "MC-" + id + "-" + k).put("IdHoSoNguon", id)
                .put("SoThuTuCapNhat", k).put("SoThuTu", 1).put("TrangThaiHoSo", status)
                .put("ThoiGian", "20261201090000").put("CanBoXuLy", "Lê Thị Một Cửa");
        if (comment != null) {
            body.put("NoiDung", comment);
        }
        return Json.write(body);
    }

    /** Pushes {@code body} signed as the one-stop system does. */
    static HttpResponse<String> push(String body) throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        return client.send("POST", "/v1/one-stop/updates", null, body,
                OneStopSignature.TIMESTAMP_HEADER, timestamp,
                OneStopSignature.SIGNATURE_HEADER, OneStopSignature.header(signingSecret, timestamp,
                        body.getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode awaitStatus(Person who, String id, int code) throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        JsonNode dossier = client.dossier(who, id);
        while (dossier.path("status").path("code").asInt() != code && System.currentTimeMillis() < until) {
            Thread.sleep(300);
            dossier = client.dossier(who, id);
        }
        assertEquals(code, dossier.path("status").path("code").asInt(), dossier.toString());
        return dossier;
    }

    @Test
    void aDeskMadeChangeReachesTheCitizensPhoneInOrder() throws Exception {
        String hoaPhone = "84905550201";
        Person hoa = client.signIn(NewUser.named("Phạm Thị Hoa").phone(hoaPhone));
        String id = submit(hoa, "desk-copy-0001");

        assertEquals(202, push(update(id, 1, 2, "Tiếp nhận tại quầy.")).statusCode());
        JsonNode received = awaitStatus(hoa, id, 2);
        assertTrue(received.path("code").asText().matches(".+-\\d{6}-\\d{4}"), received.toString());

        // The one-stop sends 3 (finished) before 2 (started): 3 waits for 2.
        assertEquals(202, push(update(id, 3, 9, "Đã chứng thực 2 bản sao.")).statusCode());
        Thread.sleep(1_500);
        assertEquals(2, client.dossier(hoa, id).path("status").path("code").asInt(), "3 waits for 2");
        assertEquals(202, push(update(id, 2, 4, null)).statusCode());
        JsonNode finished = awaitStatus(hoa, id, 9);
        List<String> steps = new ArrayList<>();
        finished.path("timeline").forEach(line -> steps.add(line.path("action").asText() + "/" + line.path("by").asText()));
        assertEquals(List.of("SUBMIT/APPLICANT", "RECEIVE/ONE_STOP", "START/ONE_STOP", "FINISH/ONE_STOP"), steps);

        // Her phone: the notices of desk-made changes, as of the mini app's.
        Set<String> expected = new LinkedHashSet<>(List.of(id + "#v2#RECEIVED", id + "#v4#RESULT_READY"));
        Set<String> dispatched = client.dispatched(expected, 90);
        assertTrue(dispatched.containsAll(expected), "not dispatched: " + expected.stream()
                .filter(key -> !dispatched.contains(key)).toList());
        // ... and they are on her phone: the Zalo stub's inbox holds the two ZNS messages with her code.
        String code = received.path("code").asText();
        List<String> onHerPhone = api.zaloStub().inboxForPhone(hoaPhone).stream()
                .filter(m -> m.templateData() != null && code.equals(m.templateData().get("dossier_code")))
                .map(ZaloStubClient.InboxMessage::templateId).sorted().toList();
        assertEquals(List.of("900011", "900015"), onHerPhone,
                "DOSSIER_RECEIVED and DOSSIER_RESULT_READY in her inbox: " + api.zaloStub().inboxForPhone(hoaPhone));
    }

    @Test
    void aMalformedUpdateIsADeadLetterWithItsReasonAndBlocksNothing() throws Exception {
        Person tuan = client.citizen("Đỗ Minh Tuấn");
        String first = submit(tuan, "desk-copy-0002");
        String second = submit(tuan, "desk-copy-0003");
        String malformed = update(first, 1, 2, null).replace("\"SoThuTuCapNhat\":1,", "");
        assertEquals(202, push(malformed).statusCode(), "signed: not judged at the door");
        assertEquals(202, push(update(second, 1, 2, null)).statusCode());
        awaitStatus(tuan, second, 2);

        String dlq = api.aws().queueUrl("OneStopInboundDeadLetterQueue");
        String reason = null;
        long until = System.currentTimeMillis() + 30_000;
        while (reason == null && System.currentTimeMillis() < until) {
            for (Message message : api.aws().sqs().receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageAttributeNames("All")).messages()) {
                if (message.body().equals(malformed)) {
                    reason = message.messageAttributes().get("reason").stringValue();
                }
            }
        }
        assertEquals("MISSING_FIELD deskSequence", reason);
        assertEquals(1, client.dossier(tuan, first).path("status").path("code").asInt(), "nothing applied");
    }
}
