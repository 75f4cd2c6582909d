package vn.smartprovince.province.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.province.core.ConfigInForce;
import vn.smartprovince.province.core.ProvinceConfigs;
import vn.smartprovince.shared.aws.DynamoDbCalls;
import vn.smartprovince.shared.province.ProvinceConfigSource;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.shared.province.ProvinceSnapshot;

/**
 * The configuration in force from the shared {@link ProvinceConfigSource} (the same bound as every
 * other function), and who applied it from that version's own item ({@code CONFIG#v000001} …,
 * never changed once written, so read once per version and instance), read through
 * {@link ProvinceConfigStore#version}: who applied it and when it was published.
 */
public final class StoredProvinceConfigs implements ProvinceConfigs {
    private record Applied(String by, String at) {
    }

    private final ProvinceConfigSource source;
    private final ProvinceConfigStore store;
    private final Map<Integer, Applied> applied = new ConcurrentHashMap<>();

    public StoredProvinceConfigs(ProvinceConfigSource source, DynamoDbClient dynamo, String table) {
        this.source = source;
        this.store = new ProvinceConfigStore(dynamo, table);
    }

    @Override
    public Optional<ConfigInForce> inForce() {
        return source.find().map(snapshot -> {
            Applied who = applied.computeIfAbsent(snapshot.version(), version -> read(snapshot));
            return new ConfigInForce(snapshot, who.by(), who.at());
        });
    }

    /** From the version's own item, through the store that wrote it (its attribute names are the store's). */
    private Applied read(ProvinceSnapshot snapshot) {
        return DynamoDbCalls.call(() -> store.version(snapshot.provinceCode(), snapshot.version()))
                .map(v -> new Applied("-".equals(v.appliedBy()) ? null : v.appliedBy(), v.appliedAt()))
                .orElse(new Applied(null, null));
    }
}
