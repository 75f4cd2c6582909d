package vn.smartprovince.shared.province;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
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
 * Functions read {@code CONFIG#CURRENT} (one GetItem: a request never sees half of one version
 * and half of another); the per-entity items serve look-ups that need no parsing. {@link #apply}
 * writes a new version atomically, refuses a stale base and changes that would break live data,
 * and is idempotent: the same configuration writes nothing new. Every version is kept with who
 * applied it, when, and an optional note (docs/province-configuration.md).
 */
public final class ProvinceConfigStore {
    public static final String PROVINCES = "PROVINCES";
    public static final String CURRENT = "CONFIG#CURRENT";
    static final String[] ENTITY_PREFIXES = {"AREA#", "FORMER_AREA#", "AGENCY#", "CATEGORY#"};
    /** DynamoDB's item limit is 400 KB; the config item also holds keys and a hash. */
    static final int MAX_CONFIG_BYTES = 350 * 1024;
    /** A transaction holds 100 items: the version, the pointer and up to this many entity writes. */
    static final int MAX_ENTITY_WRITES_IN_TRANSACTION = 98;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final OpenReports openReports;

    public ProvinceConfigStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    public ProvinceConfigStore(DynamoDbClient dynamo, String table, Clock clock) {
        this(dynamo, table, clock, OpenReports.inTable(dynamo, table));
    }

    /** @param openReports counts the open reports the guards protect ({@link OpenReports#inTable}) */
    public ProvinceConfigStore(DynamoDbClient dynamo, String table, Clock clock, OpenReports openReports) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.openReports = openReports;
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

    // ------------------------------------------------------------------ versions

    /**
     * One applied version as stored ({@code CONFIG#v…}, never changed), or the one in force
     * ({@code CONFIG#CURRENT}, a copy of it).
     *
     * @param appliedBy    who applied it (an operator, an AWS identity, "start-local"); "-" for versions
     *                     published before this was recorded
     * @param note         the operator's note, or null
     * @param baseVersion  the version it replaced (0: the first)
     * @param restoredFrom for a rollback: the earlier version whose content it has; else null
     */
    public record Version(String provinceCode, int version, String sha256, String appliedAt, String appliedBy,
                          String note, int baseVersion, Integer restoredFrom, String configJson) {
        public ProvinceConfig config() {
            return ProvinceConfigLoader.parse(configJson, partitionKey(provinceCode) + "/" + versionKey(version));
        }
    }

    /**
     * What {@link #apply} did.
     *
     * @param changed            false when the configuration was already in force (nothing new written)
     * @param entityItemsWritten AREA#, FORMER_AREA#, AGENCY#, CATEGORY# items put or deleted
     */
    public record Applied(String provinceCode, int baseVersion, int version, boolean changed,
                          List<ConfigDiff.Change> changes, int entityItemsWritten) {
    }

    /** The version in force moved since the operator's base: nothing was written; diff again. */
    public static final class StaleBaseException extends RuntimeException {
        private final int base;
        private final Version current;

        StaleBaseException(int base, Version current) {
            super("Version " + (current == null ? 0 : current.version()) + " is in force now"
                    + (current == null ? "" : " (applied by " + current.appliedBy() + " at " + current.appliedAt() + ")")
                    + ", not version " + base + " that this change was based on. Nothing was written: run diff again.");
            this.base = base;
            this.current = current;
        }

        public int base() {
            return base;
        }

        public Version current() {
            return current;
        }
    }

    /** A change that would break live data: nothing was written. */
    public static final class RefusedChangeException extends RuntimeException {
        private final List<String> reasons;

        RefusedChangeException(List<String> reasons) {
            super("Refused, nothing was written:" + System.lineSeparator() + "  "
                    + String.join(System.lineSeparator() + "  ", reasons));
            this.reasons = List.copyOf(reasons);
        }

        public List<String> reasons() {
            return reasons;
        }
    }

    /** The version in force, with who applied it. */
    public Optional<Version> currentVersion(String provinceCode) {
        return read(provinceCode, CURRENT);
    }

    /** One applied version, in force or not. */
    public Optional<Version> version(String provinceCode, int version) {
        return read(provinceCode, versionKey(version));
    }

    /** Every applied version, newest first, without their JSON (configJson is null). */
    public List<Version> history(String provinceCode) {
        List<Version> versions = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true).scanIndexForward(false)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :v)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey(provinceCode)),
                        ":v", AttributeValue.fromS("CONFIG#v")))
                .projectionExpression("version, sha256, publishedAt, appliedBy, note, baseVersion, restoredFrom")
                .build();
        dynamo.queryPaginator(query).items().forEach(item -> versions.add(version(provinceCode, item)));
        return versions;
    }

    private Optional<Version> read(String provinceCode, String sk) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(partitionKey(provinceCode), sk)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(version(provinceCode, response.item()));
    }

    private static Version version(String provinceCode, Map<String, AttributeValue> item) {
        return new Version(provinceCode, Integer.parseInt(item.get("version").n()), item.get("sha256").s(),
                item.get("publishedAt").s(), item.containsKey("appliedBy") ? item.get("appliedBy").s() : "-",
                item.containsKey("note") ? item.get("note").s() : null,
                item.containsKey("baseVersion") ? Integer.parseInt(item.get("baseVersion").n()) : 0,
                item.containsKey("restoredFrom") ? Integer.valueOf(item.get("restoredFrom").n()) : null,
                item.containsKey("configJson") ? item.get("configJson").s() : null);
    }

    // ------------------------------------------------------------------ applying

    /**
     * Makes {@code config} the configuration in force (the one apply code: {@code infra/bin/province}
     * and the local demo loader). Nothing is written when it is already in force (entity items out
     * of step are repaired). Refused, with nothing written, when the version in force is not
     * {@code expectedBase} ({@link StaleBaseException}: diff again) or when the change would break
     * live data ({@link RefusedChangeException}, {@link ConfigGuards}).
     *
     * <p>Writing: one TransactWriteItems puts the immutable version item {@code CONFIG#v<n+1>}
     * (condition: absent) and the pointer {@code CONFIG#CURRENT} (condition: still version n), and
     * with them every entity item that changes. Either all of it happens or none: an apply
     * interrupted at any point leaves version n in force, and of two operators applying on the
     * same base one wins and the other gets {@link StaleBaseException}. Functions read only the
     * pointer's configJson (one item), so no request sees half of a version. When more entity
     * items change than a transaction holds ({@value #MAX_ENTITY_WRITES_IN_TRANSACTION}), they
     * follow the transaction, each conditional on not being newer; applying again repairs them.
     *
     * @param expectedBase the version the operator diffed against (0: nothing in force), or null
     *                     for the version in force when this starts
     * @param appliedBy    who applies it (recorded with the version)
     * @param note         optional
     */
    public Applied apply(ProvinceConfig config, Integer expectedBase, String appliedBy, String note) {
        return apply(config, expectedBase, appliedBy, note, null);
    }

    /**
     * Makes an earlier version's content current again, as a new version (same guards as
     * {@link #apply}); the version records {@code restoredFrom}.
     */
    public Applied rollback(String provinceCode, int version, Integer expectedBase, String appliedBy, String note) {
        Version earlier = version(provinceCode, version).orElseThrow(() -> new IllegalArgumentException(
                "Province " + provinceCode + " has no version " + version + " (see history)"));
        return apply(earlier.config(), expectedBase, appliedBy, note == null ? "rollback to version " + version : note,
                version);
    }

    /** {@link #apply} with no base, by "publish": for tests and tools that own the table. */
    public Published publish(ProvinceConfig config) {
        Applied applied = apply(config, null, "publish", null, null);
        return new Published(applied.provinceCode(), applied.version(), applied.changed());
    }

    private Applied apply(ProvinceConfig config, Integer expectedBase, String appliedBy, String note, Integer restoredFrom) {
        String code = config.province().code();
        String json = ProvinceConfigLoader.toJson(config);
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_CONFIG_BYTES) {
            throw new IllegalArgumentException("The configuration of " + code + " is " + bytes
                    + " bytes as JSON; at most " + MAX_CONFIG_BYTES + " fit in one item (simplify the boundary polygon)");
        }
        String sha256 = sha256(json);
        String pk = partitionKey(code);
        Optional<Version> current = currentVersion(code);
        int base = current.map(Version::version).orElse(0);
        if (expectedBase != null && expectedBase != base) {
            throw new StaleBaseException(expectedBase, current.orElse(null));
        }
        if (current.isEmpty()) {
            List<String> others = provinceCodes().stream().filter(other -> !other.equals(code)).toList();
            if (!others.isEmpty()) {
                throw new RefusedChangeException(List.of(ConfigGuards.provinceCode(String.join(", ", others), code)));
            }
        }
        if (current.isPresent() && sha256.equals(current.get().sha256())) {
            List<WriteRequest> repairs = entityWrites(pk, config, base);
            writeEntitiesAfter(repairs, base);
            return new Applied(code, base, base, false, List.of(), repairs.size());
        }
        ProvinceConfig before = current.map(Version::config).orElse(null);
        List<ConfigDiff.Change> changes = ConfigDiff.between(before, config);
        if (before != null) {
            OpenReports.Counts open = removesAnything(before, config)
                    ? openReports.count(code, before.agencies().stream().map(Agency::id).toList())
                    : OpenReports.Counts.NONE;
            List<String> refused = ConfigGuards.refusals(before, config, open);
            if (!refused.isEmpty()) {
                throw new RefusedChangeException(refused);
            }
        }
        int version = base + 1;
        List<WriteRequest> entityWrites = entityWrites(pk, config, version);

        Map<String, AttributeValue> versioned = new LinkedHashMap<>(key(pk, versionKey(version)));
        versioned.put("itemType", AttributeValue.fromS("PROVINCE_CONFIG"));
        versioned.put("version", AttributeValue.fromN(String.valueOf(version)));
        versioned.put("sha256", AttributeValue.fromS(sha256));
        versioned.put("publishedAt", AttributeValue.fromS(clock.instant().toString()));
        versioned.put("appliedBy", AttributeValue.fromS(appliedBy == null || appliedBy.isBlank() ? "-" : appliedBy));
        if (note != null && !note.isBlank()) {
            versioned.put("note", AttributeValue.fromS(note));
        }
        versioned.put("baseVersion", AttributeValue.fromN(String.valueOf(base)));
        if (restoredFrom != null) {
            versioned.put("restoredFrom", AttributeValue.fromN(String.valueOf(restoredFrom)));
        }
        versioned.put("configJson", AttributeValue.fromS(json));
        Map<String, AttributeValue> pointer = new LinkedHashMap<>(versioned);
        pointer.putAll(key(pk, CURRENT));
        pointer.put("itemType", AttributeValue.fromS("PROVINCE_CONFIG_CURRENT"));
        pointer.put("gsi1pk", AttributeValue.fromS(PROVINCES));
        pointer.put("gsi1sk", AttributeValue.fromS(code));

        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(versioned)
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(pointer)
                .conditionExpression(base > 0 ? "version = :base" : "attribute_not_exists(pk)")
                .expressionAttributeValues(base > 0 ? Map.of(":base", AttributeValue.fromN(String.valueOf(base))) : null)
                .build()).build());
        boolean together = entityWrites.size() <= MAX_ENTITY_WRITES_IN_TRANSACTION;
        if (together) {
            entityWrites.forEach(write -> items.add(transactItem(write)));
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items));
        } catch (TransactionCanceledException e) {
            boolean lost = e.cancellationReasons().stream().anyMatch(reason ->
                    "ConditionalCheckFailed".equals(reason.code()) || "TransactionConflict".equals(reason.code()));
            if (lost) {
                throw new StaleBaseException(base, currentVersion(code).orElse(null));
            }
            throw e;
        }
        if (!together) {
            writeEntitiesAfter(entityWrites, version);
        }
        return new Applied(code, base, version, true, changes, entityWrites.size());
    }

    private static boolean removesAnything(ProvinceConfig before, ProvinceConfig after) {
        return before.agencies().stream().anyMatch(a -> after.agency(a.id()).isEmpty())
                || before.categories().stream().anyMatch(c -> after.category(c.code()).isEmpty())
                || before.areas().stream().anyMatch(a -> after.area(a.code()).isEmpty());
    }

    /** Entity items that differ from {@code config} (ignoring configVersion), as of the table now. */
    public int entityDrift(ProvinceConfig config) {
        return entityWrites(partitionKey(config.province().code()), config, 0).size();
    }

    /**
     * The writes that bring the entity items in line with {@code config}: a put for each item that
     * is missing or differs (with {@code configVersion} = the version that last changed it), a
     * delete for each item of a removed unit, agency or category.
     */
    private List<WriteRequest> entityWrites(String pk, ProvinceConfig config, int version) {
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
                    .build();
            dynamo.queryPaginator(query).items().forEach(item -> {
                String sk = item.get("sk").s();
                Map<String, AttributeValue> want = wanted.get(sk);
                if (want == null) {
                    writes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                            .key(key(pk, sk)).build()).build());
                } else if (sameContent(want, item)) {
                    wanted.remove(sk);
                }
            });
        }
        wanted.values().forEach(item ->
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()));
        return writes;
    }

    private TransactWriteItem transactItem(WriteRequest write) {
        if (write.putRequest() != null) {
            return TransactWriteItem.builder().put(Put.builder().tableName(table).item(write.putRequest().item())
                    .build()).build();
        }
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(write.deleteRequest().key())
                .build()).build();
    }

    /**
     * Entity writes outside the transaction, one by one, each refused when the item was already
     * written by a newer version (a slower, older apply never undoes a newer one).
     */
    private void writeEntitiesAfter(List<WriteRequest> writes, int version) {
        Map<String, AttributeValue> values = Map.of(":v", AttributeValue.fromN(String.valueOf(version)));
        for (WriteRequest write : writes) {
            try {
                if (write.putRequest() != null) {
                    dynamo.putItem(b -> b.tableName(table).item(write.putRequest().item())
                            .conditionExpression("attribute_not_exists(configVersion) OR configVersion <= :v")
                            .expressionAttributeValues(values));
                } else {
                    dynamo.deleteItem(b -> b.tableName(table).key(write.deleteRequest().key())
                            .conditionExpression("attribute_not_exists(configVersion) OR configVersion <= :v")
                            .expressionAttributeValues(values));
                }
            } catch (ConditionalCheckFailedException newer) {
                // a newer version wrote it: leave it
            }
        }
    }

    /** The same item apart from {@code configVersion}; numbers compared as numbers. */
    static boolean sameContent(Map<String, AttributeValue> wanted, Map<String, AttributeValue> stored) {
        Map<String, AttributeValue> a = new HashMap<>(wanted);
        Map<String, AttributeValue> b = new HashMap<>(stored);
        a.remove("configVersion");
        b.remove("configVersion");
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, AttributeValue> entry : a.entrySet()) {
            if (!same(entry.getValue(), b.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(AttributeValue a, AttributeValue b) {
        if (a.n() != null && b.n() != null) {
            return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n())) == 0;
        }
        if (a.hasL() && b.hasL()) {
            if (a.l().size() != b.l().size()) {
                return false;
            }
            for (int i = 0; i < a.l().size(); i++) {
                if (!same(a.l().get(i), b.l().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.hasM() && b.hasM()) {
            return sameContent(a.m(), b.m());
        }
        return a.equals(b);
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
