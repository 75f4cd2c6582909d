package vn.smartprovince.ops.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import vn.smartprovince.shared.auth.UserItems;
import vn.smartprovince.shared.aws.Transactions;
import vn.smartprovince.shared.stats.UserCounterKeys;

/**
 * One-off back-fills of statistics counters from the items already in the table (docs/statistics.md).
 * A back-fill reads each source item once (an operator's Scan filtered on the item type: never a
 * request's) and counts it in one transaction with a marker that makes a re-run skip it.
 */
public final class StatsBackfill {
    private final DynamoDbClient dynamo;
    private final String table;

    public StatsBackfill(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** What a run did: users counted now, users already counted or gone meanwhile (skipped). */
    public record Result(long counted, long skipped) {
    }

    /**
     * Counts every user item not counted yet ({@link UserCounterKeys#COUNTED} absent) in
     * {@code STATS#USERS}/{@code BIRTH_YEARS}: {@code users +1} and its birth year (or unknown) +1,
     * in one transaction with {@code SET statsCounted = true} on the user item, conditioned on the
     * version read and the flag's absence. A user changed meanwhile is read again; a re-run counts
     * nobody twice; users created by the live code are counted already and skipped.
     */
    public Result users() {
        long counted = 0;
        long skipped = 0;
        ScanRequest scan = ScanRequest.builder().tableName(table)
                .filterExpression("itemType = :user AND sk = :profile AND attribute_not_exists(#c)")
                .expressionAttributeNames(Map.of("#c", UserCounterKeys.COUNTED))
                .expressionAttributeValues(Map.of(":user", AttributeValue.fromS(UserItems.ITEM_TYPE),
                        ":profile", AttributeValue.fromS(UserItems.PROFILE)))
                .build();
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(scan).items()) {
            if (countUser(item)) {
                counted++;
            } else {
                skipped++;
            }
        }
        return new Result(counted, skipped);
    }

    private boolean countUser(Map<String, AttributeValue> found) {
        Map<String, AttributeValue> item = found;
        for (int attempt = 0; attempt < 4; attempt++) {
            if (item == null || item.isEmpty() || item.containsKey(UserCounterKeys.COUNTED)) {
                return false;
            }
            AttributeValue year = item.get(UserItems.BIRTH_YEAR);
            Integer birthYear = year == null || year.n() == null ? null : Integer.valueOf(year.n());
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put(UserCounterKeys.USERS, 1L);
            counts.put(UserCounterKeys.birthYearField(birthYear), 1L);
            Map<String, AttributeValue> key = Map.of("pk", item.get("pk"), "sk", item.get("sk"));
            AttributeValue version = item.get(UserItems.VERSION);
            Map<String, AttributeValue> values = new LinkedHashMap<>();
            values.put(":true", AttributeValue.fromBool(true));
            if (version != null) {
                values.put(":v", version);
            }
            Update flag = Update.builder().tableName(table).key(key)
                    .updateExpression("SET #c = :true")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#c) AND "
                            + (version != null ? "#v = :v" : "attribute_not_exists(#v)"))
                    .expressionAttributeNames(Map.of("#c", UserCounterKeys.COUNTED, "#v", UserItems.VERSION))
                    .expressionAttributeValues(values)
                    .build();
            List<CancellationReason> reasons = Transactions.write(dynamo, List.of(TransactWriteItem.builder().update(flag).build(),
                    Transactions.add(table, Map.of("pk", AttributeValue.fromS(UserCounterKeys.PK),
                            "sk", AttributeValue.fromS(UserCounterKeys.BIRTH_YEARS)), "USER_STATS", counts)));
            if (reasons == null) {
                return true;
            }
            item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        }
        throw new IllegalStateException("user item kept changing: " + item.get("pk").s());
    }
}
