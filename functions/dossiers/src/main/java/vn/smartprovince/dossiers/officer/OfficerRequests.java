package vn.smartprovince.dossiers.officer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.json.Json;

/** Decoding shared by the officers' handlers: the HTTP function of an action, its body with If-Match. */
final class OfficerRequests {
    private OfficerRequests() {
    }

    /** A use case's dossier action: the caller, the dossier id, the body (read only once the caller's right is known). */
    @FunctionalInterface
    interface DossierAction {
        Dossier apply(Caller caller, String dossierId, Supplier<JsonNode> body);
    }

    /** What a protected route does with the request and its caller. */
    @FunctionalInterface
    interface Route {
        HttpResponse handle(HttpRequest request, Caller caller) throws Exception;
    }

    static HttpFunction authenticated(Route route) {
        return new AuthenticatedFunction() {
            @Override
            protected HttpResponse handle(HttpRequest request, Caller caller) throws Exception {
                return route.handle(request, caller);
            }
        };
    }

    /** The dossier as the action leaves it, as {@code GET /v1/dossiers/{id}} shows it: 200 with {@code ETag: "<version>"}. */
    static HttpFunction action(OfficerActions actions, DossierAction action) {
        return authenticated((request, caller) -> {
            Dossier dossier = action.apply(caller, dossierId(request), () -> actionBody(request));
            return HttpResponse.privateJson(200, actions.view(caller, dossier))
                    .withHeader("etag", "\"" + dossier.version() + "\"");
        });
    }

    static String dossierId(HttpRequest request) {
        return request.pathParameter("id").orElse("");
    }

    /** The body ({@code {}} when empty), with {@code expectedVersion} from {@code If-Match: "7"} when the body has none. */
    static JsonNode actionBody(HttpRequest request) {
        JsonNode body = request.body() == null || request.body().isBlank() ? Json.object() : request.jsonBody();
        String ifMatch = request.header("if-match").map(String::strip).orElse(null);
        if (ifMatch != null && !body.has("expectedVersion")) {
            try {
                ((ObjectNode) body).put("expectedVersion", Long.parseLong(ifMatch.replace("W/", "").replace("\"", "")));
            } catch (NumberFormatException e) {
                throw ApiException.invalid(new FieldError("If-Match", "INVALID_FORMAT",
                        "If-Match phải là phiên bản, ví dụ \"3\".", "If-Match must be a version such as \"3\"."));
            }
        }
        return body;
    }
}
