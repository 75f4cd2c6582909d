package vn.smartprovince.notifications.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.smartprovince.notifications.core.Channel;
import vn.smartprovince.notifications.core.Delivery;
import vn.smartprovince.notifications.core.DeliveryState;
import vn.smartprovince.notifications.core.DeliveryStore;
import vn.smartprovince.notifications.core.Reason;
import vn.smartprovince.shared.notify.NotificationJob;

/** {@link DeliveryStore} in memory with the DynamoDB store's conditions, for unit tests. */
public final class InMemoryDeliveryStore implements DeliveryStore {
    private final Map<String, Delivery> records = new HashMap<>();
    private final Map<String, Instant> receipts = new HashMap<>();
    /** Set to make the next writes fail as an unavailable DynamoDB would. */
    public volatile int failNextSentWrites;
    /** Campaigns (urgent alerts) a test has cancelled. */
    public final java.util.Set<String> cancelledCampaigns = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public boolean campaignCancelled(String campaignId) {
        return cancelledCampaigns.contains(campaignId);
    }

    public synchronized Map<String, Delivery> records() {
        return Map.copyOf(records);
    }

    public synchronized void put(Delivery delivery) {
        records.put(delivery.deduplicationKey(), delivery);
    }

    @Override
    public synchronized Claim claim(NotificationJob job, String owner, Instant leaseUntil, Instant now,
                                    boolean seenBefore) {
        Delivery d = records.get(job.deduplicationKey());
        if (d != null) {
            boolean claimable = d.state() == DeliveryState.QUEUED
                    || (d.state() == DeliveryState.DEFERRED && (d.notBefore() == null || !d.notBefore().isAfter(now)))
                    || (d.state() == DeliveryState.SENDING && d.leaseUntil().isBefore(now))
                    || (d.state() == DeliveryState.FAILED && d.redrivable());
            if (!claimable) {
                return switch (d.state()) {
                    case SENDING -> new Busy(d.leaseUntil());
                    case DEFERRED -> new NotYet(d.notBefore());
                    default -> new Settled(d);
                };
            }
        }
        DeliveryState previous = d == null ? null : d.state();
        int attempts = d == null ? 1 : d.attempts() + 1;
        Delivery base = d != null ? d : new Delivery(job.deduplicationKey(), job.jobId(), job.recipientId(), job.type(),
                job.templateKey(), null, null, null, null, 0, job.createdAt(), now, null, null, null, job.parameters(),
                null, null, null, false);
        records.put(job.deduplicationKey(), with(base, DeliveryState.SENDING, base.channel(), base.zaloMsgId(),
                base.reason(), attempts, now, null, null, base.text(), base.notBefore(), leaseUntil, owner, false));
        return new Claimed(new Attempt(job, owner, attempts, base.jobId(), base.createdAt()), previous);
    }

    private static Delivery with(Delivery d, DeliveryState state, Channel channel, String msgId, Reason reason,
                                 int attempts, Instant updatedAt, Instant sentAt, Instant deliveredAt, String text,
                                 Instant notBefore, Instant leaseUntil, String owner, boolean redrivable) {
        return new Delivery(d.deduplicationKey(), d.jobId(), d.recipientId(), d.type(), d.templateKey(), state, channel,
                msgId, reason, attempts, d.createdAt(), updatedAt, sentAt, deliveredAt, text, d.parameters(), notBefore,
                leaseUntil, owner, redrivable);
    }

    @Override
    public synchronized boolean sent(Attempt attempt, Channel channel, String msgId, String text, Instant at) {
        String key = attempt.deduplicationKey();
        if (failNextSentWrites > 0) {
            failNextSentWrites--;
            throw vn.smartprovince.shared.http.ApiException.unavailable("dynamodb");
        }
        Delivery d = records.get(key);
        if (d.state() == DeliveryState.SENT || d.state() == DeliveryState.DELIVERED) {
            return msgId.equals(d.zaloMsgId());
        }
        records.put(key, with(d, DeliveryState.SENT, channel, msgId, null, d.attempts(), at, at, null,
                text != null ? text : d.text(), null, null, null, false));
        return true;
    }

    @Override
    public synchronized int applyEarlyReceipts(Map<String, String> keyByMsgId) {
        int applied = 0;
        for (Map.Entry<String, String> e : keyByMsgId.entrySet()) {
            Instant receipt = receipts.remove(e.getKey());
            Delivery d = records.get(e.getValue());
            if (receipt != null && d != null && d.state() == DeliveryState.SENT) {
                records.put(d.deduplicationKey(), with(d, DeliveryState.DELIVERED, d.channel(), d.zaloMsgId(), null,
                        d.attempts(), receipt, d.sentAt(), receipt, d.text(), null, null, null, false));
                applied++;
            }
        }
        return applied;
    }

    private synchronized void owned(String key, String owner, DeliveryState state, Channel channel, Reason reason,
                                    boolean redrivable, String text, Instant notBefore, Instant at) {
        Delivery d = records.get(key);
        if (!owner.equals(d.leaseOwner())) {
            return;
        }
        records.put(key, with(d, state, channel != null ? channel : d.channel(), d.zaloMsgId(), reason, d.attempts(), at,
                null, null, text != null ? text : d.text(), notBefore, null, null, redrivable));
    }

    @Override
    public void failed(Attempt a, Channel channel, Reason reason, boolean redrivable, String text, Instant at) {
        owned(a.deduplicationKey(), a.owner(), DeliveryState.FAILED, channel, reason, redrivable, text, null, at);
    }

    @Override
    public void undeliverable(Attempt a, Reason reason, Instant at) {
        owned(a.deduplicationKey(), a.owner(), DeliveryState.UNDELIVERABLE, null, reason, false, null, null, at);
    }

    @Override
    public void retrying(Attempt a, Channel channel, Reason reason, Instant retryAt, Instant at) {
        owned(a.deduplicationKey(), a.owner(), DeliveryState.QUEUED, channel, reason, false, null, null, at);
    }

    @Override
    public void deferred(Attempt a, Channel channel, Reason reason, Instant notBefore, Instant at) {
        owned(a.deduplicationKey(), a.owner(), DeliveryState.DEFERRED, channel, reason, false, null, notBefore, at);
    }

    @Override
    public synchronized ReceiptOutcome markDelivered(String msgId, Instant deliveredAt) {
        for (Delivery d : records.values()) {
            if (msgId.equals(d.zaloMsgId())) {
                if (d.state() == DeliveryState.DELIVERED) {
                    return ReceiptOutcome.ALREADY_DELIVERED;
                }
                records.put(d.deduplicationKey(), with(d, DeliveryState.DELIVERED, d.channel(), msgId, null,
                        d.attempts(), deliveredAt, d.sentAt(), deliveredAt, d.text(), null, null, null, false));
                return ReceiptOutcome.DELIVERED;
            }
        }
        receipts.put(msgId, deliveredAt);
        return ReceiptOutcome.KEPT_FOR_LATER;
    }

    @Override
    public synchronized Optional<Delivery> find(String key) {
        return Optional.ofNullable(records.get(key));
    }

    @Override
    public synchronized Map<String, Delivery> findAll(java.util.Collection<String> keys) {
        Map<String, Delivery> found = new HashMap<>();
        keys.forEach(k -> Optional.ofNullable(records.get(k)).ifPresent(d -> found.put(k, d)));
        return found;
    }

    @Override
    public synchronized Page forRecipient(String recipientId, String after, int limit) {
        List<Delivery> mine = new ArrayList<>(records.values().stream().filter(d -> d.recipientId().equals(recipientId))
                .sorted(Comparator.comparing((Delivery d) -> d.createdAt() + "#" + d.jobId()).reversed()).toList());
        int from = 0;
        if (after != null) {
            while (from < mine.size() && !position(mine.get(from)).equals(after)) {
                from++;
            }
            from++;
        }
        List<Delivery> page = mine.subList(Math.min(from, mine.size()), Math.min(mine.size(), from + limit));
        boolean more = from + limit < mine.size();
        return new Page(List.copyOf(page), more ? position(page.get(page.size() - 1)) : null);
    }

    private static String position(Delivery d) {
        return d.createdAt() + "#" + d.jobId() + " " + d.deduplicationKey();
    }
}
