package vn.smartprovince.notifications.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * Which Zalo events were applied, by their identity ({@link ZaloEvent#key()}), so an event that
 * arrives twice is applied once. A conditional write claims the key before the event is applied
 * ({@code IN_PROGRESS}, with a lock that lapses), marks it {@code APPLIED} afterwards, and releases
 * it when applying failed so the retry can claim it again. An invocation that dies in between leaves
 * a lock that lapses after {@link #LOCK}, shorter than the queue's visibility timeout, so the
 * redelivered message can claim it. {@link DynamoDbEventLedger}.
 */
interface EventLedger {
    /** Twice the consumer's timeout (30 s): a live invocation never loses its claim. */
    Duration LOCK = Duration.ofSeconds(60);

    enum Claim {
        /** Ours to apply. */
        CLAIMED,
        /** Applied before: a duplicate. */
        ALREADY_APPLIED,
        /** Another invocation is applying it right now: try again later. */
        IN_PROGRESS
    }

    Claim claim(String key, String eventName, Instant now);

    void applied(String key, Instant now);

    /** Best effort: a claim left behind lapses after {@link #LOCK}. */
    void release(String key);
}
