package vn.smartprovince.shared.aws;

import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.priming.Priming;

/**
 * The first call of each client {@link AwsClients} builds, made during SnapStart priming: one read
 * that finds nothing, so the snapshot holds the client's first-call work (endpoint resolution,
 * signing, the marshallers, the HTTP connection's classes). Registered at construction, run only by
 * {@link Priming#primeAll()}. An answer from AWS of any kind (not found, access denied) means the
 * call went out and came back: primed.
 */
final class ClientPrimers {
    /** A key no item has: the main table's keys are {@code TYPE#id}. */
    static final String ABSENT = "PRIMING#";

    private ClientPrimers() {
    }

    /** GetItem on {@code MAIN_TABLE} for a key that never exists. */
    static DynamoDbClient dynamoDb(DynamoDbClient client, Env env) {
        String table = env.optional("MAIN_TABLE").orElse(null);
        if (table != null) {
            Priming.register("DynamoDB client", client, c -> answered(() -> c.getItem(b -> b.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(ABSENT), "sk", AttributeValue.fromS(ABSENT))))));
        }
        return client;
    }

    /** GetQueueAttributes on the first {@code *_QUEUE_URL} of the function's environment. */
    static SqsClient sqs(SqsClient client, Env env) {
        String url = first(env, "_QUEUE_URL");
        if (url != null) {
            Priming.register("SQS client", client, c -> answered(() ->
                    c.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("QueueArn"))));
        }
        return client;
    }

    /** Apart: the S3 classes exist only in the modules that store files, and only they load this. */
    static final class S3 {
        private S3() {
        }

        /** HeadObject of an absent key in the first {@code *_BUCKET} of the function's environment. */
        static S3Client prime(S3Client client, Env env) {
            String bucket = first(env, "_BUCKET");
            if (bucket != null) {
                Priming.register("S3 client", client, c -> answered(() -> c.headObject(b -> b.bucket(bucket).key(ABSENT))));
            }
            return client;
        }
    }

    /** The value of the first variable (by name) ending in {@code suffix}, or null. */
    static String first(Env env, String suffix) {
        String first = null;
        for (String name : env.asMap().keySet()) {
            if (name.endsWith(suffix) && env.optional(name).isPresent() && (first == null || name.compareTo(first) < 0)) {
                first = name;
            }
        }
        return first == null ? null : env.optional(first).orElseThrow();
    }

    static String answered(Runnable call) {
        try {
            call.run();
            return "answered";
        } catch (AwsServiceException e) {
            return "answered " + e.statusCode();
        }
    }
}
