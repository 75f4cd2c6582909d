package vn.smartprovince.notifications.webhook;

import static vn.smartprovince.shared.aws.DynamoDbCalls.call;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.smartprovince.shared.log.JsonLog;

/**
 * {@link DeliveryReceipts} over the dispatcher's delivery items, until the dispatcher's store
 * implements the interface itself (then delete this class and wire that store in
 * {@link ZaloEventConsumerHandler}). It knows only this much of them:
 *
 * <pre>
 * pk = NOTIFICATION#&lt;deduplicationKey&gt;   sk = DELIVERY
 *   state QUEUED | SENT | DELIVERED | FAILED | DEFERRED | UNDELIVERABLE, zaloMsgId, deliveredAt?
 *   gsi2pk = ZALOMSG#&lt;zaloMsgId&gt;   gsi2sk = DELIVERY
 * </pre>
 *
 * A receipt finds the item through GSI2 and sets {@code state = DELIVERED} and {@code deliveredAt}
 * only if the item is {@code SENT} and still names that message id (a conditional update, so a
 * repeated receipt, a seen-after-received or a receipt for an item in another state changes
 * nothing). An unknown message id is logged and ignored. GSI2 is eventually consistent: a receipt
 * arriving within a fraction of a second of the send could miss the item (logged as unknown).
 */
final class DynamoDbDeliveryReceipts implements DeliveryReceipts {
    static final String INDEX = "GSI2";
    static final String SENT = "SENT";
    static final String DELIVERED = "DELIVERED";

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbDeliveryReceipts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String indexKey(String zaloMsgId) {
        return "ZALOMSG#" + zaloMsgId;
    }

    @Override
    public void markDelivered(String zaloMsgId, Instant deliveredAt) {
        List<Map<String, AttributeValue>> items = call(() -> dynamo.query(b -> b.tableName(table).indexName(INDEX)
                .keyConditionExpression("gsi2pk = :pk AND gsi2sk = :sk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(indexKey(zaloMsgId)),
                        ":sk", AttributeValue.fromS("DELIVERY"))))).items();
        if (items.isEmpty()) {
            JsonLog.info("delivery receipt for an unknown message, ignored", Map.of("zaloMsgId", zaloMsgId));
            return;
        }
        for (Map<String, AttributeValue> item : items) {
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            key.put("pk", item.get("pk"));
            key.put("sk", item.get("sk"));
            try {
                call(() -> dynamo.updateItem(b -> b.tableName(table).key(key)
                        .updateExpression("SET #state = :delivered, deliveredAt = :at")
                        .conditionExpression("#state = :sent AND zaloMsgId = :msgId")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(
                                ":delivered", AttributeValue.fromS(DELIVERED),
                                ":sent", AttributeValue.fromS(SENT),
                                ":msgId", AttributeValue.fromS(zaloMsgId),
                                ":at", AttributeValue.fromS(Times.iso(deliveredAt))))));
            } catch (ConditionalCheckFailedException e) {
                AttributeValue state = item.get("state");
                JsonLog.info("delivery receipt ignored: the delivery is not SENT", Map.of("zaloMsgId", zaloMsgId,
                        "state", state == null || state.s() == null ? "" : state.s()));
            }
        }
    }
}
