package vn.smartprovince.ops.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import vn.smartprovince.ops.preflight.CheckResult.Status;
import vn.smartprovince.ops.secrets.SecretRules.Kind;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.zalostub.Endpoint;
import vn.smartprovince.zalostub.ZaloStubClient.Fault;

/**
 * Each check's pass and fail paths against moto and the Zalo stub (the API checks' passing paths
 * need the served functions: {@code PreflightIT}). Here the API is a fake answering 404 to all.
 */
class PreflightTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final PreflightFixture fixture = new PreflightFixture(aws);
    static HttpServer nothing;
    static URI api;

    @BeforeAll
    static void fakeApi() throws IOException {
        nothing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        nothing.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        nothing.start();
        api = URI.create("http://127.0.0.1:" + nothing.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        nothing.stop(0);
    }

    @BeforeEach
    void restore() {
        fixture.restore();
        fixture.publishDemoProvince();
    }

    private Map<String, CheckResult> run() {
        return fixture.run(fixture.deployment(api));
    }

    private Map<String, CheckResult> run(Deployment deployment) {
        return fixture.run(deployment);
    }

    private static void assertStatus(Status expected, CheckResult result, String... detailParts) {
        assertEquals(expected, result.status(), result.line());
        for (String part : detailParts) {
            assertTrue(result.line().contains(part), "\"" + part + "\" not in: " + result.line());
        }
    }

    private void putSecret(Kind kind, String value) {
        String name = fixture.deployment(api).secretName(kind);
        aws.secretsManager().putSecretValue(b -> b.secretId(name).secretString(value));
    }

    // ---------------------------------------------------------------- secrets

    @Test
    void theSeededSecretsPass() {
        Map<String, CheckResult> results = run();
        for (Kind kind : Kind.values()) {
            assertStatus(Status.PASS, results.get("secret " + kind.parameter), "smartprovince/local/");
        }
    }

    @Test
    void aMissingSecretFailsNamingItAndTheCommand() {
        String name = fixture.deployment(api).secretName(Kind.OA_SECRET);
        aws.secretsManager().deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
        try {
            Map<String, CheckResult> results = run();
            assertStatus(Status.FAIL, results.get("secret ZaloOaSecretName"), name, "does not exist", "infra/bin/secrets");
            // The webhook probe cannot be signed without it.
            assertEquals(Status.FAIL, results.get("webhook URL").status());
        } finally {
            aws.secretsManager().createSecret(b -> b.name(name).secretString("placeholder-restored"));
        }
    }

    @Test
    void theOneStopSecretIsMissedOnlyWithAOneStopSystem() {
        String name = fixture.deployment(api).secretName(Kind.ONE_STOP);
        aws.secretsManager().deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
        try {
            assertStatus(Status.SKIP, run().get("secret OneStopSecretName"), name, "only a province with a one-stop system");
            Deployment connected = fixture.deployment(api).withParameter("OneStopBaseUrl", "https://one-stop.example.gov.vn");
            assertStatus(Status.FAIL, run(connected).get("secret OneStopSecretName"), name, "does not exist",
                    "--only one-stop");
        } finally {
            aws.secretsManager().createSecret(b -> b.name(name).secretString("placeholder-restored"));
        }
    }

    @Test
    void aMalformedOneStopSecretFailsWithoutShowingIt() {
        putSecret(Kind.ONE_STOP, "{\"apiKey\": \"a key-with-space\", \"signingSecret\": \"hmac-secret-value\"}");
        CheckResult result = run().get("secret OneStopSecretName");
        assertStatus(Status.FAIL, result, "malformed", "\"apiKey\"", "--rotate");
        assertFalse(result.line().contains("key-with-space"), result.line());
    }

    @Test
    void aShortSigningKeyFails() {
        putSecret(Kind.SIGNING_KEY, "only-31-bytes-long-xxxxxxxxxxxx");
        assertStatus(Status.FAIL, run().get("secret SessionSigningKeySecretName"), "32 bytes");
    }

    @Test
    void aSigningKeyRotationPairPasses() {
        putSecret(Kind.SIGNING_KEY, "{\"keys\": [\"" + "n".repeat(40) + "\", \"" + "o".repeat(40) + "\"]}");
        assertStatus(Status.PASS, run().get("secret SessionSigningKeySecretName"));
    }

    @Test
    void aTokenPairThatIsNotTheJsonFails() {
        putSecret(Kind.OA_TOKENS, "{\"accessToken\": \"abc-secret-access\"}");
        Map<String, CheckResult> results = run();
        assertStatus(Status.FAIL, results.get("secret ZaloOaTokensSecretName"), "refreshToken");
        assertStatus(Status.FAIL, results.get("OA access token"), "first");
        putSecret(Kind.OA_TOKENS, "not json at all, with secret-ish text");
        assertStatus(Status.FAIL, run().get("secret ZaloOaTokensSecretName"), "not JSON");
        putSecret(Kind.OA_TOKENS, "{\"accessToken\":\"a-b-c-d\",\"refreshToken\":\"e-f-g-h\",\"accessTokenExpiresAt\":\"tomorrow\"}");
        assertStatus(Status.FAIL, run().get("secret ZaloOaTokensSecretName"), "RFC 3339");
    }

    @Test
    void anAppSecretWithSpacesFails() {
        putSecret(Kind.APP_SECRET, "two words here");
        Map<String, CheckResult> results = run();
        assertStatus(Status.FAIL, results.get("secret ZaloAppSecretName"), "malformed");
        assertStatus(Status.FAIL, results.get("Zalo accepts the app secret"), "missing or malformed");
    }

    // ---------------------------------------------------------------- configuration

    @Test
    void noConfigurationInForceFails() {
        Map<String, CheckResult> results = run(fixture.deployment(api).withParameter("ProvinceCode", "NOT-APPLIED"));
        assertStatus(Status.FAIL, results.get("province configuration in force"), "NOT-APPLIED", "infra/bin/province apply");
        assertStatus(Status.FAIL, results.get("notification templates"), "no configuration");
    }

    @Test
    void theDemoConfigurationPassesWithEveryTemplate() {
        Map<String, CheckResult> results = run();
        assertStatus(Status.PASS, results.get("province configuration in force"), "DEMO-TNH version");
        assertStatus(Status.PASS, results.get("notification templates"), "REPORT_RECEIVED", "REPORT_STATUS_CHANGED");
    }

    @Test
    void aTemplateTheCodeSendsMissingFails() {
        // Province code with only one template: publish a copy of the demo file without REPORT_RECEIVED.
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) vn.smartprovince.shared.json.Json.read(
                readDemo());
        var templates = (com.fasterxml.jackson.databind.node.ArrayNode) node.get("notificationTemplates");
        for (int i = templates.size() - 1; i >= 0; i--) {
            if (templates.get(i).path("key").asText().equals("REPORT_RECEIVED")) {
                templates.remove(i);
            }
        }
        var config = vn.smartprovince.shared.province.ProvinceConfigLoader.parse(
                vn.smartprovince.shared.json.Json.write(node), "test");
        new ProvinceConfigStore(aws.dynamoDb(), aws.tableName("MainTable")).publish(config);
        assertStatus(Status.FAIL, run().get("notification templates"), "no template for REPORT_RECEIVED",
                "notificationTemplates");
    }

    private static String readDemo() {
        try {
            return java.nio.file.Files.readString(PreflightFixture.root().resolve(
                    vn.smartprovince.local.demo.DemoData.PROVINCE_FILE));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- Zalo

    @Test
    void theStubAcceptsTheLocalAppSecretAndOaToken() {
        Map<String, CheckResult> results = run();
        assertStatus(Status.PASS, results.get("egress to Zalo"), "directly");
        assertStatus(Status.PASS, results.get("Zalo accepts the app secret"), "-14014");
        assertStatus(Status.PASS, results.get("OA access token"), "ENABLE");
        // The probe spent nothing: the stub's first pair is still usable.
        assertTrue(aws.zaloStub().oaTokens().refreshTokenUsable());
    }

    @Test
    void aWrongAppSecretFails() {
        putSecret(Kind.APP_SECRET, "a-well-formed-but-wrong-secret");
        Map<String, CheckResult> results = run();
        assertStatus(Status.PASS, results.get("secret ZaloAppSecretName"));
        assertStatus(Status.FAIL, results.get("Zalo accepts the app secret"), "-14002", "--rotate");
        // Zalo answered, so the egress is fine.
        assertStatus(Status.PASS, results.get("egress to Zalo"));
    }

    @Test
    void regionRestrictedFailsTheEgress() {
        aws.zaloStub().fault(Fault.onAll().error(-501).times(10));
        Map<String, CheckResult> results = run();
        assertStatus(Status.FAIL, results.get("egress to Zalo"), "-501", "ZaloEgressProxyUrl");
        assertStatus(Status.FAIL, results.get("Zalo accepts the app secret"));
    }

    @Test
    void theConfiguredEgressProxyIsUsed() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Map<String, CheckResult> results = run(fixture.deployment(api).withEgressProxy("http://127.0.0.1:" + closed));
        assertStatus(Status.FAIL, results.get("egress to Zalo"), "egress proxy", "127.0.0.1:" + closed);
        assertTrue(aws.zaloStub().calls(Endpoint.OAUTH_OA_ACCESS_TOKEN).isEmpty(), "the call must not bypass the proxy");
    }

    @Test
    void anOaTokenZaloRefusesFails() {
        putSecret(Kind.OA_TOKENS, "{\"accessToken\":\"revoked-or-never-issued\",\"refreshToken\":\"whatever-refresh\"}");
        assertStatus(Status.FAIL, run().get("OA access token"), "refused the OA access token", "re-authorise");
    }

    @Test
    void theDispatchersCurrentPairWinsOverTheSeedItCameFrom() {
        // The dispatcher stored a refreshed pair seeded from the current secret: that access token is tried.
        String secret = aws.secretsManager().getSecretValue(b -> b.secretId(
                fixture.deployment(api).secretName(Kind.OA_TOKENS))).secretString();
        aws.dynamoDb().putItem(b -> b.tableName(aws.tableName("MainTable")).item(Map.of(
                "pk", AttributeValue.fromS("ZALO#OA_TOKEN"), "sk", AttributeValue.fromS("CURRENT"),
                "accessToken", AttributeValue.fromS("stored-but-not-valid-token"),
                "refreshToken", AttributeValue.fromS("stored-refresh"), "version", AttributeValue.fromN("2"),
                "seedHash", AttributeValue.fromS(Preflight.sha256(secret)))));
        try {
            assertStatus(Status.FAIL, run().get("OA access token"), "main table");
        } finally {
            aws.dynamoDb().deleteItem(b -> b.tableName(aws.tableName("MainTable")).key(Map.of(
                    "pk", AttributeValue.fromS("ZALO#OA_TOKEN"), "sk", AttributeValue.fromS("CURRENT"))));
        }
    }

    // ---------------------------------------------------------------- API and alarms (failing paths)

    @Test
    void noWebhookRouteAndNoCorsFail() {
        Map<String, CheckResult> results = run();
        assertStatus(Status.FAIL, results.get("webhook URL"), "404");
        assertStatus(Status.FAIL, results.get("CORS for the mini app"), "https://h5.zdn.vn", "AllowedOrigins");
    }

    @Test
    void alarmsSkipLocallyWithTheReasonAndCheckATopicWhenGiven() {
        assertStatus(Status.SKIP, run().get("alarm subscribers"), "start-local creates no SNS topic");
        try (SnsClient sns = fixture.sns()) {
            String topic = sns.createTopic(b -> b.name("preflight-test-alarms")).topicArn();
            assertStatus(Status.FAIL, run(fixture.deployment(api).withOutput("AlarmTopicArn", topic)).get("alarm subscribers"),
                    "no confirmed subscriber", "aws sns subscribe");
            String queue = aws.sqs().createQueue(b -> b.queueName("preflight-test-oncall")).queueUrl();
            String queueArn = aws.sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNamesWithStrings("QueueArn"))
                    .attributesAsStrings().get("QueueArn");
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn));
            assertStatus(Status.PASS, run(fixture.deployment(api).withOutput("AlarmTopicArn", topic)).get("alarm subscribers"),
                    "1 subscriber", "sqs");
        }
    }

    // ---------------------------------------------------------------- never a secret

    @Test
    void noLineEverHoldsASecretValue() {
        // Passing and failing runs: wrong app secret, refused token, malformed pair, -501.
        putSecret(Kind.APP_SECRET, "a-well-formed-but-wrong-secret");
        assertNoSecret(run(), "a-well-formed-but-wrong-secret");
        fixture.restore();
        aws.zaloStub().fault(Fault.onAll().error(-501).times(10));
        assertNoSecret(run());
        fixture.restore();
        putSecret(Kind.OA_TOKENS, "{\"accessToken\": \"half-a-pair-secret\"");
        assertNoSecret(run(), "half-a-pair-secret");
        fixture.restore();
        assertNoSecret(run());
    }

    private void assertNoSecret(Map<String, CheckResult> results, String... more) {
        assertFalse(fixture.printed.isEmpty());
        var values = new java.util.ArrayList<>(PreflightFixture.secretValues());
        values.addAll(java.util.List.of(more));
        for (String line : fixture.printed) {
            for (String value : values) {
                assertFalse(line.contains(value), "a secret value in: " + line);
            }
        }
    }

    @Test
    void redactionBlanksAValueWhereverItSlipsIn() {
        Redaction redaction = new Redaction();
        redaction.add("s3cr3t-value-123");
        assertEquals("x *** y", redaction.scrub("x s3cr3t-value-123 y"));
    }
}
