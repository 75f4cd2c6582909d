package vn.smartprovince.shared.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.smartprovince.shared.json.Json;

/**
 * What a handler needs from an API Gateway HTTP API (payload format 2.0) event, without AWS
 * types. Header names are lower case, as API Gateway delivers them.
 */
public record HttpRequest(
        String routeKey,
        String method,
        String path,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        Map<String, String> headers,
        List<String> cookies,
        String body,
        String requestId,
        String sourceIp,
        Instant time,
        Map<String, Object> authorizer,
        byte[] rawBody) {

    /** Bodies above this are refused with 413 before any parsing. */
    public static final int MAX_BODY_CHARS = 256 * 1024;

    /** A request whose body arrived as text: its raw bytes are the text's UTF-8 (tests build requests so). */
    public HttpRequest(String routeKey, String method, String path, Map<String, String> pathParameters,
                       Map<String, String> queryParameters, Map<String, String> headers, List<String> cookies,
                       String body, String requestId, String sourceIp, Instant time, Map<String, Object> authorizer) {
        this(routeKey, method, path, pathParameters, queryParameters, headers, cookies, body, requestId, sourceIp, time,
                authorizer, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The body exactly as the client sent it (a base64 body decoded, a text body as UTF-8), null
     * without a body. What a signature over the raw body (Zalo's webhooks) must be checked against:
     * {@link #body()} replaces bytes that are not UTF-8, so it cannot always give them back.
     */
    @Override
    public byte[] rawBody() {
        return rawBody == null ? null : rawBody.clone();
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(queryParameters.get(name));
    }

    /** Lists' page size (conventions: {@code ?limit=}, default 20, at most 100). */
    public static final int DEFAULT_PAGE_LIMIT = 20;
    public static final int MAX_PAGE_LIMIT = 100;

    /** {@code ?limit=} as a list's page size; anything but a whole number from 1 to 100 is a 400 naming {@code limit}. */
    public int pageLimit() {
        String text = queryParameter("limit").orElse(null);
        if (text == null) {
            return DEFAULT_PAGE_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_PAGE_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.invalid(new FieldError("limit", "OUT_OF_RANGE", "limit phải từ 1 đến " + MAX_PAGE_LIMIT + ".",
                "limit must be between 1 and " + MAX_PAGE_LIMIT + "."));
    }

    public Language language() {
        return Language.fromAcceptLanguage(headers.get("accept-language"));
    }

    /** The body as a JSON object; a missing, oversized, non-JSON or non-object body is a 4xx. */
    public JsonNode jsonBody() {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid(new FieldError("body", "REQUIRED",
                    "Thiếu nội dung yêu cầu.", "The request body is missing."));
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, null);
        }
        String contentType = headers.getOrDefault("content-type", "application/json");
        if (!contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, null);
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, null);
        }
        if (node == null || !node.isObject()) {
            throw ApiException.invalid(new FieldError("body", "NOT_AN_OBJECT",
                    "Nội dung phải là một đối tượng JSON.", "The body must be a JSON object."));
        }
        return node;
    }

    /** Reads a payload format 2.0 event. */
    public static HttpRequest fromEvent(JsonNode event) {
        JsonNode context = event.path("requestContext");
        JsonNode http = context.path("http");
        String body = textOrNull(event.get("body"));
        byte[] rawBody = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        if (body != null && event.path("isBase64Encoded").asBoolean(false)) {
            rawBody = Base64.getDecoder().decode(body);
            body = new String(rawBody, StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        event.path("headers").fields().forEachRemaining(
                e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        List<String> cookies = new java.util.ArrayList<>();
        event.path("cookies").forEach(c -> cookies.add(c.asText()));
        Map<String, Object> authorizer = Collections.emptyMap();
        JsonNode lambda = context.path("authorizer").path("lambda");
        if (lambda.isObject()) {
            authorizer = plain(lambda);
        }
        long epoch = context.path("timeEpoch").asLong(0);
        return new HttpRequest(
                event.path("routeKey").asText(""),
                http.path("method").asText(""),
                event.path("rawPath").asText(http.path("path").asText("")),
                strings(event.path("pathParameters")),
                strings(event.path("queryStringParameters")),
                Collections.unmodifiableMap(headers),
                List.copyOf(cookies),
                body,
                context.path("requestId").asText(""),
                http.path("sourceIp").asText(""),
                epoch > 0 ? Instant.ofEpochMilli(epoch) : Instant.now(),
                authorizer,
                rawBody);
    }

    /**
     * The authorizer's context as plain values, as Jackson's {@code convertValue} to a map gives
     * them (objects as LinkedHashMaps, arrays as ArrayLists, numbers as Integer, Long, BigInteger
     * or Double, text, booleans, null), walked by hand: the conversion loads much of databind.
     */
    private static Map<String, Object> plain(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), plainValue(e.getValue())));
        return map;
    }

    private static Object plainValue(JsonNode node) {
        if (node.isObject()) {
            return plain(node);
        }
        if (node.isArray()) {
            List<Object> list = new java.util.ArrayList<>(node.size());
            node.forEach(element -> list.add(plainValue(element)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? node.numberValue() : (Object) node.doubleValue();
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        return Json.MAPPER.convertValue(node, Object.class);   // binary, POJO: not in an authorizer's context
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(map);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
