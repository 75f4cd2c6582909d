package vn.smartprovince.province.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Urgent alerts, their fan-out state and their progress (province.store DynamoDbAlertStore; items in AlertItems). */
public interface AlertStore {

    /** Where the fan-out of one partition stands: the next page to do and where it starts. */
    record FanOutState(int page, String cursor, boolean nextQueued, boolean done) {
    }

    /**
     * Creates the alert with its progress item and one fan-out state per partition, in one
     * transaction. False when an alert with this id exists (an idempotent retry).
     */
    boolean create(Alert alert);

    Optional<Alert> find(String id);

    /** Alerts whose validity ends after {@code now}, soonest ending first, at most {@code max}. */
    List<Alert> endingAfter(Instant now, int max);

    /** SENDING or SENT -> CANCELLED; false when it was cancelled already. */
    boolean cancel(String id, String by, Instant at);

    AlertProgress progress(Alert alert);

    Optional<FanOutState> fanOutState(String alertId, String areaCode);

    /**
     * Page {@code task.page()} of a partition is queued: moves its state to the next page (starting
     * after {@code nextCursor}; done when null) and ADDs {@code queued}, in one transaction
     * conditional on the state still being at this page. False when another delivery of the task
     * did it first (then nothing is counted).
     */
    boolean pageDone(AlertFanOutTask task, String nextCursor, long queued);

    /** The next page's message is on the queue (a redelivered task does not queue it again). */
    void nextQueued(String alertId, String areaCode, int page);

    /** SENDING -> SENT once every partition is done; false otherwise. */
    boolean finishIfComplete(String alertId, Instant at);
}
