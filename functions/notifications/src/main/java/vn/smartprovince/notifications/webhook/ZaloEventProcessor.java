package vn.smartprovince.notifications.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.smartprovince.notifications.webhook.EventLedger.Claim;
import vn.smartprovince.notifications.webhook.ZaloEvent.CitizenMessage;
import vn.smartprovince.notifications.webhook.ZaloEvent.DeliveryReceipt;
import vn.smartprovince.notifications.webhook.ZaloEvent.FollowChange;
import vn.smartprovince.notifications.webhook.ZaloEvent.Unhandled;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;

/**
 * Applies one verified webhook event (the body the webhook enqueued), once per event identity:
 *
 * <ul>
 *   <li>{@code user_received_message}, {@code user_seen_message}: {@link DeliveryReceipts#markDelivered}
 *       for each message id;</li>
 *   <li>{@code follow}, {@code unfollow}: the citizen's follower link ({@link OaFollowers}), when Zalo
 *       names the mini app user ({@code user_id_by_app}); without it there is no citizen to link and
 *       the event is logged and skipped;</li>
 *   <li>{@code user_send_*}: the message is kept for the agency ({@link OaInbox}) and the citizen's
 *       last interaction recorded;</li>
 *   <li>anything else: logged by name and skipped.</li>
 * </ul>
 *
 * An event that can never be applied (not JSON, a known event missing its ids) is logged with the
 * fields at fault, never its values, and skipped: retrying it would fail the same way. A failure
 * worth retrying (the table unavailable) releases the claim and answers {@link Outcome#RETRY}; the
 * queue hands the message out again and parks it in the DLQ after 5 receives. Free of AWS types.
 */
final class ZaloEventProcessor {

    enum Outcome {
        APPLIED,
        /** Applied before (same identity). */
        DUPLICATE,
        /** Nothing to do, or nothing that can be done: logged. */
        SKIPPED,
        /** Failed for now: report the message as a batch item failure. */
        RETRY
    }

    /**
     * How long to wait for another invocation applying the same event (a copy delivered while the
     * first is being applied) before giving up: applying takes well under a second, and giving up
     * means the copy comes back only after the queue's visibility timeout (3 minutes).
     */
    static final List<Duration> IN_PROGRESS_WAITS = List.of(Duration.ofMillis(100), Duration.ofMillis(200),
            Duration.ofMillis(400), Duration.ofMillis(800));

    /** Waiting, replaceable in tests. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final EventLedger ledger;
    private final DeliveryReceipts receipts;
    private final OaFollowers followers;
    private final OaInbox inbox;
    private final Clock clock;
    private final Pause pause;

    ZaloEventProcessor(EventLedger ledger, DeliveryReceipts receipts, OaFollowers followers, OaInbox inbox,
                       Clock clock) {
        this(ledger, receipts, followers, inbox, clock, duration -> Thread.sleep(duration.toMillis()));
    }

    ZaloEventProcessor(EventLedger ledger, DeliveryReceipts receipts, OaFollowers followers, OaInbox inbox,
                       Clock clock, Pause pause) {
        this.ledger = ledger;
        this.receipts = receipts;
        this.followers = followers;
        this.inbox = inbox;
        this.clock = clock;
        this.pause = pause;
    }

    /** @param messageId the queue message's id, for the logs */
    Outcome process(String messageId, String body) {
        ZaloEvent event;
        try {
            JsonNode json = Json.MAPPER.readTree(body == null ? "" : body);
            event = ZaloEvents.parse(json);
        } catch (InvalidZaloEventException e) {
            Map<String, Object> fields = fields(messageId, null);
            fields.put("problems", e.problems());
            JsonLog.error("zalo event invalid, skipped", fields, null);
            return Outcome.SKIPPED;
        } catch (Exception e) {
            JsonLog.error("zalo event unreadable, skipped", fields(messageId, null), null);
            return Outcome.SKIPPED;
        }
        if (event instanceof Unhandled) {
            JsonLog.info("zalo event not handled, skipped", fields(messageId, event));
            return Outcome.SKIPPED;
        }
        if (event instanceof FollowChange change && change.userId() == null) {
            // Only the mini app's user id names a citizen; a follower id alone links nobody.
            JsonLog.warn("zalo follow event without user_id_by_app, skipped", fields(messageId, event));
            return Outcome.SKIPPED;
        }
        Instant now = clock.instant();
        Claim claim;
        try {
            claim = ledger.claim(event.key(), event.name(), now);
            for (int i = 0; i < IN_PROGRESS_WAITS.size() && claim == Claim.IN_PROGRESS; i++) {
                pause.pause(IN_PROGRESS_WAITS.get(i));
                now = clock.instant();
                claim = ledger.claim(event.key(), event.name(), now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.RETRY;
        } catch (RuntimeException e) {
            JsonLog.warn("zalo event ledger unavailable, retried", withError(fields(messageId, event), e));
            return Outcome.RETRY;
        }
        switch (claim) {
            case ALREADY_APPLIED -> {
                JsonLog.info("zalo event already applied", fields(messageId, event));
                return Outcome.DUPLICATE;
            }
            case IN_PROGRESS -> {
                JsonLog.info("zalo event still being applied elsewhere, retried", fields(messageId, event));
                return Outcome.RETRY;
            }
            case CLAIMED -> {
                // below
            }
        }
        Map<String, Object> result;
        try {
            result = apply(event, now);
        } catch (RuntimeException e) {
            try {
                ledger.release(event.key());
            } catch (RuntimeException ignored) {
                // The claim lapses by itself (EventLedger.LOCK).
            }
            JsonLog.warn("zalo event not applied, retried", withError(fields(messageId, event), e));
            return Outcome.RETRY;
        }
        try {
            ledger.applied(event.key(), now);
        } catch (RuntimeException e) {
            // Applied, but not marked: the redelivery applies it again, which every effect tolerates.
            JsonLog.warn("zalo event applied but not marked", withError(fields(messageId, event), e));
        }
        Map<String, Object> fields = fields(messageId, event);
        fields.putAll(result);
        JsonLog.info("zalo event applied", fields);
        return Outcome.APPLIED;
    }

    /** Applies the event; answers what happened, for the log line (counts and flags, no personal data). */
    private Map<String, Object> apply(ZaloEvent event, Instant now) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (event instanceof DeliveryReceipt receipt) {
            for (String msgId : receipt.msgIds()) {
                receipts.markDelivered(msgId, receipt.at());
            }
            result.put("messages", receipt.msgIds().size());
        } else if (event instanceof FollowChange change) {
            result.put("recorded", followers.record(change, now));
        } else if (event instanceof CitizenMessage message) {
            result.put("kept", inbox.keep(message, now));
            result.put("kind", message.kind().name());
            if (message.userId() != null) {
                followers.interacted(message.userId(), message.followerId(), message.at(), now);
            }
        } else {
            throw new IllegalStateException("unhandled events are skipped before: " + event.getClass().getSimpleName());
        }
        return result;
    }

    private static Map<String, Object> fields(String messageId, ZaloEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("messageId", messageId == null ? "" : messageId);
        if (event != null) {
            fields.put("eventName", LogText.name(event.name()));
            fields.put("eventTime", event.at().toString());
            if (event instanceof DeliveryReceipt receipt) {
                // Zalo's message ids identify messages, not people.
                fields.put("msgIds", receipt.msgIds().size() <= 5 ? receipt.msgIds() : receipt.msgIds().subList(0, 5));
            }
        }
        return fields;
    }

    private static Map<String, Object> withError(Map<String, Object> fields, RuntimeException e) {
        fields.put("errorType", e.getClass().getName());
        return fields;
    }
}
