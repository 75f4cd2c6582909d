package vn.smartprovince.province.store;

import static vn.smartprovince.province.store.AlertItems.PREFS_SK;
import static vn.smartprovince.province.store.AlertItems.prefsKey;
import static vn.smartprovince.province.store.AlertItems.subKey;
import static vn.smartprovince.shared.aws.Attributes.key;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import vn.smartprovince.province.core.Alert;
import vn.smartprovince.province.core.AlertPrefs;
import vn.smartprovince.province.core.AlertSubscriptions;
import vn.smartprovince.shared.aws.Attributes;
import vn.smartprovince.shared.aws.DynamoDbCalls;
import vn.smartprovince.shared.aws.Transactions;

/**
 * Citizens' alert communes in the main table ({@link AlertItems}): the choice and one subscription
 * item per partition, written together in one transaction (at most 1 + 2 x 12 items).
 */
public final class DynamoDbAlertSubscriptions implements AlertSubscriptions {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbAlertSubscriptions(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<AlertPrefs> prefs(String userId) {
        var response = DynamoDbCalls.call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(prefsKey(userId), PREFS_SK))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new AlertPrefs(userId, Attributes.text(item, "homeAreaCode"), list(item, "areaCodes"),
                Attributes.bool(item, "enabled"), Attributes.number(item, "version"),
                Attributes.instant(item, "updatedAt")));
    }

    @Override
    public boolean save(AlertPrefs next, AlertPrefs previous) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> prefs = new LinkedHashMap<>(key(prefsKey(next.userId()), PREFS_SK));
        prefs.put("itemType", AttributeValue.fromS("ALERT_PREFS"));
        prefs.put("homeAreaCode", AttributeValue.fromS(next.homeAreaCode()));
        prefs.put("areaCodes", strings(next.areaCodes()));
        prefs.put("enabled", AttributeValue.fromBool(next.enabled()));
        prefs.put("version", AttributeValue.fromN(Long.toString(next.version())));
        prefs.put("updatedAt", AttributeValue.fromS(next.updatedAt().toString()));
        String condition = previous == null ? "attribute_not_exists(pk)" : "#v = :v";
        writes.add(TransactWriteItem.builder().put(b -> {
            b.tableName(table).item(prefs).conditionExpression(condition);
            if (previous != null) {
                b.expressionAttributeNames(Map.of("#v", "version"))
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(previous.version()))));
            }
        }).build());
        List<String> now = partitions(next);
        if (previous != null) {
            for (String area : partitions(previous)) {
                if (!now.contains(area)) {
                    writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                            .key(key(subKey(area), next.userId())).build()).build());
                }
            }
        }
        for (String area : now) {
            Map<String, AttributeValue> sub = new LinkedHashMap<>(key(subKey(area), next.userId()));
            sub.put("itemType", AttributeValue.fromS("ALERT_SUBSCRIPTION"));
            sub.put("areas", strings(next.subscribedAreas()));
            writes.add(Transactions.put(table, sub, null));
        }
        return Transactions.write(dynamo, writes) == null;
    }

    /** The partitions a choice subscribes to: its communes and PROVINCE; none when disabled. */
    static List<String> partitions(AlertPrefs prefs) {
        List<String> areas = new ArrayList<>(prefs.subscribedAreas());
        if (prefs.enabled()) {
            areas.add(Alert.PROVINCE);
        }
        return areas;
    }

    @Override
    public Page page(String partition, String after, int limit) {
        var response = DynamoDbCalls.call(() -> dynamo.query(b -> {
            b.tableName(table).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(subKey(partition))))
                    .limit(limit);
            if (after != null) {
                b.exclusiveStartKey(key(subKey(partition), after));
            }
        }));
        List<Subscriber> items = response.items().stream()
                .map(item -> new Subscriber(Attributes.text(item, "sk"), list(item, "areas"))).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey().get("sk").s() : null;
        return new Page(items, next);
    }

    @Override
    public void forget(String userId) {
        Optional<AlertPrefs> prefs = prefs(userId);
        if (prefs.isEmpty()) {
            return;
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(key(prefsKey(userId), PREFS_SK)).build()).build());
        for (String area : partitions(prefs.get())) {
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(key(subKey(area), userId)).build()).build());
        }
        Transactions.write(dynamo, writes);
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static List<String> list(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }
}
