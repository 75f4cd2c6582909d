package vn.smartprovince.shared.aws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import vn.smartprovince.shared.http.ApiException;

/**
 * THE way a domain store writes one change as one {@code TransactWriteItems}: {@link #write} commits
 * or answers the cancellation reasons of the conditions that failed; a cancellation by concurrent
 * transactions only ({@code TransactionConflict}) is retried with a short pause, which is safe when
 * every write of the change is conditional on what was read. DynamoDB unavailable, throttling or a
 * transaction still in progress on the same items: 503 {@code dynamodb}.
 */
public final class Transactions {
    public static final int MAX_ITEMS = 100;
    static final int ATTEMPTS = 6;

    private Transactions() {
    }

    /** Null when the transaction committed, else the cancellation reasons (one per item, in order). */
    public static List<CancellationReason> write(DynamoDbClient dynamo, List<TransactWriteItem> items) {
        if (items.size() > MAX_ITEMS) {
            throw new IllegalStateException("a transaction holds at most " + MAX_ITEMS + " items: " + items.size());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                call(() -> dynamo.transactWriteItems(b -> b.transactItems(items)));
                return null;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (reasons.stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                    return reasons;
                }
                if (attempt >= ATTEMPTS) {
                    throw ApiException.unavailable("dynamodb");
                }
                pause(attempt);
            }
        }
    }

    /** Whether the item at {@code index} failed its condition. */
    public static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** The reasons' codes, for an exception message. */
    public static String codes(List<CancellationReason> reasons) {
        return reasons.stream().map(CancellationReason::code).toList().toString();
    }

    /** A Put of {@code item} (with {@code condition} unless null) as one item of a transaction. */
    public static TransactWriteItem put(String table, Map<String, AttributeValue> item, String condition) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    /**
     * One counter item's {@code SET itemType ADD field amount, ...} (a transaction may touch an item
     * once, so every field of one item goes in one update).
     */
    public static TransactWriteItem add(String table, Map<String, AttributeValue> key, String itemType,
                                        Map<String, Long> fields) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> field : fields.entrySet()) {
            names.put("#f" + i, field.getKey());
            values.put(":f" + i, AttributeValue.fromN(field.getValue().toString()));
            adds.add("#f" + i + " :f" + i);
            i++;
        }
        names.put("#t", "itemType");
        values.put(":t", AttributeValue.fromS(itemType));
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                .updateExpression("SET #t = :t ADD " + String.join(", ", adds))
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build();
    }

    /** {@link DynamoDbCalls#call}, plus a transaction still in progress on the same items: 503 as well. */
    public static <T> T call(Supplier<T> operation) {
        try {
            return DynamoDbCalls.call(operation);
        } catch (DynamoDbException e) {
            if (e.awsErrorDetails() != null && "TransactionInProgressException".equals(e.awsErrorDetails().errorCode())) {
                throw ApiException.unavailable("dynamodb");
            }
            throw e;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep((long) (20 * Math.pow(2, attempt) * (0.5 + Math.random())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("dynamodb");
        }
    }
}
