package vn.smartprovince.zalostub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.smartprovince.shared.json.Json;

/** An HTTP answer of the stub: status, content type and body. */
record Reply(int status, String contentType, String body) {
    static final String JSON = "application/json; charset=utf-8";

    static Reply json(int status, JsonNode body) {
        return new Reply(status, JSON, Json.write(body));
    }

    static Reply ok(JsonNode body) {
        return json(200, body);
    }

    /** Zalo's error shape on graph, openapi and business hosts: HTTP 200 with {error, message}. */
    static Reply zaloError(int code, String message) {
        ObjectNode body = Json.object();
        body.put("error", code);
        body.put("message", message);
        return json(200, body);
    }

    static Reply zaloError(int code) {
        return zaloError(code, ZaloErrors.message(code));
    }

    /** The OAuth server's error shape. */
    static Reply oauthError(int code, String description) {
        ObjectNode body = Json.object();
        body.put("error", code);
        body.put("error_name", "Invalid parameter");
        body.put("error_reason", ZaloErrors.message(code));
        body.put("error_description", description);
        return json(200, body);
    }

    /** A control API error (not a Zalo shape). */
    static Reply controlError(int status, String message) {
        ObjectNode body = Json.object();
        body.put("error", message);
        return json(status, body);
    }

    /** What a gateway in front of Zalo answers when it fails: an HTML page. */
    static Reply gateway(int status) {
        String reason = switch (status) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Temporarily Unavailable";
            case 504 -> "Gateway Time-out";
            default -> "Error";
        };
        return new Reply(status, "text/html", "<html><head><title>" + status + " " + reason
                + "</title></head><body><center><h1>" + status + " " + reason + "</h1></center></body></html>");
    }

    /** The Zalo error code in this reply's body, if it has one and it is not 0. */
    Integer errorCode() {
        if (!contentType.startsWith("application/json")) {
            return null;
        }
        try {
            JsonNode node = Json.read(body).get("error");
            return node != null && node.isInt() && node.intValue() != 0 ? node.intValue() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
