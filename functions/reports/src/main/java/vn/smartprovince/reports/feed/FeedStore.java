package vn.smartprovince.reports.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.smartprovince.reports.core.Moderation;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.store.PublicItems;
import vn.smartprovince.reports.store.Publication;
import vn.smartprovince.reports.store.ReportItems;
import vn.smartprovince.shared.http.ApiException;

/**
 * Reads of the public feed (Query only, never a Scan) and the moderation write, on the main table.
 */
public final class FeedStore {
    /** Pages one partition may read for one request when a filter drops items (the rest continues by cursor). */
    static final int MAX_PAGES = 4;
    private final DynamoDbClient dynamo;
    private final String table;

    public FeedStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** One list to read, newest first: a GSI partition. */
    public record Source(String index, String partition) {
        String pkName() {
            return "GSI1".equals(index) ? "gsi1pk" : "gsi2pk";
        }

        String skName() {
            return "GSI1".equals(index) ? "gsi1sk" : "gsi2sk";
        }
    }

    /** Equality filters on item attributes (category, area, status); null values are ignored. */
    public record Filters(String categoryCode, String areaCode, String status) {
    }

    /** What one source gave: the matching items, and how far down it read (null = to its end). */
    record Read(List<Map<String, AttributeValue>> items, String frontier) {
    }

    public record Page(List<Map<String, AttributeValue>> items, String lastSortKey) {
    }

    /**
     * The newest {@code limit} items below sort key {@code before} (null = from the top) across the
     * sources, merged by sort key. A source that stopped reading early (its page cap) bounds the
     * page: only items at or above every source's frontier are safe to answer, the cursor continues
     * below it.
     */
    public Page page(List<Source> sources, Filters filters, String before, int limit) {
        List<Read> reads = sources.stream().map(source -> read(source, filters, before, limit)).toList();
        String sk = sources.get(0).skName();
        return merge(reads, sk, limit);
    }

    static Page merge(List<Read> reads, String skName, int limit) {
        String bound = null;
        for (Read read : reads) {
            if (read.frontier() != null && (bound == null || read.frontier().compareTo(bound) > 0)) {
                bound = read.frontier();
            }
        }
        List<Map<String, AttributeValue>> candidates = new ArrayList<>();
        for (Read read : reads) {
            for (Map<String, AttributeValue> item : read.items()) {
                if (bound == null || item.get(skName).s().compareTo(bound) >= 0) {
                    candidates.add(item);
                }
            }
        }
        candidates.sort(Comparator.comparing((Map<String, AttributeValue> item) -> item.get(skName).s()).reversed());
        if (candidates.size() > limit) {
            List<Map<String, AttributeValue>> page = List.copyOf(candidates.subList(0, limit));
            return new Page(page, page.get(limit - 1).get(skName).s());
        }
        return new Page(List.copyOf(candidates), bound);
    }

    private Read read(Source source, Filters filters, String before, int limit) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#pk", source.pkName());
        values.put(":pk", AttributeValue.fromS(source.partition()));
        String condition = "#pk = :pk";
        if (before != null) {
            names.put("#sk", source.skName());
            values.put(":before", AttributeValue.fromS(before));
            condition += " AND #sk < :before";
        }
        List<String> filter = new ArrayList<>();
        addFilter(filter, names, values, "categoryCode", filters.categoryCode());
        addFilter(filter, names, values, "areaCode", filters.areaCode());
        addFilter(filter, names, values, "status", filters.status());
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(source.index())
                .keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(false).limit(filter.isEmpty() ? limit : Math.max(limit, 25));
        if (!filter.isEmpty()) {
            query.filterExpression(String.join(" AND ", filter));
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse response = call(() -> dynamo.query(query.exclusiveStartKey(exclusiveStart).build()));
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            if (start == null || items.size() >= limit) {
                break;
            }
        }
        return new Read(items, start == null ? null : start.get(source.skName()).s());
    }

    private static void addFilter(List<String> filter, Map<String, String> names, Map<String, AttributeValue> values,
                                  String attribute, String value) {
        if (value != null) {
            names.put("#" + attribute, attribute);
            values.put(":" + attribute, AttributeValue.fromS(value));
            filter.add("#" + attribute + " = :" + attribute);
        }
    }

    /** Published reports in these map cells (newest first per cell), at most {@code cap} items in all. */
    public List<Map<String, AttributeValue>> inCells(List<String> cells, String categoryCode, int cap) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (String cell : cells) {
            if (found.size() >= cap) {
                break;
            }
            Read read = read(new Source("GSI1", PublicItems.mapKey(cell)), new Filters(categoryCode, null, null),
                    null, cap - found.size());
            found.addAll(read.items());
        }
        return found.size() > cap ? found.subList(0, cap) : found;
    }

    // ------------------------------------------------------------------ moderation

    public Moderation moderation(String reportId) {
        var response = call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(PublicItems.key(reportId, PublicItems.MODERATION))));
        return PublicItems.moderation(response.hasItem() ? response.item() : null);
    }

    /** Moderation history, oldest first. */
    public List<Map<String, AttributeValue>> moderationHistory(String reportId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :m)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(ReportItems.reportKey(reportId)),
                        ":m", AttributeValue.fromS("MODERATION#")))
                .build();
        call(() -> {
            dynamo.queryPaginator(query).items().forEach(items::add);
            return null;
        });
        return items;
    }

    public Optional<Map<String, AttributeValue>> publicItem(String reportId) {
        var response = call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(PublicItems.key(reportId, PublicItems.PUBLIC))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /**
     * Writes the moderation {@code next} (version {@code current.version() + 1}) of {@code report}
     * (as read, version-checked) in one transaction: the MODERATION item, a history entry and the
     * public view rebuilt. False when the report or the moderation moved on in between (re-read and retry).
     */
    public boolean moderate(Report report, Moderation current, Moderation next, Map<String, AttributeValue> history) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                .key(PublicItems.key(report.id(), ReportItems.REPORT))
                .conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(report.version()))))
                .build()).build());
        Put.Builder moderation = Put.builder().tableName(table)
                .item(PublicItems.moderationItem(report.id(), next, history.get("moderatorId").s(),
                        Instant.parse(history.get("at").s())));
        if (current.version() == 0) {
            moderation.conditionExpression("attribute_not_exists(pk)");
        } else {
            moderation.conditionExpression("moderationVersion = :mv").expressionAttributeValues(
                    Map.of(":mv", AttributeValue.fromN(Long.toString(current.version()))));
        }
        items.add(TransactWriteItem.builder().put(moderation.build()).build());
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(history)
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        items.addAll(Publication.viewWrites(table, report, next));
        for (int attempt = 1; ; attempt++) {
            try {
                call(() -> dynamo.transactWriteItems(b -> b.transactItems(items)));
                return true;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (reasons.stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                    return false;
                }
                if (attempt >= 5) {
                    throw ApiException.unavailable("dynamodb");
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw ApiException.unavailable("dynamodb");
                }
            }
        }
    }

    /** DynamoDB unreachable or throttling: 503 {@code dynamodb}; anything else is a bug and surfaces. */
    static <T> T call(Supplier<T> operation) {
        return vn.smartprovince.shared.aws.DynamoDbCalls.call(operation);
    }
}
