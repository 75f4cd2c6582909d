package vn.smartprovince.notifications.core;

/**
 * Where one notification (one deduplication key) stands. The state machine, with who moves it:
 *
 * <pre>
 *   (none) ──claim──► SENDING ──Zalo accepted──► SENT ──receipt──► DELIVERED
 *   QUEUED ──claim──►    │ ├──permanent error / bad template──► FAILED
 *   DEFERRED ─claim─►    │ ├──no usable channel──► UNDELIVERABLE
 *   SENDING (lease       │ ├──transient error──► QUEUED (retried later; FAILED "retries exhausted" on the last receive)
 *    expired) ─claim─►   │ └──outside the template's sending hours──► DEFERRED (notBefore)
 *   FAILED (redrivable) ─claim─► SENDING   (a job redriven from the dead-letter queue)
 * </pre>
 *
 * {@link #SENDING} is a lease: the holder may be talking to Zalo right now, so nobody else sends
 * until the lease has expired (see functions/notifications/README.md, "Crash semantics").
 */
public enum DeliveryState {
    /** Seen, not sent yet: waiting for a retry after a transient failure. */
    QUEUED,
    /** A dispatcher holds the lease and may be calling Zalo. */
    SENDING,
    /** Zalo accepted it ({@code zaloMsgId}). */
    SENT,
    /** Zalo reported it delivered (a receipt). */
    DELIVERED,
    /** Will not be sent: a permanent error (reason), or retries ran out (then redrivable). */
    FAILED,
    /** Held until {@code notBefore}: the template may only be sent 07:00-22:00 Vietnam time. */
    DEFERRED,
    /** No channel reaches the recipient (opted out, no phone, not a follower inside the window). */
    UNDELIVERABLE;

    /** Whether this is where the notification ends (no dispatcher will send it again). */
    public boolean settled() {
        return this == SENT || this == DELIVERED || this == FAILED || this == UNDELIVERABLE;
    }
}
