package vn.smartprovince.local.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.smartprovince.local.lambda.FixtureStack;
import vn.smartprovince.local.lambda.FunctionInvoker;
import vn.smartprovince.local.lambda.LocalFunctions;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;

class LocalHttpServerTest {
    private static final String ALLOWED_ORIGIN = "http://localhost:5173";

    /** The authorizer cache's clock: moved by hand, never waited for. */
    static final class ManualClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-28T09:30:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final ManualClock CLOCK = new ManualClock();
    private static LocalFunctions functions;
    private static LocalHttpServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        Template template = FixtureStack.template();
        functions = new LocalFunctions(template, FixtureStack.intrinsics(template), FixtureStack.EMULATOR,
                FixtureStack.STACK, java.util.Map.of());
        server = LocalHttpServer.start(template, FixtureStack.intrinsics(template), functions,
                LocalHttpServer.Options.onPort(0).withClock(CLOCK));
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
        functions.close();
    }

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(20));
    }

    private static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder builder = request(pathAndQuery).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return client.send(builder.build(), BodyHandlers.ofString());
    }

    /** What EchoHandler saw: the event, its env, its context. */
    private static JsonNode echoed(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.read(response.body());
    }

    @Test
    void routeReceivesThePayloadFormat2Event() throws Exception {
        long before = CLOCK.now.toEpochMilli();
        HttpResponse<String> response = client.send(request("/v1/echo/a%20b?x=1&q=xin%20ch%C3%A0o&x=2&flag")
                .header("X-Multi", "one").header("X-Multi", "two")
                .header("Cookie", "session=s1; theme=dark")
                .header("User-Agent", "zalo-mini-app/1.0")
                .header("Accept-Language", "vi").GET().build(), BodyHandlers.ofString());
        JsonNode event = echoed(response).path("event");

        assertEquals("2.0", event.path("version").asText());
        assertEquals("GET /v1/echo/{id}", event.path("routeKey").asText());
        assertEquals("/v1/echo/a b", event.path("rawPath").asText());
        assertEquals("x=1&q=xin%20ch%C3%A0o&x=2&flag", event.path("rawQueryString").asText());
        assertEquals(List.of("session=s1", "theme=dark"), strings(event.path("cookies")));
        JsonNode headers = event.path("headers");
        assertEquals("one,two", headers.path("x-multi").asText());
        assertEquals("vi", headers.path("accept-language").asText());
        assertEquals("127.0.0.1:" + server.port(), headers.path("host").asText());
        assertEquals("127.0.0.1", headers.path("x-forwarded-for").asText());
        assertEquals("http", headers.path("x-forwarded-proto").asText());
        assertTrue(headers.path("x-amzn-trace-id").asText().startsWith("Root=1-"));
        assertTrue(headers.path("cookie").isMissingNode(), "cookies travel in their own field");
        headers.fieldNames().forEachRemaining(name -> assertEquals(name.toLowerCase(), name));
        assertEquals("1,2", event.path("queryStringParameters").path("x").asText());
        assertEquals("xin chào", event.path("queryStringParameters").path("q").asText());
        assertEquals("", event.path("queryStringParameters").path("flag").asText());
        assertEquals("a b", event.path("pathParameters").path("id").asText());
        assertFalse(event.path("isBase64Encoded").asBoolean());
        assertTrue(event.path("body").isMissingNode());

        JsonNode context = event.path("requestContext");
        assertEquals("000000000000", context.path("accountId").asText());
        assertEquals(10, context.path("apiId").asText().length(), "implicit API: an id shaped like API Gateway's");
        assertEquals("127.0.0.1:" + server.port(), context.path("domainName").asText());
        assertEquals("GET", context.path("http").path("method").asText());
        assertEquals("/v1/echo/a b", context.path("http").path("path").asText());
        assertEquals("HTTP/1.1", context.path("http").path("protocol").asText());
        assertEquals("127.0.0.1", context.path("http").path("sourceIp").asText());
        assertEquals("zalo-mini-app/1.0", context.path("http").path("userAgent").asText());
        assertEquals(response.headers().firstValue("apigw-requestid").orElseThrow(), context.path("requestId").asText());
        assertEquals("GET /v1/echo/{id}", context.path("routeKey").asText());
        assertEquals("$default", context.path("stage").asText());
        assertEquals("28/Nov/2026:09:30:00 +0000", context.path("time").asText());
        assertEquals(before, context.path("timeEpoch").asLong());
        assertTrue(context.path("authorizer").isMissingNode());
    }

    @Test
    void textBodiesStayTextOthersAreBase64() throws Exception {
        String json = "{\"title\":\"Đường hỏng ở phường Bến Nghé\"}";
        JsonNode text = echoed(client.send(request("/v1/echo").header("Content-Type", "application/json; charset=utf-8")
                .POST(BodyPublishers.ofString(json)).build(), BodyHandlers.ofString())).path("event");
        assertFalse(text.path("isBase64Encoded").asBoolean());
        assertEquals(json, text.path("body").asText());

        byte[] photo = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2};
        JsonNode binary = echoed(client.send(request("/v1/echo").header("Content-Type", "image/jpeg")
                .POST(BodyPublishers.ofByteArray(photo)).build(), BodyHandlers.ofString())).path("event");
        assertTrue(binary.path("isBase64Encoded").asBoolean());
        assertArrayEquals(photo, Base64.getDecoder().decode(binary.path("body").asText()));

        JsonNode form = echoed(client.send(request("/v1/echo").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("a=1&b=2")).build(), BodyHandlers.ofString())).path("event");
        assertEquals("a=1&b=2", form.path("body").asText());
    }

    @Test
    void eachFunctionSeesItsOwnEnvironment() throws Exception {
        JsonNode echo = echoed(get("/v1/echo/1"));
        JsonNode other = echoed(get("/v1/other"));
        assertEquals("xin chào", echo.path("env").path("GREETING").asText());
        assertEquals("chào buổi sáng", other.path("env").path("GREETING").asText());
        assertEquals("local-test-EchoFunction", echo.path("env").path("AWS_LAMBDA_FUNCTION_NAME").asText());
        assertEquals("local-test-OtherEchoFunction", other.path("env").path("AWS_LAMBDA_FUNCTION_NAME").asText());
        assertEquals("http://127.0.0.1:4566", other.path("env").path("AWS_ENDPOINT_URL").asText());
        assertEquals("local-test-OtherEchoFunction", other.path("context").path("functionName").asText());
    }

    @Test
    void typedHandlerFromAZipAnswersWithCookiesAndABinaryBody() throws Exception {
        HttpResponse<byte[]> response = client.send(request("/v1/events/42").header("Cookie", "a=1")
                .POST(BodyPublishers.ofString("{\"ok\":true}")).header("Content-Type", "application/json").build(),
                BodyHandlers.ofByteArray());
        assertEquals(201, response.statusCode());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xfe, (byte) 0xff}, response.body());
        assertEquals("application/octet-stream", response.headers().firstValue("content-type").orElseThrow());
        assertEquals(List.of("session=abc; Path=/; HttpOnly", "theme=dark"), response.headers().allValues("set-cookie"));
        assertEquals("ANY /v1/events/{id}", response.headers().firstValue("x-route-key").orElseThrow());
        assertEquals("42", response.headers().firstValue("x-path-id").orElseThrow());
        assertEquals("POST", response.headers().firstValue("x-method").orElseThrow());
        assertEquals("[a=1]", response.headers().firstValue("x-cookies").orElseThrow());
        assertEquals("false", response.headers().firstValue("x-body-base64").orElseThrow());
        assertEquals("{\"ok\":true}", response.headers().firstValue("x-body").orElseThrow());
    }

    @Test
    void jsonWithoutStatusCodeIsA200JsonBody() throws Exception {
        HttpResponse<String> response = get("/v1/map");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("{\"hello\":\"world\",\"routeKey\":\"GET /v1/map\"}", response.body());
    }

    @Test
    void functionErrorAndFunctionTimeoutAre500() throws Exception {
        HttpResponse<String> failed = get("/v1/fail");
        assertEquals(500, failed.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", failed.body());
        assertTrue(failed.headers().firstValue("apigw-requestid").isPresent());

        HttpResponse<String> slow = get("/v1/slow");
        assertEquals(500, slow.statusCode(), "a Lambda timeout is a function error to API Gateway");
        assertEquals("{\"message\":\"Internal Server Error\"}", slow.body());
    }

    @Test
    void theGatewaysIntegrationTimeoutIs503() throws Exception {
        Template template = FixtureStack.template();
        // The function's own Timeout (1 s) is longer than this gateway's integration timeout.
        try (LocalHttpServer impatient = LocalHttpServer.start(template, FixtureStack.intrinsics(template), functions,
                LocalHttpServer.Options.onPort(0).withIntegrationTimeout(Duration.ofMillis(200)))) {
            HttpResponse<String> slow = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + impatient.port() + "/v1/slow")).GET().build(), BodyHandlers.ofString());
            assertEquals(503, slow.statusCode());
            assertEquals("{\"message\":\"Service Unavailable\"}", slow.body());
        }
    }

    @Test
    void unknownRoutesAre404() throws Exception {
        HttpResponse<String> none = get("/v1/nothing-here");
        assertEquals(404, none.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", none.body());
        assertEquals(404, client.send(request("/v1/other").DELETE().build(), BodyHandlers.ofString()).statusCode());
    }

    @Test
    void trailingSlashAndGreedyPaths() throws Exception {
        assertEquals("GET /v1/other", echoed(get("/v1/other/")).path("event").path("routeKey").asText());
        JsonNode files = echoed(get("/v1/files/2026/11/ảnh.jpg")).path("event");
        assertEquals("GET /v1/files/{proxy+}", files.path("routeKey").asText());
        assertEquals("2026/11/ảnh.jpg", files.path("pathParameters").path("proxy").asText());
    }

    @Test
    void bodiesOver10MbAre413() throws Exception {
        byte[] big = new byte[LocalHttpServer.MAX_BODY_BYTES + 1];
        HttpResponse<String> response = client.send(request("/v1/echo").header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(big)).build(), BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals("{\"message\":\"Request Entity Too Large\"}", response.body());
    }

    @Test
    void allowedCallerReachesTheRouteWithTheAuthorizersContext() throws Exception {
        JsonNode event = echoed(get("/v1/private/7?x=1", "Authorization", "Bearer allow-lan")).path("event");
        JsonNode lambda = event.path("requestContext").path("authorizer").path("lambda");
        assertEquals("lan", lambda.path("user").asText());
        assertEquals("citizen", lambda.path("roles").path(0).asText());
        assertEquals(FixtureStack.API_ID, event.path("requestContext").path("apiId").asText());
        // What the authorizer itself was given (it copies it into its context):
        assertEquals("REQUEST", lambda.path("type").asText());
        assertEquals("2.0", lambda.path("version").asText());
        assertEquals("arn:aws:execute-api:ap-southeast-1:000000000000:" + FixtureStack.API_ID + "/$default/GET/v1/private/7",
                lambda.path("routeArn").asText());
        assertEquals(List.of("Bearer allow-lan"), strings(lambda.path("identitySource")));
        assertEquals("GET /v1/private/{id}", lambda.path("routeKey").asText());
        assertEquals("7", lambda.path("pathId").asText());
    }

    @Test
    void missingIdentityIs401WithoutCallingTheAuthorizer() throws Exception {
        long invocations = functions.function("AuthorizerFunction").orElseThrow().stats().invocations();
        HttpResponse<String> response = get("/v1/private/1");
        assertEquals(401, response.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", response.body());
        assertEquals(401, get("/v1/private/1", "Authorization", "").statusCode());
        assertEquals(invocations, functions.function("AuthorizerFunction").orElseThrow().stats().invocations());
    }

    @Test
    void deniedIs403AndAFailingAuthorizerIs500() throws Exception {
        HttpResponse<String> denied = get("/v1/private/1", "Authorization", "Bearer deny");
        assertEquals(403, denied.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", denied.body());
        HttpResponse<String> failed = get("/v1/private/1", "Authorization", "Bearer boom");
        assertEquals(500, failed.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", failed.body());
    }

    @Test
    void decisionsAreCachedPerIdentityForReauthorizeEverySeconds() throws Exception {
        String token = "Bearer allow-cache-" + System.nanoTime();
        int first = authorizerCalls(get("/v1/private/1", "Authorization", token));
        assertEquals(first, authorizerCalls(get("/v1/private/2", "Authorization", token)), "cached, any route");
        int otherToken = authorizerCalls(get("/v1/private/1", "Authorization", token + "-other"));
        assertNotEquals(first, otherToken);

        CLOCK.now = CLOCK.now.plusSeconds(301);
        try {
            assertNotEquals(first, authorizerCalls(get("/v1/private/1", "Authorization", token)), "expired after 300 s");
        } finally {
            CLOCK.now = CLOCK.now.minusSeconds(301);
        }

        int a = authorizerCalls(get("/v1/uncached", "Authorization", token));
        int b = authorizerCalls(get("/v1/uncached", "Authorization", token));
        assertNotEquals(a, b, "ReauthorizeEvery 0: no cache");
    }

    private static int authorizerCalls(HttpResponse<String> response) {
        return echoed(response).path("event").path("requestContext").path("authorizer").path("lambda")
                .path("calls").asInt();
    }

    @Test
    void iamPolicyAnswersAllowOrDenyTheRouteArn() throws Exception {
        JsonNode allowed = echoed(get("/v1/policy/3", "Authorization", "Bearer allow-x")).path("event");
        assertTrue(allowed.path("requestContext").path("authorizer").path("lambda").path("policy").asBoolean());
        assertEquals(403, get("/v1/policy/3", "Authorization", "Bearer deny").statusCode());
    }

    @Test
    void routeWithAuthorizerNoneIsPublicOnAnApiWithADefaultAuthorizer() throws Exception {
        JsonNode event = echoed(get("/v1/public")).path("event");
        assertTrue(event.path("requestContext").path("authorizer").isMissingNode());
    }

    @Test
    void gatewayAnswersPreflightForAllowedOrigins() throws Exception {
        HttpResponse<String> preflight = client.send(request("/v1/private/1")
                .method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").build(), BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode(), "answered without the authorizer");
        var headers = preflight.headers();
        assertEquals(ALLOWED_ORIGIN, headers.firstValue("access-control-allow-origin").orElseThrow());
        assertEquals("GET,POST", headers.firstValue("access-control-allow-methods").orElseThrow());
        assertEquals("authorization,content-type", headers.firstValue("access-control-allow-headers").orElseThrow());
        assertEquals("600", headers.firstValue("access-control-max-age").orElseThrow());
        assertEquals("true", headers.firstValue("access-control-allow-credentials").orElseThrow());

        HttpResponse<String> stranger = client.send(request("/v1/private/1")
                .method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").build(), BodyHandlers.ofString());
        assertEquals(204, stranger.statusCode());
        assertTrue(stranger.headers().firstValue("access-control-allow-origin").isEmpty());
    }

    @Test
    void responsesCarryCorsHeadersForAllowedOriginsOnly() throws Exception {
        HttpResponse<String> allowed = get("/v1/public", "Origin", "https://h5.zdn.vn");
        assertEquals("https://h5.zdn.vn", allowed.headers().firstValue("access-control-allow-origin").orElseThrow());
        assertEquals("apigw-requestid", allowed.headers().firstValue("access-control-expose-headers").orElseThrow());
        HttpResponse<String> refused = get("/v1/public", "Origin", "https://evil.example");
        assertTrue(refused.headers().firstValue("access-control-allow-origin").isEmpty());
        // Gateway answers too, so a browser can read the 401.
        HttpResponse<String> unauthorized = get("/v1/private/1", "Origin", "https://h5.zdn.vn");
        assertEquals(401, unauthorized.statusCode());
        assertTrue(unauthorized.headers().firstValue("access-control-allow-origin").isPresent());
    }

    @Test
    void concurrentRequestsGetTheirOwnInstances() throws Exception {
        var first = client.sendAsync(request("/v1/barrier").GET().build(), BodyHandlers.ofString());
        var second = client.sendAsync(request("/v1/barrier").GET().build(), BodyHandlers.ofString());
        CompletableFuture.allOf(first, second).join();
        assertEquals("together", first.get().body());
        assertEquals("together", second.get().body());
        assertEquals(2, functions.function("BarrierFunction").orElseThrow().stats().coldStarts());
    }

    @Test
    void everyRequestWritesOneAccessLineWithoutHeadersOrBodies() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        JsonLog.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = client.send(request("/v1/private/5").header("Authorization", "Bearer allow-secret-token")
                    .method("GET", BodyPublishers.ofString("citizen text")).build(), BodyHandlers.ofString());
        } finally {
            JsonLog.redirect(System.out);
        }
        String requestId = response.headers().firstValue("apigw-requestid").orElseThrow();
        List<JsonNode> access = captured.toString(StandardCharsets.UTF_8).lines().map(Json::read)
                .filter(line -> line.path("message").asText().equals("access")).toList();
        assertEquals(1, access.size(), captured.toString(StandardCharsets.UTF_8));
        JsonNode line = access.get(0);
        assertEquals(requestId, line.path("requestId").asText());
        assertEquals("GET /v1/private/{id}", line.path("route").asText());
        assertEquals(200, line.path("status").asInt());
        assertEquals("GET", line.path("method").asText());
        assertEquals("/v1/private/5", line.path("path").asText());
        assertTrue(line.has("latencyMs"));
        assertFalse(captured.toString(StandardCharsets.UTF_8).contains("secret-token"));
        assertFalse(captured.toString(StandardCharsets.UTF_8).contains("citizen text"));
    }

    @Test
    void routeWhoseFunctionTheInvokerDoesNotHaveIs404() throws Exception {
        Template template = FixtureStack.template();
        FunctionInvoker none = (functionId, event) -> {
            throw new FunctionInvoker.FunctionError(FunctionInvoker.FunctionError.Kind.NOT_FOUND,
                    "ResourceNotFoundException", "Function not found: " + functionId, null);
        };
        try (LocalHttpServer other = LocalHttpServer.start(template, FixtureStack.intrinsics(template), none, 0)) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    other.baseUri().resolve("/v1/map")).GET().build(), BodyHandlers.ofString());
            assertEquals(404, response.statusCode());
            assertEquals("{\"message\":\"Not Found\"}", response.body());
        }
    }

    @Test
    void apiWithANamedStageIsServedUnderItsStage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path project)
            throws Exception {
        java.nio.file.Files.writeString(project.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Stage: { Type: String, Default: prod }
                Resources:
                  StagedApi:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      StageName: !Ref Stage
                  HelloFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java21
                      Handler: x.Hello
                      CodeUri: code
                      Events:
                        Hello:
                          Type: HttpApi
                          Properties: { ApiId: !Ref StagedApi, Method: GET, Path: /hello }
                """);
        Template template = Template.load(project.resolve("template.yaml"));
        // Answers with the event it got, as the body of a 200.
        FunctionInvoker echo = (functionId, event) -> event;
        try (LocalHttpServer staged = LocalHttpServer.start(template, FixtureStack.intrinsics(template), echo, 0)) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    staged.baseUri().resolve("/prod/hello")).GET().build(), BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            JsonNode event = Json.read(response.body());
            assertEquals("GET /hello", event.path("routeKey").asText());
            assertEquals("/prod/hello", event.path("rawPath").asText());
            assertEquals("prod", event.path("requestContext").path("stage").asText());
            assertEquals(404, client.send(HttpRequest.newBuilder(staged.baseUri().resolve("/hello")).GET().build(),
                    BodyHandlers.ofString()).statusCode());
            assertEquals(List.of("GET " + staged.baseUri() + "/prod/hello -> HelloFunction"), staged.routes());
        }
    }

    @Test
    void routesAreListedForTheLauncher() {
        assertTrue(server.routes().contains("GET http://127.0.0.1:" + server.port() + "/v1/echo/{id} -> EchoFunction"),
                server.routes().toString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new java.util.ArrayList<>();
        array.forEach(item -> list.add(item.asText()));
        return list;
    }
}
