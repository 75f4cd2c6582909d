package vn.smartprovince.shared.zalo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.secrets.Secrets;
import vn.smartprovince.shared.zalo.ZaloException.Kind;

class ZaloConfigTest {

    private static Env env(String... pairs) {
        Map<String, String> values = new HashMap<>();
        values.put("ZALO_APP_ID", "1234567890");
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new Env(values);
    }

    private static String problem(String... pairs) {
        return assertThrows(IllegalStateException.class, () -> ZaloConfig.from(env(pairs))).getMessage();
    }

    @Test
    void defaultsAreTheRealHostsAndNoProxy() {
        ZaloConfig config = ZaloConfig.from(env());
        assertEquals("1234567890", config.appId());
        assertEquals(URI.create("https://graph.zalo.me"), config.graphBaseUrl());
        assertEquals(URI.create("https://openapi.zalo.me"), config.openApiBaseUrl());
        assertEquals(URI.create("https://business.openapi.zalo.me"), config.businessBaseUrl());
        assertEquals(URI.create("https://oauth.zaloapp.com"), config.oauthBaseUrl());
        assertEquals(Optional.empty(), config.egressProxy());
        assertEquals(Duration.ofSeconds(2), config.connectTimeout());
        assertEquals(Duration.ofSeconds(4), config.readTimeout());
        assertEquals(Map.of(), config.errorKinds());
    }

    @Test
    void everythingIsConfigurable() {
        ZaloConfig config = ZaloConfig.from(env(
                "ZALO_GRAPH_BASE_URL", "http://127.0.0.1:9000/graph/",
                "ZALO_OPENAPI_BASE_URL", "http://localhost:9000",
                "ZALO_BUSINESS_BASE_URL", "https://zns.example.vn/",
                "ZALO_OAUTH_BASE_URL", "http://[::1]:9000",
                "ZALO_EGRESS_PROXY_URL", "http://proxy.example.vn:3128/",
                "ZALO_CONNECT_TIMEOUT_MS", "750",
                "ZALO_READ_TIMEOUT_MS", "9000",
                "ZALO_ERROR_KINDS", "-115=RETRYABLE,-119=permanent"));
        assertEquals(URI.create("http://127.0.0.1:9000/graph"), config.graphBaseUrl());
        assertEquals(URI.create("http://localhost:9000"), config.openApiBaseUrl());
        assertEquals(URI.create("https://zns.example.vn"), config.businessBaseUrl());
        assertEquals(URI.create("http://[::1]:9000"), config.oauthBaseUrl());
        assertEquals(Optional.of(URI.create("http://proxy.example.vn:3128")), config.egressProxy());
        InetSocketAddress address = config.proxyAddress().orElseThrow();
        assertEquals("proxy.example.vn", address.getHostString());
        assertEquals(3128, address.getPort());
        assertTrue(address.isUnresolved(), "looked up per connection, not at start-up");
        assertEquals(Duration.ofMillis(750), config.connectTimeout());
        assertEquals(Duration.ofMillis(9000), config.readTimeout());
        assertEquals(Map.of(-115, Kind.RETRYABLE, -119, Kind.PERMANENT), config.errorKinds());
    }

    @Test
    void proxyWithoutPortUsesPort80() {
        assertEquals(80, ZaloConfig.from(env("ZALO_EGRESS_PROXY_URL", "http://proxy.example.vn"))
                .proxyAddress().orElseThrow().getPort());
    }

    @Test
    void appIdIsRequiredAndNumeric() {
        String missing = assertThrows(IllegalStateException.class,
                () -> ZaloConfig.from(new Env(Map.of()))).getMessage();
        assertTrue(missing.contains("ZALO_APP_ID is not set"), missing);
        assertTrue(problem("ZALO_APP_ID", "abc").contains("ZALO_APP_ID must be the numeric Zalo App id"));
    }

    @Test
    void theZbsSendByUserIdFollowsTheOaApiHostUnlessMovedAndItsPathIsChecked() {
        ZaloConfig defaults = ZaloConfig.from(env("ZALO_OPENAPI_BASE_URL", "http://localhost:9000"));
        assertEquals(URI.create("http://localhost:9000"), defaults.zbsBaseUrl());
        assertEquals("/v3.0/oa/message/template", defaults.zbsUidPath());
        ZaloConfig moved = ZaloConfig.from(env("ZALO_ZBS_BASE_URL", "https://business.openapi.zalo.me",
                "ZALO_ZBS_UID_PATH", "/message/template/uid"));
        assertEquals(URI.create("https://business.openapi.zalo.me"), moved.zbsBaseUrl());
        assertEquals("/message/template/uid", moved.zbsUidPath());
        assertTrue(problem("ZALO_ZBS_UID_PATH", "message template").contains("ZALO_ZBS_UID_PATH must be a path"));
        assertTrue(problem("ZALO_ZBS_BASE_URL", "http://zalo.me").contains("ZALO_ZBS_BASE_URL must use https"));
    }

    @Test
    void badBaseUrlsAreNamed() {
        assertTrue(problem("ZALO_GRAPH_BASE_URL", "graph.zalo.me").contains("ZALO_GRAPH_BASE_URL must be an absolute"));
        assertTrue(problem("ZALO_OPENAPI_BASE_URL", "http://openapi.zalo.me")
                .contains("ZALO_OPENAPI_BASE_URL must use https"), "tokens never cross the internet in clear");
        assertTrue(problem("ZALO_BUSINESS_BASE_URL", "https://x.vn/?a=b").contains("ZALO_BUSINESS_BASE_URL must be"));
        assertTrue(problem("ZALO_OAUTH_BASE_URL", "ftp://x.vn").contains("ZALO_OAUTH_BASE_URL"));
    }

    @Test
    void badProxyIsNamedWithoutEchoingIt() {
        String credentials = problem("ZALO_EGRESS_PROXY_URL", "http://user:pa55word@proxy.example.vn:3128");
        assertTrue(credentials.contains("ZALO_EGRESS_PROXY_URL must not carry credentials"), credentials);
        assertFalse(credentials.contains("pa55word"), credentials);
        assertTrue(problem("ZALO_EGRESS_PROXY_URL", "https://proxy.example.vn:3128")
                .contains("the scheme must be http"));
        assertTrue(problem("ZALO_EGRESS_PROXY_URL", "http://proxy.example.vn:3128/path")
                .contains("host and optional port only"));
        assertTrue(problem("ZALO_EGRESS_PROXY_URL", "proxy.example.vn:3128").contains("ZALO_EGRESS_PROXY_URL"));
    }

    @Test
    void badTimeoutsAndKindsAreNamedAllAtOnce() {
        String all = problem("ZALO_CONNECT_TIMEOUT_MS", "0", "ZALO_READ_TIMEOUT_MS", "soon",
                "ZALO_ERROR_KINDS", "-115=MAYBE");
        assertTrue(all.contains("ZALO_CONNECT_TIMEOUT_MS must be a number of milliseconds"), all);
        assertTrue(all.contains("ZALO_READ_TIMEOUT_MS must be a number of milliseconds"), all);
        assertTrue(all.contains("ZALO_ERROR_KINDS must be a list of code=KIND"), all);
    }

    @Test
    void createReadsTheAppSecretByItsName() throws Exception {
        try (FakeZalo zalo = new FakeZalo(); LogCapture quiet = new LogCapture()) {
            zalo.answerJson("{\"id\":\"1\",\"name\":\"A\"}");
            Map<String, String> values = new HashMap<>(zalo.env(Map.of()).asMap());
            values.put("ZALO_APP_SECRET_NAME", "smartprovince/dev/zalo-app-secret");
            ZaloClient client = ZaloClient.create(new Env(values),
                    Secrets.of(Map.of("smartprovince/dev/zalo-app-secret", "the-app-secret")));
            client.user("user-token");
            assertEquals(ZaloClient.appSecretProof("the-app-secret", "user-token"),
                    zalo.last().header("appsecret_proof"));
            assertThrows(IllegalStateException.class, () -> ZaloClient.create(zalo.env(Map.of()),
                    Secrets.of(Map.of())), "ZALO_APP_SECRET_NAME is required");
        }
    }
}
