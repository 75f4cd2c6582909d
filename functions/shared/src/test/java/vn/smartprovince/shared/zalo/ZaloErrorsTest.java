package vn.smartprovince.shared.zalo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.zalo.ZaloException.Kind;

/** Every kind of failure, classified once, as each caller sees it. */
class ZaloErrorsTest {
    private static final String SECRET = "app-secret-0123456789";

    private FakeZalo zalo;
    private ZaloClient client;
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        log = new LogCapture();
        zalo = new FakeZalo();
        client = zalo.client(SECRET);
    }

    @AfterEach
    void stop() {
        zalo.close();
        log.close();
    }

    /** Each operation, so that every code is seen through the endpoint where Zalo sends it. */
    private static final Map<String, Function<ZaloClient, Object>> OPERATIONS = Map.of(
            "user", c -> c.user("user-token"),
            "phone", c -> c.phoneNumber("user-token", "phone-token"),
            "zns", c -> c.sendZns("oa-token", new ZnsMessage("84912345678", "t1", Map.of("a", "b"), "job-1", false)),
            "template", c -> c.znsTemplate("oa-token", "t1"),
            "cs", c -> c.sendOaText("oa-token", "2468", "xin chào"),
            "transaction", c -> c.sendOaMessage("oa-token", OaMessageType.TRANSACTION, "2468", Map.of("a", 1)),
            "refresh", c -> c.refreshOaToken("refresh-token"));

    private ZaloException failure(String operation) {
        return assertThrows(ZaloException.class, () -> OPERATIONS.get(operation).apply(client));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
            // documented token errors
            "452, user, INVALID_TOKEN",
            "-216, user, INVALID_TOKEN",
            "-216, phone, INVALID_TOKEN",
            "-216, cs, INVALID_TOKEN",
            "-124, zns, INVALID_TOKEN",
            "-124, template, INVALID_TOKEN",
            // Zalo's unknown error and codes nobody documented: retry, then the DLQ
            "-100, zns, RETRYABLE",
            "-999, zns, RETRYABLE",
            "-14014, refresh, INVALID_TOKEN",
            // the Zalo stub's guesses for unpublished numbers
            "-133, zns, RETRYABLE",
            "-144, zns, RETRYABLE",
            "-14001, refresh, MISCONFIGURED",
            "-14002, refresh, MISCONFIGURED",
            "-114, zns, PERMANENT",
            "-122, zns, PERMANENT",
            "-127, zns, PERMANENT",
            "-131, zns, PERMANENT",
            "-201, cs, PERMANENT",
            "-213, cs, PERMANENT",
            "-14003, refresh, PERMANENT",
            "100, phone, PERMANENT",
            // the deployment
            "-101, zns, MISCONFIGURED",
            "-102, zns, MISCONFIGURED",
            "-103, zns, MISCONFIGURED",
            "-104, zns, MISCONFIGURED",
            "-105, zns, MISCONFIGURED",
            "-106, zns, MISCONFIGURED",
            "-501, user, MISCONFIGURED",
            "-501, phone, MISCONFIGURED",
            "-501, zns, MISCONFIGURED",
            "-501, cs, MISCONFIGURED",
            "-501, refresh, MISCONFIGURED",
            // this message can never be delivered
            "-107, zns, PERMANENT",
            "-108, zns, PERMANENT",
            "-109, zns, PERMANENT",
            "-110, zns, PERMANENT",
            "-111, zns, PERMANENT",
            "-112, zns, PERMANENT",
            "-118, zns, PERMANENT",
            "230, cs, PERMANENT",
            "-230, cs, PERMANENT",
    })
    void zaloErrorCodes(int code, String operation, Kind kind) {
        zalo.answerJson("{\"error\":" + code + ",\"message\":\"Something about it\"}");

        ZaloException e = failure(operation);

        assertEquals(kind, e.kind());
        assertEquals(code, e.zaloCode());
        assertEquals(200, e.httpStatus());
        assertEquals("Something about it", e.zaloMessage());
        assertEquals(kind, ZaloErrors.kindOf(code, Map.of()));
        JsonNode line = log.lines().get(log.lines().size() - 1);
        assertEquals(code, line.path("zaloError").asInt());
        assertEquals(kind == Kind.MISCONFIGURED ? "ERROR" : "WARN", line.path("level").asText());
    }

    @Test
    void errorCodeAsStringOrNestedObjectIsRead() {
        zalo.answerJson("{\"error\":\"-216\",\"message\":\"Access token is invalid\"}");
        assertEquals(Kind.INVALID_TOKEN, failure("user").kind());
        zalo.answerJson("{\"error\":{\"code\":452,\"message\":\"Session key invalid\"}}");
        ZaloException nested = failure("user");
        assertEquals(452, nested.zaloCode());
        assertEquals("Session key invalid", nested.zaloMessage());
    }

    @Test
    void quotaAndAppProblemCausesAreSpecific() {
        zalo.answerJson("{\"error\":-144,\"message\":\"Out of daily quota\"}");
        assertEquals("zalo daily quota exceeded (-144)", failure("zns").reason());
        zalo.answerJson("{\"error\":-14002,\"error_description\":\"Invalid secret key\"}");
        assertEquals("zalo OAuth secret key invalid (-14002): check the secret named by ZALO_APP_SECRET_NAME",
                failure("refresh").reason());
    }

    @Test
    void oauthErrorShapeIsRead() {
        zalo.answerJson("{\"error_name\":\"Invalid parameter\",\"error_reason\":\"refresh_token is invalid\","
                + "\"ref_doc\":\"https://developers.zalo.me\",\"error_description\":\"Refresh token expired\","
                + "\"error\":-14014}");
        ZaloException e = failure("refresh");
        assertEquals(-14014, e.zaloCode());
        assertEquals("Refresh token expired", e.zaloMessage());
    }

    @Test
    void zaloCodeWinsOverHttpStatus() {
        zalo.answer(request -> FakeZalo.Answer.status(500, "application/json", "{\"error\":-108,\"message\":\"x\"}"));
        ZaloException e = failure("zns");
        assertEquals(Kind.PERMANENT, e.kind());
        assertEquals(500, e.httpStatus());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void http5xxIsRetryable(int status) {
        zalo.answer(request -> FakeZalo.Answer.status(status, "text/html", "<html>Bad Gateway</html>"));
        ZaloException e = failure("zns");
        assertEquals(Kind.RETRYABLE, e.kind());
        assertEquals(status, e.httpStatus());
        assertEquals(0, e.zaloCode());
        assertEquals("zalo unavailable (HTTP " + status + ")", e.reason());
        ApiException api = e.toApiException();
        assertEquals(ErrorCode.DEPENDENCY_UNAVAILABLE, api.code());
        assertEquals("zalo unavailable (HTTP " + status + ")", api.getMessage());
        assertEquals("5", api.headers().get("Retry-After"));
    }

    @Test
    void http429IsRetryableRateLimit() {
        zalo.answer(request -> FakeZalo.Answer.status(429, "text/plain", "slow down"));
        ZaloException e = failure("cs");
        assertEquals(Kind.RETRYABLE, e.kind());
        assertEquals("zalo rate limited (HTTP 429)", e.reason());
    }

    @Test
    void http401WithoutCodeIsAnInvalidToken() {
        zalo.answer(request -> FakeZalo.Answer.status(401, "text/plain", ""));
        assertEquals(Kind.INVALID_TOKEN, failure("user").kind());
    }

    @Test
    void http404IsAWrongBaseUrlNamingTheVariable() {
        zalo.answer(request -> FakeZalo.Answer.status(404, "text/html", "<h1>Not Found</h1>"));
        ZaloException e = failure("zns");
        assertEquals(Kind.MISCONFIGURED, e.kind());
        assertEquals("zalo answered HTTP 404: check ZALO_BUSINESS_BASE_URL", e.reason());
        assertEquals("zalo answered HTTP 404: check ZALO_GRAPH_BASE_URL", failure("user").reason());
        assertEquals("zalo answered HTTP 404: check ZALO_OPENAPI_BASE_URL", failure("cs").reason());
        assertEquals("zalo answered HTTP 404: check ZALO_OAUTH_BASE_URL", failure("refresh").reason());
    }

    @Test
    void unreadableOrIncompleteSuccessIsRetryable() {
        zalo.answer(request -> FakeZalo.Answer.status(200, "text/html", "<html>captive portal</html>"));
        ZaloException html = failure("user");
        assertEquals(Kind.RETRYABLE, html.kind());
        assertEquals("zalo answered an unexpected response (not a JSON object)", html.reason());

        zalo.answerJson("{\"error\":0,\"data\":{}}");
        assertEquals("zalo answered an unexpected response (no data.msg_id)", failure("zns").reason());
        zalo.answerJson("{\"access_token\":\"a\",\"refresh_token\":\"r\"}");
        assertEquals("zalo answered an unexpected response (no expires_in)", failure("refresh").reason());
        zalo.answerJson("{\"error\":0}");
        assertEquals("zalo answered an unexpected response (no data)", failure("phone").reason());
    }

    @Test
    void timeoutIsRetryableAndBounded() {
        zalo.answer(request -> new FakeZalo.Answer(200, "application/json", "{\"id\":\"1\"}", 3000));
        ZaloClient impatient = zalo.client(SECRET, Map.of("ZALO_READ_TIMEOUT_MS", "300"));
        long start = System.nanoTime();

        ZaloException e = assertThrows(ZaloException.class, () -> impatient.user("user-token"));

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs < 2500, "gave up after " + elapsedMs + " ms");
        assertEquals(Kind.RETRYABLE, e.kind());
        assertEquals("zalo timeout", e.reason());
        assertEquals(0, e.httpStatus());
        assertEquals("zalo timeout", e.toApiException().getMessage());
        assertEquals(ErrorCode.DEPENDENCY_UNAVAILABLE, e.toApiException().code());
        JsonNode line = log.lines().get(log.lines().size() - 1);
        assertEquals("zalo call failed: zalo timeout", line.path("message").asText());
        assertEquals(0, line.path("status").asInt());
    }

    @Test
    void connectionRefusedIsRetryableUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closedPort;
        ZaloClient unreachable = zalo.client(SECRET, Map.of("ZALO_GRAPH_BASE_URL", nowhere,
                "ZALO_BUSINESS_BASE_URL", nowhere));

        ZaloException e = assertThrows(ZaloException.class, () -> unreachable.user("user-token"));

        assertEquals(Kind.RETRYABLE, e.kind());
        assertEquals("zalo unreachable", e.reason());
        assertEquals("zalo unreachable", e.toApiException().getMessage());
        assertEquals(Kind.RETRYABLE, assertThrows(ZaloException.class,
                () -> unreachable.znsTemplate("oa-token", "t")).kind());
    }

    @Test
    void connectTimeoutIsRetryableUnreachable() {
        ZaloClient slowNetwork = new ZaloClient(ZaloConfig.from(zalo.env(Map.of())), () -> SECRET,
                new FailingHttpClient(new HttpConnectTimeoutException("HTTP connect timed out")));
        ZaloException e = assertThrows(ZaloException.class, () -> slowNetwork.user("user-token"));
        assertEquals(Kind.RETRYABLE, e.kind());
        assertEquals("zalo unreachable (connect timeout)", e.reason());
    }

    @Test
    void otherIoErrorsAreRetryable() {
        ZaloClient broken = new ZaloClient(ZaloConfig.from(zalo.env(Map.of())), () -> SECRET,
                new FailingHttpClient(new IOException("connection reset")));
        ZaloException e = assertThrows(ZaloException.class, () -> broken.sendOaText("oa-token", "1", "x"));
        assertEquals(Kind.RETRYABLE, e.kind());
        assertEquals("zalo unreachable", e.reason());
    }

    @Test
    void regionRestrictedNamesTheProxyVariable() {
        zalo.answerJson("{\"error\":-501,\"message\":\"Region restricted\"}");
        ZaloException e = failure("user");
        assertEquals(Kind.MISCONFIGURED, e.kind());
        assertEquals("zalo region restricted (-501): configure ZALO_EGRESS_PROXY_URL", e.reason());
        ApiException api = e.toApiException();
        assertEquals(ErrorCode.DEPENDENCY_UNAVAILABLE, api.code());
        assertEquals(503, api.code().status());
        assertEquals("zalo region restricted (-501): configure ZALO_EGRESS_PROXY_URL", api.getMessage());
        assertFalse(api.headers().containsKey("Retry-After"), "retrying does not fix a configuration");
    }

    @Test
    void appProblemsNameWhatToCheck() {
        zalo.answerJson("{\"error\":-104,\"message\":\"App secret key invalid\"}");
        assertEquals("zalo app secret invalid (-104): check the secret named by ZALO_APP_SECRET_NAME",
                failure("zns").reason());
        zalo.answerJson("{\"error\":-101,\"message\":\"Application invalid\"}");
        assertEquals("zalo application invalid (-101): check ZALO_APP_ID", failure("zns").reason());
    }

    @Test
    void invalidTokenIsA401NotA503() {
        zalo.answerJson("{\"error\":452,\"message\":\"Session key invalid\"}");
        ZaloException e = failure("user");
        ApiException api = e.toApiException();
        assertEquals(ErrorCode.UNAUTHORIZED, api.code());
        assertEquals(401, api.code().status());
        assertEquals("zalo token invalid (452)", api.getMessage());
    }

    @Test
    void permanentIsA503WithoutRetryAfter() {
        zalo.answerJson("{\"error\":-118,\"message\":\"Zalo account not existed\"}");
        ZaloException e = failure("zns");
        assertEquals("zalo refused the request (-118 Zalo account does not exist)", e.reason());
        assertFalse(e.isRetryable());
        ApiException api = e.toApiException();
        assertEquals(ErrorCode.DEPENDENCY_UNAVAILABLE, api.code());
        assertFalse(api.headers().containsKey("Retry-After"));
    }

    @Test
    void malformedTokenIsRefusedWithoutCallingZalo() {
        ZaloException e = assertThrows(ZaloException.class, () -> client.user("token with spaces"));
        assertEquals(Kind.INVALID_TOKEN, e.kind());
        assertEquals(Kind.INVALID_TOKEN, assertThrows(ZaloException.class, () -> client.user("")).kind());
        assertEquals(Kind.INVALID_TOKEN, assertThrows(ZaloException.class, () -> client.user(null)).kind());
        assertEquals(Kind.INVALID_TOKEN, assertThrows(ZaloException.class,
                () -> client.phoneNumber("ok-token", "bad\r\ncode")).kind());
        assertEquals(List.of(), zalo.seen);
    }

    @Test
    void malformedAppSecretIsAMisconfiguration() {
        ZaloClient badSecret = zalo.client("secret\n");
        ZaloException e = assertThrows(ZaloException.class, () -> badSecret.refreshOaToken("refresh"));
        assertEquals(Kind.MISCONFIGURED, e.kind());
        assertEquals("zalo app secret malformed: check the secret named by ZALO_APP_SECRET_NAME", e.reason());
        assertEquals(List.of(), zalo.seen);
    }

    @Test
    void configuredOverridesReclassifyCodes() {
        ZaloClient tuned = zalo.client(SECRET, Map.of("ZALO_ERROR_KINDS", "-115=PERMANENT, -108=retryable"));
        zalo.answerJson("{\"error\":-115,\"message\":\"Out of quota\"}");
        assertEquals(Kind.PERMANENT, assertThrows(ZaloException.class,
                () -> tuned.sendZns("oa-token", new ZnsMessage("84912345678", "t", Map.of(), null, false))).kind());
        zalo.answerJson("{\"error\":-108,\"message\":\"Phone number invalid\"}");
        assertEquals(Kind.RETRYABLE, assertThrows(ZaloException.class,
                () -> tuned.sendZns("oa-token", new ZnsMessage("84912345678", "t", Map.of(), null, false))).kind());
        assertEquals(Kind.PERMANENT, failure("zns").kind(), "the default client keeps the documented kind");
    }

    @Test
    void exceptionMessageCarriesEndpointKindStatusAndCode() {
        zalo.answerJson("{\"error\":-108,\"message\":\"Phone number invalid\"}");
        assertEquals("zalo zns.template.send failed: zalo refused the request (-108 phone number invalid)"
                + " [PERMANENT, http 200, zalo error -108, \"Phone number invalid\"]", failure("zns").getMessage());
    }

    /** A transport that fails before any answer, as the JDK client does on a connect timeout. */
    private static final class FailingHttpClient extends HttpClient {
        private final IOException error;

        FailingHttpClient(IOException error) {
            this.error = error;
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
            throw error;
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                                HttpResponse.BodyHandler<T> handler) {
            return CompletableFuture.failedFuture(error);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
            return CompletableFuture.failedFuture(error);
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            return null;
        }

        @Override
        public SSLParameters sslParameters() {
            return null;
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }
    }
}
