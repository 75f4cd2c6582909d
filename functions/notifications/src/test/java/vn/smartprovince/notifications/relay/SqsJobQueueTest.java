package vn.smartprovince.notifications.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/** SendMessageBatch to the template's NotificationQueue on the emulator. */
class SqsJobQueueTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    private static JobQueue.Message message(int i) {
        NotificationJob job = OutboxRelayTest.job("J#" + i);
        return new JobQueue.Message(job.jobId(), job.type(), 1, job.toJson());
    }

    @Test
    void requestsHoldAtMostTenMessagesAndStayUnderTheSizeLimit() {
        List<JobQueue.Message> small = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            small.add(message(i));
        }
        assertEquals(10, SqsJobQueue.chunkEnd(small, 0));
        assertEquals(25, SqsJobQueue.chunkEnd(small, 20));
        String big = "x".repeat(100_000);
        List<JobQueue.Message> large = Collections.nCopies(5, new JobQueue.Message("j", "T", 1, big));
        assertEquals(2, SqsJobQueue.chunkEnd(large, 0));
        List<JobQueue.Message> huge = List.of(new JobQueue.Message("j", "T", 1, "y".repeat(300_000)), message(1));
        assertEquals(1, SqsJobQueue.chunkEnd(huge, 0), "a message alone is sent alone, whatever its size");
    }

    @Test
    void theEntryCarriesTheJobAndItsTypeAndVersion() {
        JobQueue.Message message = message(1);
        SendMessageBatchRequestEntry entry = SqsJobQueue.entry(message, "m7");
        assertEquals("m7", entry.id());
        assertEquals(message.body(), entry.messageBody());
        assertEquals("REPORT_ANSWERED", entry.messageAttributes().get("type").stringValue());
        assertEquals("String", entry.messageAttributes().get("type").dataType());
        assertEquals("1", entry.messageAttributes().get("schemaVersion").stringValue());
        assertEquals("Number", entry.messageAttributes().get("schemaVersion").dataType());
    }

    @Test
    void twentyFiveJobsArriveOnTheQueueOnceEach() {
        String url = aws.queueUrl("NotificationQueue");
        aws.sqs().purgeQueue(b -> b.queueUrl(url));
        List<JobQueue.Message> messages = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            messages.add(message(i));
        }
        List<JobQueue.Outcome> outcomes = new SqsJobQueue(aws.sqs(), url).send(messages);
        assertEquals(Collections.nCopies(25, JobQueue.Outcome.SENT), outcomes);

        Set<String> expected = new HashSet<>(messages.stream().map(JobQueue.Message::body).toList());
        Set<String> received = new HashSet<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (received.size() < 25 && System.nanoTime() < deadline) {
            for (Message m : aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages()) {
                assertTrue(received.add(m.body()), "received twice");
                assertEquals("REPORT_ANSWERED", m.messageAttributes().get("type").stringValue());
                aws.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        assertEquals(expected, received);
    }

    @Test
    void aMessageTooLongForSqsIsRefusedWithoutHoldingUpTheOthers() {
        String url = aws.sqs().createQueue(b -> b.queueName("too-long-" + System.nanoTime())).queueUrl();
        List<JobQueue.Message> messages = List.of(message(1), new JobQueue.Message("too-long", "T", 1,
                "z".repeat(270_000)), message(2));
        assertEquals(List.of(JobQueue.Outcome.SENT, JobQueue.Outcome.REJECTED, JobQueue.Outcome.SENT),
                new SqsJobQueue(aws.sqs(), url).send(messages));
    }

    /** Answers SendMessageBatch as told: entries by id refused by the sender's fault, or by the server's. */
    static final class ScriptedSqs implements SqsClient {
        final Set<String> senderFaults = new HashSet<>();
        final Set<String> serverFaults = new HashSet<>();
        final List<List<String>> requests = new ArrayList<>();

        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            requests.add(request.entries().stream().map(SendMessageBatchRequestEntry::id).toList());
            SendMessageBatchResponse.Builder response = SendMessageBatchResponse.builder();
            List<SendMessageBatchResultEntry> ok = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (SendMessageBatchRequestEntry entry : request.entries()) {
                String job = entry.messageBody();
                if (senderFaults.contains(job)) {
                    failed.add(BatchResultErrorEntry.builder().id(entry.id()).code("InvalidMessageContents")
                            .senderFault(true).build());
                } else if (serverFaults.contains(job)) {
                    failed.add(BatchResultErrorEntry.builder().id(entry.id()).code("InternalError")
                            .senderFault(false).build());
                } else {
                    ok.add(SendMessageBatchResultEntry.builder().id(entry.id()).messageId("x").build());
                }
            }
            return response.successful(ok).failed(failed).build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void perMessageFailuresAreRetriedOnlyWhenTheQueueIsAtFault() {
        List<JobQueue.Message> messages = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            messages.add(new JobQueue.Message("j" + i, "T", 1, "job-" + i));
        }
        ScriptedSqs sqs = new ScriptedSqs();
        sqs.senderFaults.add("job-3");
        sqs.serverFaults.add("job-12");
        List<JobQueue.Outcome> outcomes = new SqsJobQueue(sqs, "https://sqs.example/q").send(messages);
        assertEquals(JobQueue.Outcome.REJECTED, outcomes.get(3));
        assertEquals(JobQueue.Outcome.RETRYABLE, outcomes.get(12));
        assertEquals(JobQueue.Outcome.SENT, outcomes.get(13), "sent in the same request as the failure");
        for (int i = 20; i < 25; i++) {
            assertEquals(JobQueue.Outcome.RETRYABLE, outcomes.get(i), "not sent after a failed request");
        }
        assertEquals(2, sqs.requests.size(), "the third request is not made");
        assertEquals(10, sqs.requests.get(0).size());
    }

    @Test
    void aQueueThatCannotBeReachedLeavesEveryJobToRetry() {
        String missing = aws.queueUrl("NotificationQueue") + "-does-not-exist";
        List<JobQueue.Message> messages = List.of(message(1), message(2));
        assertEquals(List.of(JobQueue.Outcome.RETRYABLE, JobQueue.Outcome.RETRYABLE),
                new SqsJobQueue(aws.sqs(), missing).send(messages));
    }
}
