package vn.smartprovince.notifications.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.notify.NotificationJob;

/** The notification queue: ChangeMessageVisibilityBatch (10 per request) and SendMessage. */
final class SqsQueueControl implements QueueControl {
    /** SQS's longest message delay. */
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final SqsClient sqs;
    private final String queueUrl;

    SqsQueueControl(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void delay(Map<String, Duration> visibility) {
        List<Map.Entry<String, Duration>> entries = new ArrayList<>(visibility.entrySet());
        for (int from = 0; from < entries.size(); from += 10) {
            List<ChangeMessageVisibilityBatchRequestEntry> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(entries.size(), from + 10); i++) {
                long seconds = Math.max(0, Math.min(Backoff.SQS_MAX_VISIBILITY.toSeconds(),
                        (entries.get(i).getValue().toMillis() + 999) / 1000));
                chunk.add(ChangeMessageVisibilityBatchRequestEntry.builder().id("m" + i)
                        .receiptHandle(entries.get(i).getKey()).visibilityTimeout((int) seconds).build());
            }
            try {
                var response = sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(chunk));
                if (!response.failed().isEmpty()) {
                    JsonLog.warn("visibility change refused for some messages; they return after the queue's"
                            + " visibility timeout", Map.of("failed", response.failed().size(),
                            "codes", response.failed().stream().map(f -> f.code()).distinct().toList()));
                }
            } catch (SdkException e) {
                JsonLog.warn("visibility change failed; the messages return after the queue's visibility timeout",
                        Map.of("messages", chunk.size(), "errorType", e.getClass().getName()));
            }
        }
    }

    @Override
    public boolean requeue(String body, String type, Duration delay) {
        int seconds = (int) Math.max(0, Math.min(MAX_DELAY.toSeconds(), delay.toSeconds()));
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).delaySeconds(seconds)
                    .messageAttributes(Map.of(
                            "type", MessageAttributeValue.builder().dataType("String").stringValue(type).build(),
                            "schemaVersion", MessageAttributeValue.builder().dataType("Number")
                                    .stringValue(Integer.toString(NotificationJob.SCHEMA_VERSION)).build())));
            return true;
        } catch (SdkException e) {
            JsonLog.warn("requeue failed", Map.of("errorType", e.getClass().getName()));
            return false;
        }
    }
}
