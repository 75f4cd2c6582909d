package vn.smartprovince.province.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.province.core.ConfigInForce;
import vn.smartprovince.province.core.ProvinceConfigs;
import vn.smartprovince.shared.aws.DynamoDbCalls;
import vn.smartprovince.shared.province.ProvinceConfigSource;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.shared.province.ProvinceSnapshot;

/**
 * The configuration in force from the shared {@link ProvinceConfigSource} (the same bound as every
 * other function), and who applied it from that version's own item ({@code CONFIG#v000001} …,
 * never changed once written, so read once per version and instance). {@code appliedBy} and
 * {@code appliedAt} are read when the item has them (an apply records them; the demo loader may not).
 */
public final class StoredProvinceConfigs implements ProvinceConfigs {
    private record Applied(String by, String at) {
    }

    private final ProvinceConfigSource source;
    private final DynamoDbClient dynamo;
    private final String table;
    private final Map<Integer, Applied> applied = new ConcurrentHashMap<>();

    public StoredProvinceConfigs(ProvinceConfigSource source, DynamoDbClient dynamo, String table) {
        this.source = source;
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<ConfigInForce> inForce() {
        return source.find().map(snapshot -> {
            Applied who = applied.computeIfAbsent(snapshot.version(), version -> read(snapshot));
            return new ConfigInForce(snapshot, who.by(), who.at());
        });
    }

    private Applied read(ProvinceSnapshot snapshot) {
        Map<String, AttributeValue> item = DynamoDbCalls.call(() -> dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(ProvinceConfigStore.partitionKey(snapshot.provinceCode())),
                        "sk", AttributeValue.fromS(ProvinceConfigStore.versionKey(snapshot.version()))))
                .projectionExpression("appliedBy, appliedAt")).item());
        return new Applied(text(item, "appliedBy"), text(item, "appliedAt"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item == null ? null : item.get(name);
        return value == null || value.s() == null || value.s().isBlank() ? null : value.s();
    }
}
