package vn.smartprovince.shared.province;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import vn.smartprovince.shared.json.Json;

/**
 * The province configuration in the main table (item design: infra/demo/README.md).
 *
 * <pre>
 * pk = PROVINCE#&lt;code&gt;  sk = CONFIG#CURRENT        the config in force: version, sha256, configJson
 *                                                    (gsi1pk = PROVINCES, gsi1sk = &lt;code&gt;)
 *                      sk = CONFIG#v000001 …      every published version, never changed
 *                      sk = AREA#&lt;code&gt;           one per commune-level unit
 *                      sk = FORMER_AREA#&lt;code&gt;    a former unit's code -&gt; its current unit(s)
 *                      sk = AGENCY#&lt;id&gt;           one per agency
 *                      sk = CATEGORY#&lt;code&gt;       one per report category
 * </pre>
 *
 * Functions read {@code CONFIG#CURRENT} (one GetItem) and keep the parsed config for the life of
 * the instance; the per-entity items serve lists and look-ups that need no parsing.
 * {@link #publish} is idempotent: the same configuration publishes nothing new.
 */
public final class ProvinceConfigStore {
    public static final String PROVINCES = "PROVINCES";
    public static final String CURRENT = "CONFIG#CURRENT";
    static final String[] ENTITY_PREFIXES = {"AREA#", "FORMER_AREA#", "AGENCY#", "CATEGORY#"};
    /** DynamoDB's item limit is 400 KB; the config item also holds keys and a hash. */
    static final int MAX_CONFIG_BYTES = 350 * 1024;
    private static final int BATCH = 25;
    private static final int BATCH_ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public ProvinceConfigStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    public ProvinceConfigStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** The configuration in force, its version and when it was published. */
    public record Stored(int version, String sha256, String publishedAt, ProvinceConfig config) {
    }

    /** What {@link #publish} did: {@code changed} false when the same configuration was already in force. */
    public record Published(String provinceCode, int version, boolean changed) {
    }

    public static String partitionKey(String provinceCode) {
        return "PROVINCE#" + provinceCode;
    }

    public static String versionKey(int version) {
        return String.format("CONFIG#v%06d", version);
    }

    public static String areaKey(String code) {
        return "AREA#" + code;
    }

    public static String formerAreaKey(String formerCode) {
        return "FORMER_AREA#" + formerCode;
    }

    public static String agencyKey(String id) {
        return "AGENCY#" + id;
    }

    public static String categoryKey(String code) {
        return "CATEGORY#" + code;
    }

    // ------------------------------------------------------------------ reading

    /** The configuration in force for {@code provinceCode}, parsed and validated again. */
    public Optional<Stored> current(String provinceCode) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(partitionKey(provinceCode), CURRENT)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        int version = Integer.parseInt(item.get("version").n());
        ProvinceConfig config = ProvinceConfigLoader.parse(item.get("configJson").s(),
                partitionKey(provinceCode) + "/" + versionKey(version));
        return Optional.of(new Stored(version, item.get("sha256").s(), item.get("publishedAt").s(), config));
    }

    /** Codes of the provinces with a configuration in this table (a stack serves one; GSI1, no scan). */
    public List<String> provinceCodes() {
        List<String> codes = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(PROVINCES)))
                .build();
        dynamo.queryPaginator(query).items().forEach(item -> codes.add(item.get("gsi1sk").s()));
        return codes;
    }

    // ------------------------------------------------------------------ publishing

    /**
     * Makes {@code config} the configuration in force. Nothing is written when it equals the one
     * in force. Otherwise the entity items are brought in line (written, and those of removed
     * units, agencies and categories deleted), then version n+1 and the current pointer are
     * written in one transaction that fails if another publisher got there first (retry then).
     */
    public Published publish(ProvinceConfig config) {
        String code = config.province().code();
        String json = ProvinceConfigLoader.toJson(config);
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_CONFIG_BYTES) {
            throw new IllegalArgumentException("The configuration of " + code + " is " + bytes
                    + " bytes as JSON; at most " + MAX_CONFIG_BYTES + " fit in one item (simplify the boundary polygon)");
        }
        String sha256 = sha256(json);
        String pk = partitionKey(code);
        Map<String, AttributeValue> current = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(pk, CURRENT)).projectionExpression("version, sha256")).item();
        boolean exists = current != null && !current.isEmpty();
        int previous = exists ? Integer.parseInt(current.get("version").n()) : 0;
        if (exists && sha256.equals(current.get("sha256").s())) {
            return new Published(code, previous, false);
        }
        int version = previous + 1;
        syncEntities(pk, config, version);

        String now = clock.instant().toString();
        Map<String, AttributeValue> versioned = new LinkedHashMap<>(key(pk, versionKey(version)));
        versioned.put("itemType", AttributeValue.fromS("PROVINCE_CONFIG"));
        versioned.put("version", AttributeValue.fromN(String.valueOf(version)));
        versioned.put("sha256", AttributeValue.fromS(sha256));
        versioned.put("publishedAt", AttributeValue.fromS(now));
        versioned.put("configJson", AttributeValue.fromS(json));
        Map<String, AttributeValue> pointer = new LinkedHashMap<>(versioned);
        pointer.putAll(key(pk, CURRENT));
        pointer.put("itemType", AttributeValue.fromS("PROVINCE_CONFIG_CURRENT"));
        pointer.put("gsi1pk", AttributeValue.fromS(PROVINCES));
        pointer.put("gsi1sk", AttributeValue.fromS(code));
        dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(versioned)
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(pointer)
                        .conditionExpression(exists ? "version = :seen" : "attribute_not_exists(pk)")
                        .expressionAttributeValues(exists
                                ? Map.of(":seen", AttributeValue.fromN(String.valueOf(previous))) : null)
                        .build()).build()));
        return new Published(code, version, true);
    }

    private void syncEntities(String pk, ProvinceConfig config, int version) {
        Map<String, Map<String, AttributeValue>> wanted = new LinkedHashMap<>();
        for (Area area : config.areas()) {
            wanted.put(areaKey(area.code()), entity(pk, areaKey(area.code()), "AREA", area, version));
        }
        Map<String, List<String>> successors = new LinkedHashMap<>();
        config.areas().forEach(area -> area.formerCodes().forEach(
                former -> successors.computeIfAbsent(former, k -> new ArrayList<>()).add(area.code())));
        successors.forEach((former, currentCodes) -> wanted.put(formerAreaKey(former), entity(pk,
                formerAreaKey(former), "FORMER_AREA", Map.of("formerCode", former, "currentCodes", currentCodes), version)));
        for (Agency agency : config.agencies()) {
            wanted.put(agencyKey(agency.id()), entity(pk, agencyKey(agency.id()), "AGENCY", agency, version));
        }
        for (Category category : config.categories()) {
            wanted.put(categoryKey(category.code()), entity(pk, categoryKey(category.code()), "CATEGORY", category, version));
        }

        List<WriteRequest> writes = new ArrayList<>();
        for (String prefix : ENTITY_PREFIXES) {
            QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":prefix", AttributeValue.fromS(prefix)))
                    .projectionExpression("pk, sk")
                    .build();
            dynamo.queryPaginator(query).items().forEach(item -> {
                if (!wanted.containsKey(item.get("sk").s())) {
                    writes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(item).build()).build());
                }
            });
        }
        wanted.values().forEach(item ->
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()));
        for (int from = 0; from < writes.size(); from += BATCH) {
            batchWrite(writes.subList(from, Math.min(from + BATCH, writes.size())));
        }
    }

    /** One BatchWriteItem, retrying what DynamoDB leaves unprocessed with a growing pause. */
    private void batchWrite(List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        for (int attempt = 0; attempt < BATCH_ATTEMPTS; attempt++) {
            Map<String, List<WriteRequest>> batch = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(batch));
            if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
                return;
            }
            pending = response.unprocessedItems();
            try {
                Thread.sleep(50L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing the province configuration", e);
            }
        }
        throw new IllegalStateException("DynamoDB left items unprocessed after " + BATCH_ATTEMPTS + " attempts");
    }

    private static Map<String, AttributeValue> entity(String pk, String sk, String itemType, Object value, int version) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(pk, sk));
        item.put("itemType", AttributeValue.fromS(itemType));
        item.put("configVersion", AttributeValue.fromN(String.valueOf(version)));
        for (Map.Entry<String, JsonNode> field : Json.MAPPER.valueToTree(value).properties()) {
            AttributeValue attribute = attribute(field.getValue());
            if (attribute != null) {
                item.put(field.getKey(), attribute);
            }
        }
        return item;
    }

    /** JSON to a DynamoDB attribute; null for JSON null (the attribute is left out). */
    static AttributeValue attribute(JsonNode node) {
        if (node.isObject()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                AttributeValue value = attribute(field.getValue());
                if (value != null) {
                    map.put(field.getKey(), value);
                }
            }
            return AttributeValue.fromM(map);
        }
        if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            node.forEach(item -> {
                AttributeValue value = attribute(item);
                if (value != null) {
                    list.add(value);
                }
            });
            return AttributeValue.fromL(list);
        }
        if (node.isNumber()) {
            return AttributeValue.fromN(node.asText());
        }
        if (node.isBoolean()) {
            return AttributeValue.fromBool(node.booleanValue());
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        return AttributeValue.fromS(node.asText());
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", AttributeValue.fromS(pk));
        key.put("sk", AttributeValue.fromS(sk));
        return key;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
