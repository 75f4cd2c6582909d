package vn.smartprovince.province;

import java.time.Clock;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.province.core.AlertQueues;
import vn.smartprovince.province.core.AlertStore;
import vn.smartprovince.province.core.AlertSubscriptions;
import vn.smartprovince.province.core.ArticleCovers;
import vn.smartprovince.province.core.ArticleStore;
import vn.smartprovince.province.core.ConfigInForce;
import vn.smartprovince.province.core.ProvinceConfigs;
import vn.smartprovince.province.core.StatCounters;
import vn.smartprovince.province.store.DynamoDbAlertStore;
import vn.smartprovince.province.store.DynamoDbAlertSubscriptions;
import vn.smartprovince.province.store.DynamoDbArticleStore;
import vn.smartprovince.province.store.DynamoDbStatCounters;
import vn.smartprovince.province.store.S3ArticleCovers;
import vn.smartprovince.province.store.SqsAlertQueues;
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
        return new StoredProvinceConfigs(provinceSource(env), dynamo,
                env.required("MAIN_TABLE"));
    }

    /** The news articles on the main table (news). */
    public static ArticleStore articles(Env env) {
        return new DynamoDbArticleStore(AwsClients.dynamoDb(env), env.required("MAIN_TABLE"));
    }

    /** Article covers in the photo bucket (news); {@code withClient} false signs only. */
    public static ArticleCovers articleCovers(Env env, boolean withClient) {
        return S3ArticleCovers.fromEnv(env, withClient);
    }

    // ---- alerts ----

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


    /**
     * The configuration in force as a supplier: one snapshot per call, which a use case takes once
     * per request (news, alerts, statistics). The one way this module's functions read it, with
     * {@link #publicConfigs} and {@link #configs} built on the same shared source.
     */
    public static Supplier<ProvinceConfig> provinceConfig(Env env) {
        ProvinceConfigSource source = provinceSource(env);
        return () -> source.snapshot().config();
    }

    /**
     * The configuration in force for public readers (the directory): the shared source's snapshot
     * only, without the "who applied it" read that {@link #configs} adds for administrators.
     */
    public static ProvinceConfigs publicConfigs(Env env) {
        ProvinceConfigSource source = provinceSource(env);
        return () -> source.find().map(snapshot -> new ConfigInForce(snapshot, null, null));
    }

    /** The shared source, one per function instance (refreshes within PROVINCE_CONFIG_REFRESH_SECONDS). */
    private static ProvinceConfigSource provinceSource(Env env) {
        return ProvinceConfigSource.fromEnv(env, AwsClients.dynamoDb(env), Clock.systemUTC());
    }
}
