package vn.smartprovince.notifications.dispatch;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import vn.smartprovince.shared.lambda.SqsVisibility;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.notify.NotificationJob;

/** The notification queue: visibility changes ({@link SqsVisibility}) and SendMessage. */
final class SqsQueueControl implements QueueControl {
    /** SQS's longest message delay. */
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final SqsClient sqs;
    private final String queueUrl;
    private final SqsVisibility visibilityChanges;

    SqsQueueControl(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.visibilityChanges = new SqsVisibility(sqs, queueUrl);
    }

    @Override
    public void delay(Map<String, Duration> visibility) {
        visibilityChanges.delay(visibility);
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
