package vn.smartprovince.notifications.core;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
    record Claimed(Attempt attempt, DeliveryState previous) implements Claim {
    }

    /**
     * One attempt holding the lease: what each of its outcome writes needs, since an outcome
     * rewrites the whole record (conditional on the lease) rather than patching it.
     *
     * @param number          which attempt this is (the record's {@code attempts})
     * @param recordJobId     the job id the record was created with (another job may carry the same fact)
     * @param recordCreatedAt the record's {@code createdAt}
     */
    record Attempt(NotificationJob job, String owner, int number, String recordJobId, Instant recordCreatedAt) {
        public String deduplicationKey() {
            return job.deduplicationKey();
        }
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
     * or SENDING whose lease expired (its holder died). A conditional write (two when the record exists).
     *
     * @param owner      this attempt's id (every later write of the attempt names it)
     * @param leaseUntil until when nobody else may send (the invocation cannot outlive it)
     */
    default Claim claim(NotificationJob job, String owner, Instant leaseUntil, Instant now) {
        return claim(job, owner, leaseUntil, now, false);
    }

    /**
     * @param seenBefore the message was received before (a retry): the record most likely exists, so
     *                   taking it over is tried before creating it (saves a failed write per retry)
     */
    Claim claim(NotificationJob job, String owner, Instant leaseUntil, Instant now, boolean seenBefore);

    /**
     * Zalo accepted the message: SENT with its id (indexed for receipts), unless the record is
     * already SENT or DELIVERED (by then another attempt sent it too).
     *
     * @return whether the record now says SENT with this message id
     */
    boolean sent(Attempt attempt, Channel channel, String zaloMsgId, String text, Instant at);

    /**
     * Receipts that arrived before their "sent" write (kept by {@link #markDelivered}) for messages
     * just recorded as sent: applied (DELIVERED) and removed. One read for a whole batch.
     *
     * @param deduplicationKeyByMsgId the batch's sent messages
     * @return how many were applied
     */
    int applyEarlyReceipts(Map<String, String> deduplicationKeyByMsgId);

    /**
     * FAILED with the reason; {@code redrivable} when retries ran out (a redrive may claim it again).
     * This and the outcomes below are written only while the attempt holds the lease.
     */
    void failed(Attempt attempt, Channel channel, Reason reason, boolean redrivable, String text, Instant at);

    /** UNDELIVERABLE with the reason (opted out, no usable channel, unknown recipient). */
    void undeliverable(Attempt attempt, Reason reason, Instant at);

    /** QUEUED again after a transient failure; the message comes back at {@code retryAt}. */
    void retrying(Attempt attempt, Channel channel, Reason reason, Instant retryAt, Instant at);

    /** DEFERRED until {@code notBefore} (the template's sending hours). */
    void deferred(Attempt attempt, Channel channel, Reason reason, Instant notBefore, Instant at);

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

    /** Records by deduplication key (consistent reads, 100 a request); absent keys are left out. */
    Map<String, Delivery> findAll(Collection<String> deduplicationKeys);

    /**
     * A page of what we sent one recipient, newest first (GSI1 {@code NOTIFICATIONS#<recipientId>}).
     *
     * @param after the sort key to continue after ({@link Page#lastSortKey()} of the previous page), or null
     */
    Page forRecipient(String recipientId, String after, int limit);

    /**
     * Whether the campaign (an urgent alert, {@code ALERT#<id>}) was cancelled: its jobs are then
     * settled UNDELIVERABLE {@code CAMPAIGN_CANCELLED}, never sent. The answer may be a few seconds old.
     */
    default boolean campaignCancelled(String campaignId) {
        return false;
    }

    /** @param lastSortKey null on the last page */
    record Page(List<Delivery> items, String lastSortKey) {
    }
}
