package vn.smartprovince.ops;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * How every ops tool builds an AWS client: on AWS with the default credentials chain and region
 * (AWS_REGION, the profile's, else ap-southeast-1), or on an emulator ({@code --endpoint}) with
 * any key unless the environment sets one.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, String endpoint, String region, Map<String, String> environment) {
        builder.httpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3)).socketTimeout(Duration.ofSeconds(20)).build());
        builder.region(region != null ? Region.of(region) : defaultRegion(environment));
        boolean keysInEnvironment = environment.containsKey("AWS_ACCESS_KEY_ID") && environment.containsKey("AWS_SECRET_ACCESS_KEY");
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
            if (!keysInEnvironment) {
                // An emulator accepts any key; do not make people configure one.
                builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
                return builder.build();
            }
        }
        builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        return builder.build();
    }

    public static Region defaultRegion(Map<String, String> environment) {
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
}
