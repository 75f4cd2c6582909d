package vn.smartprovince.reports.categories;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.reports.Wiring;
import vn.smartprovince.shared.province.ProvinceConfigStore;

/**
 * The categories of the configuration in force, read from the main table: the pointer item
 * {@code PROVINCE#<code>} / {@code CONFIG#CURRENT} (a GetItem, never a Scan). Its version and hash
 * are read first (projected); the whole configuration is read and parsed again only when they
 * changed since the last read of this instance.
 */
public final class ConfigTableCategorySource implements CategorySource {
    private final DynamoDbClient dynamo;
    private final String table;
    private final String provinceCode;
    private final ProvinceConfigStore store;
    private volatile PublishedCategories last;

    public ConfigTableCategorySource(DynamoDbClient dynamo, String table, String provinceCode) {
        this(dynamo, table, new ProvinceConfigStore(dynamo, table), provinceCode);
    }

    private ConfigTableCategorySource(DynamoDbClient dynamo, String table, ProvinceConfigStore store, String provinceCode) {
        this.dynamo = dynamo;
        this.table = table;
        this.provinceCode = provinceCode;
        this.store = store;
    }

    /**
     * On the module's province configuration store ({@link Wiring#provinceConfigs}): the same
     * published configuration as every report function's {@link Wiring#province}, read here through
     * its version and hash so that the answer carries an ETag. {@code PROVINCE_CODE} is required.
     */
    static ConfigTableCategorySource of(Wiring wiring) {
        return new ConfigTableCategorySource(wiring.dynamoDb(), wiring.table(), wiring.provinceConfigs(),
                wiring.env().required(Wiring.PROVINCE_CODE));
    }

    @Override
    public Optional<PublishedCategories> current() {
        Map<String, AttributeValue> head = call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(ProvinceConfigStore.partitionKey(provinceCode)),
                        "sk", AttributeValue.fromS(ProvinceConfigStore.CURRENT)))
                .projectionExpression("sha256")).item());
        if (head == null || head.isEmpty()) {
            return Optional.empty();
        }
        PublishedCategories known = last;
        if (known != null && head.containsKey("sha256") && known.configSha256().equals(head.get("sha256").s())) {
            return Optional.of(known);
        }
        Optional<PublishedCategories> read = call(() -> store.current(provinceCode)).map(stored ->
                new PublishedCategories(provinceCode, stored.version(), stored.sha256(), stored.config().categories()));
        read.ifPresent(categories -> last = categories);
        return read;
    }

    /** DynamoDB unreachable, throttling or failing: 503 naming it. */
    private static <T> T call(Supplier<T> operation) {
        return vn.smartprovince.shared.aws.DynamoDbCalls.call(operation);
    }
}
