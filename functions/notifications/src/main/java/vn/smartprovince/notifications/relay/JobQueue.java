package vn.smartprovince.notifications.relay;

import java.util.List;

/** Where relayed jobs go: the notification queue ({@link SqsJobQueue}), a list in unit tests. */
interface JobQueue {

    /** One message to send: the job's JSON, its type and version (message attributes) and its id (for logs). */
    record Message(String jobId, String type, int schemaVersion, String body) {
    }

    /** How sending one message ended. */
    enum Outcome {
        SENT,
        /** Worth trying again (throttling, a server error, the queue unreachable). */
        RETRYABLE,
        /** Refused for its content (too long, invalid characters): retrying cannot help. */
        REJECTED
    }

    /**
     * Sends the messages, in order, as few requests as the queue allows.
     *
     * @return one outcome per message, in the same order
     */
    List<Outcome> send(List<Message> messages);
}
