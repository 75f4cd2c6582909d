package vn.smartprovince.shared.aws;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.smartprovince.shared.config.Env;

/**
 * AWS clients built from a function's {@link Env}: region, credentials and (locally) the
 * emulator endpoint come from the function's own environment, so several functions can share
 * one JVM in the local runtime. Built once per function instance, in its constructor.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(Env env) {
        return configure(DynamoDbClient.builder(), env, "DYNAMODB").httpClient(httpClient()).build();
    }

    public static SqsClient sqs(Env env) {
        return configure(SqsClient.builder(), env, "SQS").httpClient(httpClient()).build();
    }

    /** Endpoint override: {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}, else {@code AWS_ENDPOINT_URL}. */
    public static SecretsManagerClient secretsManager(Env env) {
        return configure(SecretsManagerClient.builder(), env, "SECRETS_MANAGER").httpClient(httpClient()).build();
    }

    static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Env env, String service) {
        builder.region(Region.of(env.get("AWS_REGION", env.get("AWS_DEFAULT_REGION", "ap-southeast-1"))));
        builder.credentialsProvider(credentials(env));
        env.optional("AWS_ENDPOINT_URL_" + service)
                .or(() -> env.optional("AWS_ENDPOINT_URL"))
                .ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        return builder;
    }

    /** Lambda puts the role's credentials in the environment; reading them directly is the fastest path. */
    static AwsCredentialsProvider credentials(Env env) {
        var key = env.optional("AWS_ACCESS_KEY_ID");
        var secret = env.optional("AWS_SECRET_ACCESS_KEY");
        if (key.isEmpty() || secret.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        var token = env.optional("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(token.isPresent()
                ? AwsSessionCredentials.create(key.get(), secret.get(), token.get())
                : AwsBasicCredentials.create(key.get(), secret.get()));
    }
}
