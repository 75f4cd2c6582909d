package vn.smartprovince.local.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An HTTP API's {@code CorsConfiguration}, applied the way API Gateway applies it: the gateway
 * itself answers preflight requests (no route or function is involved), and adds
 * {@code Access-Control-Allow-Origin} (with credentials and exposed headers) to every answer
 * for an allowed origin, replacing whatever CORS headers the function set.
 */
final class Cors {
    private final List<String> allowOrigins;
    private final List<Pattern> originPatterns;
    private final List<String> allowMethods;
    private final List<String> allowHeaders;
    private final List<String> exposeHeaders;
    private final Integer maxAge;
    private final boolean allowCredentials;

    private Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                 List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {
        this.allowOrigins = allowOrigins;
        this.originPatterns = allowOrigins.stream().filter(o -> o.contains("*") && !o.equals("*"))
                .map(o -> Pattern.compile(Pattern.quote(o).replace("*", "\\E[^/]*\\Q"), Pattern.CASE_INSENSITIVE))
                .toList();
        this.allowMethods = allowMethods;
        this.allowHeaders = allowHeaders;
        this.exposeHeaders = exposeHeaders;
        this.maxAge = maxAge;
        this.allowCredentials = allowCredentials;
    }

    /**
     * From the resolved {@code CorsConfiguration}: a map, or SAM's {@code true} (any origin);
     * null when the API has none.
     */
    static Cors of(Object configuration) {
        if (Boolean.TRUE.equals(configuration) || "true".equals(configuration)) {
            return new Cors(List.of("*"), List.of(), List.of(), List.of(), null, false);
        }
        if (!(configuration instanceof Map<?, ?> map) || map.isEmpty()) {
            return null;
        }
        Object maxAge = map.get("MaxAge");
        return new Cors(strings(map.get("AllowOrigins")), strings(map.get("AllowMethods")),
                strings(map.get("AllowHeaders")), strings(map.get("ExposeHeaders")),
                maxAge == null ? null : Integer.valueOf(maxAge.toString().trim()),
                Boolean.parseBoolean(String.valueOf(map.get("AllowCredentials"))));
    }

    static boolean isPreflight(String method, Map<String, String> headers) {
        return method.equals("OPTIONS") && headers.containsKey("origin")
                && headers.containsKey("access-control-request-method");
    }

    boolean allows(String origin) {
        if (origin == null) {
            return false;
        }
        for (String allowed : allowOrigins) {
            if (allowed.equals("*") || allowed.equalsIgnoreCase(origin)) {
                return true;
            }
        }
        return originPatterns.stream().anyMatch(p -> p.matcher(origin).matches());
    }

    /** The gateway's answer to a preflight: 204, with the CORS headers only for an allowed origin. */
    GatewayResponse preflight(String origin) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (allows(origin)) {
            headers.add(Map.entry("access-control-allow-origin", allowOriginValue(origin)));
            if (allowCredentials) {
                headers.add(Map.entry("access-control-allow-credentials", "true"));
            }
            if (!allowMethods.isEmpty()) {
                headers.add(Map.entry("access-control-allow-methods", String.join(",", allowMethods)));
            }
            if (!allowHeaders.isEmpty()) {
                headers.add(Map.entry("access-control-allow-headers", String.join(",", allowHeaders)));
            }
            if (maxAge != null) {
                headers.add(Map.entry("access-control-max-age", maxAge.toString()));
            }
        }
        return new GatewayResponse(204, headers, new byte[0]);
    }

    /** The response's own CORS headers give way to the API's configuration. */
    GatewayResponse decorate(GatewayResponse response, String origin) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : response.headers()) {
            if (!header.getKey().startsWith("access-control-")) {
                headers.add(header);
            }
        }
        if (allows(origin)) {
            headers.add(Map.entry("access-control-allow-origin", allowOriginValue(origin)));
            if (allowCredentials) {
                headers.add(Map.entry("access-control-allow-credentials", "true"));
            }
            if (!exposeHeaders.isEmpty()) {
                headers.add(Map.entry("access-control-expose-headers", String.join(",", exposeHeaders)));
            }
        }
        return new GatewayResponse(response.status(), headers, response.body());
    }

    /** "*" only when any origin is allowed and no credentials are involved; else the caller's origin. */
    private String allowOriginValue(String origin) {
        return allowOrigins.contains("*") && !allowCredentials ? "*" : origin;
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return List.of(value.toString().split("\\s*,\\s*")).stream().filter(s -> !s.isEmpty()).toList();
    }
}
