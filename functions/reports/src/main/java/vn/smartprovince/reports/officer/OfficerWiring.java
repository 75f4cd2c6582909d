package vn.smartprovince.reports.officer;

import vn.smartprovince.shared.aws.DynamoDbCalls;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.reports.DynamoDbReportStore;
import vn.smartprovince.reports.ProvinceSource;
import vn.smartprovince.reports.ReportStore;
import vn.smartprovince.reports.StoredProvince;
import vn.smartprovince.reports.photos.PhotoStore;
import vn.smartprovince.reports.photos.S3PhotoStore;
import vn.smartprovince.shared.auth.UserItems;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.province.ProvinceConfigStore;

/**
 * Builds the officer functions' collaborators from a function's {@link Env} (MAIN_TABLE,
 * PROVINCE_CODE as the core's functions), once per function instance.
 */
final class OfficerWiring {
    private OfficerWiring() {
    }

    static DynamoDbClient dynamoDb(Env env) {
        return AwsClients.dynamoDb(env);
    }

    static ReportStore store(Env env, DynamoDbClient dynamo) {
        return new DynamoDbReportStore(dynamo, env.required("MAIN_TABLE"));
    }

    static ProvinceSource province(Env env, DynamoDbClient dynamo) {
        return new StoredProvince(new ProvinceConfigStore(dynamo, env.required("MAIN_TABLE")),
                env.optional("PROVINCE_CODE").orElse(null), Duration.ofMinutes(5), Clock.systemUTC());
    }

    static OfficerActions actions(Env env) {
        return actions(env, photoStore(env));
    }

    static OfficerActions actions(Env env, PhotoStore photos) {
        DynamoDbClient dynamo = dynamoDb(env);
        return new OfficerActions(store(env, dynamo), province(env, dynamo), photos, members(env, dynamo),
                Clock.systemUTC());
    }

    static AgencyQueue queue(Env env) {
        return new AgencyQueue(dynamoDb(env), env.required("MAIN_TABLE"), Clock.systemUTC());
    }

    static InternalNotes notes(Env env) {
        DynamoDbClient dynamo = dynamoDb(env);
        ReportStore store = store(env, dynamo);
        return new InternalNotes(dynamo, env.required("MAIN_TABLE"), store,
                new vn.smartprovince.reports.Transitions(store, province(env, dynamo), Clock.systemUTC()),
                Clock.systemUTC());
    }

    /** An officer of the agency: the identity design's GSI1 {@code AGENCY#<id>#OFFICERS} / {@code USER#<id>}, one key. */
    static AgencyMembers members(Env env, DynamoDbClient dynamo) {
        String table = env.required("MAIN_TABLE");
        return (agencyId, userId) -> !DynamoDbCalls.call(() -> dynamo.query(b -> b.tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :p AND gsi1sk = :s")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(UserItems.officersKey(agencyId)),
                        ":s", AttributeValue.fromS(UserItems.userKey(userId)))).limit(1))).items().isEmpty();
    }

    /**
     * The private photo bucket ({@code PHOTO_BUCKET}): verifies the answer's photos and marks them
     * cited. Built on first use, so that the functions that never see photos (every action but
     * the answer) neither build an S3 client at cold start nor need S3 permissions.
     */
    static PhotoStore photoStore(Env env) {
        return new PhotoStore() {
            private volatile S3PhotoStore store;

            private S3PhotoStore store() {
                S3PhotoStore current = store;
                if (current == null) {
                    current = S3PhotoStore.fromEnv(env);
                    store = current;
                }
                return current;
            }

            @Override
            public PresignedUpload presignUpload(String userId, String contentType, long sizeBytes) {
                return store().presignUpload(userId, contentType, sizeBytes);
            }

            @Override
            public void verifyUploadedBy(String userId, java.util.List<String> keys) {
                store().verifyUploadedBy(userId, keys);
            }

            @Override
            public java.net.URI presignDownload(String key, Duration validFor) {
                return store().presignDownload(key, validFor);
            }

            @Override
            public java.util.List<String> attach(String reportId, java.util.List<String> uploadKeys) {
                return store().attach(reportId, uploadKeys);
            }
        };
    }
}
