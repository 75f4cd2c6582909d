package vn.smartprovince.reports.feed;

import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.reports.DynamoDbReportStore;
import vn.smartprovince.reports.ProvinceSource;
import vn.smartprovince.reports.StoredProvince;
import vn.smartprovince.reports.photos.PhotoStore;
import vn.smartprovince.reports.photos.S3PhotoStore;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.province.ProvinceConfigStore;

/** Builds the feed functions' collaborators from a function's {@link Env}, once per instance. */
final class FeedWiring {
    private FeedWiring() {
    }

    static String table(Env env) {
        return env.required("MAIN_TABLE");
    }

    static ProvinceSource province(Env env, DynamoDbClient dynamo) {
        return new StoredProvince(new ProvinceConfigStore(dynamo, table(env)),
                env.optional("PROVINCE_CODE").orElse(null), Duration.ofMinutes(5), Clock.systemUTC());
    }

    static PublicFeed feed(Env env, PhotoStore photos) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        return new PublicFeed(new FeedStore(dynamo, table(env)), province(env, dynamo), photos, Clock.systemUTC());
    }

    static Moderator moderator(Env env) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        return new Moderator(new DynamoDbReportStore(dynamo, table(env)), new FeedStore(dynamo, table(env)),
                province(env, dynamo), Clock.systemUTC());
    }

    /** Photo links for the feed: the S3 photo store, signing only (no S3 client, no call to S3 at read time). */
    static PhotoStore photos(Env env) {
        return S3PhotoStore.signerFromEnv(env);
    }
}
