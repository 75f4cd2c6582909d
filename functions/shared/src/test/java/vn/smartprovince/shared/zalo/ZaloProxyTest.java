package vn.smartprovince.shared.zalo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.zalo.ZaloException.Kind;

/** ZALO_EGRESS_PROXY_URL: every call goes through the configured forward proxy. */
class ZaloProxyTest {
    private static final String SECRET = "app-secret-0123456789";
    private static final String TOKEN = "user-access-token-ABCDEF";

    private FakeZalo zalo;
    private FakeProxy proxy;
    private LogCapture quiet;

    @BeforeEach
    void start() throws Exception {
        quiet = new LogCapture();
        zalo = new FakeZalo();
        proxy = new FakeProxy("{\"id\":\"777\",\"name\":\"Qua proxy\"}");
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        zalo.close();
        quiet.close();
    }

    @Test
    void plainHttpRequestsGoToTheProxyInAbsoluteForm() {
        ZaloClient client = zalo.client(SECRET, Map.of("ZALO_EGRESS_PROXY_URL", proxy.url()));

        ZaloUser user = client.user(TOKEN);

        assertEquals(new ZaloUser("777", "Qua proxy", null), user, "the proxy's answer, not the server's");
        assertEquals(List.of(), zalo.seen, "nothing reached Zalo directly");
        assertEquals(1, proxy.heads.size());
        String head = proxy.heads.get(0);
        assertTrue(head.startsWith("GET " + zalo.baseUrl() + "/v2.0/me?fields=id,name,picture HTTP/1.1\r\n"), head);
        assertTrue(head.toLowerCase().contains("\r\naccess_token: " + TOKEN.toLowerCase() + "\r\n"), head);
        assertTrue(head.contains(ZaloClient.appSecretProof(SECRET, TOKEN)), head);
    }

    @Test
    void httpsToTheRealHostsIsTunnelledWithConnect() {
        // Default base URLs: the real Zalo hosts. The fake proxy refuses the tunnel, so nothing
        // leaves this machine, and the tunnel's request carries no token (TLS is end to end).
        ZaloClient client = new ZaloClient(ZaloConfig.from(new Env(Map.of("ZALO_APP_ID", FakeZalo.APP_ID,
                "ZALO_EGRESS_PROXY_URL", proxy.url()))), () -> SECRET);

        ZaloException graph = assertThrows(ZaloException.class, () -> client.user(TOKEN));
        ZaloException zns = assertThrows(ZaloException.class,
                () -> client.sendZns("oa-token-XYZ", new ZnsMessage("84912345678", "t", Map.of(), null, false)));
        ZaloException oa = assertThrows(ZaloException.class, () -> client.sendOaText("oa-token-XYZ", "1", "x"));
        ZaloException oauth = assertThrows(ZaloException.class, () -> client.refreshOaToken("refresh-XYZ"));

        assertEquals(4, proxy.heads.size());
        assertTrue(proxy.heads.get(0).startsWith("CONNECT graph.zalo.me:443 HTTP/1.1\r\n"), proxy.heads.get(0));
        assertTrue(proxy.heads.get(1).startsWith("CONNECT business.openapi.zalo.me:443 HTTP/1.1\r\n"));
        assertTrue(proxy.heads.get(2).startsWith("CONNECT openapi.zalo.me:443 HTTP/1.1\r\n"));
        assertTrue(proxy.heads.get(3).startsWith("CONNECT oauth.zaloapp.com:443 HTTP/1.1\r\n"));
        for (String head : proxy.heads) {
            assertFalse(head.contains(TOKEN) || head.contains("XYZ") || head.contains(SECRET), head);
        }
        for (ZaloException e : List.of(graph, zns, oa, oauth)) {
            assertEquals(Kind.RETRYABLE, e.kind());
            assertEquals("zalo unreachable through the egress proxy", e.reason());
        }
    }

    @Test
    void unreachableProxyIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ZaloClient client = zalo.client(SECRET, Map.of("ZALO_EGRESS_PROXY_URL", "http://127.0.0.1:" + closedPort));
        ZaloException e = assertThrows(ZaloException.class, () -> client.user(TOKEN));
        assertEquals(Kind.RETRYABLE, e.kind());
        assertEquals("zalo egress proxy unreachable", e.reason());
        assertEquals(List.of(), zalo.seen);
    }

    @Test
    void regionRestrictedThroughTheProxyBlamesTheProxy() throws Exception {
        try (FakeProxy foreign = new FakeProxy("{\"error\":-501,\"message\":\"Region restricted\"}")) {
            ZaloClient client = zalo.client(SECRET, Map.of("ZALO_EGRESS_PROXY_URL", foreign.url()));
            ZaloException e = assertThrows(ZaloException.class, () -> client.user(TOKEN));
            assertEquals(Kind.MISCONFIGURED, e.kind());
            assertEquals("zalo region restricted (-501): the egress proxy in ZALO_EGRESS_PROXY_URL does not leave"
                    + " from Vietnam", e.reason());
        }
    }

    @Test
    void withoutProxyConfiguredNoProxyIsUsed() {
        zalo.answerJson("{\"id\":\"1\",\"name\":\"Trực tiếp\"}");
        ZaloClient client = zalo.client(SECRET);
        assertEquals("Trực tiếp", client.user(TOKEN).name());
        assertEquals(List.of(), proxy.heads);
        assertEquals(1, zalo.seen.size());
        assertTrue(ZaloClient.httpClient(client.config()).proxy().isPresent(), "explicit NO_PROXY, not the JVM default");
        assertEquals(java.net.Proxy.NO_PROXY, ZaloClient.httpClient(client.config()).proxy().get()
                .select(java.net.URI.create("https://graph.zalo.me")).get(0));
    }
}
