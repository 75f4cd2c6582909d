package vn.smartprovince.benchmark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.smartprovince.local.LocalParameters;
import vn.smartprovince.local.LocalSecrets;
import vn.smartprovince.local.emulator.BootstrappedStack;
import vn.smartprovince.local.emulator.Emulator;
import vn.smartprovince.local.emulator.StackBootstrap;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.zalostub.ZaloStub;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * The local system a throughput benchmark measures, set up the way the local runtime does it:
 * the emulator (a running one from {@code AWS_ENDPOINT_URL}, else moto), the Zalo stub, the
 * template's resources, the local secrets, and the demo province published. One place for the
 * dispatcher's and the alert's benchmarks; closing it stops what it started.
 */
final class BenchmarkStack implements AutoCloseable {
    private final Emulator emulator;
    private final ZaloStub stub;
    private final BootstrappedStack stack;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;

    private BenchmarkStack(Emulator emulator, ZaloStub stub, BootstrappedStack stack) {
        this.emulator = emulator;
        this.stub = stub;
        this.stack = stack;
        this.dynamo = emulator.dynamoDb();
        this.sqs = emulator.sqs();
    }

    static BenchmarkStack start(Path repoRoot, Template template, String stackName, String region) throws Exception {
        Emulator emulator = Emulator.connectOrStart(System.getenv("AWS_ENDPOINT_URL"), 0, region);
        ZaloStub stub = null;
        try {
            LocalSecrets secrets = LocalSecrets.load(repoRoot);
            Map<String, String> parameters = new LinkedHashMap<>(LocalParameters.of(repoRoot));
            parameters.keySet().retainAll(template.parameters().keySet());
            stub = ZaloStub.start(secrets.stubConfig(parameters, repoRoot), 0);
            parameters.putAll(LocalSecrets.zaloBaseUrls(template.parameters().keySet(), parameters, stub.port()));
            BootstrappedStack stack = StackBootstrap.run(emulator, template, stackName, parameters);
            try (var secretsManager = emulator.secretsManager()) {
                secrets.seed(secretsManager);
            }
            BenchmarkStack started = new BenchmarkStack(emulator, stub, stack);
            new ProvinceConfigStore(started.dynamo, started.table()).publish(ProvinceConfigLoader.load(
                    repoRoot.resolve("infra/demo/tay-ninh.json")));
            return started;
        } catch (Exception | Error e) {
            if (stub != null) {
                stub.close();
            }
            emulator.close();
            throw e;
        }
    }

    Emulator emulator() {
        return emulator;
    }

    BootstrappedStack stack() {
        return stack;
    }

    String table() {
        return stack.tableName("MainTable");
    }

    ZaloStubClient zalo() {
        return stub.client();
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    SqsClient sqs() {
        return sqs;
    }

    @Override
    public void close() throws Exception {
        try (emulator; stub; dynamo; sqs) {
            // closes sqs, dynamo, the stub, then the emulator
        }
    }
}
