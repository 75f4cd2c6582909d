package vn.smartprovince.ops.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;
import vn.smartprovince.ops.preflight.CheckResult.Status;
import vn.smartprovince.testkit.LocalApiExtension;

/**
 * End to end: the template's routes served by the local runtime with the functions' packages, the
 * emulator, the Zalo stub, the demo province published (as start-local does) and an alarm topic
 * with a subscriber (start-local has none): every check passes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreflightIT {
    @RegisterExtension
    static LocalApiExtension api = new LocalApiExtension();

    static PreflightFixture fixture;
    static String alarmTopic;

    @BeforeAll
    static void province() {
        fixture = new PreflightFixture(api.aws());
        fixture.publishDemoProvince();
        try (SnsClient sns = fixture.sns()) {
            alarmTopic = sns.createTopic(b -> b.name("preflight-it-alarms")).topicArn();
            String queue = api.aws().sqs().createQueue(b -> b.queueName("preflight-it-oncall")).queueUrl();
            String arn = api.aws().sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNamesWithStrings("QueueArn"))
                    .attributesAsStrings().get("QueueArn");
            sns.subscribe(b -> b.topicArn(alarmTopic).protocol("sqs").endpoint(arn));
        }
    }

    @Test
    @Order(1)
    void everyCheckPassesAgainstTheLocalStack() {
        Map<String, CheckResult> results = fixture.run(fixture.deployment(api.baseUri())
                .withOutput("AlarmTopicArn", alarmTopic));
        // 12, and the one-stop secret: the local stack's OneStopBaseUrl points at the one-stop fake.
        assertEquals(13, results.size(), String.join("\n", fixture.printed));
        assertTrue(results.containsKey("secret OneStopSecretName"), results.keySet().toString());
        results.values().forEach(r -> assertEquals(Status.PASS, r.status(), String.join("\n", fixture.printed)));
        assertTrue(results.get("webhook URL").detail().contains(api.zaloWebhookUrl().toString()));
        assertNoSecret();
        // Harmless: the probe was not queued (nothing reached the event queue) and no refresh token was spent.
        assertTrue(api.zaloStub().oaTokens().refreshTokenUsable());
    }

    @Test
    @Order(2)
    void theCommandPrintsOneLinePerCheckAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PreflightMain.run(new String[] {"--endpoint", api.aws().endpoint().toString(), "--region",
                        api.aws().region(), "--stack", api.aws().stack().stackName(), "--api", api.baseUri().toString(),
                        "--zalo", api.zaloStub().baseUri().toString(), "--alarm-topic", alarmTopic},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), PreflightFixture.root());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed + err.toString(StandardCharsets.UTF_8));
        assertEquals(13, printed.lines().filter(l -> l.startsWith("PASS")).count(), printed);
        assertTrue(printed.contains("ready: 13 checks passed"), printed);
        for (String value : PreflightFixture.secretValues()) {
            assertFalse(printed.contains(value) || err.toString(StandardCharsets.UTF_8).contains(value), printed);
        }
    }

    /** Last: the webhook function has read (and caches) the right key; the preflight now holds another. */
    @Test
    @Order(3)
    void aWrongOaSecretIsCaughtByTheWebhookProbe() {
        var deployment = fixture.deployment(api.baseUri());
        String name = deployment.secretName(vn.smartprovince.ops.secrets.SecretRules.Kind.OA_SECRET);
        api.aws().secretsManager().putSecretValue(b -> b.secretId(name).secretString("not-the-oa-secret-key"));
        try {
            CheckResult webhook = fixture.run(deployment).get("webhook URL");
            assertEquals(Status.FAIL, webhook.status(), webhook.line());
            assertTrue(webhook.line().contains("refused a probe signed"), webhook.line());
        } finally {
            fixture.restore();
        }
    }

    private void assertNoSecret() {
        for (String line : fixture.printed) {
            for (String value : PreflightFixture.secretValues()) {
                assertFalse(line.contains(value), line);
            }
        }
    }
}
