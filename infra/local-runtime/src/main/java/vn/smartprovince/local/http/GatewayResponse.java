package vn.smartprovince.local.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What goes back to the client: status, headers in order (Set-Cookie may repeat), body. */
record GatewayResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    /** API Gateway's own answers: {@code {"message":"Not Found"}} and the like. */
    static GatewayResponse message(int status, String message) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("content-type", "application/json"));
        return new GatewayResponse(status, headers,
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    static GatewayResponse notFound() {
        return message(404, "Not Found");
    }

    static GatewayResponse internalError() {
        return message(500, "Internal Server Error");
    }

    GatewayResponse withHeader(String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
        copy.add(Map.entry(name.toLowerCase(Locale.ROOT), value));
        return new GatewayResponse(status, copy, body);
    }
}
