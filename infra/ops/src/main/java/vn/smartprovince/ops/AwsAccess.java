package vn.smartprovince.ops;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Where an ops tool's AWS clients go: AWS with the usual credential chain and region, or an
 * emulator ({@code --endpoint}, any key accepted, so none needs configuring). Every ops tool
 * (dlq, province, preflight, secrets) builds its clients here.
 *
 * @param endpoint null for AWS
 * @param region   null for AWS_REGION, the profile's region, else ap-southeast-1
 */
public record AwsAccess(String endpoint, String region, Map<String, String> environment) {

    public boolean local() {
        return endpoint != null;
    }

    public Region resolvedRegion() {
        if (region != null) {
            return Region.of(region);
        }
        String fromEnvironment = environment.getOrDefault("AWS_REGION", environment.get("AWS_DEFAULT_REGION"));
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Region.of(fromEnvironment);
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkException e) {
            return Region.of("ap-southeast-1");
        }
    }

    /** Configures a client builder (region, credentials, endpoint, a URL-connection HTTP client with timeouts). */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        builder.httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(20)).build());
        builder.region(resolvedRegion());
        builder.credentialsProvider(credentials());
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    private AwsCredentialsProvider credentials() {
        boolean keysInEnvironment = environment.containsKey("AWS_ACCESS_KEY_ID")
                && environment.containsKey("AWS_SECRET_ACCESS_KEY");
        if (endpoint != null && !keysInEnvironment) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
