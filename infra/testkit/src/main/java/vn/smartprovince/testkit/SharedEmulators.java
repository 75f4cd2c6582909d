package vn.smartprovince.testkit;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.smartprovince.local.emulator.Emulator;

/**
 * One emulator per mode and test JVM, started on first use and stopped when the JVM exits, with
 * one set of SDK clients for it.
 */
final class SharedEmulators {
    /** LocalStack tag from before images required an auth token (2026-03-23); override with -Dlocalstack.image. */
    static final String DEFAULT_LOCALSTACK_IMAGE = "localstack/localstack:4.4";

    record Shared(Emulator emulator, DynamoDbClient dynamoDb, DynamoDbStreamsClient dynamoDbStreams, SqsClient sqs,
                  S3Client s3, SecretsManagerClient secretsManager) {
    }

    private static final Map<EmulatorMode, Shared> SHARED = new EnumMap<>(EmulatorMode.class);
    private static Boolean dockerAvailable;

    private SharedEmulators() {
    }

    static synchronized Shared get(EmulatorMode mode, String region) {
        Shared shared = SHARED.get(mode);
        if (shared == null) {
            Emulator emulator = switch (mode) {
                case MOTO -> Emulator.startMoto(0, region);
                case ENDPOINT -> endpoint(region);
                case LOCALSTACK -> localStack(region);
            };
            shared = new Shared(emulator, emulator.dynamoDb(), emulator.dynamoDbStreams(), emulator.sqs(), emulator.s3(),
                    emulator.secretsManager());
            SHARED.put(mode, shared);
        }
        return shared;
    }

    private static Emulator endpoint(String region) {
        String url = System.getProperty("aws.endpoint", System.getenv("AWS_ENDPOINT_URL"));
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("emulator=endpoint needs AWS_ENDPOINT_URL (or -Daws.endpoint=) set to a"
                    + " running emulator, e.g. http://127.0.0.1:4566");
        }
        return Emulator.connect(URI.create(url.trim()), region);
    }

    /** Skips (never fails) the tests when Docker is absent. */
    static synchronized void assumeDocker() {
        if (dockerAvailable == null) {
            boolean available;
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                available = false;
            }
            dockerAvailable = available;
        }
        Assumptions.assumeTrue(dockerAvailable, "emulator=localstack needs Docker, and no Docker engine answers here;"
                + " run with -Demulator=moto (the default) or start Docker");
    }

    private static Emulator localStack(String region) {
        assumeDocker();
        String image = System.getProperty("localstack.image", DEFAULT_LOCALSTACK_IMAGE);
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(image)
                .asCompatibleSubstituteFor("localstack/localstack"))
                .withServices("dynamodb", "dynamodbstreams", "sqs", "s3", "sts", "secretsmanager");
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("LocalStack (" + image + ") did not start. Images published since"
                    + " 2026-03-23 need LOCALSTACK_AUTH_TOKEN in the environment; or pin an older tag with"
                    + " -Dlocalstack.image=", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "localstack-stop"));
        return Emulator.connect(container.getEndpoint(), region);
    }
}
