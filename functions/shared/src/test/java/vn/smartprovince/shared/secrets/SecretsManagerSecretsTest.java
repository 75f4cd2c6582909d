package vn.smartprovince.shared.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;

/** The Secrets Manager implementation against moto. */
class SecretsManagerSecretsTest {
    private static MotoServer moto;
    private static SecretsManagerClient admin;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = new MotoServer();
        admin = AwsClients.secretsManager(env(moto.endpoint.toString(), Map.of()));
    }

    @AfterAll
    static void stopMoto() {
        if (admin != null) {
            admin.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private static Env env(String endpoint, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        values.put("AWS_ENDPOINT_URL", endpoint);
        values.put("AWS_REGION", "ap-southeast-1");
        values.put("AWS_ACCESS_KEY_ID", "test");
        values.put("AWS_SECRET_ACCESS_KEY", "test");
        values.putAll(extra);
        return new Env(values);
    }

    private static String unique(String name) {
        return "smartprovince/test/" + name + "-" + System.nanoTime();
    }

    @Test
    void readsStringSecrets() {
        String name = unique("zalo-app-secret");
        admin.createSecret(r -> r.name(name).secretString("khóa bí mật 123"));
        Secrets secrets = new SecretsManagerSecrets(admin);
        assertEquals("khóa bí mật 123", secrets.value(name));
    }

    @Test
    void readsBinarySecretsAsUtf8() {
        String name = unique("binary");
        admin.createSecret(r -> r.name(name).secretBinary(SdkBytes.fromString("bín", StandardCharsets.UTF_8)));
        assertEquals("bín", new SecretsManagerSecrets(admin).value(name));
    }

    @Test
    void missingSecretIsNamed() {
        String name = unique("missing");
        SecretNotFoundException e = assertThrows(SecretNotFoundException.class,
                () -> new SecretsManagerSecrets(admin).value(name));
        assertEquals(name, e.secretName());
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void cachedFromEnvPicksUpARotationAfterItsTimeLimit() throws Exception {
        String name = unique("session-key");
        admin.createSecret(r -> r.name(name).secretString("key-v1"));
        CachingSecrets cached = SecretsManagerSecrets.cached(env(moto.endpoint.toString(),
                Map.of("SECRETS_CACHE_TTL_SECONDS", "1")));
        assertEquals("key-v1", cached.value(name));
        admin.putSecretValue(r -> r.secretId(name).secretString("key-v2"));
        assertEquals("key-v1", cached.value(name), "still cached");
        Thread.sleep(1100);
        assertEquals("key-v2", cached.value(name));
    }

    @Test
    void unreachableServiceIsA503WithoutTheValueOrName() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (SecretsManagerClient nowhere = AwsClients.secretsManager(env("http://127.0.0.1:" + closedPort, Map.of()))) {
            ApiException e = assertThrows(ApiException.class,
                    () -> new SecretsManagerSecrets(nowhere).value("smartprovince/test/any"));
            assertEquals(ErrorCode.DEPENDENCY_UNAVAILABLE, e.code());
            assertEquals("secrets manager unavailable", e.getMessage());
        }
    }

    @Test
    void timeLimitIsConfigurableAndValidated() {
        assertEquals(Duration.ofMinutes(15), SecretsManagerSecrets.ttl(new Env(Map.of())));
        assertEquals(Duration.ZERO, SecretsManagerSecrets.ttl(new Env(Map.of("SECRETS_CACHE_TTL_SECONDS", "0"))));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SecretsManagerSecrets.ttl(new Env(Map.of("SECRETS_CACHE_TTL_SECONDS", "-1"))));
        assertTrue(e.getMessage().startsWith("SECRETS_CACHE_TTL_SECONDS"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
