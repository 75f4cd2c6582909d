package vn.smartprovince.province;

import java.time.Clock;
import vn.smartprovince.province.store.DynamoDbStatCounters;
import vn.smartprovince.province.core.StatCounters;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.province.store.SqsAlertQueues;
import vn.smartprovince.province.store.DynamoDbAlertSubscriptions;
import vn.smartprovince.province.store.DynamoDbAlertStore;
import vn.smartprovince.province.core.AlertSubscriptions;
import vn.smartprovince.province.core.AlertStore;
import vn.smartprovince.province.core.AlertQueues;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.province.core.ArticleCovers;
import vn.smartprovince.province.core.ArticleStore;
import vn.smartprovince.province.core.ProvinceConfigs;
import vn.smartprovince.province.store.ArticleDynamoDbStore;
import vn.smartprovince.province.store.ArticleS3Covers;
import vn.smartprovince.province.store.StoredProvinceConfigs;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
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

    /** The news articles on the main table (news). */
    public static ArticleStore articles(Env env) {
        return new ArticleDynamoDbStore(AwsClients.dynamoDb(env), env.required("MAIN_TABLE"));
    }

    /** Article covers in the photo bucket (news); {@code withClient} false signs only. */
    public static ArticleCovers articleCovers(Env env, boolean withClient) {
        return ArticleS3Covers.fromEnv(env, withClient);
    }

    /** The province configuration source (news: commune codes), one snapshot per request. */
    public static ProvinceConfigSource newsProvinceConfigs(Env env) {
        return ProvinceConfigSource.fromEnv(env, AwsClients.dynamoDb(env), Clock.systemUTC());
    }

    /**
     * The configuration in force for public readers (the directory): the shared source's snapshot
     * only, without the "who applied it" read that {@link #configs} adds for administrators.
     */
    public static ProvinceConfigs publicConfigs(Env env) {
        ProvinceConfigSource source = ProvinceConfigSource.fromEnv(env, AwsClients.dynamoDb(env), Clock.systemUTC());
        return () -> source.find().map(snapshot -> new vn.smartprovince.province.core.ConfigInForce(snapshot, null, null));
    }

    // ---- alerts ----

    /** The province configuration source (one per function instance; a request takes one snapshot). */
    public static ProvinceConfigSource provinceSource(Env env) {
        return ProvinceConfigSource.fromEnv(env, AwsClients.dynamoDb(env), Clock.systemUTC());
    }

    /** The configuration in force, one snapshot per call (per request). */
    public static Supplier<ProvinceConfig> configSupplier(Env env) {
        ProvinceConfigSource source = provinceSource(env);
        return () -> source.snapshot().config();
    }

    public static AlertStore alertStore(Env env) {
        return new DynamoDbAlertStore(AwsClients.dynamoDb(env), env.required("MAIN_TABLE"));
    }

    public static AlertSubscriptions alertSubscriptions(Env env) {
        return new DynamoDbAlertSubscriptions(AwsClients.dynamoDb(env), env.required("MAIN_TABLE"));
    }

    /** {@code ALERT_FANOUT_QUEUE_URL} and {@code NOTIFICATION_QUEUE_URL}; the first only where the function uses it. */
    public static AlertQueues alertQueues(Env env) {
        return new SqsAlertQueues(AwsClients.sqs(env), env.get("ALERT_FANOUT_QUEUE_URL", ""),
                env.get("NOTIFICATION_QUEUE_URL", ""));
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
