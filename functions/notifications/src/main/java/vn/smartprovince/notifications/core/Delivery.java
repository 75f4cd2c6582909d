package vn.smartprovince.notifications.core;

import java.time.Instant;
import java.util.Map;

/**
 * One notification's delivery record (the {@code NOTIFICATION#<deduplicationKey>} / {@code DELIVERY}
 * item, see {@link DeliveryItems}).
 *
 * @param channel     null until a channel was chosen
 * @param zaloMsgId   Zalo's msg_id (ZNS) or message_id (OA) once sent
 * @param reason      why it failed, waits or is undeliverable; null otherwise
 * @param attempts    how many times a dispatcher claimed it
 * @param createdAt   when the announced change happened (the job's createdAt)
 * @param text        what the citizen was told, when the template has an OA text; else null
 * @param parameters  the template's parameters (report codes, status and agency names; no free text)
 * @param notBefore   DEFERRED: when it may be sent
 * @param leaseUntil  SENDING: until when the current holder may be talking to Zalo
 * @param redrivable  FAILED because retries ran out: a redrive from the dead-letter queue may claim it again
 */
public record Delivery(String deduplicationKey, String jobId, String recipientId, String type, String templateKey,
                       DeliveryState state, Channel channel, String zaloMsgId, Reason reason, int attempts,
                       Instant createdAt, Instant updatedAt, Instant sentAt, Instant deliveredAt, String text,
                       Map<String, String> parameters, Instant notBefore, Instant leaseUntil, String leaseOwner,
                       boolean redrivable) {

    public Delivery {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
