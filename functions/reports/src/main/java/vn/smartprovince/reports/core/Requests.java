package vn.smartprovince.reports.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.json.Json;

/**
 * Small decoding helpers shared by the report handlers (citizens', officers'), and the HTTP
 * function of a report action, so that a handler class serving several functions (one method per
 * action, {@code Handler: Class::method}) is one line per action.
 */
public final class Requests {

    private Requests() {
    }

    /** What a protected route does with the request and its established caller. */
    @FunctionalInterface
    public interface Route {
        HttpResponse handle(HttpRequest request, Caller caller) throws Exception;
    }

    /** A use case's report action: the caller, the report id, the body (read only once the caller's right is established). */
    @FunctionalInterface
    public interface ReportAction {
        Report apply(Caller caller, String reportId, Supplier<JsonNode> body);
    }

    /** The HTTP function (session checked first, errors and log line as every route's) of {@code route}. */
    public static HttpFunction authenticated(Route route) {
        return new AuthenticatedFunction() {
            @Override
            protected HttpResponse handle(HttpRequest request, Caller caller) throws Exception {
                return route.handle(request, caller);
            }
        };
    }

    /**
     * The HTTP function of a report action: the report id from the path, the body (with
     * {@code If-Match}, see {@link #actionBody}) decoded only when the action asks for it, and
     * the report as it now is (200, {@code ETag}).
     */
    public static HttpFunction action(ReportAction action) {
        return authenticated((request, caller) ->
                report(action.apply(caller, reportId(request), () -> actionBody(request))));
    }

    /** The body as an object; an absent body counts as {@code {}} (actions whose fields are all optional). */
    public static JsonNode optionalBody(HttpRequest request) {
        if (request.body() == null || request.body().isBlank()) {
            return Json.object();
        }
        return request.jsonBody();
    }

    /** The action's body, with {@code expectedVersion} taken from {@code If-Match: "7"} when the body has none. */
    public static JsonNode actionBody(HttpRequest request) {
        JsonNode body = optionalBody(request);
        String ifMatch = request.header("if-match").map(String::strip).orElse(null);
        if (ifMatch != null && !body.has("expectedVersion")) {
            String digits = ifMatch.replace("W/", "").replace("\"", "");
            try {
                ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("expectedVersion", Long.parseLong(digits));
            } catch (NumberFormatException e) {
                throw ApiException.invalid(new FieldError("If-Match", "INVALID_FORMAT", "If-Match phải là phiên bản, ví dụ \"3\".",
                        "If-Match must be a version such as \"3\"."));
            }
        }
        return body;
    }

    public static String reportId(HttpRequest request) {
        return request.pathParameter("id").orElse("");
    }

    public static HttpResponse report(Report report) {
        return HttpResponse.privateJson(200, Views.ReportDetail.of(report, null)).withHeader("etag", "\"" + report.version() + "\"");
    }
}
