package vn.smartprovince.reports.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.reports.DynamoDbReportStore;
import vn.smartprovince.reports.ProvinceSource;
import vn.smartprovince.reports.StoredProvince;
import vn.smartprovince.reports.photos.PhotoStore;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
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

    /**
     * Photo links for the feed. Until the S3 photo store is wired into the feed functions, links
     * are refused (503) and {@link PublicFeed} shows the reports without their photos.
     */
    static PhotoStore photos(Env env) {
        return new PhotoStore() {
            @Override
            public PresignedUpload presignUpload(String userId, String contentType, long sizeBytes) {
                throw ApiException.unavailable("photo store");
            }

            @Override
            public void verifyUploadedBy(String userId, List<String> keys) {
                throw ApiException.unavailable("photo store");
            }

            @Override
            public URI presignDownload(String key, Duration validFor) {
                throw ApiException.unavailable("photo store");
            }
        };
    }
}
