package vn.smartprovince.dossiers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.testkit.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.ApiClient.Person;
import vn.smartprovince.testkit.LocalApiExtension;

/**
 * Three dossiers over HTTP through the local runtime, as the "done when" tells it:
 * <ol>
 *   <li>a mother registers her baby's birth with a photo of the birth notice; the commune receives
 *       it (code, appointment date, form 01), asks for a supplement (the clock pauses), she answers
 *       (it resumes); the commune processes and transfers it to the police (liên thông), who finish
 *       it with an online result and return it; the public lookup shows it returned, the name
 *       masked, and details only with the phone's last digits;</li>
 *   <li>a house permit goes late: an apology and new date (form 04) before its due date, then the
 *       days pass, the scheduler flags it overdue, and it is finished late;</li>
 *   <li>a certified copy is refused (form 03).</li>
 * </ol>
 * She was notified at each step, and the statistics count it all. The runtime runs on the wall
 * clock, so the test lets days pass by moving the stored dossier's dates back.
 */
class DossierLifecycleApiIT {
    static final String FIRST_ADMIN = "8100000000000000071";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @RegisterExtension
    static LocalApiExtension api = DossiersApiClient.localApi(FIRST_ADMIN);
    static final DossiersApiClient client = new DossiersApiClient(api);

    static Person admin;

    @BeforeAll
    static void publishTheDemoProvinceAndSignInTheAdmin() throws Exception {
        admin = client.demoProvinceWithAdmin(FIRST_ADMIN);
    }

    @Test
    void birthRegistrationHousePermitAndCertifiedCopyFromSubmissionToStatistics() throws Exception {
        Person lan = client.citizen("Nguyễn Thị Lan");
        Person commune = client.officer("Cán bộ tư pháp phường Tân Ninh", "ubnd-tan-ninh", admin);
        Person police = client.officer("Cán bộ Công an tỉnh", "cong-an-tinh", admin);
        Person stranger = client.citizen("Trần Văn Lạ");
        byte[] birthNotice = new byte[60_000];
        new Random(12).nextBytes(birthNotice);

        // 1. The mother photographs the birth notice and submits for her baby (retried: one dossier).
        String photo = client.upload(lan, "image/jpeg", birthNotice);
        ObjectNode birth = Json.object().put("procedureCode", DossiersApiClient.BIRTH_REGISTRATION);
        birth.set("applicant", DossiersApiClient.applicant("Nguyễn Thị Lan", "072190001234", "0912345678", "DEMO-P01"));
        birth.putObject("onBehalf").put("fullName", "Lê Minh Khang").put("relationship", "PARENT");
        ObjectNode form = birth.putObject("form").put("childName", "Lê Minh Khang").put("sex", "MALE")
                .put("dateOfBirth", LocalDate.now(VIETNAM).minusDays(3).toString())
                .put("motherName", "Nguyễn Thị Lan").put("motherId", "072190001234");
        form.set("placeOfBirth", DossiersApiClient.address("Bệnh viện Đa khoa tỉnh", "DEMO-P01"));
        form.set("residence", DossiersApiClient.address("12 Đường 30/4", "DEMO-P01"));
        birth.putArray("documents").addObject().put("documentKey", "birth_notice").put("fileKey", photo);
        birth.put("resultDelivery", "ONLINE");
        JsonNode submitted = client.submit(lan, birth, "birth-khang-0001");
        String id = submitted.path("id").asText();
        assertEquals(1, submitted.path("status").path("code").asInt());
        assertEquals("ubnd-tan-ninh", submitted.path("agency").path("id").asText(), "routed by the baby's commune");
        assertEquals(id, client.submit(lan, birth, "birth-khang-0001").path("id").asText(), "a retry, not a second dossier");
        assertEquals(1, ok(client.send("GET", "/v1/me/dossiers", lan, null)).path("items").size());
        assertEquals(404, client.send("GET", "/v1/dossiers/" + id, stranger, null).statusCode());
        assertEquals(404, client.send("GET", "/v1/dossiers/" + id + "/files/0", police, null).statusCode(),
                "another agency does not see the papers before the dossier reaches it");

        // 2. The commune sees it in its queue, with the photo, and receives it: code, appointment, form 01.
        JsonNode queue = ok(client.send("GET", "/v1/agencies/ubnd-tan-ninh/dossiers", commune, null));
        assertTrue(queue.path("items").findValuesAsText("id").contains(id), queue.toString());
        JsonNode link = ok(client.send("GET", "/v1/dossiers/" + id + "/files/0", commune, null));
        assertArrayEquals(birthNotice, DossiersApiClient.fetch(link.path("url").asText()).body());
        JsonNode received = client.act(commune, id, "receive", 1, Map.of());
        String code = received.path("code").asText();
        assertTrue(code.matches("000\\.00\\.P01\\.H56-\\d{6}-0001"), code);
        JsonNode slip = ok(client.send("GET", "/v1/dossiers/" + id + "/forms/01", lan, null));
        assertTrue(slip.toString().contains(code), slip.toString());
        String html = client.send("GET", "/v1/dossiers/" + id + "/forms/01?format=html", lan, null).body();
        assertTrue(html.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && html.contains(code) && html.contains("<svg"),
                "the printable slip with its QR code");

        // 3. A supplement after receipt pauses the clock; her answer resumes it.
        client.act(commune, id, "request-supplement", 2, Map.of("items", List.of("Giấy chứng sinh bị mờ, chụp lại rõ hơn."),
                "documentKeys", List.of("birth_notice"), "message", "Vui lòng chụp lại giấy chứng sinh."));
        JsonNode waiting = client.dossier(lan, id);
        assertTrue(waiting.path("clock").path("paused").asBoolean(), waiting.path("clock").toString());
        assertTrue(waiting.path("askedOfYou").asBoolean());
        assertEquals(200, client.send("GET", "/v1/dossiers/" + id + "/forms/02", lan, null).statusCode());
        String clearer = client.upload(lan, "image/jpeg", "ảnh rõ hơn".getBytes(StandardCharsets.UTF_8));
        ObjectNode answer = Json.object().put("expectedVersion", 3).put("comment", "Đã chụp lại.");
        answer.putArray("documents").addObject().put("documentKey", "birth_notice").put("fileKey", clearer);
        JsonNode resumed = ok(client.send("POST", "/v1/dossiers/" + id + "/supplement", lan, Json.write(answer)));
        assertFalse(resumed.path("clock").path("paused").asBoolean(), resumed.toString());
        assertEquals(2, resumed.path("status").path("code").asInt(), "back where it was");

        // 4. Processed, transferred to the police (liên thông), finished online and returned.
        client.act(commune, id, "start", 4, Map.of());
        client.act(commune, id, "transfer", 5, Map.of("toAgencyId", "cong-an-tinh",
                "comment", "Chuyển Công an đăng ký thường trú cho trẻ."));
        assertEquals(403, client.send("POST", "/v1/dossiers/" + id + "/finish", commune,
                "{\"summary\": \"x\", \"expectedVersion\": 6}").statusCode(), "no longer the commune's to act on");
        byte[] certificate = "%PDF-1.4 giấy khai sinh điện tử".getBytes(StandardCharsets.UTF_8);
        String resultFile = client.upload(police, "application/pdf", certificate);
        JsonNode finished = client.act(police, id, "finish", 6, Map.of("summary", "Đã cấp giấy khai sinh bản điện tử.",
                "resultFileKey", resultFile));
        assertEquals(9, finished.path("status").path("code").asInt(), finished.toString());
        assertEquals("FINISHED", finished.path("status").path("key").asText());
        assertEquals(client.dossier(police, id).path("timeline"), finished.path("timeline"),
                "an action answers the dossier as GET /v1/dossiers/{id} shows it");
        JsonNode resultLink = ok(client.send("GET", "/v1/dossiers/" + id + "/files/result", lan, null));
        assertArrayEquals(certificate, DossiersApiClient.fetch(resultLink.path("url").asText()).body());
        client.act(police, id, "return", 7, Map.of("how", "ONLINE"));
        JsonNode sheet = ok(client.send("GET", "/v1/dossiers/" + id + "/forms/06", commune, null));
        assertTrue(sheet.toString().contains("cong-an-tinh") || sheet.toString().contains("Công an"), sheet.toString());

        // 5. The public lookup (no session): status, masked name, never the CCCD or phone.
        JsonNode lookup = ok(client.send("GET", "/v1/dossier-lookup/" + code, null, null));
        assertEquals(10, lookup.path("status").path("code").asInt());
        assertEquals("Lê M. K.", lookup.path("subject").path("maskedName").asText(), lookup.toString());
        for (String secret : List.of("072190001234", "0912345678", "84912345678", "Nguyễn Thị Lan", "Lê Minh Khang")) {
            assertFalse(lookup.toString().contains(secret), secret + " in the public lookup: " + lookup);
        }
        assertTrue(lookup.path("details").isMissingNode() || lookup.path("details").isNull(), lookup.toString());
        JsonNode unlocked = ok(client.send("GET", "/v1/dossier-lookup/" + code + "?phoneLast4=5678", null, null));
        assertFalse(unlocked.path("details").path("steps").isEmpty(), unlocked.toString());

        // 6. A house permit goes late: form 04 before its due date, then the days pass.
        String drawings = client.upload(lan, "application/pdf", "%PDF-1.4 bản vẽ".getBytes(StandardCharsets.UTF_8));
        String landTitle = client.upload(lan, "image/png", "sổ đỏ".getBytes(StandardCharsets.UTF_8));
        ObjectNode house = Json.object().put("procedureCode", DossiersApiClient.HOUSE_PERMIT);
        house.set("applicant", DossiersApiClient.applicant("Nguyễn Thị Lan", "072190001234", "0912345678", "DEMO-P01"));
        ObjectNode houseForm = house.putObject("form").put("plotNumber", "Thửa 123, tờ bản đồ 4").put("floorArea", 120)
                .put("floors", 3).put("contactPhone", "0912345678");
        houseForm.set("plotAddress", DossiersApiClient.address("Tổ 5, khu phố 2", "DEMO-P01"));
        house.putArray("documents").addObject().put("documentKey", "design_drawings").put("fileKey", drawings);
        ((com.fasterxml.jackson.databind.node.ArrayNode) house.get("documents")).addObject()
                .put("documentKey", "land_use_certificate").put("fileKey", landTitle);
        house.put("resultDelivery", "DESK");
        String permit = client.submit(lan, house, "house-permit-0001").path("id").asText();
        JsonNode permitReceived = client.act(commune, permit, "receive", 1, Map.of());
        LocalDate due = LocalDate.parse(permitReceived.path("dueDate").asText());
        JsonNode extended = null;
        for (LocalDate newDate = due.plusDays(7); extended == null; newDate = newDate.plusDays(1)) {
            if (newDate.getDayOfWeek() == DayOfWeek.SATURDAY || newDate.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            var response = client.send("POST", "/v1/dossiers/" + permit + "/extend", commune, Json.write(Json.object()
                    .put("newDueDate", newDate.toString()).put("reason", "Cần thẩm định thêm hồ sơ thiết kế.")
                    .put("expectedVersion", 2)));
            if (response.statusCode() == 200) {
                extended = Json.read(response.body());
            } else {
                assertTrue(newDate.isBefore(due.plusDays(30)), response.body());
            }
        }
        assertEquals(200, client.send("GET", "/v1/dossiers/" + permit + "/forms/04", lan, null).statusCode());
        client.act(commune, permit, "start", 3, Map.of());
        String yesterday = LocalDate.now(VIETNAM).minusDays(1).toString();
        client.rewrite(permit, Map.of("dueDate", yesterday, "receivedAt", LocalDate.now(VIETNAM).minusDays(40)
                .atStartOfDay(VIETNAM).toInstant().toString()));
        api.functions().invoke("DossierLatenessFunction",
                vn.smartprovince.testkit.Events.load("dossiers-lateness-schedule.json").getBytes(StandardCharsets.UTF_8));
        JsonNode flagged = client.dossier(commune, permit);
        assertTrue(flagged.path("overdue").asBoolean(), "the scheduler flagged it: " + flagged);
        assertEquals(5, flagged.path("version").asInt());
        JsonNode late = client.act(commune, permit, "finish", 5, Map.of("summary", "Đã cấp giấy phép xây dựng."));
        assertEquals("FINISHED", late.path("status").path("key").asText(), late.toString());
        assertFalse(late.path("result").path("onTime").asBoolean(), late.toString());

        // 7. A certified copy is refused (form 03).
        String original = client.upload(lan, "image/jpeg", "bản chính".getBytes(StandardCharsets.UTF_8));
        ObjectNode copy = Json.object().put("procedureCode", DossiersApiClient.CERTIFIED_COPY);
        copy.set("applicant", DossiersApiClient.applicant("Nguyễn Thị Lan", "072190001234", "0912345678", "DEMO-P01"));
        copy.putObject("form").put("documentTitle", "Bằng tốt nghiệp").put("copies", 2).put("pages", 1);
        copy.putArray("documents").addObject().put("documentKey", "original_scan").put("fileKey", original);
        copy.put("resultDelivery", "DESK");
        String refusedId = client.submit(lan, copy, "copy-0001").path("id").asText();
        client.act(commune, refusedId, "refuse", 1, Map.of("reasons", "Bản chính không rõ, không đủ điều kiện chứng thực."));
        assertEquals(200, client.send("GET", "/v1/dossiers/" + refusedId + "/forms/03", lan, null).statusCode());

        // She heard about each step through Zalo: every job went from the outbox to the dispatcher.
        Set<String> expected = new LinkedHashSet<>(List.of(id + "#v2#RECEIVED", id + "#v3#SUPPLEMENT_REQUESTED",
                id + "#v7#RESULT_READY", id + "#v8#RETURNED", permit + "#v2#RECEIVED", permit + "#v3#LATE",
                permit + "#v6#RESULT_READY", refusedId + "#v2#CLOSED"));
        Set<String> dispatched = client.dispatched(expected, 90);
        assertTrue(dispatched.containsAll(expected), "not dispatched: "
                + expected.stream().filter(key -> !dispatched.contains(key)).toList());

        // The statistics count it all, for the commune and per procedure.
        JsonNode stats = ok(client.send("GET", "/v1/stats?agencyId=ubnd-tan-ninh", admin, null)).path("dossiers");
        assertEquals(3, stats.path("submitted").asLong(), stats.toString());
        assertEquals(2, stats.path("received").asLong(), stats.toString());
        assertEquals(1, stats.path("refused").asLong());
        assertEquals(1, stats.path("late").asLong());
        assertEquals(1, stats.path("extended").asLong());
        assertEquals(1, stats.path("transferredOut").asLong());
        JsonNode police2 = ok(client.send("GET", "/v1/stats?agencyId=cong-an-tinh", admin, null)).path("dossiers");
        assertEquals(1, police2.path("onTime").asLong(), police2.toString());
        assertEquals(1, police2.path("returned").asLong());
        JsonNode byProcedure = ok(client.send("GET", "/v1/stats?procedureCode=" + DossiersApiClient.BIRTH_REGISTRATION,
                admin, null)).path("dossiers");
        assertEquals(1, byProcedure.path("finished").asLong(), byProcedure.toString());
    }
}
