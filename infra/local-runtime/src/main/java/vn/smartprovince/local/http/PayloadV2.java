package vn.smartprovince.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.smartprovince.shared.json.Json;

/**
 * API Gateway HTTP API payload format 2.0: the event a route's function receives, the event a
 * Lambda authorizer receives, and the reading of a function's result back into a response.
 */
final class PayloadV2 {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private PayloadV2() {
    }

    /** The event of a route's integration; {@code authorizerContext} is what the authorizer returned, if one ran. */
    static ObjectNode routeEvent(GatewayRequest request, String routeKey, Map<String, String> pathParameters,
                                 JsonNode authorizerContext) {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQueryString());
        putCookies(event, request.cookies());
        putStrings(event.putObject("headers"), request.headers());
        if (!request.queryParameters().isEmpty()) {
            putStrings(event.putObject("queryStringParameters"), request.queryParameters());
        }
        ObjectNode context = requestContext(request, routeKey, authorizerContext);
        event.set("requestContext", context);
        if (!pathParameters.isEmpty()) {
            putStrings(event.putObject("pathParameters"), pathParameters);
        }
        putBody(event, request);
        return event;
    }

    /** The event of a REQUEST Lambda authorizer, payload 2.0. */
    static ObjectNode authorizerEvent(GatewayRequest request, String routeKey, Map<String, String> pathParameters,
                                      List<String> identitySource) {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("type", "REQUEST");
        event.put("routeArn", request.routeArn());
        ArrayNode identity = event.putArray("identitySource");
        identitySource.forEach(identity::add);
        event.put("routeKey", routeKey);
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQueryString());
        putCookies(event, request.cookies());
        putStrings(event.putObject("headers"), request.headers());
        if (!request.queryParameters().isEmpty()) {
            putStrings(event.putObject("queryStringParameters"), request.queryParameters());
        }
        event.set("requestContext", requestContext(request, routeKey, null));
        if (!pathParameters.isEmpty()) {
            putStrings(event.putObject("pathParameters"), pathParameters);
        }
        return event;
    }

    private static ObjectNode requestContext(GatewayRequest request, String routeKey, JsonNode authorizerContext) {
        ObjectNode context = Json.object();
        context.put("accountId", request.accountId());
        context.put("apiId", request.apiId());
        if (authorizerContext != null) {
            context.putObject("authorizer").set("lambda", authorizerContext.isObject() ? authorizerContext : Json.object());
        }
        context.put("domainName", request.domainName());
        int dot = request.domainName().indexOf('.');
        context.put("domainPrefix", dot > 0 ? request.domainName().substring(0, dot) : request.domainName());
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.userAgent());
        context.put("requestId", request.requestId());
        context.put("routeKey", routeKey);
        context.put("stage", request.stage());
        context.put("time", REQUEST_TIME.format(request.time()));
        context.put("timeEpoch", request.time().toEpochMilli());
        return context;
    }

    private static void putCookies(ObjectNode event, List<String> cookies) {
        if (!cookies.isEmpty()) {
            ArrayNode array = event.putArray("cookies");
            cookies.forEach(array::add);
        }
    }

    private static void putStrings(ObjectNode node, Map<String, String> values) {
        values.forEach(node::put);
    }

    /** Text stays text; anything else is base64, as API Gateway does for payload 2.0. */
    private static void putBody(ObjectNode event, GatewayRequest request) {
        byte[] body = request.body();
        if (body == null || body.length == 0) {
            event.put("isBase64Encoded", false);
            return;
        }
        if (isText(request.header("content-type"))) {
            event.put("body", new String(body, StandardCharsets.UTF_8));
            event.put("isBase64Encoded", false);
        } else {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
        }
    }

    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("javascript") || type.contains("x-www-form-urlencoded");
    }

    /** The function's result does not make a response; API Gateway answers 500. */
    static final class MalformedResult extends Exception {
        MalformedResult(String message) {
            super(message);
        }
    }

    /**
     * Reads a function's result as API Gateway does for format 2.0: an object with
     * {@code statusCode} is a response (headers, cookies, body, isBase64Encoded); any other valid
     * JSON is the body of a 200 {@code application/json} response.
     */
    static GatewayResponse response(byte[] payload) throws MalformedResult {
        JsonNode result;
        try {
            result = Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new MalformedResult("the function's result is not JSON");
        }
        if (result == null || result.isMissingNode()) {
            throw new MalformedResult("the function returned nothing");
        }
        if (!result.isObject() || !result.has("statusCode")) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            headers.add(Map.entry("content-type", "application/json"));
            return new GatewayResponse(200, headers, payload);
        }
        JsonNode statusNode = result.get("statusCode");
        int status = statusNode.isNumber() ? statusNode.asInt()
                : statusNode.isTextual() && statusNode.asText().matches("\\d{3}") ? Integer.parseInt(statusNode.asText())
                : -1;
        if (status < 100 || status > 599) {
            throw new MalformedResult("statusCode " + statusNode + " is not an HTTP status");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        JsonNode headerNode = result.path("headers");
        if (!headerNode.isMissingNode() && !headerNode.isNull()) {
            if (!headerNode.isObject()) {
                throw new MalformedResult("headers must be an object of strings");
            }
            var fields = headerNode.fields();
            while (fields.hasNext()) {
                var header = fields.next();
                if (!header.getValue().isValueNode() || header.getValue().isNull()) {
                    throw new MalformedResult("header " + header.getKey() + " must be a string");
                }
                headers.add(Map.entry(header.getKey().toLowerCase(Locale.ROOT), header.getValue().asText()));
            }
        }
        JsonNode cookies = result.path("cookies");
        if (cookies.isArray()) {
            cookies.forEach(cookie -> headers.add(Map.entry("set-cookie", cookie.asText())));
        } else if (!cookies.isMissingNode() && !cookies.isNull()) {
            throw new MalformedResult("cookies must be an array of strings");
        }
        JsonNode bodyNode = result.path("body");
        byte[] body;
        if (bodyNode.isMissingNode() || bodyNode.isNull()) {
            body = new byte[0];
        } else {
            // A non-string body is sent as its JSON text, which is what a caller expects to see.
            String text = bodyNode.isTextual() ? bodyNode.asText() : bodyNode.toString();
            if (result.path("isBase64Encoded").asBoolean(false)) {
                try {
                    body = Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    throw new MalformedResult("isBase64Encoded is true but the body is not base64");
                }
            } else {
                body = text.getBytes(StandardCharsets.UTF_8);
            }
        }
        return new GatewayResponse(status, headers, body);
    }
}
