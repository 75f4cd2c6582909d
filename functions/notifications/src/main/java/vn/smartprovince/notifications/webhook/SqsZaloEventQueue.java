package vn.smartprovince.notifications.webhook;

import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SqsException;
import vn.smartprovince.shared.http.ApiException;

/**
 * {@code ZaloEventQueue} on SQS: one {@code SendMessage} per event, the raw body as the message body
 * and the event's name as the message attribute {@code eventName} (so the DLQ tool and a reader of
 * the queue can tell events apart without parsing). An unreachable, failing or throttling queue is
 * a 503 naming {@code sqs}: the webhook does not answer 200 before the event is on the queue, and
 * Zalo retries a failed delivery.
 */
final class SqsZaloEventQueue implements ZaloEventQueue {
    static final String EVENT_NAME_ATTRIBUTE = "eventName";

    private final SqsClient sqs;
    private final String queueUrl;

    SqsZaloEventQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(String rawBody, String eventName) {
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(rawBody).messageAttributes(Map.of(
                    EVENT_NAME_ATTRIBUTE, MessageAttributeValue.builder().dataType("String")
                            .stringValue(eventName.length() > 256 ? eventName.substring(0, 256) : eventName).build())));
        } catch (SdkClientException e) {
            throw ApiException.unavailable("sqs");
        } catch (SqsException e) {
            if (e.statusCode() >= 500 || e.isThrottlingException()) {
                throw ApiException.unavailable("sqs");
            }
            throw e;
        }
    }
}
