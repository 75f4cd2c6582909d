package vn.smartprovince.province.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import vn.smartprovince.province.core.StatCounters;
import vn.smartprovince.shared.aws.DynamoDbCalls;
import vn.smartprovince.shared.http.ApiException;

/**
 * Counter items by key with BatchGetItem (100 keys a request; unprocessed keys asked again a few
 * times, then 503 {@code dynamodb}). Number attributes only; others (itemType) are left out.
 */
public final class DynamoDbStatCounters implements StatCounters {
    static final int BATCH = 100;
    private static final int ATTEMPTS = 5;
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbStatCounters(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<StatKey, Map<String, Long>> read(Collection<StatKey> keys) {
        List<StatKey> unique = new ArrayList<>(new LinkedHashSet<>(keys));
        Map<StatKey, Map<String, Long>> found = new HashMap<>();
        for (int from = 0; from < unique.size(); from += BATCH) {
            List<Map<String, AttributeValue>> pending = new ArrayList<>();
            for (StatKey key : unique.subList(from, Math.min(unique.size(), from + BATCH))) {
                pending.add(Map.of("pk", AttributeValue.fromS(key.pk()), "sk", AttributeValue.fromS(key.sk())));
            }
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > ATTEMPTS) {
                    throw ApiException.unavailable("dynamodb");
                }
                Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(pending).build());
                BatchGetItemResponse response = DynamoDbCalls.call(() -> dynamo.batchGetItem(b -> b.requestItems(request)));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    Map<String, Long> numbers = new HashMap<>();
                    item.forEach((name, value) -> {
                        if (value.n() != null) {
                            numbers.put(name, Long.parseLong(value.n()));
                        }
                    });
                    found.put(new StatKey(item.get("pk").s(), item.get("sk").s()), numbers);
                }
                KeysAndAttributes rest = response.unprocessedKeys().get(table);
                pending = rest == null || !rest.hasKeys() ? List.of() : new ArrayList<>(rest.keys());
                if (!pending.isEmpty()) {
                    pause(attempt);
                }
            }
        }
        return found;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("dynamodb");
        }
    }
}
