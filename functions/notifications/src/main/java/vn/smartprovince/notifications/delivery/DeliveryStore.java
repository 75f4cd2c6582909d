package vn.smartprovince.notifications.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.smartprovince.shared.notify.NotificationJob;

/**
 * The delivery records of notifications, one per deduplication key ({@link DynamoDbDeliveryStore}
 * on the main table; an in-memory one in tests). Every state change is a conditional write, so a
 * job delivered twice by SQS, or two jobs announcing one fact, reach Zalo at most once while their
 * record says so.
 *
 * <p>Users besides the dispatcher: the citizen view ({@link #forRecipient}) and the Zalo webhook
 * consumer, which reports delivery receipts through {@link #markDelivered}.
 */
public interface DeliveryStore {

    /** What {@link #claim} found. */
    sealed interface Claim {
    }

    /** The caller holds the lease ({@link DeliveryState#SENDING}) and may send. */
    record Claimed(int attempts, DeliveryState previous) implements Claim {
    }

    /** Already settled (sent, delivered, failed, undeliverable): nothing to do, a duplicate. */
    record Settled(Delivery delivery) implements Claim {
    }

    /** Another dispatcher holds the lease until {@code until}: it may be talking to Zalo. */
    record Busy(Instant until) implements Claim {
    }

    /** Deferred until {@code notBefore}, which has not come yet. */
    record NotYet(Instant notBefore) implements Claim {
    }

    /**
     * Takes the lease on the job's notification: creates the record (from the job) or moves it to
     * {@link DeliveryState#SENDING} from QUEUED, DEFERRED whose time has come, a redrivable FAILED,
     * or SENDING whose lease expired (its holder died). One conditional write.
     *
     * @param owner      this attempt's id (every later write of the attempt names it)
     * @param leaseUntil until when nobody else may send (the invocation cannot outlive it)
     */
    Claim claim(NotificationJob job, String owner, Instant leaseUntil, Instant now);

    /**
     * Zalo accepted the message: SENT with its id (indexed for receipts), unless the record is
     * already SENT or DELIVERED. A receipt that arrived before this (kept by {@link #markDelivered})
     * is applied at once.
     *
     * @return whether the record now says SENT or DELIVERED with this message id
     */
    boolean sent(String deduplicationKey, String owner, Channel channel, String zaloMsgId, String text, Instant at);

    /** FAILED with the reason; {@code redrivable} when retries ran out (a redrive may claim it again). */
    void failed(String deduplicationKey, String owner, Channel channel, Reason reason, boolean redrivable, String text,
                Instant at);

    /** UNDELIVERABLE with the reason (opted out, no usable channel, unknown recipient). */
    void undeliverable(String deduplicationKey, String owner, Reason reason, Instant at);

    /** QUEUED again after a transient failure; the message comes back at {@code retryAt}. */
    void retrying(String deduplicationKey, String owner, Channel channel, Reason reason, Instant retryAt, Instant at);

    /** DEFERRED until {@code notBefore} (the template's sending hours). */
    void deferred(String deduplicationKey, String owner, Channel channel, Reason reason, Instant notBefore, Instant at);

    /** How {@link #markDelivered} ended; none of them is an error. */
    enum ReceiptOutcome {
        /** The record moved from SENT to DELIVERED. */
        DELIVERED,
        /** It was DELIVERED already (a repeated receipt). */
        ALREADY_DELIVERED,
        /**
         * No record carries this message id yet (the receipt came before our "sent" write, or the id
         * is not ours): the receipt is kept for a week and applied if the id is recorded as sent.
         */
        KEPT_FOR_LATER
    }

    /**
     * A delivery receipt from Zalo (the webhook's {@code user_received_message}): finds the record
     * by {@code zaloMsgId} (GSI2) and marks it DELIVERED. Idempotent; never fails for an unknown id
     * or a receipt that overtook the "sent" write.
     */
    ReceiptOutcome markDelivered(String zaloMsgId, Instant deliveredAt);

    /** One record by deduplication key (consistent read). */
    Optional<Delivery> find(String deduplicationKey);

    /**
     * A page of what we sent one recipient, newest first (GSI1 {@code NOTIFICATIONS#<recipientId>}).
     *
     * @param after the sort key to continue after ({@link Page#lastSortKey()} of the previous page), or null
     */
    Page forRecipient(String recipientId, String after, int limit);

    /** @param lastSortKey null on the last page */
    record Page(List<Delivery> items, String lastSortKey) {
    }
}
