package vn.smartprovince.notifications.store;

import static vn.smartprovince.notifications.core.DeliveryItems.ITEM_TYPE;
import static vn.smartprovince.notifications.core.DeliveryItems.SORT_KEY;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import vn.smartprovince.notifications.core.Channel;
import vn.smartprovince.notifications.core.Delivery;
import vn.smartprovince.notifications.core.DeliveryItems;
import vn.smartprovince.notifications.core.DeliveryState;
import vn.smartprovince.notifications.core.DeliveryStore;
import vn.smartprovince.notifications.core.Reason;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.aws.DynamoDbCalls;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.stats.NotificationCounterKeys;

/**
 * Delivery records in the main table, item design in {@link DeliveryItems}. Every write is one
 * conditional UpdateItem or PutItem; DynamoDB unreachable or throttling surfaces as the shared 503
 * {@code ApiException} ({@link DynamoDbCalls}), which the dispatcher treats as "retry later".
 * Thread-safe (the client is).
 */
public final class DynamoDbDeliveryStore implements DeliveryStore {
    /** How long a record (and so the protection against a late duplicate) is kept. */
    public static final Duration RETENTION = Duration.ofDays(365);
    /** How long a receipt that came before its "sent" write is kept. */
    public static final Duration RECEIPT_RETENTION = Duration.ofDays(7);

    /** How long a campaign's status is believed within one instance (a cancel stops sends within this). */
    public static final Duration CAMPAIGN_STATUS_TTL = Duration.ofSeconds(5);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Map<String, CampaignStatus> campaigns = new java.util.concurrent.ConcurrentHashMap<>();

    private record CampaignStatus(boolean cancelled, long readAtNanos) {
    }

    public DynamoDbDeliveryStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    // ------------------------------------------------------------------ claim

    /**
     * Two steps, each one conditional write: create the record (the usual case, a job seen for the
     * first time), else take the lease of an existing record whose state allows it. Split because
     * one UpdateItem doing both (a dozen {@code if_not_exists}) costs the emulator seven times a PutItem.
     */
    @Override
    public Claim claim(NotificationJob job, String owner, Instant leaseUntil, Instant now, boolean seenBefore) {
        if (seenBefore) {
            Claim claim = takeOver(job, owner, leaseUntil, now);
            if (claim != null) {
                return claim;
            }
        }
        return create(job, owner, leaseUntil, now);
    }

    private Claim create(NotificationJob job, String owner, Instant leaseUntil, Instant now) {
        Attempt attempt = new Attempt(job, owner, 1, job.jobId(), job.createdAt());
        Map<String, AttributeValue> item = record(attempt, DeliveryState.SENDING, now);
        item.put("leaseOwner", AttributeValue.fromS(owner));
        item.put("leaseUntil", AttributeValue.fromN(Long.toString(leaseUntil.toEpochMilli())));
        try {
            call(() -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")));
            return new Claimed(attempt, null);
        } catch (ConditionalCheckFailedException exists) {
            Claim claim = takeOver(job, owner, leaseUntil, now);
            // Gone again in between (deleted by hand): create it.
            return claim != null ? claim : create(job, owner, leaseUntil, now);
        }
    }

    /** The record exists: the lease, if its state allows another attempt now. Null when there is no record. */
    private Claim takeOver(NotificationJob job, String owner, Instant leaseUntil, Instant now) {
        String key = DeliveryItems.key(job.deduplicationKey());
        Map<String, String> names = Map.of("#state", "state", "#owner", "leaseOwner", "#until", "leaseUntil",
                "#updated", "updatedAt", "#attempts", "attempts", "#redrivable", "redrivable", "#notBefore", "notBefore");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sending", AttributeValue.fromS(DeliveryState.SENDING.name()));
        values.put(":owner", AttributeValue.fromS(owner));
        values.put(":until", AttributeValue.fromN(Long.toString(leaseUntil.toEpochMilli())));
        values.put(":updated", AttributeValue.fromS(now.toString()));
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":queued", AttributeValue.fromS(DeliveryState.QUEUED.name()));
        values.put(":deferred", AttributeValue.fromS(DeliveryState.DEFERRED.name()));
        values.put(":failed", AttributeValue.fromS(DeliveryState.FAILED.name()));
        values.put(":nowMs", AttributeValue.fromN(Long.toString(now.toEpochMilli())));
        values.put(":true", AttributeValue.fromBool(true));
        try {
            UpdateItemResponse response = call(() -> dynamo.updateItem(b -> b.tableName(table).key(key(key))
                    .updateExpression("SET #state = :sending, #owner = :owner, #until = :until, #updated = :updated"
                            + " ADD #attempts :one REMOVE #redrivable")
                    .conditionExpression("#state = :queued"
                            + " OR (#state = :deferred AND (attribute_not_exists(#notBefore) OR #notBefore <= :nowMs))"
                            + " OR (#state = :sending AND #until < :nowMs)"
                            + " OR (#state = :failed AND #redrivable = :true)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_OLD)));
            Delivery old = delivery(response.attributes());
            return new Claimed(new Attempt(job, owner, old.attempts() + 1, old.jobId(), old.createdAt()), old.state());
        } catch (ConditionalCheckFailedException failed) {
            Delivery current = find(job.deduplicationKey()).orElse(null);
            if (current == null) {
                return null;
            }
            return switch (current.state()) {
                case SENDING -> new Busy(current.leaseUntil() == null ? now : current.leaseUntil());
                case DEFERRED -> new NotYet(current.notBefore() == null ? now : current.notBefore());
                // QUEUED or a redrivable FAILED would have been claimed: the record changed in between;
                // the caller treats a race like a busy record and comes back shortly.
                case QUEUED -> new Busy(now);
                case FAILED -> current.redrivable() ? new Busy(now) : new Settled(current);
                default -> new Settled(current);
            };
        }
    }

    static String sortKey(String createdAt, String jobId) {
        return createdAt + "#" + jobId;
    }

    /** The whole record as an attempt writes it in {@code state} (fields of one state only are added by the caller). */
    private static Map<String, AttributeValue> record(Attempt attempt, DeliveryState state, Instant now) {
        NotificationJob job = attempt.job();
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(DeliveryItems.key(job.deduplicationKey())));
        item.put("itemType", AttributeValue.fromS(ITEM_TYPE));
        item.put("deduplicationKey", AttributeValue.fromS(job.deduplicationKey()));
        item.put("jobId", AttributeValue.fromS(attempt.recordJobId()));
        item.put("recipientId", AttributeValue.fromS(job.recipientId()));
        item.put("type", AttributeValue.fromS(job.type()));
        item.put("templateKey", AttributeValue.fromS(job.templateKey()));
        item.put("state", AttributeValue.fromS(state.name()));
        item.put("attempts", AttributeValue.fromN(Integer.toString(attempt.number())));
        item.put("createdAt", AttributeValue.fromS(attempt.recordCreatedAt().toString()));
        item.put("updatedAt", AttributeValue.fromS(now.toString()));
        Map<String, AttributeValue> parameters = new LinkedHashMap<>();
        job.parameters().forEach((k, v) -> parameters.put(k, AttributeValue.fromS(v)));
        item.put("parameters", AttributeValue.fromM(parameters));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(
                attempt.recordCreatedAt().plus(RETENTION).getEpochSecond())));
        item.put("gsi1pk", AttributeValue.fromS(DeliveryItems.recipientKey(job.recipientId())));
        item.put("gsi1sk", AttributeValue.fromS(sortKey(attempt.recordCreatedAt().toString(), attempt.recordJobId())));
        if (job.campaignId() != null) {
            item.put("campaignId", AttributeValue.fromS(job.campaignId()));
        }
        return item;
    }

    // ------------------------------------------------------------------ outcomes

    @Override
    public boolean sent(Attempt attempt, Channel channel, String zaloMsgId, String text, Instant at) {
        Map<String, AttributeValue> item = record(attempt, DeliveryState.SENT, at);
        item.put("channel", AttributeValue.fromS(channel.name()));
        item.put("zaloMsgId", AttributeValue.fromS(zaloMsgId));
        item.put("sentAt", AttributeValue.fromS(at.toString()));
        item.put("gsi2pk", AttributeValue.fromS(DeliveryItems.msgKey(zaloMsgId)));
        item.put("gsi2sk", AttributeValue.fromS(SORT_KEY));
        if (text != null) {
            item.put("text", AttributeValue.fromS(text));
        }
        try {
            call(() -> dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_exists(pk) AND NOT (#state IN (:sent, :delivered))")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":sent", AttributeValue.fromS(DeliveryState.SENT.name()),
                            ":delivered", AttributeValue.fromS(DeliveryState.DELIVERED.name())))));
            count(attempt.job().campaignId(), DeliveryItems.CAMPAIGN_SENT);
            count(channel.name(), NotificationCounterKeys.SENT, at);
            return true;
        } catch (ConditionalCheckFailedException alreadySent) {
            Delivery current = find(attempt.deduplicationKey()).orElse(null);
            boolean same = current != null && zaloMsgId.equals(current.zaloMsgId());
            if (!same) {
                JsonLog.warn("notification sent again by an attempt that had lost its lease",
                        Map.of("deduplicationKey", attempt.deduplicationKey(), "owner", attempt.owner()));
            }
            return same;
        }
    }

    @Override
    public int applyEarlyReceipts(Map<String, String> deduplicationKeyByMsgId) {
        List<String> ids = new ArrayList<>(deduplicationKeyByMsgId.keySet());
        int applied = 0;
        for (int from = 0; from < ids.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + 100))) {
                keys.add(key(DeliveryItems.receiptKey(id), DeliveryItems.RECEIPT_SORT_KEY));
            }
            for (Map<String, AttributeValue> receipt : batchGet(keys)) {
                String msgId = receipt.get("zaloMsgId").s();
                delivered(DeliveryItems.key(deduplicationKeyByMsgId.get(msgId)), msgId,
                        Instant.parse(receipt.get("deliveredAt").s()));
                call(() -> dynamo.deleteItem(b -> b.tableName(table).key(key(DeliveryItems.receiptKey(msgId),
                        DeliveryItems.RECEIPT_SORT_KEY))));
                applied++;
            }
        }
        return applied;
    }

    @Override
    public void failed(Attempt attempt, Channel channel, Reason reason, boolean redrivable, String text, Instant at) {
        Map<String, AttributeValue> item = outcome(attempt, DeliveryState.FAILED, channel, reason, at);
        if (redrivable) {
            item.put("redrivable", AttributeValue.fromBool(true));
        }
        if (text != null) {
            item.put("text", AttributeValue.fromS(text));
        }
        if (owned(attempt, item)) {
            count(attempt.job().campaignId(), DeliveryItems.CAMPAIGN_FAILED + reason.code());
            count(channel == null ? NotificationCounterKeys.NONE : channel.name(), NotificationCounterKeys.FAILED, at);
        }
    }

    @Override
    public void undeliverable(Attempt attempt, Reason reason, Instant at) {
        if (owned(attempt, outcome(attempt, DeliveryState.UNDELIVERABLE, null, reason, at))) {
            count(attempt.job().campaignId(), DeliveryItems.CAMPAIGN_UNDELIVERABLE + reason.code());
            count(NotificationCounterKeys.NONE, NotificationCounterKeys.UNDELIVERABLE, at);
        }
    }

    @Override
    public void retrying(Attempt attempt, Channel channel, Reason reason, Instant retryAt, Instant at) {
        Map<String, AttributeValue> item = outcome(attempt, DeliveryState.QUEUED, channel, reason, at);
        item.put("retryAt", AttributeValue.fromS(retryAt.toString()));
        owned(attempt, item);
    }

    @Override
    public void deferred(Attempt attempt, Channel channel, Reason reason, Instant notBefore, Instant at) {
        Map<String, AttributeValue> item = outcome(attempt, DeliveryState.DEFERRED, channel, reason, at);
        item.put("notBefore", AttributeValue.fromN(Long.toString(notBefore.toEpochMilli())));
        owned(attempt, item);
    }

    private static Map<String, AttributeValue> outcome(Attempt attempt, DeliveryState state, Channel channel,
                                                       Reason reason, Instant at) {
        Map<String, AttributeValue> item = record(attempt, state, at);
        if (channel != null) {
            item.put("channel", AttributeValue.fromS(channel.name()));
        }
        item.put("reason", AttributeValue.fromS(reason.text()));
        item.put("reasonCode", AttributeValue.fromS(reason.code()));
        return item;
    }

    /** An attempt's outcome, written only while the attempt still holds the lease; whether it was. */
    private boolean owned(Attempt attempt, Map<String, AttributeValue> item) {
        try {
            call(() -> dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", "leaseOwner"))
                    .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(attempt.owner())))));
            return true;
        } catch (ConditionalCheckFailedException lost) {
            // Our lease expired and another attempt took over: its outcome is the one that counts.
            JsonLog.warn("notification outcome not recorded: the attempt had lost its lease",
                    Map.of("deduplicationKey", attempt.deduplicationKey(), "owner", attempt.owner()));
            return false;
        }
    }

    /**
     * Adds 1 to {@code <channel>#<outcome>} on the {@code TOTAL} and the month item of
     * {@link NotificationCounterKeys}. Statistics only: a failure is logged, never thrown.
     */
    private void count(String channel, String outcome, Instant at) {
        String field = NotificationCounterKeys.field(channel, outcome);
        for (String sortKey : NotificationCounterKeys.sortKeys(at)) {
            try {
                call(() -> dynamo.updateItem(b -> b.tableName(table).key(key(NotificationCounterKeys.PK, sortKey))
                        .updateExpression("SET #t = :t ADD #f :one")
                        .expressionAttributeNames(Map.of("#t", "itemType", "#f", field))
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("STATS_NOTIFY"),
                                ":one", AttributeValue.fromN("1")))));
            } catch (RuntimeException e) {
                JsonLog.warn("notification counter not written", Map.of("field", field, "sk", sortKey,
                        "error", e.getClass().getSimpleName()));
            }
        }
    }

    // ------------------------------------------------------------------ campaigns

    /**
     * One ADD on the campaign's progress item ({@link DeliveryItems#campaignProgressKey}) after the
     * record's write succeeded. Not in the same transaction (it would double the cost of every send):
     * a crash between the two loses one count, never sends twice. Nothing for a job of no campaign.
     */
    private void count(String campaignId, String counter) {
        if (campaignId == null) {
            return;
        }
        try {
            call(() -> dynamo.updateItem(b -> b.tableName(table)
                    .key(key(campaignId, DeliveryItems.CAMPAIGN_PROGRESS_SORT_KEY))
                    .updateExpression("ADD #c :one")
                    .expressionAttributeNames(Map.of("#c", counter))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))));
        } catch (RuntimeException e) {
            JsonLog.warn("campaign counter not updated", Map.of("campaignId", campaignId, "counter", counter));
        }
    }

    @Override
    public boolean campaignCancelled(String campaignId) {
        long now = System.nanoTime();
        CampaignStatus known = campaigns.get(campaignId);
        if (known != null && now - known.readAtNanos() < CAMPAIGN_STATUS_TTL.toNanos()) {
            return known.cancelled();
        }
        var response = call(() -> dynamo.getItem(b -> b.tableName(table)
                .key(key(campaignId, DeliveryItems.CAMPAIGN_SORT_KEY))
                .projectionExpression("#s").expressionAttributeNames(Map.of("#s", "status"))));
        boolean cancelled = response.hasItem()
                && DeliveryItems.CAMPAIGN_CANCELLED.equals(text(response.item(), "status"));
        campaigns.put(campaignId, new CampaignStatus(cancelled, now));
        return cancelled;
    }

    // ------------------------------------------------------------------ receipts

    @Override
    public ReceiptOutcome markDelivered(String zaloMsgId, Instant deliveredAt) {
        QueryResponse found = call(() -> dynamo.query(b -> b.tableName(table).indexName("GSI2")
                .keyConditionExpression("gsi2pk = :m AND gsi2sk = :s")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(DeliveryItems.msgKey(zaloMsgId)),
                        ":s", AttributeValue.fromS(SORT_KEY)))
                .limit(1)));
        if (found.items().isEmpty()) {
            Map<String, AttributeValue> receipt = new LinkedHashMap<>(key(DeliveryItems.receiptKey(zaloMsgId),
                    DeliveryItems.RECEIPT_SORT_KEY));
            receipt.put("itemType", AttributeValue.fromS("NOTIFICATION_RECEIPT"));
            receipt.put("zaloMsgId", AttributeValue.fromS(zaloMsgId));
            receipt.put("deliveredAt", AttributeValue.fromS(deliveredAt.toString()));
            receipt.put("expiresAt", AttributeValue.fromN(Long.toString(
                    deliveredAt.plus(RECEIPT_RETENTION).getEpochSecond())));
            call(() -> dynamo.putItem(b -> b.tableName(table).item(receipt)));
            return ReceiptOutcome.KEPT_FOR_LATER;
        }
        Map<String, AttributeValue> item = found.items().get(0);
        if (DeliveryState.DELIVERED.name().equals(text(item, "state"))) {
            return ReceiptOutcome.ALREADY_DELIVERED;
        }
        return delivered(item.get("pk").s(), zaloMsgId, deliveredAt) ? ReceiptOutcome.DELIVERED
                : ReceiptOutcome.ALREADY_DELIVERED;
    }

    /**
     * SENT with this message id -> DELIVERED (and counted on the record's channel); false when it was
     * not (already delivered, or another id).
     */
    private boolean delivered(String pk, String zaloMsgId, Instant deliveredAt) {
        try {
            UpdateItemResponse response = call(() -> dynamo.updateItem(b -> b.tableName(table).key(key(pk, SORT_KEY))
                    .updateExpression("SET #state = :delivered, deliveredAt = :at, updatedAt = :at")
                    .conditionExpression("#state = :sent AND zaloMsgId = :m")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":delivered", AttributeValue.fromS(DeliveryState.DELIVERED.name()),
                            ":sent", AttributeValue.fromS(DeliveryState.SENT.name()),
                            ":at", AttributeValue.fromS(deliveredAt.toString()),
                            ":m", AttributeValue.fromS(zaloMsgId)))
                    .returnValues(ReturnValue.ALL_NEW)));
            count(text(response.attributes(), "campaignId"), DeliveryItems.CAMPAIGN_DELIVERED);
            String channel = response.hasAttributes() ? text(response.attributes(), "channel") : null;
            count(channel == null ? NotificationCounterKeys.NONE : channel, NotificationCounterKeys.DELIVERED,
                    deliveredAt);
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ reading

    @Override
    public Optional<Delivery> find(String deduplicationKey) {
        var response = call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(DeliveryItems.key(deduplicationKey), SORT_KEY))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(delivery(response.item()))
                : Optional.empty();
    }

    @Override
    public Map<String, Delivery> findAll(Collection<String> deduplicationKeys) {
        List<String> keys = new ArrayList<>(new java.util.LinkedHashSet<>(deduplicationKeys));
        Map<String, Delivery> found = new LinkedHashMap<>();
        for (int from = 0; from < keys.size(); from += 100) {
            List<Map<String, AttributeValue>> chunk = new ArrayList<>();
            for (String key : keys.subList(from, Math.min(keys.size(), from + 100))) {
                chunk.add(key(DeliveryItems.key(key), SORT_KEY));
            }
            for (Map<String, AttributeValue> item : batchGet(chunk)) {
                Delivery delivery = delivery(item);
                found.put(delivery.deduplicationKey(), delivery);
            }
        }
        return found;
    }

    /** BatchGetItem (consistent) of up to 100 keys, unprocessed keys retried. */
    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                .consistentRead(true).build());
        for (int attempt = 0; !request.isEmpty(); attempt++) {
            if (attempt == 5) {
                throw vn.smartprovince.shared.http.ApiException.unavailable("dynamodb");
            }
            Map<String, KeysAndAttributes> batch = request;
            var response = call(() -> dynamo.batchGetItem(b -> b.requestItems(batch)));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return items;
    }

    @Override
    public Page forRecipient(String recipientId, String after, int limit) {
        Map<String, AttributeValue> start = null;
        if (after != null) {
            int space = after.indexOf(' ');
            start = new HashMap<>(key(DeliveryItems.key(after.substring(space + 1)), SORT_KEY));
            start.put("gsi1pk", AttributeValue.fromS(DeliveryItems.recipientKey(recipientId)));
            start.put("gsi1sk", AttributeValue.fromS(after.substring(0, space)));
        }
        Map<String, AttributeValue> exclusiveStart = start;
        QueryResponse response = call(() -> dynamo.query(b -> b.tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(DeliveryItems.recipientKey(recipientId))))
                .scanIndexForward(false).exclusiveStartKey(exclusiveStart).limit(limit)));
        long nowSeconds = Instant.now().getEpochSecond();
        List<Delivery> items = new ArrayList<>();
        Map<String, AttributeValue> last = null;
        for (Map<String, AttributeValue> item : response.items()) {
            last = item;
            // TTL deletes late (up to days): an expired record is not shown.
            if (item.containsKey("expiresAt") && Long.parseLong(item.get("expiresAt").n()) < nowSeconds) {
                continue;
            }
            items.add(delivery(item));
        }
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && last != null;
        return new Page(items, more ? cursorKey(last) : null);
    }

    /** {@code <gsi1sk> <deduplicationKey>}: neither contains a space. */
    static String cursorKey(Map<String, AttributeValue> item) {
        return item.get("gsi1sk").s() + " " + item.get("pk").s().substring(DeliveryItems.KEY_PREFIX.length());
    }

    static Delivery delivery(Map<String, AttributeValue> item) {
        String pk = item.get("pk").s();
        Map<String, String> parameters = new LinkedHashMap<>();
        AttributeValue params = item.get("parameters");
        if (params != null && params.hasM()) {
            params.m().forEach((k, v) -> parameters.put(k, v.s()));
        }
        String reasonCode = text(item, "reasonCode");
        String channel = text(item, "channel");
        return new Delivery(pk.substring(DeliveryItems.KEY_PREFIX.length()), text(item, "jobId"),
                text(item, "recipientId"), text(item, "type"), text(item, "templateKey"),
                DeliveryState.valueOf(text(item, "state")), channel == null ? null : Channel.valueOf(channel),
                text(item, "zaloMsgId"),
                reasonCode == null ? null : new Reason(reasonCode, String.valueOf(text(item, "reason"))),
                (int) number(item, "attempts"), instant(item, "createdAt"), instant(item, "updatedAt"),
                instant(item, "sentAt"), instant(item, "deliveredAt"), text(item, "text"), parameters,
                millis(item, "notBefore"), millis(item, "leaseUntil"), text(item, "leaseOwner"),
                item.containsKey("redrivable") && Boolean.TRUE.equals(item.get("redrivable").bool()));
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, AttributeValue> key(String pk) {
        return key(pk, SORT_KEY);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = text(item, name);
        return text == null ? null : Instant.parse(text);
    }

    private static Instant millis(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Instant.ofEpochMilli(Long.parseLong(value.n()));
    }

    private static <T> T call(Supplier<T> operation) {
        return DynamoDbCalls.call(operation);
    }
}
