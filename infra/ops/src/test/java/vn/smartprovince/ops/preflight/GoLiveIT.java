package vn.smartprovince.ops.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sns.SnsClient;
import vn.smartprovince.local.demo.DemoData;
import vn.smartprovince.ops.province.ProvinceMain;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;

/**
 * Issue 11's "done when", as an operator would go through it on a fresh stack (the local runtime
 * on moto, the Zalo stub): validate, diff and apply the province file; rename an agency and apply
 * again; history shows two versions; roll back to version 1; the functions serve version 1's
 * content within the stated bound (PROVINCE_CONFIG_REFRESH_SECONDS, 60 s); preflight is green. A
 * broken file is refused with every problem listed and nothing written.
 */
class GoLiveIT {
    static final String FIRST_ADMIN = "8100000000000000071";
    /** docs/configuration.md, "How soon a new version is served": at most one refresh interval. */
    static final Duration BOUND = Duration.ofSeconds(60);

    @RegisterExtension
    static LocalApiExtension api = new LocalApiExtension(AwsEmulatorExtension.builder()
            .parameter("FirstAdminZaloId", FIRST_ADMIN).build());

    @TempDir
    Path work;

    record Run(int code, String out) {
    }

    Run province(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", api.aws().endpoint().toString(), "--region", api.aws().region(),
                "--table", api.aws().tableName("MainTable"), "--by", "it-operator"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ProvinceMain.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), Map.of());
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aProvinceGoesLiveFromItsFile() throws Exception {
        Path demo = PreflightFixture.root().resolve(DemoData.PROVINCE_FILE);
        JsonNode original = Json.read(Files.readString(demo));
        String agencyId = original.path("agencies").get(0).path("id").asText();
        String agencyName = original.path("agencies").get(0).path("name").asText();

        // A broken file: every problem listed, nothing written.
        Path broken = work.resolve("broken.json");
        Files.writeString(broken, Files.readString(demo).replace("\"schemaVersion\": 1", "\"schemaVersion\": 9")
                .replace("\"name\": \"" + agencyName + "\"", "\"name\": \"\""));
        Run refused = province("apply", broken.toString());
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains("schemaVersion") && refused.out().contains("agencies[0].name"), refused.out());
        assertTrue(refused.out().contains("line "), "problems carry their line: " + refused.out());
        assertTrue(new ProvinceConfigStore(api.aws().dynamoDb(), api.aws().tableName("MainTable")).provinceCodes()
                .isEmpty(), "nothing written by a broken file");

        // 1. validate, diff, apply the province's file.
        assertEquals(0, province("validate", demo.toString()).code());
        Run diff = province("diff", demo.toString());
        assertEquals(0, diff.code(), diff.out());
        Run applied = province("apply", demo.toString(), "--note", "first version");
        assertEquals(0, applied.code(), applied.out());
        assertTrue(applied.out().contains("version 1"), applied.out());

        // 2. One agency renamed, applied again.
        Path renamed = work.resolve("renamed.json");
        Files.writeString(renamed, Files.readString(demo).replace("\"name\": \"" + agencyName + "\"",
                "\"name\": \"" + agencyName + " (đổi tên)\""));
        Run renameDiff = province("diff", renamed.toString());
        assertTrue(renameDiff.out().contains(agencyId) && renameDiff.out().toLowerCase().contains("renamed"),
                renameDiff.out());
        assertEquals(0, province("apply", renamed.toString(), "--base", "1").code());

        // A warm function holds version 2 (a new instance reads the version in force at once).
        String admin = signIn();
        assertEquals(2, served(admin).path("version").asInt());

        // 3. history: two versions, newest first.
        Run history = province("history");
        assertEquals(2, history.out().lines().filter(l -> l.matches("^\\*?\\s+\\d+\\s+.*")).count(), history.out());

        // 4. rollback 1: a new version with version 1's content.
        Run rollback = province("rollback", "1");
        assertEquals(0, rollback.code(), rollback.out());

        // 5. The warm function serves version 1's content within the bound (one version per request).
        long start = System.nanoTime();
        JsonNode served = served(admin);
        while (served.path("version").asInt() != 3 && System.nanoTime() - start < BOUND.plusSeconds(20).toNanos()) {
            Thread.sleep(500);
            served = served(admin);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(3, served.path("version").asInt(), "served within " + BOUND + " (+20 s slack): " + served);
        assertEquals(agencyName, served.path("config").path("agencies").get(0).path("name").asText(),
                "version 3 carries version 1's content");
        System.out.println("go-live: the rolled-back configuration was served after " + took.toMillis() + " ms");
        JsonNode health = Json.read(api.get("/v1/health").body());
        assertTrue(health.toString().contains("\"version\":"), health.toString());

        // 6. preflight: all green (an alarm topic with a subscriber, which start-local does not model).
        PreflightFixture fixture = new PreflightFixture(api.aws());
        String topic;
        try (SnsClient sns = fixture.sns()) {
            topic = sns.createTopic(b -> b.name("go-live-alarms")).topicArn();
            String queue = api.aws().sqs().createQueue(b -> b.queueName("go-live-oncall")).queueUrl();
            String arn = api.aws().sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNamesWithStrings("QueueArn"))
                    .attributesAsStrings().get("QueueArn");
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(arn));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = PreflightMain.run(new String[] {"--endpoint", api.aws().endpoint().toString(), "--region",
                        api.aws().region(), "--stack", api.aws().stack().stackName(), "--api", api.baseUri().toString(),
                        "--zalo", api.zaloStub().baseUri().toString(), "--alarm-topic", topic},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of(), PreflightFixture.root());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        assertTrue(printed.lines().noneMatch(l -> l.startsWith("FAIL") || l.startsWith("SKIP")), printed);
    }

    private static JsonNode served(String admin) throws Exception {
        HttpResponse<String> response = api.get("/v1/province/config", "authorization", "Bearer " + admin);
        assertEquals(200, response.statusCode(), response.body());
        return Json.read(response.body());
    }

    private static String signIn() throws Exception {
        var created = api.zaloStub().createUser(NewUser.named("Quản trị tỉnh").id(FIRST_ADMIN));
        HttpResponse<String> signedIn = api.post("/v1/auth/zalo",
                Json.write(Json.object().put("accessToken", created.accessToken())));
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        return Json.read(signedIn.body()).path("sessionToken").asText();
    }
}
