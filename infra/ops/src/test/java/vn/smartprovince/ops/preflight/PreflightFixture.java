package vn.smartprovince.ops.preflight;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import vn.smartprovince.local.LocalSecrets;
import vn.smartprovince.local.demo.DemoData;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.ops.AwsAccess;

/** The preflight against a test kit stack: the emulator, its seeded secrets, the Zalo stub. */
final class PreflightFixture {
    final AwsEmulatorExtension aws;
    final List<String> printed = new ArrayList<>();

    PreflightFixture(AwsEmulatorExtension aws) {
        this.aws = aws;
    }

    static Path root() {
        return AwsEmulatorExtension.repoRoot();
    }

    /** What start-local does for the province: the demo file published. */
    void publishDemoProvince() {
        DemoData.load(aws.dynamoDb(), aws.tableName("MainTable"), root().resolve(DemoData.PROVINCE_FILE),
                root().resolve(DemoData.USERS_FILE));
    }

    /** Back to the local secrets, the stub's configured state. */
    void restore() {
        LocalSecrets.load(root()).seed(aws.secretsManager());
        aws.zaloStub().reset();
    }

    Deployment deployment(URI api) {
        return Deployment.local(root(), aws.stack().stackName(), api).withZalo(aws.zaloStub().baseUri());
    }

    SnsClient sns() {
        return new AwsAccess(aws.endpoint().toString(), aws.region(), Map.of()).build(SnsClient.builder());
    }

    /** Runs every check; the results by name (lines in {@link #printed}). */
    Map<String, CheckResult> run(Deployment deployment) {
        printed.clear();
        try (SnsClient sns = sns()) {
            Preflight preflight = new Preflight(deployment, aws.secretsManager(), aws.dynamoDb(), sns,
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build(), Clock.systemUTC());
            Map<String, CheckResult> byName = new LinkedHashMap<>();
            preflight.run(printed::add).forEach(r -> byName.put(r.name(), r));
            return byName;
        }
    }

    /** Every value of the local secrets, and the tokens inside the OA pair. */
    static List<String> secretValues() {
        List<String> values = new ArrayList<>();
        LocalSecrets.load(root()).secrets().values().forEach(v -> {
            values.add(v);
            if (v.startsWith("{")) {
                var node = vn.smartprovince.shared.json.Json.read(v);
                node.fields().forEachRemaining(f -> values.add(f.getValue().asText()));
            }
        });
        return values;
    }
}
