package vn.smartprovince.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;

/** What a client sees from any route: the conventions' answers for success, bad input and bugs. */
class HttpFunctionTest {
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @BeforeEach
    void captureLogs() {
        JsonLog.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLogs() {
        JsonLog.redirect(System.out);
    }

    private static ObjectNode event(String body, String acceptLanguage) {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", "POST /v1/things");
        event.put("rawPath", "/v1/things");
        ObjectNode headers = event.putObject("headers");
        headers.put("Content-Type", "application/json");
        if (acceptLanguage != null) {
            headers.put("accept-language", acceptLanguage);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "req-1");
        context.putObject("http").put("method", "POST").put("path", "/v1/things").put("sourceIp", "1.2.3.4");
        context.putObject("authorizer").putObject("lambda")
                .put("authenticated", "true").put("userId", "u-1").put("roles", "CITIZEN").put("agencyId", "")
                .put("sessionId", "s-1").put("sessionExpiresAt", "4102444800").put("authTime", "1795858200");
        if (body != null) {
            event.put("body", body);
        }
        return event;
    }

    private static JsonNode invoke(Function<HttpRequest, HttpResponse> behaviour, ObjectNode event) throws Exception {
        HttpFunction function = new HttpFunction() {
            @Override
            protected HttpResponse handle(HttpRequest request) {
                return behaviour.apply(request);
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.read(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void handlerSeesTheDecodedRequest() throws Exception {
        JsonNode result = invoke(request -> HttpResponse.ok(Json.object()
                .put("name", request.jsonBody().path("name").asText())
                .put("user", (String) request.authorizer().get("userId"))
                .put("contentType", request.header("CONTENT-TYPE").orElse(""))), event("{\"name\":\"Tây Ninh\"}", null));
        assertEquals(200, result.path("statusCode").asInt());
        JsonNode body = Json.read(result.path("body").asText());
        assertEquals("Tây Ninh", body.path("name").asText());
        assertEquals("u-1", body.path("user").asText());
        assertEquals("application/json", body.path("contentType").asText());
    }

    @Test
    void base64BodiesAreDecoded() throws Exception {
        ObjectNode event = event(Base64.getEncoder().encodeToString("{\"name\":\"Huế\"}".getBytes(StandardCharsets.UTF_8)), null);
        event.put("isBase64Encoded", true);
        JsonNode result = invoke(request -> HttpResponse.ok(request.jsonBody()), event);
        assertEquals("Huế", Json.read(result.path("body").asText()).path("name").asText());
    }

    @Test
    void theRawBodyIsTheBytesSentEvenWhenTheyAreNotUtf8() {
        byte[] sent = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};   // 0xC3 0x28: not UTF-8
        ObjectNode base64 = event(Base64.getEncoder().encodeToString(sent), null);
        base64.put("isBase64Encoded", true);
        HttpRequest decoded = HttpRequest.fromEvent(base64);
        assertTrue(java.util.Arrays.equals(sent, decoded.rawBody()));
        assertFalse(java.util.Arrays.equals(sent, decoded.body().getBytes(StandardCharsets.UTF_8)),
                "the text body cannot give such bytes back, which is why rawBody exists");

        HttpRequest text = HttpRequest.fromEvent(event("{\"name\":\"Huế\"}", null));
        assertTrue(java.util.Arrays.equals("{\"name\":\"Huế\"}".getBytes(StandardCharsets.UTF_8), text.rawBody()));
        assertEquals(null, HttpRequest.fromEvent(event(null, null)).rawBody());
    }

    @Test
    void validationErrorsNameTheFieldInVietnameseByDefault() throws Exception {
        JsonNode result = invoke(request -> {
            throw ApiException.invalid(new FieldError("location.lat", "OUT_OF_RANGE",
                    "Vĩ độ nằm ngoài tỉnh.", "Latitude is outside the province."));
        }, event("{}", null));
        assertEquals(400, result.path("statusCode").asInt());
        JsonNode body = Json.read(result.path("body").asText());
        assertEquals("VALIDATION_FAILED", body.path("error").path("code").asText());
        assertEquals("Dữ liệu gửi lên không hợp lệ.", body.path("error").path("message").asText());
        assertEquals("location.lat", body.path("error").path("details").get(0).path("field").asText());
        assertEquals("Vĩ độ nằm ngoài tỉnh.", body.path("error").path("details").get(0).path("message").asText());
        assertEquals("req-1", body.path("requestId").asText());
    }

    @Test
    void englishWhenAsked() throws Exception {
        JsonNode result = invoke(request -> request.jsonBody().isObject() ? HttpResponse.ok("{}") : null,
                event("not json", "en-US,en;q=0.8"));
        assertEquals(400, result.path("statusCode").asInt());
        JsonNode error = Json.read(result.path("body").asText()).path("error");
        assertEquals("MALFORMED_JSON", error.path("code").asText());
        assertEquals("The request body is not valid JSON.", error.path("message").asText());
    }

    @Test
    void missingNonObjectAndOversizedBodiesAreClientErrors() throws Exception {
        Function<HttpRequest, HttpResponse> echo = request -> HttpResponse.ok(request.jsonBody());
        assertEquals(400, invoke(echo, event(null, null)).path("statusCode").asInt());
        JsonNode array = invoke(echo, event("[1,2]", null));
        assertEquals(400, array.path("statusCode").asInt());
        assertEquals("body", Json.read(array.path("body").asText()).at("/error/details/0/field").asText());
        String big = "{\"text\":\"" + "a".repeat(HttpRequest.MAX_BODY_CHARS) + "\"}";
        assertEquals(413, invoke(echo, event(big, null)).path("statusCode").asInt());
        ObjectNode form = event("a=b", null);
        ((ObjectNode) form.get("headers")).put("Content-Type", "application/x-www-form-urlencoded");
        assertEquals(415, invoke(echo, form).path("statusCode").asInt());
    }

    @Test
    void aBugIsA500WithTheRequestIdAndALoggedErrorThatLeaksNoInput() throws Exception {
        JsonNode result = invoke(request -> {
            throw new IllegalStateException("secret-token-abc");
        }, event("{\"phone\":\"84901234567\"}", null));
        assertEquals(500, result.path("statusCode").asInt());
        JsonNode body = Json.read(result.path("body").asText());
        assertEquals("INTERNAL", body.path("error").path("code").asText());
        assertEquals("req-1", body.path("requestId").asText());
        String log = logs.toString(StandardCharsets.UTF_8);
        JsonNode line = Json.read(log.lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("ERROR", line.path("level").asText());
        assertEquals(500, line.path("status").asInt());
        assertEquals("POST /v1/things", line.path("route").asText());
        assertEquals("java.lang.IllegalStateException", line.path("errorType").asText());
        assertFalse(log.contains("secret-token-abc"), "exception messages may carry input and are not logged");
        assertFalse(log.contains("84901234567"), "bodies are never logged");
    }

    @Test
    void everyInvocationLogsOneJsonLine() throws Exception {
        invoke(request -> HttpResponse.ok("{}"), event("{}", null));
        String[] lines = logs.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(1, lines.length);
        JsonNode line = Json.read(lines[0]);
        assertEquals("req-1", line.path("requestId").asText());
        assertEquals(200, line.path("status").asInt());
        assertTrue(line.has("latencyMs"));
        assertTrue(line.has("time"));
    }

    @Test
    void conflictCarriesTheCurrentStateAndRetryAfterReachesTheClient() throws Exception {
        JsonNode result = invoke(request -> {
            throw new ApiException(ErrorCode.REQUEST_IN_PROGRESS, null, java.util.List.of(),
                    java.util.Map.of("Retry-After", "2"), java.util.Map.of("status", "RUNNING"));
        }, event("{}", null));
        assertEquals(409, result.path("statusCode").asInt());
        assertEquals("2", result.path("headers").path("Retry-After").asText());
        assertEquals("RUNNING", Json.read(result.path("body").asText()).at("/error/current/status").asText());
    }

    @Test
    void aProtectedRouteRefusesARejectedSessionEvenIfTheHandlerForgetsToCheck() throws Exception {
        ObjectNode event = event("{}", null);
        ObjectNode context = (ObjectNode) event.at("/requestContext/authorizer/lambda");
        context.removeAll();
        context.put("authenticated", "false").put("reason", "TOKEN_EXPIRED");
        JsonNode result = invoke(request -> HttpResponse.ok("{\"secret\":\"data\"}"), event);
        assertEquals(401, result.path("statusCode").asInt());
        JsonNode error = Json.read(result.path("body").asText()).path("error");
        assertEquals("UNAUTHORIZED", error.path("code").asText());
        assertEquals("TOKEN_EXPIRED", error.at("/details/0/code").asText());
    }

    @Test
    void aPublicRouteHasNoAuthorizerContextAndIsServed() throws Exception {
        ObjectNode event = event("{}", null);
        ((ObjectNode) event.get("requestContext")).remove("authorizer");
        assertEquals(200, invoke(request -> HttpResponse.ok("{}"), event).path("statusCode").asInt());
    }

    @Test
    void languageFollowsAcceptLanguage() {
        assertEquals(Language.VI, Language.fromAcceptLanguage(null));
        assertEquals(Language.EN, Language.fromAcceptLanguage("en"));
        assertEquals(Language.VI, Language.fromAcceptLanguage("vi-VN,en;q=0.5"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("fr-FR, en-GB;q=0.7"));
        assertEquals(Language.VI, Language.fromAcceptLanguage("fr"));
    }
}
