package vn.smartprovince.ops.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.testkit.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.stats.StatPeriods;
import vn.smartprovince.testkit.ApiClient;
import vn.smartprovince.testkit.ApiClient.Person;
import vn.smartprovince.testkit.LocalApiExtension;

/**
 * The statistics end to end through the local runtime: what the test does to reports, dossiers and
 * users is exactly what the public and admin statistics then show (as differences from before, so
 * other tests sharing the emulator do not matter), and the CSV opens with correct Vietnamese text.
 * It lives in infra/ops, the last module of the build, because it drives reports, dossiers and
 * the province's routes: end-to-end tests run at their module's verify, when only the modules
 * before it have their deployment zips (a clean clone has no others).
 */
class StatisticsApiIT {
    static final String FIRST_ADMIN = "8100000000000000214";
    static final String CERTIFIED_COPY = "2.000815.000.00.00.H56";

    @RegisterExtension
    static LocalApiExtension api = ApiClient.localApi(FIRST_ADMIN);
    static final ApiClient client = new ApiClient(api);
    static Person admin;

    @BeforeAll
    static void publishTheDemoProvinceAndSignInTheAdmin() throws Exception {
        admin = client.demoProvinceWithAdmin(FIRST_ADMIN);
    }

    private static String week() {
        return StatPeriods.isoWeek(LocalDate.now(StatPeriods.VIETNAM));
    }

    private static String month() {
        return LocalDate.now(StatPeriods.VIETNAM).toString().substring(0, 7);
    }

    /** The current period's point of a series (the last one). */
    private static JsonNode current(String query) throws Exception {
        JsonNode series = ok(client.send("GET", "/v1/public/stats?" + query, null, null));
        JsonNode points = series.path("points");
        return points.get(points.size() - 1);
    }

    private static long diff(JsonNode before, JsonNode after, String block, String field) {
        return after.path(block).path(field).asLong() - before.path(block).path(field).asLong();
    }

    private static ObjectNode report(String description) {
        ObjectNode body = Json.object().put("category", "ROAD_DAMAGE").put("description", description);
        body.putObject("location").put("lat", 11.3101).put("lng", 106.0985).put("address", "12 Đường 30/4")
                .put("areaCode", "DEMO-P02");
        return body;
    }

    private static ObjectNode dossier(Person who) throws Exception {
        byte[] scan = "bản chính".getBytes(StandardCharsets.UTF_8);
        JsonNode upload = ok(client.send("POST", "/v1/dossier-documents/uploads", who,
                Json.write(Json.object().put("contentType", "image/jpeg").put("bytes", scan.length))));
        ApiClient.put(upload.path("uploadUrl").asText(), upload.path("headers"), scan);
        ObjectNode copy = Json.object().put("procedureCode", CERTIFIED_COPY);
        ObjectNode applicant = copy.putObject("applicant").put("fullName", "Nguyễn Thị Lan").put("cccd", "072190001234")
                .put("phone", "0912345678");
        applicant.putObject("address").put("street", "12 Đường 30/4").put("areaCode", "DEMO-P01");
        copy.putObject("form").put("documentTitle", "Bằng tốt nghiệp").put("copies", 2).put("pages", 1);
        copy.putArray("documents").addObject().put("documentKey", "original_scan")
                .put("fileKey", upload.path("fileKey").asText());
        copy.put("resultDelivery", "DESK");
        return copy;
    }

    @Test
    void thePublicStatisticsMatchWhatTheTestDid() throws Exception {
        String agencyWeek = "dimension=AGENCY&key=so-xay-dung&period=WEEK";
        String categoryMonth = "dimension=CATEGORY&key=ROAD_DAMAGE&period=MONTH";
        String communeWeek = "dimension=COMMUNE&key=DEMO-P02&period=WEEK";
        String dossierCommuneMonth = "dimension=COMMUNE&key=DEMO-P01&period=MONTH";
        String procedureWeek = "dimension=PROCEDURE&key=" + CERTIFIED_COPY + "&period=WEEK";
        String provinceMonth = "dimension=PROVINCE&period=MONTH";
        JsonNode agencyBefore = current(agencyWeek);
        JsonNode categoryBefore = current(categoryMonth);
        JsonNode communeBefore = current(communeWeek);
        JsonNode dossierCommuneBefore = current(dossierCommuneMonth);
        JsonNode procedureBefore = current(procedureWeek);
        JsonNode provinceBefore = current(provinceMonth);

        // Three reports in Bình Minh go to Sở Xây dựng; two are answered (in time), one rated 4 stars.
        Person mai = client.citizen("Nguyễn Thị Mai");
        Person builder = client.officer("Cán bộ Sở Xây dựng", "so-xay-dung", admin);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            var created = client.send("POST", "/v1/reports", mai, Json.write(report("Ổ gà lớn số " + i + " trên đường 30/4.")));
            assertEquals(201, created.statusCode(), created.body());
            JsonNode report = Json.read(created.body());
            assertEquals("so-xay-dung", report.path("agency").path("id").asText());
            ids.add(report.path("id").asText());
        }
        for (String id : ids.subList(0, 2)) {
            ok(client.send("POST", "/v1/reports/" + id + "/answer", builder,
                    "{\"text\": \"Đã vá ổ gà.\", \"expectedVersion\": 1}"));
        }
        ok(client.send("POST", "/v1/reports/" + ids.get(0) + "/rating", mai, "{\"stars\": 4}"));

        // Two certified copies of an applicant living in Tân Ninh: both received, one finished (in time).
        Person commune = client.officer("Cán bộ tư pháp phường Tân Ninh", "ubnd-tan-ninh", admin);
        List<String> dossiers = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            var created = client.send("POST", "/v1/dossiers", mai, Json.write(dossier(mai)), "idempotency-key", "stats-copy-000" + i);
            assertEquals(201, created.statusCode(), created.body());
            String id = Json.read(created.body()).path("id").asText();
            dossiers.add(id);
            ok(client.send("POST", "/v1/dossiers/" + id + "/receive", commune, "{\"expectedVersion\": 1}"));
        }
        ok(client.send("POST", "/v1/dossiers/" + dossiers.get(0) + "/start", commune, "{\"expectedVersion\": 2}"));
        JsonNode finished = ok(client.send("POST", "/v1/dossiers/" + dossiers.get(0) + "/finish", commune,
                "{\"summary\": \"Đã chứng thực 2 bản sao.\", \"expectedVersion\": 3}"));
        assertTrue(finished.path("result").path("onTime").asBoolean(), finished.toString());

        JsonNode agency = current(agencyWeek);
        assertEquals(week(), agency.path("period").asText());
        assertEquals(3, diff(agencyBefore, agency, "reports", "received"));
        assertEquals(2, diff(agencyBefore, agency, "reports", "answered"));
        assertEquals(2, diff(agencyBefore, agency, "reports", "answeredOnTime"));
        assertEquals(1, diff(agencyBefore, agency, "reports", "ratings"));
        JsonNode category = current(categoryMonth);
        assertEquals(month(), category.path("period").asText());
        assertEquals(3, diff(categoryBefore, category, "reports", "received"));
        assertEquals(2, diff(categoryBefore, category, "reports", "answered"));
        assertEquals(1, diff(categoryBefore, category, "reports", "ratings"));
        assertTrue(category.path("dossiers").isMissingNode(), "a category has no dossiers");
        JsonNode communeReports = current(communeWeek);
        assertEquals(3, diff(communeBefore, communeReports, "reports", "received"));
        assertEquals(2, diff(communeBefore, communeReports, "reports", "answeredOnTime"));
        if (communeBefore.path("reports").path("ratings").asLong() == 0) {
            assertEquals(4.0, communeReports.path("reports").path("satisfaction").asDouble(), communeReports.toString());
        }
        JsonNode communeDossiers = current(dossierCommuneMonth);
        assertEquals(2, diff(dossierCommuneBefore, communeDossiers, "dossiers", "submitted"));
        assertEquals(2, diff(dossierCommuneBefore, communeDossiers, "dossiers", "received"));
        assertEquals(1, diff(dossierCommuneBefore, communeDossiers, "dossiers", "finishedOnTime"));
        assertEquals(0, diff(dossierCommuneBefore, communeDossiers, "dossiers", "finishedLate"));
        JsonNode procedure = current(procedureWeek);
        assertEquals(2, diff(procedureBefore, procedure, "dossiers", "received"));
        assertEquals(1, diff(procedureBefore, procedure, "dossiers", "finishedOnTime"));
        assertTrue(procedure.path("reports").isMissingNode(), "a procedure has no reports");
        JsonNode province = current(provinceMonth);
        assertEquals(3, diff(provinceBefore, province, "reports", "received"));
        assertEquals(2, diff(provinceBefore, province, "dossiers", "received"));

        // The summary of the month lists the agency with the same month figures.
        JsonNode summary = ok(client.send("GET", "/v1/public/stats?dimension=AGENCY", null, null));
        assertEquals(month(), summary.path("month").asText());
        JsonNode builderRow = null;
        for (JsonNode item : summary.path("items")) {
            if (item.path("key").asText().equals("so-xay-dung")) {
                builderRow = item;
            }
        }
        assertEquals("Sở Xây dựng", builderRow.path("name").asText());
        JsonNode agencyMonth = current("dimension=AGENCY&key=so-xay-dung&period=MONTH");
        assertEquals(agencyMonth.path("reports"), builderRow.path("reports"));

        // Cacheable: ETag then 304; a bad parameter is a 400 naming it.
        var first = client.send("GET", "/v1/public/stats?" + agencyWeek, null, null);
        assertEquals("public, max-age=300", first.headers().firstValue("cache-control").orElse(""));
        var again = client.send("GET", "/v1/public/stats?" + agencyWeek, null, null,
                "if-none-match", first.headers().firstValue("etag").orElseThrow());
        assertEquals(304, again.statusCode());
        JsonNode refused = ApiClient.status(400, client.send("GET", "/v1/public/stats?dimension=DISTRICT", null, null));
        assertEquals("dimension", refused.path("error").path("details").get(0).path("field").asText());
    }

    @Test
    void adminFiguresCountUsersAndTheCsvOpensWithCorrectVietnameseText() throws Exception {
        assertEquals(403, client.send("GET", "/v1/admin/stats", client.citizen("Người lạ"), null).statusCode());
        JsonNode before = ok(client.send("GET", "/v1/admin/stats", admin, null));
        Person elder = client.citizen("Trần Văn Bảy");
        var patched = client.send("PATCH", "/v1/me", elder, "{\"birthYear\": 1960, \"expectedVersion\": 1}");
        assertEquals(200, patched.statusCode(), patched.body());
        client.signInAgain(elder.id()); // a second sign-in the same month counts once
        JsonNode after = ok(client.send("GET", "/v1/admin/stats", admin, null));
        assertEquals(1, after.path("users").path("users").asLong() - before.path("users").path("users").asLong(),
                "the elder");
        assertEquals(1, after.path("users").path("knownBirthYear").asLong() - before.path("users").path("knownBirthYear").asLong());
        assertEquals(1, after.path("users").path("over45").asLong() - before.path("users").path("over45").asLong());
        assertEquals(0, after.path("users").path("unknownBirthYear").asLong() - before.path("users").path("unknownBirthYear").asLong(),
                "unknown at the first sign-in, known since the PATCH");
        assertEquals(1, after.path("activeUsers").get(11).path("active").asLong() - before.path("activeUsers").get(11).path("active").asLong());
        assertEquals(month(), after.path("activeUsers").get(11).path("month").asText());

        HttpRequest request = api.request("/v1/admin/stats.csv").header("authorization", "Bearer " + admin.token()).GET().build();
        HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("content-type").orElse(""));
        String disposition = csv.headers().firstValue("content-disposition").orElse("");
        assertTrue(disposition.matches("attachment; filename=\"[a-z0-9-]+\\.csv\""), disposition);
        byte[] bytes = csv.body();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "the BOM Excel needs");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = parse(text);
        List<String> header = rows.get(0);
        assertEquals(List.of("section", "dimension", "key", "name", "period"), header.subList(0, 5));
        for (List<String> row : rows) {
            assertEquals(header.size(), row.size(), "every row has every column: " + row);
        }
        Map<String, String> names = Map.of("so-xay-dung", "Sở Xây dựng", "DEMO-P01", "Phường Tân Ninh",
                "DEMO-P02", "Phường Bình Minh", "ROAD_DAMAGE", "Hư hỏng mặt đường, ổ gà", CERTIFIED_COPY,
                "Chứng thực bản sao từ bản chính giấy tờ, văn bản");
        names.forEach((key, name) -> assertTrue(rows.stream().anyMatch(r -> r.get(0).equals("public") && r.get(2).equals(key)
                && r.get(3).equals(name) && r.get(4).equals(month())), key + " named " + name));
        int users = header.indexOf("users");
        List<String> userRow = rows.stream().filter(r -> r.get(0).equals("users")).findFirst().orElseThrow();
        assertEquals("Tây Ninh", userRow.get(3));
        assertEquals(after.path("users").path("users").asText(), userRow.get(users));
    }

    /** RFC 4180, as Excel reads it. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
