package vn.smartprovince.notifications.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.lambda.StreamRecord;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;

/** The relay's mapping from stream records to queue messages and batch item failures, with a fake queue. */
class OutboxRelayTest {
    /** A stream record of the outbox relay's kind: its key and the new image's job (null: none). */
    static StreamRecord record(String sequence, String eventName, String pk, String job) {
        return new StreamRecord(sequence, eventName, pk, null, job == null ? Map.of() : Map.of(Outbox.JOB, job));
    }

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:30:00Z"), ZoneOffset.UTC);

    /** Records what it is asked to send; answers with {@code behaviour} (default: all sent). */
    static final class FakeQueue implements JobQueue {
        final List<Message> sent = new ArrayList<>();
        Function<List<Message>, List<Outcome>> behaviour = messages -> messages.stream().map(m -> Outcome.SENT).toList();

        @Override
        public List<Outcome> send(List<Message> messages) {
            sent.addAll(messages);
            return behaviour.apply(messages);
        }
    }

    private final FakeQueue queue = new FakeQueue();
    private final OutboxRelay relay = new OutboxRelay(queue);
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @BeforeEach
    void captureLogs() {
        JsonLog.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLogs() {
        JsonLog.redirect(System.out);
    }

    static NotificationJob job(String dedup) {
        return NotificationJob.create("REPORT_ANSWERED", "9000000000000000123", "REPORT_STATUS_CHANGED",
                Map.of("report_code", "TN-7Q4K2", "status_name", "Đã trả lời"), dedup, "req-1", CLOCK);
    }

    static StreamRecord insert(String sequence, NotificationJob job) {
        return record(sequence, "INSERT", Outbox.key(job.jobId()), job.toJson());
    }

    @Test
    void eachNewOutboxItemBecomesOneMessageInStreamOrder() {
        NotificationJob first = job("A#1");
        NotificationJob second = job("B#1");
        OutboxRelay.Result result = relay.relay(List.of(insert("100", first), insert("200", second)));
        assertEquals(List.of(), result.failedSequenceNumbers());
        assertEquals(2, result.sent());
        assertEquals(List.of(new JobQueue.Message(first.jobId(), "REPORT_ANSWERED", 1, first.toJson()),
                new JobQueue.Message(second.jobId(), "REPORT_ANSWERED", 1, second.toJson())), queue.sent);
        assertEquals(first, NotificationJob.fromJson(queue.sent.get(0).body()));
    }

    @Test
    void everyOtherRecordIsSkipped() {
        NotificationJob job = job("A#1");
        List<StreamRecord> records = List.of(
                record("1", "INSERT", "REPORT#01JD", null),
                record("2", "MODIFY", Outbox.key(job.jobId()), job.toJson()),
                record("3", "REMOVE", Outbox.key(job.jobId()), null),      // TTL deletion
                record("4", "INSERT", "USER#900", null),
                record("5", "INSERT", null, null));                        // a numeric pk elsewhere
        OutboxRelay.Result result = relay.relay(records);
        assertEquals(List.of(), queue.sent);
        assertEquals(new OutboxRelay.Result(List.of(), 5, 0, 0, 0), result);
    }

    @Test
    void jobsTheQueueDidNotTakeAreReportedForRetry() {
        List<StreamRecord> records = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            records.add(insert(Integer.toString(i * 100), job("J#" + i)));
        }
        records.add(2, record("250", "MODIFY", "REPORT#1", null));
        queue.behaviour = messages -> List.of(JobQueue.Outcome.SENT, JobQueue.Outcome.SENT, JobQueue.Outcome.RETRYABLE,
                JobQueue.Outcome.SENT, JobQueue.Outcome.RETRYABLE);
        OutboxRelay.Result result = relay.relay(records);
        assertEquals(List.of("300", "500"), result.failedSequenceNumbers());
        assertEquals(3, result.sent());
        assertEquals(5, result.jobs());
        assertEquals(6, result.records());
    }

    @Test
    void aJobThatCanNeverBeSentIsLoggedAndSkippedNotRetried() {
        NotificationJob good = job("A#1");
        StreamRecord broken = record("100", "INSERT", "OUTBOX#legacy-1", "{\"jobVersion\":1}");
        StreamRecord missing = record("150", "INSERT", "OUTBOX#legacy-2", null);
        StreamRecord wrongKey = record("175", "INSERT", "OUTBOX#other", good.toJson());
        OutboxRelay.Result result = relay.relay(List.of(broken, missing, wrongKey, insert("200", good)));
        assertEquals(List.of(), result.failedSequenceNumbers());
        assertEquals(3, result.dropped());
        assertEquals(1, result.sent());
        assertEquals(List.of(good.jobId()), queue.sent.stream().map(JobQueue.Message::jobId).toList());
        String log = logs.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("\"message\":\"outbox job invalid, not relayed\""), log);
        assertTrue(log.contains("OUTBOX#legacy-1"), log);
        assertTrue(log.contains("schemaVersion: required"), log);

        queue.sent.clear();
        queue.behaviour = messages -> List.of(JobQueue.Outcome.REJECTED);
        OutboxRelay.Result refused = relay.relay(List.of(insert("300", job("B#1"))));
        assertEquals(List.of(), refused.failedSequenceNumbers());
        assertEquals(1, refused.dropped());
    }

    @Test
    void aJobOfALaterVersionIsPassedOnAsItIs() {
        String v2 = "{\"schemaVersion\":2,\"jobId\":\"j-2\",\"type\":\"REPORT_RECEIVED\",\"channelHint\":\"ZNS\"}";
        OutboxRelay.Result result = relay.relay(List.of(record("100", "INSERT", "OUTBOX#j-2", v2)));
        assertEquals(1, result.sent());
        assertEquals(new JobQueue.Message("j-2", "REPORT_RECEIVED", 2, v2), queue.sent.get(0));
    }

    @Test
    void aRecordWithoutSequenceNumberFailsTheBatch() {
        NotificationJob job = job("A#1");
        assertThrows(IllegalArgumentException.class,
                () -> relay.relay(List.of(record(null, "INSERT", Outbox.key(job.jobId()), job.toJson()))));
    }

    @Test
    void theHandlerReadsLambdasStreamEventAndAnswersBatchItemFailures() throws Exception {
        queue.behaviour = messages -> messages.stream()
                .map(m -> m.jobId().startsWith("0b6f") ? JobQueue.Outcome.RETRYABLE : JobQueue.Outcome.SENT).toList();
        OutboxRelayHandler handler = new OutboxRelayHandler(relay);
        JsonNode answer = Handlers.invoke(handler, Events.bytes("notifications-outbox-stream.json"));
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"400\"}]}", Json.write(answer));
        assertEquals(List.of("9f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b", "0b6f1e2d-3c4b-4a59-8687-96a5b4c3d2e1"),
                queue.sent.stream().map(JobQueue.Message::jobId).toList());
        assertEquals("Đã trả lời", NotificationJob.fromJson(queue.sent.get(0).body()).parameters().get("status_name"));

        String log = logs.toString(StandardCharsets.UTF_8);
        JsonNode line = Json.read(log.lines().filter(l -> l.contains("\"outbox relay\"")).findFirst().orElseThrow());
        assertEquals("WARN", line.path("level").asText());
        assertEquals(4, line.path("records").asInt());
        assertEquals(2, line.path("jobs").asInt());
        assertEquals(1, line.path("sent").asInt());
        assertEquals(1, line.path("failed").asInt());
        assertFalse(log.contains("TN-7Q4K2"), "job parameters are never logged");
    }

    @Test
    void anEmptyOrAllSentBatchAnswersAnEmptyList() throws Exception {
        assertEquals("{\"batchItemFailures\":[]}", Handlers.invokeRaw(new OutboxRelayHandler(relay),
                "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void streamRecordsAreReadFromLambdasJson() {
        JsonNode event = Json.read(Events.load("notifications-outbox-stream.json"));
        List<StreamRecord> records = StreamRecord.parse(event);
        assertEquals(4, records.size());
        assertEquals("200", records.get(0).sequenceNumber());
        assertEquals("MODIFY", records.get(0).eventName());
        assertEquals("REPORT#01JD", records.get(0).pk());
        assertEquals(null, records.get(0).newString(Outbox.JOB));
        assertEquals("OUTBOX#9f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b", records.get(1).pk());
        assertEquals("REMOVE", records.get(3).eventName());
        assertEquals(null, records.get(3).newString(Outbox.JOB), "a REMOVE has no new image");
        Map<String, Object> numericKey = new HashMap<>();
        numericKey.put("Records", List.of(Map.of("eventName", "INSERT",
                "dynamodb", Map.of("SequenceNumber", "9", "Keys", Map.of("pk", Map.of("N", "7"))))));
        assertEquals(null, StreamRecord.parse(Json.MAPPER.valueToTree(numericKey)).get(0).pk());
    }
}
