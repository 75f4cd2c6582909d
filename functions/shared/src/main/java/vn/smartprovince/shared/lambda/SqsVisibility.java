package vn.smartprovince.shared.lambda;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import vn.smartprovince.shared.log.JsonLog;

/**
 * How a queue consumer makes a failed message wait before its next try: ChangeMessageVisibility
 * (10 per request) with the delay its {@link Backoff} gives, instead of the queue's fixed
 * visibility timeout. Best effort: a message whose change failed comes back after the queue's
 * visibility timeout instead (logged).
 */
public final class SqsVisibility {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsVisibility(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Makes each message (by receipt handle) visible again after its delay. */
    public void delay(Map<String, Duration> visibilityByReceiptHandle) {
        List<Map.Entry<String, Duration>> entries = new ArrayList<>(visibilityByReceiptHandle.entrySet());
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
}
