package vn.smartprovince.notifications.dispatch;

import java.time.Duration;
import java.util.Map;

/** What the dispatcher does to messages besides answering the batch ({@link SqsQueueControl}). */
interface QueueControl {

    /**
     * Makes each message (by receipt handle) visible again after its delay (ChangeMessageVisibility):
     * how retries wait. Best effort: a message whose change failed comes back after the queue's
     * visibility timeout instead.
     */
    void delay(Map<String, Duration> visibilityByReceiptHandle);

    /**
     * Sends the job again as a new message, visible after {@code delay} (at most 15 minutes): a
     * deferral that must not spend the original message's receives. False when the queue refused.
     */
    boolean requeue(String body, String type, Duration delay);
}
