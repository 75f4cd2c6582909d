package vn.smartprovince.notifications.webhook;

import java.time.Instant;

/**
 * Where Zalo's delivery receipts go: the notification dispatcher's record of what it sent
 * ({@code DeliveryStore.markDelivered}, wired in {@link ZaloEventConsumerHandler}).
 *
 * <p>Contract for implementations: idempotent (the same receipt may come twice, and a
 * {@code user_seen_message} may follow a {@code user_received_message} for the same message); a
 * message id nobody sent, or whose record is not in a state that can become delivered, is logged
 * and ignored, not an error (an error makes the event be retried, and it would fail the same way
 * every time); only a failure worth retrying (the store unavailable) throws.
 */
public interface DeliveryReceipts {

    /** The message Zalo gave this id when it was sent reached the citizen's phone at {@code deliveredAt}. */
    void markDelivered(String zaloMsgId, Instant deliveredAt);
}
