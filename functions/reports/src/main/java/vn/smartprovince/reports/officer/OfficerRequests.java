package vn.smartprovince.reports.officer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.smartprovince.reports.Report;
import vn.smartprovince.reports.Views;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.json.Json;

/** Decoding and answering, as the core's citizen routes do (their helper is package-private). */
final class OfficerRequests {
    private OfficerRequests() {
    }

    /** The body (absent = {@code {}}), with {@code expectedVersion} from {@code If-Match: "7"} when the body has none. */
    static JsonNode actionBody(HttpRequest request) {
        JsonNode body = request.body() == null || request.body().isBlank() ? Json.object() : request.jsonBody();
        String ifMatch = request.header("if-match").map(String::strip).orElse(null);
        if (ifMatch != null && body instanceof ObjectNode object && !body.has("expectedVersion")) {
            try {
                object.put("expectedVersion", Long.parseLong(ifMatch.replace("W/", "").replace("\"", "")));
            } catch (NumberFormatException e) {
                throw ApiException.invalid(new FieldError("If-Match", "INVALID_FORMAT",
                        "If-Match phải là phiên bản, ví dụ \"3\".", "If-Match must be a version such as \"3\"."));
            }
        }
        return body;
    }

    private static final java.util.regex.Pattern IDEMPOTENCY_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    /** The {@code Idempotency-Key} header, null when absent; 400 when malformed (as the core's submission). */
    static String idempotencyKey(HttpRequest request) {
        String key = request.header("idempotency-key").map(String::strip).orElse(null);
        if (key == null || key.isEmpty()) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ApiException.invalid(new FieldError("Idempotency-Key", "INVALID_FORMAT",
                    "Idempotency-Key gồm 8–128 ký tự A-Z, a-z, 0-9, . _ : -.",
                    "Idempotency-Key must be 8-128 characters of A-Z, a-z, 0-9, . _ : -."));
        }
        return key;
    }

    static String reportId(HttpRequest request) {
        return request.pathParameter("id").orElse("");
    }

    static HttpResponse privateJson(int status, Object body) {
        return HttpResponse.json(status, body).withHeader("cache-control", "no-store");
    }

    static HttpResponse report(Report report) {
        return privateJson(200, Views.ReportDetail.of(report, null)).withHeader("etag", "\"" + report.version() + "\"");
    }
}
