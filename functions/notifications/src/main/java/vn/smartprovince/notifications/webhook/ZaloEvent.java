package vn.smartprovince.notifications.webhook;

import java.time.Instant;
import java.util.List;

/**
 * An OA webhook event as the consumer acts on it, read by {@link ZaloEvents#parse}. Every event has
 * Zalo's name, its time (the signed {@code timestamp}) and an identity {@link #key()}: two
 * deliveries of one event (Zalo's retries, SQS's at-least-once) have the same key, and the consumer
 * applies a key once.
 */
sealed interface ZaloEvent {

    /** {@code event_name} as Zalo sent it. */
    String name();

    /** The event's {@code timestamp}. */
    Instant at();

    /** The event's identity: name plus Zalo's message id, or the follower and the time when there is none. */
    String key();

    /**
     * {@code follow} / {@code unfollow}.
     *
     * @param followerId the OA-scoped id ({@code follower.id}): what OA messages are addressed to
     * @param userId     {@code user_id_by_app}, the mini app's id of the person = our user id; null when Zalo did not send it
     * @param source     where the follow happened ({@code source}), null when absent
     */
    record FollowChange(String name, Instant at, boolean follows, String followerId, String userId, String source)
            implements ZaloEvent {
        @Override
        public String key() {
            return name + "#" + followerId + "#" + at.toEpochMilli();
        }
    }

    /**
     * {@code user_received_message} (delivered) and {@code user_seen_message} (seen, which implies
     * delivered): receipts of messages the OA (or ZNS) sent.
     *
     * @param msgIds the messages' ids ({@code message.msg_id}, or every one of {@code message.msg_ids})
     */
    record DeliveryReceipt(String name, Instant at, boolean seen, List<String> msgIds) implements ZaloEvent {
        public DeliveryReceipt {
            msgIds = List.copyOf(msgIds);
        }

        @Override
        public String key() {
            return name + "#" + (msgIds.size() == 1 ? msgIds.get(0) : ZaloEvents.digest(String.join(",", msgIds)));
        }
    }

    /**
     * {@code user_send_*}: a citizen wrote to the OA.
     *
     * @param msgId       {@code message.msg_id}, null when absent
     * @param followerId  the sender's OA-scoped id ({@code sender.id})
     * @param userId      {@code user_id_by_app}, null when absent
     * @param text        the text, normalised (NFC, no control characters but line breaks and tabs), at
     *                    most {@link ZaloEvents#MAX_TEXT} characters; null when none
     * @param truncated   whether the text was longer and was cut
     * @param attachments links and places sent with it
     */
    record CitizenMessage(String name, Instant at, String msgId, String followerId, String userId, MessageKind kind,
                          String text, boolean truncated, List<Attachment> attachments) implements ZaloEvent {
        public CitizenMessage {
            attachments = List.copyOf(attachments);
        }

        @Override
        public String key() {
            return name + "#" + (msgId != null ? msgId : followerId + "#" + at.toEpochMilli());
        }
    }

    /**
     * One attachment of a citizen's message: a link ({@code payload.url}) or a place
     * ({@code payload.coordinates}).
     */
    record Attachment(String type, String url, Double latitude, Double longitude) {
    }

    /** What a citizen sent, from {@code user_send_<kind>}. */
    enum MessageKind {
        TEXT, IMAGE, LOCATION, LINK, STICKER, GIF, AUDIO, VIDEO, FILE, BUSINESS_CARD, OTHER;

        static MessageKind of(String eventName) {
            String suffix = eventName.substring(ZaloEvents.USER_SEND_PREFIX.length()).toUpperCase(java.util.Locale.ROOT);
            for (MessageKind kind : values()) {
                if (kind.name().equals(suffix)) {
                    return kind;
                }
            }
            return OTHER;
        }
    }

    /** Any other event (the OA's own messages, events Zalo adds later): logged by name and skipped. */
    record Unhandled(String name, Instant at) implements ZaloEvent {
        @Override
        public String key() {
            return name + "#" + at.toEpochMilli();
        }
    }
}
