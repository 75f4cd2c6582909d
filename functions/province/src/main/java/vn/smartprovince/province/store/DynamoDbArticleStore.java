package vn.smartprovince.province.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import vn.smartprovince.province.core.Article;
import vn.smartprovince.province.core.ArticleCategory;
import vn.smartprovince.province.core.ArticleStatus;
import vn.smartprovince.province.core.ArticleStore;
import vn.smartprovince.shared.aws.Attributes;
import vn.smartprovince.shared.aws.DynamoDbCalls;

/**
 * {@link ArticleStore} on the main table ({@link ArticleItems}). The article item is written with a
 * condition on the version and status read; the word index follows with batch writes after it (not
 * in the same transaction: an article has up to {@value ArticleItems#MAX_WORDS} words, a transaction
 * at most 100 items). A word entry left behind by an interrupted write is harmless: search reads the
 * articles it names and keeps only PUBLISHED ones; the next change of the article rewrites its entries.
 */
public final class DynamoDbArticleStore implements ArticleStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbArticleStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Article> find(String id) {
        Map<String, AttributeValue> item = DynamoDbCalls.call(() -> dynamo.getItem(b -> b.tableName(table)
                .key(Attributes.key(ArticleItems.pk(id), ArticleItems.SK)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ArticleItems.article(item));
    }

    @Override
    public List<Article> findAll(Collection<String> ids) {
        List<Article> found = new ArrayList<>();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = distinct.subList(from, Math.min(distinct.size(), from + 100))
                    .stream().<Map<String, AttributeValue>>map(id -> Attributes.key(ArticleItems.pk(id), ArticleItems.SK))
                    .toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                var response = DynamoDbCalls.call(() -> dynamo.batchGetItem(b -> b.requestItems(asked)));
                response.responses().getOrDefault(table, List.of()).forEach(item -> found.add(ArticleItems.article(item)));
                request = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
            }
        }
        return found;
    }

    @Override
    public boolean create(Article article) {
        try {
            DynamoDbCalls.call(() -> dynamo.putItem(b -> b.tableName(table).item(ArticleItems.item(article))
                    .conditionExpression("attribute_not_exists(pk)")));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public boolean replace(Article previous, Article next) {
        try {
            DynamoDbCalls.call(() -> dynamo.putItem(b -> b.tableName(table).item(ArticleItems.item(next))
                    .conditionExpression("version = :v AND #status = :s")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":v", Attributes.n(previous.version()),
                            ":s", Attributes.s(previous.status())))));
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
        reindex(previous, next);
        return true;
    }

    /** The word entries of {@code previous} that {@code next} no longer has are deleted; {@code next}'s written. */
    private void reindex(Article previous, Article next) {
        Map<String, Map<String, AttributeValue>> before = ArticleItems.wordItems(previous);
        Map<String, Map<String, AttributeValue>> after = ArticleItems.wordItems(next);
        List<WriteRequest> writes = new ArrayList<>();
        before.forEach((id, item) -> {
            if (!after.containsKey(id)) {
                writes.add(WriteRequest.builder().deleteRequest(d -> d.key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))))
                        .build());
            }
        });
        after.values().forEach(item -> writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build()));
        for (int from = 0; from < writes.size(); from += 25) {
            Map<String, List<WriteRequest>> request = Map.of(table, writes.subList(from, Math.min(writes.size(), from + 25)));
            while (!request.isEmpty()) {
                Map<String, List<WriteRequest>> asked = request;
                var response = DynamoDbCalls.call(() -> dynamo.batchWriteItem(b -> b.requestItems(asked)));
                request = response.unprocessedItems() == null ? Map.of() : response.unprocessedItems();
            }
        }
    }

    @Override
    public List<Article> due(Instant now, int limit) {
        QueryResponse response = DynamoDbCalls.call(() -> dynamo.query(b -> b.tableName(table).indexName("GSI2")
                .keyConditionExpression("gsi2pk = :pk AND gsi2sk <= :now")
                .expressionAttributeValues(Map.of(":pk", Attributes.s(ArticleItems.SCHEDULED),
                        ":now", Attributes.s(ArticleItems.time(now) + "#~")))
                .limit(limit)));
        // The index is eventually consistent: read each article itself, so a stale entry publishes nothing.
        List<String> ids = response.items().stream().map(item -> Attributes.text(item, "id")).toList();
        return findAll(ids).stream().filter(a -> a.status() == ArticleStatus.SCHEDULED && !a.publishAt().isAfter(now))
                .sorted(java.util.Comparator.comparing(Article::publishAt)).toList();
    }

    @Override
    public Page feed(ArticleCategory category, String commune, String afterKey, int limit) {
        List<String> filters = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", Attributes.s(ArticleItems.FEED));
        if (category != null) {
            filters.add("category = :category");
            values.put(":category", Attributes.s(category));
        }
        if (commune != null) {
            filters.add("(wholeProvince = :whole OR contains(communes, :commune))");
            values.put(":whole", AttributeValue.fromBool(true));
            values.put(":commune", Attributes.s(commune));
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName("GSI2")
                .keyConditionExpression("gsi2pk = :pk").scanIndexForward(false).expressionAttributeValues(values);
        if (!filters.isEmpty()) {
            query.filterExpression(String.join(" AND ", filters));
        }
        return page(query, "gsi2pk", ArticleItems.FEED, "gsi2sk", afterKey, limit);
    }

    @Override
    public List<WordHit> wordHits(String word, int limit) {
        QueryResponse response = DynamoDbCalls.call(() -> dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", Attributes.s(ArticleItems.WORD_PREFIX + word)))
                .scanIndexForward(false).limit(limit)));
        return response.items().stream()
                .map(item -> new WordHit(Attributes.text(item, "articleId"), Attributes.text(item, "folded"))).toList();
    }

    @Override
    public Page desk(String agencyId, ArticleStatus status, String afterKey, int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        String deskKey = ArticleItems.desk(agencyId);
        values.put(":pk", Attributes.s(deskKey));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :pk").scanIndexForward(false);
        if (status != null) {
            query.filterExpression("#status = :status").expressionAttributeNames(Map.of("#status", "status"));
            values.put(":status", Attributes.s(status));
        }
        query.expressionAttributeValues(values);
        return page(query, "gsi1pk", deskKey, "gsi1sk", afterKey, limit);
    }

    /**
     * Up to {@code limit} items of an index query with a filter, reading on while the filter leaves
     * the page short; the next key is the last returned item's sort key (so no item is skipped).
     */
    private Page page(QueryRequest.Builder query, String indexPk, String indexPkValue, String indexSk, String afterKey,
                      int limit) {
        List<Article> items = new ArrayList<>();
        Map<String, AttributeValue> start = afterKey == null ? null : startKey(indexPk, indexPkValue, indexSk, afterKey);
        boolean more = true;
        while (items.size() < limit && more) {
            QueryRequest request = query.exclusiveStartKey(start).limit(Math.max(limit - items.size(), 10) + 1).build();
            QueryResponse response = DynamoDbCalls.call(() -> dynamo.query(request));
            for (Map<String, AttributeValue> item : response.items()) {
                if (items.size() == limit) {
                    return new Page(items, lastKey(items, indexSk));
                }
                items.add(ArticleItems.article(item));
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            more = start != null;
        }
        return new Page(items, items.size() == limit && more ? lastKey(items, indexSk) : null);
    }

    private static String lastKey(List<Article> items, String indexSk) {
        Article last = items.get(items.size() - 1);
        return indexSk.equals("gsi2sk") ? ArticleItems.feedSortKey(last)
                : ArticleItems.time(last.updatedAt()) + "#" + last.id();
    }

    private static Map<String, AttributeValue> startKey(String indexPk, String indexPkValue, String indexSk, String sortKey) {
        Map<String, AttributeValue> key = Attributes.key(ArticleItems.pk(ArticleItems.idOf(sortKey)), ArticleItems.SK);
        key.put(indexPk, Attributes.s(indexPkValue));
        key.put(indexSk, Attributes.s(sortKey));
        return key;
    }
}
