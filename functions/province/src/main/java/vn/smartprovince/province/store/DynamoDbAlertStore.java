package vn.smartprovince.province.store;

import static vn.smartprovince.province.store.AlertItems.ALERT_SK;
import static vn.smartprovince.province.store.AlertItems.FANOUT_PREFIX;
import static vn.smartprovince.province.store.AlertItems.PROGRESS_SK;
import static vn.smartprovince.province.store.AlertItems.alertKey;
import static vn.smartprovince.shared.aws.Attributes.key;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import vn.smartprovince.province.core.Alert;
import vn.smartprovince.province.core.AlertFanOutTask;
import vn.smartprovince.province.core.AlertKind;
import vn.smartprovince.province.core.AlertProgress;
import vn.smartprovince.province.core.AlertSeverity;
import vn.smartprovince.province.core.AlertStatus;
import vn.smartprovince.province.core.AlertStore;
import vn.smartprovince.shared.aws.Attributes;
import vn.smartprovince.shared.aws.DynamoDbCalls;
import vn.smartprovince.shared.aws.Transactions;

/** Alerts in the main table ({@link AlertItems}). */
public final class DynamoDbAlertStore implements AlertStore {
    /** An alert is kept a year after its validity ends (the province's record of what it told people). */
    static final Duration RETENTION = Duration.ofDays(365);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbAlertStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(Alert alert) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(alertKey(alert.id()), ALERT_SK));
        item.put("itemType", AttributeValue.fromS("ALERT"));
        item.put("id", AttributeValue.fromS(alert.id()));
        item.put("kind", AttributeValue.fromS(alert.kind().name()));
        item.put("severity", AttributeValue.fromS(alert.severity().name()));
        item.put("title", AttributeValue.fromS(alert.title()));
        item.put("message", AttributeValue.fromS(alert.message()));
        item.put("areaCodes", AttributeValue.fromL(alert.areaCodes().stream().map(AttributeValue::fromS).toList()));
        item.put("validFrom", AttributeValue.fromS(alert.validFrom().toString()));
        item.put("validUntil", AttributeValue.fromS(alert.validUntil().toString()));
        item.put("status", AttributeValue.fromS(alert.status().name()));
        item.put("createdBy", AttributeValue.fromS(alert.createdBy()));
        item.put("createdAt", AttributeValue.fromS(alert.createdAt().toString()));
        item.put("requestHash", AttributeValue.fromS(alert.requestHash()));
        item.put("partitions", AttributeValue.fromN(Integer.toString(alert.partitions().size())));
        item.put("partitionsDone", AttributeValue.fromN("0"));
        item.put("gsi1pk", AttributeValue.fromS(AlertItems.LIST_KEY));
        item.put("gsi1sk", AttributeValue.fromS(alert.validUntil() + "#" + alert.id()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(alert.validUntil().plus(RETENTION).getEpochSecond())));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(Transactions.put(table, item, "attribute_not_exists(pk)"));
        Map<String, AttributeValue> progress = new LinkedHashMap<>(key(alertKey(alert.id()), PROGRESS_SK));
        progress.put("itemType", AttributeValue.fromS("ALERT_PROGRESS"));
        progress.put("queued", AttributeValue.fromN("0"));
        writes.add(Transactions.put(table, progress, null));
        for (String area : alert.partitions()) {
            Map<String, AttributeValue> state = new LinkedHashMap<>(key(alertKey(alert.id()), FANOUT_PREFIX + area));
            state.put("itemType", AttributeValue.fromS("ALERT_FANOUT"));
            state.put("page", AttributeValue.fromN("0"));
            state.put("nextQueued", AttributeValue.fromBool(true));   // page 0 is queued with the alert
            state.put("done", AttributeValue.fromBool(false));
            writes.add(Transactions.put(table, state, null));
        }
        List<CancellationReason> failed = Transactions.write(dynamo, writes);
        return failed == null;
    }

    @Override
    public Optional<Alert> find(String id) {
        var response = DynamoDbCalls.call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(alertKey(id), ALERT_SK))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(alert(response.item())) : Optional.empty();
    }

    @Override
    public List<Alert> endingAfter(Instant now, int max) {
        var response = DynamoDbCalls.call(() -> dynamo.query(b -> b.tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :k AND gsi1sk > :now")
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(AlertItems.LIST_KEY),
                        ":now", AttributeValue.fromS(now.toString())))
                .limit(max)));
        return response.items().stream().map(DynamoDbAlertStore::alert).toList();
    }

    @Override
    public boolean cancel(String id, String by, Instant at) {
        try {
            DynamoDbCalls.call(() -> dynamo.updateItem(b -> b.tableName(table).key(key(alertKey(id), ALERT_SK))
                    .updateExpression("SET #s = :cancelled, cancelledBy = :by, cancelledAt = :at")
                    .conditionExpression("attribute_exists(pk) AND #s <> :cancelled")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":cancelled", AttributeValue.fromS(AlertStatus.CANCELLED.name()),
                            ":by", AttributeValue.fromS(by), ":at", AttributeValue.fromS(at.toString())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public AlertProgress progress(Alert alert) {
        var response = DynamoDbCalls.call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(alertKey(alert.id()), PROGRESS_SK))));
        Map<String, AttributeValue> item = response.hasItem() ? response.item() : Map.of();
        Map<String, Long> undeliverable = new HashMap<>();
        Map<String, Long> failed = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith("undeliverable#")) {
                undeliverable.put(name.substring("undeliverable#".length()), Long.parseLong(value.n()));
            } else if (name.startsWith("failed#")) {
                failed.put(name.substring("failed#".length()), Long.parseLong(value.n()));
            }
        });
        var head = DynamoDbCalls.call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(alertKey(alert.id()), ALERT_SK)).projectionExpression("#parts, #done")
                .expressionAttributeNames(Map.of("#parts", "partitions", "#done", "partitionsDone"))));
        Map<String, AttributeValue> counts = head.hasItem() ? head.item() : Map.of();
        return new AlertProgress(Attributes.number(item, "queued"), Attributes.number(item, "sent"),
                Attributes.number(item, "delivered"), undeliverable, failed,
                (int) Attributes.number(counts, "partitions"), (int) Attributes.number(counts, "partitionsDone"));
    }

    @Override
    public Optional<FanOutState> fanOutState(String alertId, String areaCode) {
        var response = DynamoDbCalls.call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(alertKey(alertId), FANOUT_PREFIX + areaCode))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new FanOutState((int) Attributes.number(item, "page"), Attributes.text(item, "cursor"),
                Attributes.bool(item, "nextQueued"), Attributes.bool(item, "done")));
    }

    @Override
    public boolean pageDone(AlertFanOutTask task, String nextCursor, long queued) {
        boolean last = nextCursor == null;
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":page", AttributeValue.fromN(Integer.toString(task.page())));
        values.put(":next", AttributeValue.fromN(Integer.toString(task.page() + 1)));
        values.put(":false", AttributeValue.fromBool(false));
        values.put(":done", AttributeValue.fromBool(last));
        String set = "SET #page = :next, #queued = :false, #done = :done";
        String remove = "";
        if (last) {
            remove = " REMOVE #cursor";
        } else {
            values.put(":cursor", AttributeValue.fromS(nextCursor));
            set += ", #cursor = :cursor";
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(alertKey(task.alertId()), FANOUT_PREFIX + task.areaCode()))
                .updateExpression(set + remove)
                .conditionExpression("#page = :page AND #done = :false")
                .expressionAttributeNames(Map.of("#cursor", "cursor", "#page", "page", "#queued", "nextQueued",
                        "#done", "done"))
                .expressionAttributeValues(values).build()).build());
        writes.add(Transactions.add(table, key(alertKey(task.alertId()), PROGRESS_SK), "ALERT_PROGRESS",
                Map.of("queued", queued)));
        if (last) {
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(key(alertKey(task.alertId()), ALERT_SK))
                    .updateExpression("ADD #done :one")
                    .expressionAttributeNames(Map.of("#done", "partitionsDone"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))).build()).build());
        }
        return Transactions.write(dynamo, writes) == null;
    }

    @Override
    public void nextQueued(String alertId, String areaCode, int page) {
        try {
            DynamoDbCalls.call(() -> dynamo.updateItem(b -> b.tableName(table)
                    .key(key(alertKey(alertId), FANOUT_PREFIX + areaCode))
                    .updateExpression("SET #queued = :true")
                    .conditionExpression("#page = :page")
                    .expressionAttributeNames(Map.of("#queued", "nextQueued", "#page", "page"))
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true),
                            ":page", AttributeValue.fromN(Integer.toString(page))))));
        } catch (ConditionalCheckFailedException e) {
            // Already further: the flag belongs to a later page.
        }
    }

    @Override
    public boolean finishIfComplete(String alertId, Instant at) {
        try {
            DynamoDbCalls.call(() -> dynamo.updateItem(b -> b.tableName(table).key(key(alertKey(alertId), ALERT_SK))
                    .updateExpression("SET #s = :sent, sentAt = :at")
                    .conditionExpression("#s = :sending AND #done >= #parts")
                    .expressionAttributeNames(Map.of("#s", "status", "#done", "partitionsDone", "#parts", "partitions"))
                    .expressionAttributeValues(Map.of(":sent", AttributeValue.fromS(AlertStatus.SENT.name()),
                            ":sending", AttributeValue.fromS(AlertStatus.SENDING.name()),
                            ":at", AttributeValue.fromS(at.toString())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    static Alert alert(Map<String, AttributeValue> item) {
        List<String> areas = item.containsKey("areaCodes") ? item.get("areaCodes").l().stream().map(AttributeValue::s).toList()
                : List.of();
        return new Alert(Attributes.text(item, "id"), AlertKind.valueOf(Attributes.text(item, "kind")),
                AlertSeverity.valueOf(Attributes.text(item, "severity")), Attributes.text(item, "title"),
                Attributes.text(item, "message"), areas, Attributes.instant(item, "validFrom"),
                Attributes.instant(item, "validUntil"), AlertStatus.valueOf(Attributes.text(item, "status")),
                Attributes.text(item, "createdBy"), Attributes.instant(item, "createdAt"),
                Attributes.text(item, "requestHash"));
    }
}
