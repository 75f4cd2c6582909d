package vn.smartprovince.shared.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.smartprovince.shared.json.Json;

/** Version 1 of the notification job format: construction, JSON both ways, validation. */
class NotificationJobTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:30:00.123456Z"), ZoneOffset.UTC);

    static NotificationJob job() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("report_code", "TN-7Q4K2");
        params.put("status_name", "Đã trả lời");
        params.put("agency_name", "UBND phường Tân Ninh");
        return NotificationJob.create("REPORT_ANSWERED", "9000000000000000123", "REPORT_STATUS_CHANGED", params,
                "REPORT#01JD#v4#ANSWERED#9000000000000000123", "req-abc", CLOCK);
    }

    @Test
    void createGivesARandomIdTheTimeToTheMillisecondAndVersion1() {
        NotificationJob job = job();
        assertEquals(1, job.schemaVersion());
        assertEquals(Instant.parse("2026-11-28T02:30:00.123Z"), job.createdAt());
        assertEquals(36, job.jobId().length());
        assertNotEquals(job.jobId(), job().jobId());
        assertEquals("REPORT#01JD#v4#ANSWERED", job.withJobId("REPORT#01JD#v4#ANSWERED").jobId());
    }

    @Test
    void jsonHasTheDocumentedShapeAndReadsBackEqual() {
        NotificationJob job = job();
        String json = job.toJson();
        JsonNode node = Json.read(json);
        assertEquals(List.of("schemaVersion", "jobId", "type", "recipientId", "templateKey", "parameters",
                "deduplicationKey", "createdAt", "correlationId"), iterable(node));
        assertEquals(1, node.get("schemaVersion").intValue());
        assertEquals("2026-11-28T02:30:00.123Z", node.get("createdAt").textValue());
        assertEquals("Đã trả lời", node.path("parameters").path("status_name").textValue());
        assertEquals(List.of("report_code", "status_name", "agency_name"), iterable(node.get("parameters")));
        assertEquals(job, NotificationJob.fromJson(json));
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void readingIgnoresUnknownFieldsAndAcceptsOffsets() {
        ObjectNode node = (ObjectNode) Json.read(job().toJson());
        node.put("priority", "HIGH");
        node.put("createdAt", "2026-11-28T09:30:00.123+07:00");
        NotificationJob read = NotificationJob.fromJson(Json.write(node));
        assertEquals(Instant.parse("2026-11-28T02:30:00.123Z"), read.createdAt());
    }

    @Test
    void aLaterVersionIsRecognisedAsSuch() {
        ObjectNode node = (ObjectNode) Json.read(job().toJson());
        node.put("schemaVersion", 2);
        InvalidNotificationJobException e = assertThrows(InvalidNotificationJobException.class,
                () -> NotificationJob.fromJson(Json.write(node)));
        assertTrue(e.unsupportedVersion());
        node.put("schemaVersion", 0);
        assertFalse(assertThrows(InvalidNotificationJobException.class,
                () -> NotificationJob.fromJson(Json.write(node))).unsupportedVersion());
        node.put("schemaVersion", "1");
        assertEquals(List.of("schemaVersion: required, an integer"), assertThrows(InvalidNotificationJobException.class,
                () -> NotificationJob.fromJson(Json.write(node))).problems());
        node.remove("schemaVersion");
        assertThrows(InvalidNotificationJobException.class, () -> NotificationJob.fromJson(Json.write(node)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jobId            | ''                      | jobId: must be",
            "jobId            | 'a b'                   | jobId: must be",
            "type             | report_answered         | type: must be UPPER_SNAKE_CASE",
            "recipientId      | '84901234567 '          | recipientId: must be",
            "templateKey      | REPORT-STATUS           | templateKey: must be UPPER_SNAKE_CASE",
            "deduplicationKey | 'has space'             | deduplicationKey: must be",
            "correlationId    | ''                      | correlationId: must be",
            "createdAt        | 'yesterday'             | createdAt: must be an RFC 3339 instant",
    })
    void eachFieldIsValidatedByName(String field, String value, String problem) {
        ObjectNode node = (ObjectNode) Json.read(job().toJson());
        node.put(field, value);
        InvalidNotificationJobException e = assertThrows(InvalidNotificationJobException.class,
                () -> NotificationJob.fromJson(Json.write(node)));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith(problem), e.problems().toString());
        if (value.length() > 3) {
            assertFalse(e.getMessage().contains(value.strip()), "values are not echoed");
        }
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        InvalidNotificationJobException e = assertThrows(InvalidNotificationJobException.class,
                () -> NotificationJob.fromJson("{\"schemaVersion\":1,\"type\":7,\"parameters\":{\"a\":1}}"));
        assertTrue(e.problems().containsAll(List.of("jobId: required", "type: must be a string",
                "recipientId: required", "parameters.a: must be a string", "createdAt: required")), e.problems().toString());
        assertEquals(List.of("body: not JSON"), assertThrows(InvalidNotificationJobException.class,
                () -> NotificationJob.fromJson("{")).problems());
        assertEquals(List.of("body: not a JSON object"), assertThrows(InvalidNotificationJobException.class,
                () -> NotificationJob.fromJson("[1]")).problems());
    }

    @Test
    void parametersAreLimited() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 31; i++) {
            many.put("p" + i, "x");
        }
        assertThrows(InvalidNotificationJobException.class, () -> withParameters(many));
        assertThrows(InvalidNotificationJobException.class, () -> withParameters(Map.of("1st", "x")));
        assertThrows(InvalidNotificationJobException.class, () -> withParameters(Map.of("code", "x".repeat(1001))));
        InvalidNotificationJobException control = assertThrows(InvalidNotificationJobException.class,
                () -> withParameters(Map.of("code", "a\u0007b")));
        assertEquals(List.of("parameters.code: control characters are not allowed"), control.problems());
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("code", null);
        assertThrows(InvalidNotificationJobException.class, () -> withParameters(nullValue));
        assertEquals("dòng 1\ndòng 2", withParameters(Map.of("text", "dòng 1\ndòng 2")).parameters().get("text"));
        assertEquals(Map.of(), withParameters(Map.of()).parameters());
        assertThrows(InvalidNotificationJobException.class, () -> withParameters(null));
    }

    @Test
    void parametersCannotBeChangedAfterwards() {
        Map<String, String> params = new HashMap<>(Map.of("code", "x"));
        NotificationJob job = withParameters(params);
        params.put("code", "changed");
        assertEquals("x", job.parameters().get("code"));
        assertThrows(UnsupportedOperationException.class, () -> job.parameters().put("other", "y"));
    }

    @Test
    void aCampaignIdIsOptionalAndTravelsOnlyWhenSet() {
        NotificationJob plain = job();
        assertEquals(null, plain.campaignId());
        assertFalse(plain.toJson().contains("campaignId"), "version 1 without the field stays as it was");
        NotificationJob alert = plain.withCampaignId("ALERT#al1");
        NotificationJob read = NotificationJob.fromJson(alert.toJson());
        assertEquals("ALERT#al1", read.campaignId());
        assertEquals(alert, read);
        assertEquals(alert.campaignId(), alert.withJobId("other").campaignId());
        InvalidNotificationJobException bad = assertThrows(InvalidNotificationJobException.class,
                () -> plain.withCampaignId("ALERT# spaced"));
        assertEquals(List.of("campaignId: 1-200 printable ASCII characters, no spaces"), bad.problems());
    }

    private static NotificationJob withParameters(Map<String, String> parameters) {
        return NotificationJob.create("REPORT_RECEIVED", "900", "REPORT_RECEIVED", parameters, "REPORT#1#v1#RECEIVED",
                "req-1", CLOCK);
    }
}
