package vn.smartprovince.notifications.webhook;

import static vn.smartprovince.shared.aws.DynamoDbCalls.call;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The event ledger in the main table:
 *
 * <pre>
 * pk = ZALOEVENT#&lt;event key&gt;   sk = EVENT
 *   itemType ZALO_EVENT, eventName, status IN_PROGRESS | APPLIED, lockedUntil (epoch ms, while
 *   IN_PROGRESS), claimedAt, appliedAt?, expiresAt (TTL, 20 days: longer than a copy of the event
 *   can live, 14 days in the DLQ, which counts from the first send, then 4 more once redriven)
 * </pre>
 *
 * The claim is one conditional {@code PutItem}: {@code attribute_not_exists(pk) OR (status =
 * IN_PROGRESS AND lockedUntil < now)}; when it fails, a consistent read says whether the event was
 * applied or is being applied. Keys hold event names and Zalo's ids (message ids, OA-scoped follower
 * ids), no personal text.
 */
final class DynamoDbEventLedger implements EventLedger {
    static final String KEY_PREFIX = "ZALOEVENT#";
    static final String SORT_KEY = "EVENT";
    /** Longer than any copy of an event lives (DLQ 14 days, plus 4 in the queue after a redrive). */
    static final Duration RETENTION = Duration.ofDays(20);
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String APPLIED = "APPLIED";

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbEventLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static Map<String, AttributeValue> key(String eventKey) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", AttributeValue.fromS(KEY_PREFIX + eventKey));
        key.put("sk", AttributeValue.fromS(SORT_KEY));
        return key;
    }

    @Override
    public Claim claim(String eventKey, String eventName, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(eventKey));
        item.put("itemType", AttributeValue.fromS("ZALO_EVENT"));
        item.put("eventName", AttributeValue.fromS(LogText.name(eventName)));
        item.put("status", AttributeValue.fromS(IN_PROGRESS));
        item.put("lockedUntil", AttributeValue.fromN(Long.toString(now.plus(LOCK).toEpochMilli())));
        item.put("claimedAt", AttributeValue.fromS(Times.iso(now)));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(now.plus(RETENTION).getEpochSecond())));
        try {
            call(() -> dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR (#status = :inProgress AND lockedUntil < :now)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":inProgress", AttributeValue.fromS(IN_PROGRESS),
                            ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli()))))));
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException e) {
            var existing = call(() -> dynamo.getItem(b -> b.tableName(table).key(key(eventKey)).consistentRead(true)));
            AttributeValue status = existing.hasItem() ? existing.item().get("status") : null;
            return status != null && APPLIED.equals(status.s()) ? Claim.ALREADY_APPLIED : Claim.IN_PROGRESS;
        }
    }

    @Override
    public void applied(String eventKey, Instant now) {
        call(() -> dynamo.updateItem(b -> b.tableName(table).key(key(eventKey))
                .updateExpression("SET #status = :applied, appliedAt = :now REMOVE lockedUntil")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":applied", AttributeValue.fromS(APPLIED),
                        ":now", AttributeValue.fromS(Times.iso(now))))));
    }

    @Override
    public void release(String eventKey) {
        try {
            call(() -> dynamo.deleteItem(b -> b.tableName(table).key(key(eventKey))
                    .conditionExpression("#status = :inProgress")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":inProgress", AttributeValue.fromS(IN_PROGRESS)))));
        } catch (ConditionalCheckFailedException e) {
            // Already gone or applied: nothing to release.
        }
    }
}
