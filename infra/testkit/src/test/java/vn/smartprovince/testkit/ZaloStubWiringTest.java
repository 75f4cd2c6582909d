package vn.smartprovince.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.zalostub.Signatures;
import vn.smartprovince.zalostub.ZaloStubClient;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;
import vn.smartprovince.zalostub.ZaloStubClient.StubUser;

/** The repository's stack in tests: Zalo base URLs at the JVM's stub, local secrets in Secrets Manager. */
class ZaloStubWiringTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    @Test
    void functionsCallTheStubWithTheSecretTheyReadFromSecretsManager() throws Exception {
        Env env = aws.env("HealthFunction");
        int port = aws.zaloStub().baseUri().getPort();
        for (String variable : new String[] {"ZALO_GRAPH_BASE_URL", "ZALO_OPENAPI_BASE_URL", "ZALO_BUSINESS_BASE_URL",
                "ZALO_OAUTH_BASE_URL"}) {
            assertEquals("http://localhost:" + port, env.required(variable), variable);
        }
        String appSecret = aws.secretsManager().getSecretValue(b -> b.secretId(env.required("ZALO_APP_SECRET_NAME")))
                .secretString();
        assertTrue(appSecret.startsWith("local-only-"));

        StubUser an = aws.zaloStub().createUser(NewUser.named("Nguyễn Văn An").phone("84901234567"));
        HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(env.required("ZALO_GRAPH_BASE_URL") + "/v2.0/me?fields=id,name,picture"))
                .header("access_token", an.accessToken())
                .header("appsecret_proof", Signatures.appSecretProof(appSecret, an.accessToken())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(me.body().contains("\"name\":\"Nguyễn Văn An\""), me.body());
    }

    @Test
    void everySecretTheFunctionsNameExists(SecretsManagerClient secrets) {
        Env env = aws.env("HealthFunction");
        for (String variable : new String[] {"ZALO_APP_SECRET_NAME", "ZALO_OA_SECRET_NAME",
                "SESSION_SIGNING_KEY_SECRET_NAME"}) {
            String name = env.required(variable);
            assertTrue(name.startsWith("smartprovince/local/"), name);
            assertTrue(!secrets.getSecretValue(b -> b.secretId(name)).secretString().isEmpty(), name);
        }
    }

    @Order(1)
    static class LeavesAUser {
        @RegisterExtension
        static AwsEmulatorExtension aws = new AwsEmulatorExtension();

        @Test
        void creates() {
            aws.zaloStub().createUser(NewUser.named("Left over").id("9000000000000000777"));
            aws.zaloStub().setClock(java.time.Instant.parse("2020-01-01T00:00:00Z"));
        }
    }

    @Order(2)
    @ExtendWith(AwsEmulatorExtension.class)
    static class StartsWithAnEmptyStub {
        @Test
        void empty(ZaloStubClient zalo, SecretsManagerClient secrets) {
            assertTrue(zalo.users().isEmpty());
            assertTrue(zalo.now().isAfter(java.time.Instant.parse("2025-01-01T00:00:00Z")), "the system clock again");
            assertTrue(!secrets.listSecrets().secretList().isEmpty(), "secrets seeded again after the emulator's reset");
        }
    }

    @Test
    void theStubIsResetBeforeEachTestClass() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.testclass.order.default",
                        ClassOrderer.OrderAnnotation.class.getName())
                .selectors(selectClass(LeavesAUser.class), selectClass(StartsWithAnEmptyStub.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    }

    static class OverridesTheGraphUrl {
        @RegisterExtension
        static AwsEmulatorExtension aws = AwsEmulatorExtension.builder()
                .parameter("ZaloGraphBaseUrl", "https://graph.zalo.me").build();

        @Test
        void theTestsValueWins() {
            Env env = aws.env("HealthFunction");
            assertEquals("https://graph.zalo.me", env.required("ZALO_GRAPH_BASE_URL"));
            assertTrue(env.required("ZALO_BUSINESS_BASE_URL").startsWith("http://localhost:"));
        }
    }

    @Test
    void aParameterTheTestSetsWins() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(OverridesTheGraphUrl.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }
}
