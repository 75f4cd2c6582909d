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
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.smartprovince.shared.config.Env;

/**
 * AWS clients built from a function's {@link Env}: region, credentials and (locally) the
 * emulator endpoint come from the function's own environment, so several functions can share
 * one JVM in the local runtime. Built once per function instance, in its constructor. Each client
 * carries the SnapStart priming guard ({@link PrimingGuard}) and registers its first call as a
 * primer ({@link ClientPrimers}).
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(Env env) {
        return ClientPrimers.dynamoDb(configure(DynamoDbClient.builder(), env, "DYNAMODB").httpClient(httpClient()).build(),
                env);
    }

    public static SqsClient sqs(Env env) {
        return ClientPrimers.sqs(configure(SqsClient.builder(), env, "SQS").httpClient(httpClient()).build(), env);
    }

    /** Endpoint override: {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}, else {@code AWS_ENDPOINT_URL}. */
    public static SecretsManagerClient secretsManager(Env env) {
        return configure(SecretsManagerClient.builder(), env, "SECRETS_MANAGER").httpClient(httpClient()).build();
    }

    /**
     * S3 (needs the {@code s3} artifact, which only modules that store files declare). Endpoint
     * override: {@code AWS_ENDPOINT_URL_S3}, else {@code AWS_ENDPOINT_URL}; with an override the
     * client uses path-style addressing ({@code http://host:port/bucket/key}), which emulators on
     * localhost need; without one, AWS's virtual-hosted style.
     */
    public static S3Client s3(Env env) {
        return ClientPrimers.S3.prime(configure(S3Client.builder(), env, "S3")
                .forcePathStyle(s3Endpoint(env).isPresent())
                .httpClient(httpClient())
                .build(), env);
    }

    /**
     * Presigns S3 requests (no network call) with the same region, credentials, endpoint and
     * addressing style as {@link #s3(Env)}, so a presigned URL points where that client would go.
     */
    public static S3Presigner s3Presigner(Env env) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(region(env))
                .credentialsProvider(credentials(env))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(s3Endpoint(env).isPresent())
                        .build());
        s3Endpoint(env).ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        return builder.build();
    }

    private static java.util.Optional<String> s3Endpoint(Env env) {
        return env.optional("AWS_ENDPOINT_URL_S3").or(() -> env.optional("AWS_ENDPOINT_URL"));
    }

    static Region region(Env env) {
        return Region.of(env.get("AWS_REGION", env.get("AWS_DEFAULT_REGION", "ap-southeast-1")));
    }

    static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Env env, String service) {
        builder.region(region(env));
        builder.credentialsProvider(credentials(env));
        // SnapStart priming: only reads reach AWS while it runs (one override configuration per
        // client: anything else set there must be set in this same call)
        builder.overrideConfiguration(o -> o.addExecutionInterceptor(PrimingGuard.INSTANCE));
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
