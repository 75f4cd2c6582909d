package vn.smartprovince.zalostub;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request as the stub's handlers see it: method, path, decoded query, headers (any case), body. */
record StubRequest(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
                   String body) {

    /** The first value of a header, matched without regard to case; null when absent. */
    String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    String contentType() {
        String value = header("Content-Type");
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    /** {@code a=1&b=2} decoded (query strings and form bodies); the first value of a repeated name wins. */
    static Map<String, String> decodeForm(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }
}
