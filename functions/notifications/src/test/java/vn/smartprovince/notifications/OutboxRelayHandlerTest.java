package vn.smartprovince.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;

/** The handler as the template configures it (its environment), driven by events/notifications-outbox-stream.json. */
class OutboxRelayHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    private List<Message> drain(String url, int expected) {
        List<Message> received = new ArrayList<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (received.size() < expected && System.nanoTime() < deadline) {
            for (Message m : aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages()) {
                received.add(m);
                aws.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return received;
    }

    @Test
    void theSampleBatchPutsItsTwoNewJobsOnTheNotificationQueue() throws Exception {
        OutboxRelayHandler handler = new OutboxRelayHandler(aws.env("OutboxRelayFunction"));
        assertEquals("{\"batchItemFailures\":[]}",
                Handlers.invokeRaw(handler, Events.bytes("notifications-outbox-stream.json"), null));

        List<Message> messages = drain(aws.queueUrl("NotificationQueue"), 2);
        assertEquals(Set.of("9f1c2a4e-6b7d-4e8f-9a0b-1c2d3e4f5a6b", "0b6f1e2d-3c4b-4a59-8687-96a5b4c3d2e1"),
                messages.stream().map(m -> NotificationJob.fromJson(m.body()).jobId()).collect(Collectors.toSet()));
        assertEquals(Set.of("REPORT_ANSWERED", "REPORT_RECEIVED"), messages.stream()
                .map(m -> m.messageAttributes().get("type").stringValue()).collect(Collectors.toSet()));
        assertEquals(2, messages.size());
    }

    @Test
    void aQueueItCannotReachFailsEachJobForRetry() throws Exception {
        OutboxRelayHandler handler = new OutboxRelayHandler(aws.env("OutboxRelayFunction",
                Map.of("NOTIFICATION_QUEUE_URL", aws.queueUrl("NotificationQueue") + "-missing")));
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"300\"},{\"itemIdentifier\":\"400\"}]}",
                Handlers.invokeRaw(handler, Events.bytes("notifications-outbox-stream.json"), null));
    }
}
