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
