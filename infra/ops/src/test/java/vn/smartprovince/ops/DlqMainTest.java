package vn.smartprovince.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;

/**
 * {@code infra/bin/dlq} against moto with the template's queues and redrive policies (5 receives,
 * then the DLQ). Messages are parked the way they are in production: received and not deleted until
 * the queue moves them.
 */
class DlqMainTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final String STACK = AwsEmulatorExtension.DEFAULT_STACK_NAME;
    static final String CITIZEN_NAME = "Nguyễn Thị Mai";
    static final String PHONE = "84901234567";

    record Run(int exit, String out, String err) {
    }

    Run dlq(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint", aws.endpoint().toString(), "--region", aws.region(),
                "--stack", STACK));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DlqMain.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void emptyQueues() {
        for (String queue : List.of("NotificationQueue", "NotificationDeadLetterQueue", "ZaloEventQueue",
                "ZaloEventDeadLetterQueue", "OneStopOutboundQueue", "OneStopOutboundDeadLetterQueue",
                "OneStopInboundQueue", "OneStopInboundDeadLetterQueue", "AlertFanOutQueue",
                "AlertFanOutDeadLetterQueue")) {
            aws.sqs().purgeQueue(b -> b.queueUrl(aws.queueUrl(queue)));
        }
    }

    static NotificationJob job(int n) {
        return NotificationJob.create("REPORT_ANSWERED", "900000000000000000" + (n % 10), "REPORT_STATUS_CHANGED",
                Map.of("citizen_name", CITIZEN_NAME, "phone", PHONE, "report_code", "PA-" + n),
                "REPORT#r" + n + "#v4#ANSWERED#900000000000000000" + (n % 10), "req-" + n, Clock.systemUTC());
    }

    /** Sends the bodies to the queue, then fails them 5 times each, until the queue moves them to its DLQ. */
    void park(String queueId, String dlqId, List<String> bodies, String typeAttribute) {
        String url = aws.queueUrl(queueId);
        for (String body : bodies) {
            aws.sqs().sendMessage(b -> b.queueUrl(url).messageBody(body).messageAttributes(Map.of(
                    typeAttribute, MessageAttributeValue.builder().dataType("String").stringValue("REPORT_ANSWERED").build(),
                    "schemaVersion", MessageAttributeValue.builder().dataType("Number").stringValue("1").build())));
        }
        for (int round = 0; round < 200 && waiting(dlqId) < bodies.size(); round++) {
            aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0));
        }
        assertEquals(bodies.size(), waiting(dlqId), "parked in " + dlqId);
    }

    int waiting(String queueId) {
        return Integer.parseInt(aws.sqs().getQueueAttributes(b -> b.queueUrl(aws.queueUrl(queueId))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    List<Message> drain(String queueId) {
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl(queueId)).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).visibilityTimeout(60).messageAttributeNames("All")).messages();
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }

    void parkJobs(int count) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(job(i).toJson());
        }
        park("NotificationQueue", "NotificationDeadLetterQueue", bodies, "type");
    }

    @Test
    void listShowsEachDeadLetterQueueItsDepthAndItsSource() {
        parkJobs(2);
        Run run = dlq("list");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains(STACK + "-NotificationDeadLetterQueue  2 waiting, 0 in flight  <- " + STACK
                + "-NotificationQueue"), run.out());
        assertTrue(run.out().contains(STACK + "-ZaloEventDeadLetterQueue  0 waiting, 0 in flight  <- " + STACK
                + "-ZaloEventQueue"), run.out());
        // The dossiers stack's one-stop queues are named after the root stack: found the same way.
        assertTrue(run.out().contains(STACK + "-OneStopOutboundDeadLetterQueue  0 waiting, 0 in flight  <- " + STACK
                + "-OneStopOutboundQueue"), run.out());
        assertTrue(run.out().contains(STACK + "-OneStopInboundDeadLetterQueue  0 waiting, 0 in flight  <- " + STACK
                + "-OneStopInboundQueue"), run.out());
        // The province stack's alert fan-out queue likewise.
        assertTrue(run.out().contains(STACK + "-AlertFanOutDeadLetterQueue  0 waiting, 0 in flight  <- " + STACK
                + "-AlertFanOutQueue"), run.out());
        assertEquals(5, run.out().lines().count(), "only dead-letter queues: " + run.out());
    }

    @Test
    void aDeskUpdateDeadLetterShowsItsIdsAndReasonNotItsTextAndAParkedNudgeGoesBack() {
        // As OneStopInboundHandler dead-letters an update it cannot apply: the raw body, the reason.
        String update = "{\"MaCapNhat\":\"u-77\",\"IdHoSoNguon\":\"01JDOSSIER\",\"SoThuTuCapNhat\":3,"
                + "\"TrangThaiHoSo\":5,\"NoiDung\":\"" + CITIZEN_NAME + " cần bổ sung\"}";
        aws.sqs().sendMessage(b -> b.queueUrl(aws.queueUrl("OneStopInboundDeadLetterQueue")).messageBody(update)
                .messageAttributes(Map.of("reason", MessageAttributeValue.builder().dataType("String")
                        .stringValue("UNKNOWN_DOSSIER dossierId").build())));
        Run peek = dlq("peek", "OneStopInboundDeadLetterQueue");
        assertEquals(0, peek.exit(), peek.err());
        assertTrue(peek.out().contains("desk-update updateId=u-77 dossierId=01JDOSSIER deskSequence=3 status=5 "
                + "reason=UNKNOWN_DOSSIER_dossierId"), peek.out());
        assertFalse(peek.out().contains("Mai") || peek.out().contains("sung"), "no text: " + peek.out());

        park("OneStopOutboundQueue", "OneStopOutboundDeadLetterQueue",
                List.of("{\"dossierId\":\"01JDOSSIER\",\"sequence\":4}"), "type");
        Run nudge = dlq("peek", "OneStopOutboundDeadLetterQueue");
        assertTrue(nudge.out().contains("one-stop-event dossierId=01JDOSSIER sequence=4"), nudge.out());
        Run redrive = dlq("redrive", "OneStopOutboundDeadLetterQueue");
        assertEquals(0, redrive.exit(), redrive.err());
        assertEquals(0, waiting("OneStopOutboundDeadLetterQueue"));
        assertEquals(1, waiting("OneStopOutboundQueue"), "back where the connector reads it");
    }

    @Test
    void peekShowsWhatAJobIsAndWhenItFailedButNotItsContentAndLeavesItThere() {
        parkJobs(3);
        Run run = dlq("peek", "NotificationDeadLetterQueue", "--max", "2");
        assertEquals(0, run.exit(), run.err());
        List<String> rows = run.out().lines().filter(line -> line.contains(" job ")).toList();
        assertEquals(2, rows.size(), run.out());
        for (String row : rows) {
            assertTrue(row.matches(".*job type=REPORT_ANSWERED jobId=[0-9a-f-]{36} dedup=REPORT#r[0-9]#v4#ANSWERED#9[0-9]+ v=1"), row);
            String[] columns = row.trim().split("\\s+");
            assertTrue(Integer.parseInt(columns[1]) >= 5, "receive count of a parked message: " + row);
            assertTrue(columns[2].matches("20[0-9-]+T[0-9:]+Z"), "first receive: " + row);
            assertTrue(columns[3].matches("20[0-9-]+T[0-9:]+Z"), "sent: " + row);
        }
        assertTrue(run.out().startsWith(STACK + "-NotificationDeadLetterQueue  3 waiting, 0 in flight; showing 2"), run.out());
        assertFalse(run.out().contains(CITIZEN_NAME) || run.out().contains(PHONE) || run.out().contains("PA-"),
                "no parameters: " + run.out());

        Run count = dlq("count", "NotificationDeadLetterQueue");
        assertEquals(STACK + "-NotificationDeadLetterQueue  3 waiting, 0 in flight", count.out().trim(),
                "peeked messages are visible again at once");
    }

    @Test
    void peekAtAZaloEventShowsItsNameMessageIdAndTimeNotTheCitizensText() {
        JsonNode sample = Json.read(Events.load("zalo-events-sqs.json")).path("Records").get(2);
        park("ZaloEventQueue", "ZaloEventDeadLetterQueue", List.of(sample.path("body").asText()), "eventName");
        Run run = dlq("peek", "ZaloEventDeadLetterQueue");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("zalo event=user_send_text msgId=5b9e1c0f7a3d4e21 at=2026-11-28T09:30:00Z"), run.out());
        assertFalse(run.out().contains("Trần Hưng Đạo") || run.out().contains("4400000000000000001")
                || run.out().contains("9000000000000000001"), run.out());
    }

    @Test
    void redriveMovesEveryMessageBackToItsSourceAsItWas() {
        parkJobs(13);
        List<String> parked = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            parked.add(job(i).deduplicationKey());
        }
        Run run = dlq("redrive", "NotificationDeadLetterQueue");
        assertEquals(0, run.exit(), run.err());
        assertEquals("moved 13 from " + STACK + "-NotificationDeadLetterQueue to " + STACK
                + "-NotificationQueue; left: 0 waiting, 0 in flight", run.out().trim());
        assertEquals(0, waiting("NotificationDeadLetterQueue"));

        List<Message> back = drain("NotificationQueue");
        assertEquals(13, back.size());
        assertEquals(parked.stream().sorted().toList(), back.stream()
                .map(m -> NotificationJob.fromJson(m.body()).deduplicationKey()).sorted().toList());
        for (Message m : back) {
            assertEquals("REPORT_ANSWERED", m.messageAttributes().get("type").stringValue());
            assertEquals("1", m.messageAttributes().get("schemaVersion").stringValue());
            assertEquals(CITIZEN_NAME, NotificationJob.fromJson(m.body()).parameters().get("citizen_name"),
                    "bodies unchanged");
        }
    }

    @Test
    void redriveMovesAtMostMaxAndCanTargetAnotherQueue() {
        parkJobs(3);
        Run some = dlq("redrive", "NotificationDeadLetterQueue", "--max", "2");
        assertEquals(0, some.exit(), some.err());
        assertTrue(some.out().startsWith("moved 2 "), some.out());
        assertEquals(1, waiting("NotificationDeadLetterQueue"));

        Run rest = dlq("redrive", STACK + "-NotificationDeadLetterQueue", "--to", "ZaloEventQueue");
        assertEquals(0, rest.exit(), rest.err());
        assertTrue(rest.out().startsWith("moved 1 from " + STACK + "-NotificationDeadLetterQueue to " + STACK
                + "-ZaloEventQueue"), rest.out());
        assertEquals(2, drain("NotificationQueue").size());
        assertEquals(1, drain("ZaloEventQueue").size());
    }

    @Test
    void queuesAreNamedByLogicalIdNameOrUrlAndMistakesAreUsageErrors() {
        parkJobs(1);
        String url = aws.queueUrl("NotificationDeadLetterQueue");
        for (String spec : List.of("NotificationDeadLetterQueue", STACK + "-NotificationDeadLetterQueue", url)) {
            Run run = dlq("count", spec);
            assertEquals(0, run.exit(), run.err());
            assertEquals(STACK + "-NotificationDeadLetterQueue  1 waiting, 0 in flight", run.out().trim());
        }
        Run unknown = dlq("count", "NoSuchQueue");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no queue \"NoSuchQueue\""), unknown.err());
        assertEquals(2, dlq("peek").exit());
        assertEquals(2, dlq("shout").exit());
        assertEquals(2, dlq("peek", "NotificationDeadLetterQueue", "--max", "0").exit());
        Run help = dlq("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("redrive QUEUE"));
        assertEquals(1, waiting("NotificationDeadLetterQueue"), "nothing moved by mistakes");
    }

    @Test
    void anUnreachableEndpointIsReportedNotThrown() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DlqMain.run(new String[] {"--endpoint", "http://127.0.0.1:9", "--region", aws.region(), "count",
                "NotificationDeadLetterQueue"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        assertEquals(1, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("AWS refused or could not be reached"));
    }

}
