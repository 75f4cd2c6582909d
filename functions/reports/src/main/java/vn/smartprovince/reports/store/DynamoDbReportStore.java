package vn.smartprovince.reports.store;

import static vn.smartprovince.reports.store.ReportItems.*;

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
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import vn.smartprovince.reports.core.CounterDelta;
import vn.smartprovince.reports.core.HistoryEntry;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportChange;
import vn.smartprovince.reports.core.ReportNotice;
import vn.smartprovince.reports.core.ReportStatus;
import vn.smartprovince.reports.core.ReportStore;
import vn.smartprovince.reports.core.Transitions;
import vn.smartprovince.shared.aws.Transactions;
import vn.smartprovince.shared.notify.Outbox;

/**
 * {@link ReportStore} on the main table ({@link ReportItems}). Every write is one
 * TransactWriteItems; a transaction cancelled only by a concurrent transaction
 * ({@code TransactionConflict}) is retried, which is safe because every report write is
 * conditional on the version read. DynamoDB unavailable or throttling = 503 {@code dynamodb}.
 */
public final class DynamoDbReportStore implements ReportStore {
    static final int ATTEMPTS = 6;
    /** Attributes an update never touches: the keys, creation facts and the me-too count (changed by ADD only). */
    private static final List<String> NOT_UPDATED = List.of("pk", "sk", "supportCount");

    private final DynamoDbClient dynamo;
    private final String table;
    private final Outbox outbox;

    public DynamoDbReportStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = new Outbox(table);
    }

    @Override
    public CreateResult create(Report report, HistoryEntry entry, List<ReportNotice> notices, List<CounterDelta> counters) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(withoutNulls(reportItem(report)), "attribute_not_exists(pk)"));
        items.add(put(trackingItem(report), "attribute_not_exists(pk)"));
        items.add(put(historyItem(entry), "attribute_not_exists(pk)"));
        if (report.status().open()) {
            items.add(put(geoItem(report), null));
        }
        notices.forEach(notice -> jobs(notice).forEach(job -> items.add(outbox.put(job))));
        items.addAll(counterUpdates(counters));
        List<CancellationReason> reasons = transact(items);
        if (reasons == null) {
            return new Created(report);
        }
        if (failed(reasons, 0)) {
            return find(report.id()).<CreateResult>map(DuplicateId::new).orElseGet(TrackingCodeTaken::new);
        }
        if (failed(reasons, 1)) {
            return new TrackingCodeTaken();
        }
        throw new IllegalStateException("submission cancelled: " + codes(reasons));
    }

    @Override
    public Optional<Report> find(String id) {
        var response = call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(reportKey(id), REPORT))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(report(response.item())) : Optional.empty();
    }

    @Override
    public Optional<String> idForTrackingCode(String trackingCode) {
        var response = call(() -> dynamo.getItem(b -> b.tableName(table).key(key(trackingKey(trackingCode), "TRACKING"))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(text(response.item(), "reportId"))
                : Optional.empty();
    }

    @Override
    public List<HistoryEntry> history(String reportId) {
        List<HistoryEntry> entries = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :h)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(reportKey(reportId)),
                        ":h", AttributeValue.fromS("HISTORY#")))
                .build();
        call(() -> {
            dynamo.queryPaginator(query).items().forEach(item -> entries.add(ReportItems.history(item)));
            return null;
        });
        return entries;
    }

    @Override
    public void apply(ReportChange change) {
        Report before = change.before();
        Report after = change.after();
        Map<String, AttributeValue> item = reportItem(after);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            if (NOT_UPDATED.contains(attribute.getKey())) {
                continue;
            }
            String name = "#a" + i;
            names.put(name, attribute.getKey());
            if (attribute.getValue() == null) {
                remove.add(name);
            } else {
                values.put(":v" + i, attribute.getValue());
                set.add(name + " = :v" + i);
            }
            i++;
        }
        names.put("#version", "version");
        values.put(":expected", n(before.version()));
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(reportKey(after.id()), REPORT)).updateExpression(expression)
                .conditionExpression("attribute_exists(pk) AND #version = :expected")
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
        items.add(put(historyItem(change.entry()), "attribute_not_exists(pk)"));
        if (before.status().open() && !after.status().open()) {
            items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(key(reportKey(after.id()), GEO)).build()).build());
        } else if (after.status().open() && !before.status().open()) {
            items.add(put(geoItem(after), null));
        }
        change.notices().forEach(notice -> jobs(notice).forEach(job -> items.add(outbox.put(job))));
        items.addAll(counterUpdates(change.counters()));
        // The public feed (Publication; read by vn.smartprovince.reports.feed): the report's PUBLIC view follows every change
        // that publishes, re-publishes or unpublishes it, in this same transaction.
        items.addAll(Publication.writes(dynamo, table, before, after));
        if (transact(items) != null) {
            // Every condition of a transition derives from the version read: the report's version,
            // HISTORY#<version>, the jobs' ids <id>#v<version>#..., the publication's guard. Whichever
            // failed, another change of this report got there first: 409, never a 500.
            throw new VersionConflict();
        }
    }

    @Override
    public Page mine(String citizenId, String after, int limit) {
        Map<String, AttributeValue> start = null;
        if (after != null) {
            String id = after.substring(after.lastIndexOf('#') + 1);
            start = new HashMap<>(key(reportKey(id), REPORT));
            start.put("gsi1pk", AttributeValue.fromS(mineKey(citizenId)));
            start.put("gsi1sk", AttributeValue.fromS(after));
        }
        Map<String, AttributeValue> exclusiveStart = start;
        QueryResponse response = call(() -> dynamo.query(b -> b.tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(mineKey(citizenId))))
                .scanIndexForward(false).exclusiveStartKey(exclusiveStart).limit(limit)));
        List<Report> reports = response.items().stream().map(ReportItems::report).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !reports.isEmpty();
        return new Page(reports, more ? mineSort(reports.get(reports.size() - 1)) : null);
    }

    @Override
    public List<Report> openInCells(String categoryCode, List<String> cells, int limitPerCell) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String cell : cells) {
            QueryResponse response = call(() -> dynamo.query(b -> b.tableName(table).indexName("GSI1")
                    .keyConditionExpression("gsi1pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(nearKey(categoryCode, cell))))
                    .scanIndexForward(false).limit(limitPerCell)));
            response.items().forEach(item -> keys.add(key(item.get("pk").s(), REPORT)));
        }
        List<Report> reports = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 100) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(from + 100, keys.size()))).build());
            for (int attempt = 0; attempt < ATTEMPTS && !request.isEmpty(); attempt++) {
                Map<String, KeysAndAttributes> batch = request;
                var response = call(() -> dynamo.batchGetItem(b -> b.requestItems(batch)));
                response.responses().getOrDefault(table, List.of()).forEach(item -> reports.add(report(item)));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return reports;
    }

    @Override
    public boolean addSupporter(String reportId, String userId, Instant at, List<CounterDelta> counters) {
        Map<String, AttributeValue> supporter = new LinkedHashMap<>(key(reportKey(reportId), supporterKey(userId)));
        supporter.put("itemType", AttributeValue.fromS("REPORT_SUPPORTER"));
        supporter.put("userId", AttributeValue.fromS(userId));
        supporter.put("at", AttributeValue.fromS(at.toString()));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", n(1));
        List<String> open = new ArrayList<>();
        for (ReportStatus status : ReportStatus.values()) {
            if (status.open()) {
                values.put(":" + status.name(), AttributeValue.fromS(status.name()));
                open.add(":" + status.name());
            }
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(supporter, "attribute_not_exists(pk)"));
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(reportKey(reportId), REPORT)).updateExpression("ADD supportCount :one")
                .conditionExpression("attribute_exists(pk) AND #status IN (" + String.join(", ", open) + ")")
                .expressionAttributeNames(Map.of("#status", "status")).expressionAttributeValues(values).build()).build());
        items.addAll(counterUpdates(counters));
        List<CancellationReason> reasons = transact(items);
        if (reasons == null) {
            return true;
        }
        if (failed(reasons, 0)) {
            return false;
        }
        if (failed(reasons, 1)) {
            throw Transitions.notFound();
        }
        throw new IllegalStateException("support cancelled: " + codes(reasons));
    }

    // ------------------------------------------------------------------ writing

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        return Transactions.put(table, item, condition);
    }

    /** One UpdateItem per counter item (a transaction may touch an item once), ADDing every field. */
    private List<TransactWriteItem> counterUpdates(List<CounterDelta> deltas) {
        Map<String, Map<String, Long>> byItem = new LinkedHashMap<>();
        for (CounterDelta delta : deltas) {
            byItem.computeIfAbsent(delta.partitionKey() + "\n" + delta.period(), k -> new LinkedHashMap<>())
                    .merge(delta.field(), delta.amount(), Long::sum);
        }
        List<TransactWriteItem> updates = new ArrayList<>();
        byItem.forEach((itemKey, fields) -> {
            String[] parts = itemKey.split("\n", 2);
            updates.add(Transactions.add(table, key(parts[0], parts[1]), "REPORT_STATS", fields));
        });
        return updates;
    }

    private List<CancellationReason> transact(List<TransactWriteItem> items) {
        return Transactions.write(dynamo, items);
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return Transactions.failed(reasons, index);
    }

    private static String codes(List<CancellationReason> reasons) {
        return Transactions.codes(reasons);
    }

    @Override
    public boolean forgetCitizen(String reportId, String citizenId) {
        AttributeValue erased = AttributeValue.fromS(Report.ERASED_CITIZEN);
        AttributeValue citizen = AttributeValue.fromS(citizenId);
        // History first, the report last: the report's citizenId is what "done" looks like, so a
        // run that stops half-way is found again through "my reports" and finished.
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :h)")
                .filterExpression("actorId = :citizen")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(reportKey(reportId)),
                        ":h", AttributeValue.fromS("HISTORY#"), ":citizen", citizen))
                .build();
        List<Map<String, AttributeValue>> entries = new ArrayList<>();
        call(() -> {
            dynamo.queryPaginator(query).items().forEach(entries::add);
            return null;
        });
        for (Map<String, AttributeValue> entry : entries) {
            try {
                call(() -> dynamo.updateItem(b -> b.tableName(table).key(key(entry.get("pk").s(), entry.get("sk").s()))
                        .updateExpression("SET actorId = :erased").conditionExpression("actorId = :citizen")
                        .expressionAttributeValues(Map.of(":erased", erased, ":citizen", citizen))));
            } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException done) {
                // already re-attributed by an earlier run
            }
        }
        Optional<Report> report = find(reportId);
        if (report.isEmpty() || !citizenId.equals(report.get().citizenId())) {
            return false;
        }
        Map<String, AttributeValue> values = Map.of(":erased", erased, ":citizen", citizen);
        Report.Rating rating = report.get().rating();
        boolean comment = rating != null && rating.comment() != null;
        String expression = "SET citizenId = :erased REMOVE gsi1pk, gsi1sk, address" + (comment ? ", rating.#comment" : "");
        Map<String, String> names = comment ? Map.of("#comment", "comment") : null;
        try {
            call(() -> dynamo.updateItem(b -> b.tableName(table).key(key(reportKey(reportId), REPORT))
                    .updateExpression(expression).conditionExpression("citizenId = :citizen")
                    .expressionAttributeNames(names).expressionAttributeValues(values)));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException gone) {
            return false;
        }
    }

    /** {@link Transactions#call}: the shared classification, plus a transaction in progress = 503. */
    static <T> T call(Supplier<T> operation) {
        return Transactions.call(operation);
    }
}
