package vn.smartprovince.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import vn.smartprovince.local.emulator.TestEmulator;
import vn.smartprovince.zalostub.Signatures;
import vn.smartprovince.zalostub.StubConfig;
import vn.smartprovince.zalostub.ZaloStub;
import vn.smartprovince.zalostub.ZnsTemplate;

/** The repository's local secrets: names the template resolves, seeding, the stub's configuration. */
class LocalSecretsTest {
    static final Path ROOT = LocalParameters.repoRoot(Path.of(""));
    static final Map<String, String> PARAMETERS = LocalParameters.of(ROOT);

    @Test
    void localStackPropertiesNameEverySecretTheFileHolds() {
        LocalSecrets secrets = LocalSecrets.load(ROOT);
        for (String parameter : List.of(LocalSecrets.APP_SECRET_PARAMETER, LocalSecrets.OA_SECRET_PARAMETER,
                LocalSecrets.SIGNING_KEY_PARAMETER, LocalSecrets.OA_TOKENS_PARAMETER)) {
            String name = LocalSecrets.secretName(PARAMETERS, parameter);
            assertTrue(name.startsWith("smartprovince/local/"), name);
            assertTrue(secrets.secrets().containsKey(name), name);
        }
        assertTrue(secrets.sessionSigningKey(PARAMETERS).length >= 32);
    }

    @Test
    void theOaTokenSeedIsTheStubsFirstPair() throws Exception {
        LocalSecrets secrets = LocalSecrets.load(ROOT);
        var seed = vn.smartprovince.shared.json.Json.read(secrets.valueFor(PARAMETERS, LocalSecrets.OA_TOKENS_PARAMETER));
        StubConfig stub = secrets.stubConfig(PARAMETERS, ROOT);
        assertEquals(stub.oaAccessToken(), seed.path("accessToken").asText());
        assertEquals(stub.oaRefreshToken(), seed.path("refreshToken").asText());
        assertEquals("smartprovince/prod/zalo-oa-tokens", LocalSecrets.secretName(Map.of("Stage", "prod"),
                LocalSecrets.OA_TOKENS_PARAMETER));
    }

    @Test
    void emptyNamesFollowTheTemplatesPerStageDefault() {
        Map<String, String> parameters = Map.of("Stage", "prod", "ZaloAppSecretName", "");
        assertEquals("smartprovince/prod/zalo-app-secret",
                LocalSecrets.secretName(parameters, LocalSecrets.APP_SECRET_PARAMETER));
        assertEquals("smartprovince/prod/session-signing-key",
                LocalSecrets.secretName(parameters, LocalSecrets.SIGNING_KEY_PARAMETER));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> LocalSecrets.load(ROOT).valueFor(parameters, LocalSecrets.APP_SECRET_PARAMETER));
        assertTrue(missing.getMessage().contains("smartprovince/prod/zalo-app-secret"));
    }

    @Test
    void seedingCreatesThenLeavesAlone() {
        LocalSecrets secrets = LocalSecrets.load(ROOT);
        try (SecretsManagerClient client = TestEmulator.fresh().secretsManager()) {
            assertEquals(Set.copyOf(secrets.secrets().keySet()), Set.copyOf(secrets.seed(client)));
            assertTrue(secrets.seed(client).isEmpty(), "idempotent");
            String name = LocalSecrets.secretName(PARAMETERS, LocalSecrets.APP_SECRET_PARAMETER);
            client.putSecretValue(b -> b.secretId(name).secretString("changed by hand"));
            assertEquals(List.of(name), secrets.seed(client));
            assertEquals(secrets.secrets().get(name), client.getSecretValue(b -> b.secretId(name)).secretString());
        }
    }

    @Test
    void theStubPlaysTheLocalAppWithTheSameSecrets() {
        LocalSecrets secrets = LocalSecrets.load(ROOT);
        StubConfig config = secrets.stubConfig(PARAMETERS, ROOT);
        assertEquals(PARAMETERS.get("ZaloAppId"), config.appId());
        assertEquals(secrets.valueFor(PARAMETERS, LocalSecrets.APP_SECRET_PARAMETER), config.appSecret());
        assertEquals(secrets.valueFor(PARAMETERS, LocalSecrets.OA_SECRET_PARAMETER), config.oaSecretKey());
        assertEquals("9000000000000000099", config.oaId(), "the demo province's OA");
        assertFalse(config.templates().isEmpty());
        assertTrue(config.templates().stream().map(ZnsTemplate::id).toList().contains("900001"));
        assertTrue(config.templates().stream().filter(t -> t.id().equals("900001")).findFirst().orElseThrow().byUserId(),
                "REPORT_RECEIVED may go by user id (sendByUserId in the demo province)");
        assertFalse(config.templates().stream().filter(t -> t.id().equals("900013")).findFirst().orElseThrow().byUserId(),
                "DOSSIER_FEES_REQUESTED is phone-only");
        assertFalse(config.toString().contains(config.appSecret()));
    }

    @Test
    void demoUsersExistInTheStubWithTheirZaloIdsAndSignInWithTheLocalAppSecret() throws Exception {
        LocalSecrets secrets = LocalSecrets.load(ROOT);
        StubConfig config = secrets.stubConfig(PARAMETERS, ROOT);
        try (ZaloStub stub = ZaloStub.start(config, 0)) {
            List<LocalMain.DemoZaloUser> users = LocalMain.createDemoZaloUsers(stub.client(),
                    ROOT.resolve(vn.smartprovince.local.demo.DemoData.USERS_FILE));
            assertEquals(6, users.size());
            assertTrue(users.stream().anyMatch(u -> u.role().equals("PROVINCE_ADMIN")));
            for (LocalMain.DemoZaloUser user : users) {
                var tokens = stub.client().issueTokens(user.zaloId());
                HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        stub.baseUri().resolve("/v2.0/me?fields=id,name,picture"))
                        .header("access_token", tokens.accessToken())
                        .header("appsecret_proof", Signatures.appSecretProof(
                                secrets.valueFor(PARAMETERS, LocalSecrets.APP_SECRET_PARAMETER), tokens.accessToken()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(me.body().contains("\"id\":\"" + user.zaloId() + "\""), me.body());
            }
        }
    }

    @Test
    void zaloBaseUrlsPointAtTheStubUnlessGiven() {
        Set<String> declared = Set.of("ZaloGraphBaseUrl", "ZaloOpenApiBaseUrl", "ZaloBusinessBaseUrl", "ZaloOAuthBaseUrl");
        Map<String, String> given = new HashMap<>(Map.of("ZaloGraphBaseUrl", "https://graph.zalo.me"));
        Map<String, String> urls = LocalSecrets.zaloBaseUrls(declared, given, 3001);
        assertEquals(Map.of("ZaloOpenApiBaseUrl", "http://localhost:3001", "ZaloBusinessBaseUrl",
                "http://localhost:3001", "ZaloOAuthBaseUrl", "http://localhost:3001"), urls);
        assertTrue(LocalSecrets.zaloBaseUrls(Set.of("Other"), Map.of(), 3001).isEmpty());
    }
}
