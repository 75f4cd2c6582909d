package vn.smartprovince.shared.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.smartprovince.shared.json.Json;

/** A handler's answer: status, headers, cookies and a JSON body (payload format 2.0 result). */
public record HttpResponse(int status, Map<String, String> headers, List<String> cookies, String body) {

    public static HttpResponse json(int status, Object body) {
        return new HttpResponse(status, Map.of("content-type", "application/json; charset=utf-8"),
                List.of(), body instanceof String s ? s : Json.write(body));
    }

    public static HttpResponse ok(Object body) {
        return json(200, body);
    }

    /** Private data (someone's profile, their reports): never stored by a cache or a proxy. */
    public static HttpResponse privateJson(int status, Object body) {
        return json(status, body).withHeader("cache-control", "no-store");
    }

    /**
     * A cacheable answer: 200 with {@code body}, or, when {@code body} is null (the client's
     * {@code If-None-Match} held {@code etag}), 304 without a body; both carry the entity tag and
     * {@code cacheControl}, so a revalidated answer can be kept again as long.
     */
    public static HttpResponse cacheable(Object body, String etag, String cacheControl) {
        if (body == null) {
            return new HttpResponse(304, Map.of("etag", etag, "cache-control", cacheControl), List.of(), "");
        }
        return json(200, body).withHeader("etag", etag).withHeader("cache-control", cacheControl);
    }

    /** 204 without a body, never stored by a cache or a proxy. */
    public static HttpResponse noContent() {
        return new HttpResponse(204, Map.of("cache-control", "no-store"), List.of(), "");
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponse(status, copy, cookies, body);
    }

    /** The conventions' error body: {"error": {code, message, details}, "requestId"}. */
    public static HttpResponse error(ApiException e, Language language, String requestId) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("code", e.code().name());
        error.put("message", e.code().message(language));
        if (e.code() == ErrorCode.DEPENDENCY_UNAVAILABLE) {
            error.put("cause", e.getMessage());
        }
        var details = error.putArray("details");
        for (FieldError detail : e.details()) {
            details.addObject()
                    .put("field", detail.field())
                    .put("code", detail.code())
                    .put("message", detail.message(language));
        }
        if (e.current() != null) {
            error.set("current", Json.MAPPER.valueToTree(e.current()));
        }
        e.fields().forEach((name, value) -> error.set(name, Json.MAPPER.valueToTree(value)));
        root.put("requestId", requestId);
        HttpResponse response = json(e.code().status(), root);
        for (var header : e.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }

    /** The payload format 2.0 result object Lambda returns to API Gateway. */
    public ObjectNode toEvent() {
        ObjectNode node = Json.object();
        node.put("statusCode", status);
        ObjectNode headerNode = node.putObject("headers");
        headers.forEach(headerNode::put);
        if (!cookies.isEmpty()) {
            var array = node.putArray("cookies");
            cookies.forEach(array::add);
        }
        node.put("body", body);
        node.put("isBase64Encoded", false);
        return node;
    }
}
