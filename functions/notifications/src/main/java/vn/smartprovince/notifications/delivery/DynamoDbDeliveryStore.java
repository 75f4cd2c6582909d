package vn.smartprovince.notifications.delivery;

import static vn.smartprovince.notifications.delivery.DeliveryItems.ITEM_TYPE;
import static vn.smartprovince.notifications.delivery.DeliveryItems.SORT_KEY;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.aws.DynamoDbCalls;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.notify.NotificationJob;

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

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbDeliveryStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** On the function's main table ({@code MAIN_TABLE}). */
    public static DynamoDbDeliveryStore fromEnv(Env env) {
        return new DynamoDbDeliveryStore(AwsClients.dynamoDb(env), env.required("MAIN_TABLE"));
    }

    // ------------------------------------------------------------------ claim

    @Override
    public Claim claim(NotificationJob job, String owner, Instant leaseUntil, Instant now) {
        Expression e = new Expression();
        e.set("state", DeliveryState.SENDING.name());
        e.set("leaseOwner", owner);
        e.setN("leaseUntil", leaseUntil.toEpochMilli());
        e.set("updatedAt", now.toString());
        e.setIfNotExists("itemType", AttributeValue.fromS(ITEM_TYPE));
        e.setIfNotExists("deduplicationKey", AttributeValue.fromS(job.deduplicationKey()));
        e.setIfNotExists("jobId", AttributeValue.fromS(job.jobId()));
        e.setIfNotExists("recipientId", AttributeValue.fromS(job.recipientId()));
        e.setIfNotExists("type", AttributeValue.fromS(job.type()));
        e.setIfNotExists("templateKey", AttributeValue.fromS(job.templateKey()));
        e.setIfNotExists("createdAt", AttributeValue.fromS(job.createdAt().toString()));
        Map<String, AttributeValue> parameters = new LinkedHashMap<>();
        job.parameters().forEach((k, v) -> parameters.put(k, AttributeValue.fromS(v)));
        e.setIfNotExists("parameters", AttributeValue.fromM(parameters));
        e.setIfNotExists("expiresAt", AttributeValue.fromN(Long.toString(job.createdAt().plus(RETENTION).getEpochSecond())));
        e.setIfNotExists("gsi1pk", AttributeValue.fromS(DeliveryItems.recipientKey(job.recipientId())));
        e.setIfNotExists("gsi1sk", AttributeValue.fromS(sortKey(job)));
        e.add("attempts", 1);
        e.remove("redrivable");
        String condition = "attribute_not_exists(pk) OR #state = :queued"
                + " OR (#state = :deferred AND (attribute_not_exists(#notBefore) OR #notBefore <= :nowMs))"
                + " OR (#state = :sending AND #leaseUntil < :nowMs)"
                + " OR (#state = :failed AND #redrivable = :true)";
        e.value(":queued", AttributeValue.fromS(DeliveryState.QUEUED.name()));
        e.value(":deferred", AttributeValue.fromS(DeliveryState.DEFERRED.name()));
        e.value(":sending", AttributeValue.fromS(DeliveryState.SENDING.name()));
        e.value(":failed", AttributeValue.fromS(DeliveryState.FAILED.name()));
        e.value(":nowMs", AttributeValue.fromN(Long.toString(now.toEpochMilli())));
        e.value(":true", AttributeValue.fromBool(true));
        e.name("notBefore");
        String key = DeliveryItems.key(job.deduplicationKey());
        try {
            UpdateItemResponse response = call(() -> dynamo.updateItem(b -> b.tableName(table).key(key(key))
                    .updateExpression(e.update())
                    .conditionExpression(e.names(condition))
                    .expressionAttributeNames(e.names)
                    .expressionAttributeValues(e.values)
                    .returnValues(ReturnValue.ALL_OLD)));
            Map<String, AttributeValue> old = response.attributes();
            if (old == null || old.isEmpty()) {
                return new Claimed(1, null);
            }
            return new Claimed((int) number(old, "attempts") + 1, DeliveryState.valueOf(old.get("state").s()));
        } catch (ConditionalCheckFailedException failed) {
            Delivery current = find(job.deduplicationKey()).orElse(null);
            if (current == null) {
                // Deleted in between (only by hand): try once more as new.
                return claim(job, owner, leaseUntil, now);
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

    static String sortKey(NotificationJob job) {
        return job.createdAt().toString() + "#" + job.jobId();
    }

    // ------------------------------------------------------------------ outcomes

    @Override
    public boolean sent(String deduplicationKey, String owner, Channel channel, String zaloMsgId, String text,
                        Instant at) {
        Expression e = new Expression();
        e.set("state", DeliveryState.SENT.name());
        e.set("channel", channel.name());
        e.set("zaloMsgId", zaloMsgId);
        e.set("sentAt", at.toString());
        e.set("updatedAt", at.toString());
        e.set("gsi2pk", DeliveryItems.msgKey(zaloMsgId));
        e.set("gsi2sk", SORT_KEY);
        if (text != null) {
            e.set("text", text);
        }
        for (String name : List.of("leaseOwner", "leaseUntil", "reason", "reasonCode", "notBefore", "redrivable",
                "retryAt")) {
            e.remove(name);
        }
        e.value(":sentState", AttributeValue.fromS(DeliveryState.SENT.name()));
        e.value(":deliveredState", AttributeValue.fromS(DeliveryState.DELIVERED.name()));
        String key = DeliveryItems.key(deduplicationKey);
        try {
            call(() -> dynamo.updateItem(b -> b.tableName(table).key(key(key))
                    .updateExpression(e.update())
                    .conditionExpression(e.names("attribute_exists(pk) AND NOT (#state IN (:sentState, :deliveredState))"))
                    .expressionAttributeNames(e.names)
                    .expressionAttributeValues(e.values)));
        } catch (ConditionalCheckFailedException alreadySent) {
            Delivery current = find(deduplicationKey).orElse(null);
            boolean same = current != null && zaloMsgId.equals(current.zaloMsgId());
            if (!same) {
                JsonLog.warn("notification sent again by an attempt that had lost its lease",
                        Map.of("deduplicationKey", deduplicationKey, "owner", owner));
            }
            return same;
        }
        applyEarlyReceipt(deduplicationKey, zaloMsgId);
        return true;
    }

    /** A receipt that overtook our "sent" write was kept under the message id: apply it now. */
    private void applyEarlyReceipt(String deduplicationKey, String zaloMsgId) {
        Map<String, AttributeValue> receiptKey = key(DeliveryItems.receiptKey(zaloMsgId), DeliveryItems.RECEIPT_SORT_KEY);
        var receipt = call(() -> dynamo.getItem(b -> b.tableName(table).key(receiptKey).consistentRead(true)));
        if (!receipt.hasItem() || receipt.item().isEmpty()) {
            return;
        }
        Instant deliveredAt = Instant.parse(receipt.item().get("deliveredAt").s());
        delivered(DeliveryItems.key(deduplicationKey), zaloMsgId, deliveredAt);
        call(() -> dynamo.deleteItem(b -> b.tableName(table).key(receiptKey)));
    }

    @Override
    public void failed(String deduplicationKey, String owner, Channel channel, Reason reason, boolean redrivable,
                       String text, Instant at) {
        Expression e = outcome(DeliveryState.FAILED, channel, reason, at);
        if (redrivable) {
            e.setBool("redrivable", true);
        } else {
            e.remove("redrivable");
        }
        if (text != null) {
            e.set("text", text);
        }
        e.remove("notBefore");
        owned(deduplicationKey, owner, e);
    }

    @Override
    public void undeliverable(String deduplicationKey, String owner, Reason reason, Instant at) {
        Expression e = outcome(DeliveryState.UNDELIVERABLE, null, reason, at);
        e.remove("notBefore");
        e.remove("redrivable");
        owned(deduplicationKey, owner, e);
    }

    @Override
    public void retrying(String deduplicationKey, String owner, Channel channel, Reason reason, Instant retryAt,
                         Instant at) {
        Expression e = outcome(DeliveryState.QUEUED, channel, reason, at);
        e.set("retryAt", retryAt.toString());
        e.remove("notBefore");
        owned(deduplicationKey, owner, e);
    }

    @Override
    public void deferred(String deduplicationKey, String owner, Channel channel, Reason reason, Instant notBefore,
                         Instant at) {
        Expression e = outcome(DeliveryState.DEFERRED, channel, reason, at);
        e.setN("notBefore", notBefore.toEpochMilli());
        owned(deduplicationKey, owner, e);
    }

    private static Expression outcome(DeliveryState state, Channel channel, Reason reason, Instant at) {
        Expression e = new Expression();
        e.set("state", state.name());
        if (channel != null) {
            e.set("channel", channel.name());
        }
        e.set("reason", reason.text());
        e.set("reasonCode", reason.code());
        e.set("updatedAt", at.toString());
        e.remove("leaseOwner");
        e.remove("leaseUntil");
        return e;
    }

    /** An attempt's outcome, written only while the attempt still holds the lease. */
    private void owned(String deduplicationKey, String owner, Expression e) {
        e.value(":owner", AttributeValue.fromS(owner));
        e.name("leaseOwner");
        try {
            call(() -> dynamo.updateItem(b -> b.tableName(table).key(key(DeliveryItems.key(deduplicationKey)))
                    .updateExpression(e.update())
                    .conditionExpression(e.names("#leaseOwner = :owner"))
                    .expressionAttributeNames(e.names)
                    .expressionAttributeValues(e.values)));
        } catch (ConditionalCheckFailedException lost) {
            // Our lease expired and another attempt took over: its outcome is the one that counts.
            JsonLog.warn("notification outcome not recorded: the attempt had lost its lease",
                    Map.of("deduplicationKey", deduplicationKey, "owner", owner));
        }
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

    /** SENT with this message id -> DELIVERED; false when it was not (already delivered, or another id). */
    private boolean delivered(String pk, String zaloMsgId, Instant deliveredAt) {
        try {
            call(() -> dynamo.updateItem(b -> b.tableName(table).key(key(pk, SORT_KEY))
                    .updateExpression("SET #state = :delivered, deliveredAt = :at, updatedAt = :at")
                    .conditionExpression("#state = :sent AND zaloMsgId = :m")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":delivered", AttributeValue.fromS(DeliveryState.DELIVERED.name()),
                            ":sent", AttributeValue.fromS(DeliveryState.SENT.name()),
                            ":at", AttributeValue.fromS(deliveredAt.toString()),
                            ":m", AttributeValue.fromS(zaloMsgId)))));
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

    /**
     * An update expression whose every attribute name goes through {@code #name} (several of ours,
     * such as state, type, text and parameters, may be DynamoDB reserved words).
     */
    private static final class Expression {
        final Map<String, String> names = new HashMap<>();
        final Map<String, AttributeValue> values = new HashMap<>();
        private final List<String> set = new ArrayList<>();
        private final List<String> add = new ArrayList<>();
        private final List<String> remove = new ArrayList<>();

        void name(String attribute) {
            names.put("#" + attribute, attribute);
        }

        void value(String placeholder, AttributeValue value) {
            values.put(placeholder, value);
        }

        void set(String attribute, String value) {
            setValue(attribute, AttributeValue.fromS(value));
        }

        void setN(String attribute, long value) {
            setValue(attribute, AttributeValue.fromN(Long.toString(value)));
        }

        void setBool(String attribute, boolean value) {
            setValue(attribute, AttributeValue.fromBool(value));
        }

        private void setValue(String attribute, AttributeValue value) {
            name(attribute);
            values.put(":v_" + attribute, value);
            set.add("#" + attribute + " = :v_" + attribute);
        }

        void setIfNotExists(String attribute, AttributeValue value) {
            name(attribute);
            values.put(":v_" + attribute, value);
            set.add("#" + attribute + " = if_not_exists(#" + attribute + ", :v_" + attribute + ")");
        }

        void add(String attribute, long amount) {
            name(attribute);
            values.put(":v_" + attribute, AttributeValue.fromN(Long.toString(amount)));
            add.add("#" + attribute + " :v_" + attribute);
        }

        void remove(String attribute) {
            name(attribute);
            remove.add("#" + attribute);
        }

        /** A condition using {@code #state} (and other names registered through this expression). */
        String names(String condition) {
            name("state");
            return condition;
        }

        String update() {
            StringBuilder expression = new StringBuilder();
            if (!set.isEmpty()) {
                expression.append("SET ").append(String.join(", ", set));
            }
            if (!add.isEmpty()) {
                expression.append(" ADD ").append(String.join(", ", add));
            }
            if (!remove.isEmpty()) {
                expression.append(" REMOVE ").append(String.join(", ", remove));
            }
            return expression.toString().strip();
        }
    }
}
