package vn.smartprovince.reports.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.reports.Fixtures.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.smartprovince.reports.InMemoryReportStore;
import vn.smartprovince.reports.core.Action;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportNotice;
import vn.smartprovince.reports.core.ReportStatus;
import vn.smartprovince.reports.core.TrackingCodes;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.json.Json;

/** Submission: validation, routing, deadlines, urgent alerts, tracking codes, Idempotency-Key. */
public class SubmitReportTest {
    /** Friday 2026-11-27, 09:30 in Vietnam. */
    public static final Instant NOW = Instant.parse("2026-11-27T02:30:00Z");
    final InMemoryReportStore store = new InMemoryReportStore();
    final Photos photos = new Photos();
    final Map<String, List<String>> officers = new HashMap<>(Map.of("so-xay-dung", List.of("9000000000000000101")));
    SubmitReport submit = new SubmitReport(store, () -> DEMO, photos, (agency, limit) -> officers.getOrDefault(agency, List.of()),
            new TrackingCodes(new Random(3)), Clock.fixed(NOW, ZoneOffset.UTC));

    private Report submit(ObjectNode body) {
        return submit.submit(citizen(CITIZEN), body, null).report();
    }

    @Test
    void aValidReportIsRoutedWithADeadlineAJobAndCounters() {
        Report report = submit(body(Map.of("photoKeys", List.of(CITIZEN + "/a.jpg"))));
        assertEquals(ReportStatus.ROUTED, report.status());
        assertEquals("so-xay-dung", report.agencyId(), "ROAD_DAMAGE province-wide rule");
        assertEquals(LocalDate.parse("2026-12-04"), report.deadline(), "5 working days after a Friday");
        assertEquals(1, report.version());
        assertTrue(TrackingCodes.valid(report.trackingCode()));
        assertEquals(List.of(List.of(CITIZEN + "/a.jpg")), photos.verified);
        assertEquals(List.of(List.of(CITIZEN + "/a.jpg")), photos.attached, "the report keeps its own copies");
        assertEquals(List.of("report-photos/reports/" + report.id() + "/a.jpg"), report.photoKeys(),
                "the report cites its copies, not the upload keys that name the citizen");
        assertEquals(report.id(), store.idForTrackingCode(report.trackingCode()).orElseThrow());
        var entry = store.history(report.id()).get(0);
        assertEquals(Action.SUBMIT, entry.action());
        assertEquals(null, entry.from());
        assertEquals("routing: CATEGORY_RULE", entry.reason());
        assertEquals(1, store.outbox.size());
        ReportNotice received = store.outbox.get(0);
        assertEquals(ReportNotice.Kind.RECEIVED, received.kind());
        assertEquals(List.of(CITIZEN), received.recipients());
        assertEquals("2026-12-04", received.params().get("deadline"));
        assertEquals(report.trackingCode(), received.params().get("report_code"));
        assertEquals(1, store.counter("AGENCY", "so-xay-dung", "received"));
        assertEquals(1, store.counter("CATEGORY", "ROAD_DAMAGE", "received"));
        assertEquals(1, store.counter("AREA", "DEMO-P02", "received"));
    }

    @Test
    void routingUsesTheAreaRuleThenTheCategoryRuleThenTriage() {
        assertEquals("ubnd-tan-an", submit(body(Map.of("location", location("DEMO-P12")))).agencyId());
        assertEquals("tiep-nhan", submit(body(Map.of("category", "OTHER"))).agencyId());
        assertEquals("ubnd-tan-ninh", submit(body(Map.of("category", "STREET_LIGHT", "location", location("DEMO-OLD-0101"))))
                .agencyId(), "a former code counts as its current unit");
        Report former = store.reports.values().stream().filter(r -> r.categoryCode().equals("STREET_LIGHT")).findFirst().orElseThrow();
        assertEquals("DEMO-P01", former.location().areaCode(), "stored with the current code");
    }

    @Test
    void urgentCategoriesAlertTheAgencysOfficersInTheSameWrite() {
        Report report = submit(body(Map.of("category", "FLOODING")));
        assertTrue(report.urgent());
        assertEquals(LocalDate.parse("2026-12-01"), report.deadline(), "2 working days");
        ReportNotice alert = store.outbox.stream().filter(n -> n.kind() == ReportNotice.Kind.URGENT_REPORT).findFirst().orElseThrow();
        assertEquals(List.of("9000000000000000101"), alert.recipients());
        assertEquals("Sở Xây dựng", alert.params().get("agency_name"));
        assertEquals(java.util.Set.of("report_code", "status_name", "agency_name"), alert.params().keySet(),
                "exactly the parameters of the REPORT_STATUS_CHANGED template");
    }

    @Test
    void theSameIdempotencyKeyReplaysAndADifferentBodyIs422() {
        var first = submit.submit(citizen(CITIZEN), body(), "key-000000001");
        var again = submit.submit(citizen(CITIZEN), body(), "key-000000001");
        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(first.report().id(), again.report().id());
        assertEquals(1, store.reports.size());
        ApiException e = assertThrows(ApiException.class,
                () -> submit.submit(citizen(CITIZEN), body(Map.of("description", "Khác")), "key-000000001"));
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, e.code());
        assertEquals(1, store.reports.size());
        var otherCitizen = submit.submit(citizen(OTHER_CITIZEN), body(), "key-000000001");
        assertFalse(otherCitizen.replayed(), "keys are per citizen");
        assertEquals(2, store.reports.size());
    }

    @Test
    void aTakenTrackingCodeIsDrawnAgain() {
        TrackingCodes fixed = new TrackingCodes(new Random(11));
        String taken = new TrackingCodes(new Random(11)).next();
        store.codes.put(taken, "rsomeoneelse");
        submit = new SubmitReport(store, () -> DEMO, photos, (a, l) -> List.of(), fixed, Clock.fixed(NOW, ZoneOffset.UTC));
        Report report = submit(body());
        assertFalse(report.trackingCode().equals(taken));
    }

    public static Map<String, Object> location(String areaCode) {
        return Map.of("lat", LAT, "lng", LNG, "address", "x", "areaCode", areaCode);
    }

    /** Each bad input: 400 naming the field and rule, and nothing written. */
    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        Map<String, ObjectNode> cases = new java.util.LinkedHashMap<>();
        cases.put("category|REQUIRED", body(mapOf("category", null)));
        cases.put("category|INVALID_TYPE", body(Map.of("category", 12)));
        cases.put("category|UNKNOWN_CATEGORY", body(Map.of("category", "ALIENS")));
        cases.put("description|REQUIRED", body(Map.of("description", "   ")));
        cases.put("description|TOO_LONG", body(Map.of("description", "ổ".repeat(4001))));
        cases.put("description|CONTROL_CHARACTER", body(Map.of("description", "a\u0007b")));
        cases.put("location|REQUIRED", body(mapOf("location", null)));
        cases.put("location.lat|INVALID_TYPE", body(Map.of("location", Map.of("lat", "11.3", "lng", LNG, "areaCode", "DEMO-P02"))));
        cases.put("location.lng|OUT_OF_RANGE", body(Map.of("location", Map.of("lat", LAT, "lng", 190, "areaCode", "DEMO-P02"))));
        cases.put("location|OUTSIDE_PROVINCE", body(Map.of("location", Map.of("lat", 21.03, "lng", 105.85, "areaCode", "DEMO-P02"))));
        cases.put("location.areaCode|UNKNOWN_AREA", body(Map.of("location", location("DEMO-P99"))));
        cases.put("location.areaCode|REQUIRED", body(Map.of("location", Map.of("lat", LAT, "lng", LNG))));
        cases.put("photoKeys|TOO_MANY", body(Map.of("photoKeys", List.of("a", "b", "c", "d", "e", "f"))));
        cases.put("photoKeys[1]|DUPLICATE", body(Map.of("photoKeys", List.of(CITIZEN + "/a", CITIZEN + "/a"))));
        cases.put("photoKeys[0]|PHOTO_NOT_FOUND", body(Map.of("photoKeys", List.of(OTHER_CITIZEN + "/theirs.jpg"))));
        cases.put("hideIdentity|ANONYMOUS_NOT_ALLOWED", body(Map.of("category", "OTHER", "hideIdentity", true)));
        cases.put("hideIdentity|INVALID_TYPE", body(Map.of("hideIdentity", "yes")));
        cases.put("colour|UNKNOWN_FIELD", body(Map.of("colour", "red")));
        String before = store.snapshot();
        cases.forEach((expected, body) -> {
            ApiException e = assertThrows(ApiException.class, () -> submit(body), expected);
            assertEquals(ErrorCode.VALIDATION_FAILED, e.code(), expected);
            List<String> found = e.details().stream().map(d -> d.field() + "|" + d.code()).toList();
            assertTrue(found.contains(expected), expected + " in " + found);
        });
        assertEquals(before, store.snapshot(), "nothing written");
    }

    @Test
    void descriptionsAreNormalisedToNfcAndCountedInCharacters() {
        String decomposed = "Đường ngập sâu".replace("ờ", "ơ\u0300").replace("â", "a\u0302");
        Report report = submit(body(Map.of("description", "  " + decomposed + "\n")));
        assertEquals("Đường ngập sâu", report.description());
        assertEquals("ổ".repeat(4000), submit(body(Map.of("description", "ổ".repeat(4000)))).description());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ApiException e = assertThrows(ApiException.class, () -> submit(Json.object()));
        assertEquals(List.of("category", "description", "location"), e.details().stream().map(FieldError::field).toList());
    }

    private static Map<String, Object> mapOf(String key, Object value) {
        Map<String, Object> map = new HashMap<>();
        map.put(key, value);
        return map;
    }
}
