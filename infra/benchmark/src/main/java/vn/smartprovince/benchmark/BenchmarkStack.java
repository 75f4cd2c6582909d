package vn.smartprovince.benchmark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.smartprovince.local.LocalMain;
import vn.smartprovince.local.LocalParameters;
import vn.smartprovince.local.LocalSecrets;
import vn.smartprovince.local.demo.DemoData;
import vn.smartprovince.local.emulator.BootstrappedStack;
import vn.smartprovince.local.emulator.Emulator;
import vn.smartprovince.local.emulator.StackBootstrap;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.onestopfake.OneStopFake;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.zalostub.ZaloStub;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * The local system a throughput benchmark measures, set up the way the local runtime does it:
 * the emulator (a running one from {@code AWS_ENDPOINT_URL}, else moto), the Zalo stub, the
 * template's resources, the local secrets, and the demo province published. One place for the
 * dispatcher's, the alert's and the cold-start benchmarks; closing it stops what it started.
 * {@link #withDemo} adds what every function's sample event needs, as start-local has it: the
 * one-stop fake and the demo users (in the table and as Zalo users of the stub).
 */
final class BenchmarkStack implements AutoCloseable {
    private final Emulator emulator;
    private final ZaloStub stub;
    private final OneStopFake oneStop;
    private final BootstrappedStack stack;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;

    private BenchmarkStack(Emulator emulator, ZaloStub stub, OneStopFake oneStop, BootstrappedStack stack) {
        this.emulator = emulator;
        this.stub = stub;
        this.oneStop = oneStop;
        this.stack = stack;
        this.dynamo = emulator.dynamoDb();
        this.sqs = emulator.sqs();
    }

    static BenchmarkStack start(Path repoRoot, Template template, String stackName, String region) throws Exception {
        return start(repoRoot, template, stackName, region, Map.of(), false);
    }

    /** As {@link #start}, plus the one-stop fake and the demo users; {@code overrides} over the local parameters. */
    static BenchmarkStack withDemo(Path repoRoot, Template template, String stackName, String region,
                                   Map<String, String> overrides) throws Exception {
        return start(repoRoot, template, stackName, region, overrides, true);
    }

    private static BenchmarkStack start(Path repoRoot, Template template, String stackName, String region,
                                        Map<String, String> overrides, boolean demo) throws Exception {
        Emulator emulator = Emulator.connectOrStart(System.getenv("AWS_ENDPOINT_URL"), 0, region);
        ZaloStub stub = null;
        OneStopFake oneStop = null;
        try {
            LocalSecrets secrets = LocalSecrets.load(repoRoot);
            Map<String, String> parameters = new LinkedHashMap<>(LocalParameters.of(repoRoot));
            parameters.keySet().retainAll(template.parameters().keySet());
            parameters.putAll(overrides);
            stub = ZaloStub.start(secrets.stubConfig(parameters, repoRoot), 0);
            parameters.putAll(LocalSecrets.zaloBaseUrls(template.parameters().keySet(), parameters, stub.port()));
            if (demo && template.parameters().containsKey(LocalSecrets.ONE_STOP_BASE_URL_PARAMETER)) {
                oneStop = OneStopFake.start(secrets.oneStopConfig(parameters), 0);
                parameters.put(LocalSecrets.ONE_STOP_BASE_URL_PARAMETER, oneStop.baseUri().toString());
            }
            BootstrappedStack stack = StackBootstrap.run(emulator, template, stackName, parameters);
            try (var secretsManager = emulator.secretsManager()) {
                secrets.seed(secretsManager);
            }
            BenchmarkStack started = new BenchmarkStack(emulator, stub, oneStop, stack);
            if (demo) {
                DemoData.load(started.dynamo, started.table(), repoRoot.resolve(DemoData.PROVINCE_FILE),
                        repoRoot.resolve(DemoData.USERS_FILE));
                LocalMain.createDemoZaloUsers(stub.client(), repoRoot.resolve(DemoData.USERS_FILE));
            } else {
                new ProvinceConfigStore(started.dynamo, started.table()).publish(ProvinceConfigLoader.load(
                        repoRoot.resolve("infra/demo/tay-ninh.json")));
            }
            return started;
        } catch (Exception | Error e) {
            if (oneStop != null) {
                oneStop.close();
            }
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
        try (emulator; stub; AutoCloseable fake = oneStop == null ? () -> { } : oneStop; dynamo; sqs) {
            // closes sqs, dynamo, the one-stop fake, the stub, then the emulator
        }
    }
}
