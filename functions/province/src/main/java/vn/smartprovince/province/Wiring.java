package vn.smartprovince.province;

import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.province.core.ProvinceConfigs;
import vn.smartprovince.province.core.StatCounters;
import vn.smartprovince.province.store.DynamoDbStatCounters;
import vn.smartprovince.province.store.StoredProvinceConfigs;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigSource;

/**
 * Builds the province functions' adapters from their {@link Env}, by hand, once per function
 * instance (in the handler's constructor, so SnapStart snapshots them). Reads {@code MAIN_TABLE},
 * {@code PROVINCE_CODE} and {@code PROVINCE_CONFIG_REFRESH_SECONDS} (see {@link ProvinceConfigSource}).
 */
public final class Wiring {
    private Wiring() {
    }

    /** The configuration in force, through the shared source, with who applied it. */
    public static ProvinceConfigs configs(Env env) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        return new StoredProvinceConfigs(ProvinceConfigSource.fromEnv(env, dynamo, Clock.systemUTC()), dynamo,
                env.required("MAIN_TABLE"));
    }

    /** The statistics counter items of the main table (BatchGetItem). */
    public static StatCounters statCounters(Env env) {
        return new DynamoDbStatCounters(AwsClients.dynamoDb(env), env.required("MAIN_TABLE"));
    }

    /** The configuration in force, one snapshot per call (names and keys of the statistics' dimensions). */
    public static java.util.function.Supplier<ProvinceConfig> provinceConfig(Env env) {
        ProvinceConfigSource source = ProvinceConfigSource.fromEnv(env, AwsClients.dynamoDb(env), Clock.systemUTC());
        return () -> source.snapshot().config();
    }
}
