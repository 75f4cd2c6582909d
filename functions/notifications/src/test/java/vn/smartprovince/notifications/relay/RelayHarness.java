package vn.smartprovince.notifications.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.sqs.model.Message;
import vn.smartprovince.local.events.EventSourcePollers;
import vn.smartprovince.local.lambda.LocalFunctions;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/**
 * OutboxRelayFunction as deployed, for end-to-end tests: its zip in the local runtime, invoked by
 * the local runtime's DynamoDB Streams event source built from template.yaml (TRIM_HORIZON, batch
 * 100, ReportBatchItemFailures; the local runtime ignores FilterCriteria, so the function sees
 * every record of the main table), sending to the template's NotificationQueue in the emulator.
 * Plus the writes and reads the tests make.
 *
 * <p>Only the relay's event source runs (not LocalApiExtension's every function): the notification
 * dispatcher (notifications issue) will consume NotificationQueue, and these tests read it themselves.
 */
final class RelayHarness implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(60);

    private final AwsEmulatorExtension aws;
    private final Outbox outbox;
    private LocalFunctions functions;
    private EventSourcePollers pollers;

    RelayHarness(AwsEmulatorExtension aws) {
        this.aws = aws;
        this.outbox = new Outbox(aws.tableName("MainTable"));
    }

    /** Starts the relay's stream event source (reading from the stream's beginning). */
    RelayHarness start() {
        var stack = aws.stack();
        functions = new LocalFunctions(stack.template(), stack.intrinsics(), aws.endpoint(), stack.stackName(), Map.of());
        assertEquals(List.of(), functions.function("OutboxRelayFunction").filter(f -> !f.code().exists())
                .map(f -> f.code().missingMessage()).stream().toList(), "run after mvn package");
        List<FunctionSpec> relay = FunctionSpec.all(stack.template(), stack.intrinsics()).stream()
                .filter(f -> f.logicalId().equals("OutboxRelayFunction")).toList();
        assertEquals(1, relay.size());
        FunctionSpec.StreamEventSource source = relay.get(0).streamSources().get(0);
        assertEquals("MainTable", source.tableId());
        assertEquals("TRIM_HORIZON", source.startingPosition());
        pollers = EventSourcePollers.start(relay, stack, aws.emulator(), functions);
        return this;
    }

    @Override
    public void close() {
        if (pollers != null) {
            pollers.close();
        }
        if (functions != null) {
            functions.close();
        }
    }

    Outbox outbox() {
        return outbox;
    }

    static NotificationJob job(String reportId, int version, String type) {
        return NotificationJob.create(type, "9000000000000000123", "REPORT_STATUS_CHANGED",
                Map.of("report_code", "TN-" + reportId, "status_name", "Đã trả lời"),
                "REPORT#" + reportId + "#v" + version + "#" + type, "req-it", Clock.systemUTC());
    }

    /** A new report item (version 1): a Put that only creates. */
    TransactWriteItem putReport(String id) {
        return TransactWriteItem.builder().put(p -> p.tableName(outbox.tableName())
                .item(Map.of("pk", s("REPORT#" + id), "sk", s("REPORT"), "status", s("ROUTED"), "version", n(1)))
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    /** An officer's answer: an Update conditional on the version the officer saw. */
    TransactWriteItem answerReport(String id, int expectedVersion) {
        return TransactWriteItem.builder().update(u -> u.tableName(outbox.tableName())
                .key(Map.of("pk", s("REPORT#" + id), "sk", s("REPORT")))
                .updateExpression("SET #status = :answered, version = version + :one")
                .conditionExpression("version = :expected")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":answered", s("ANSWERED"), ":one", n(1),
                        ":expected", n(expectedVersion)))).build();
    }

    void commit(TransactWriteItem... items) {
        aws.dynamoDb().transactWriteItems(b -> b.transactItems(items));
    }

    Map<String, AttributeValue> item(String pk, String sk) {
        return aws.dynamoDb().getItem(b -> b.tableName(outbox.tableName()).consistentRead(true)
                .key(Map.of("pk", s(pk), "sk", s(sk)))).item();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }

    /** Every message up to and including the one of {@code jobId} (deleted as read), polling until the deadline. */
    List<Message> receiveThrough(String jobId) {
        String url = aws.queueUrl("NotificationQueue");
        List<Message> received = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            for (Message m : aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages()) {
                received.add(m);
                aws.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
            if (jobIds(received).contains(jobId)) {
                return received;
            }
        }
        return fail("job " + jobId + " did not reach NotificationQueue within " + DEADLINE + "; received "
                + jobIds(received));
    }

    static List<String> jobIds(List<Message> messages) {
        return messages.stream().map(m -> NotificationJob.fromJson(m.body()).jobId()).toList();
    }
}
