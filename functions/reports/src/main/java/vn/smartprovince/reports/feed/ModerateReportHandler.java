package vn.smartprovince.reports.feed;

import com.fasterxml.jackson.databind.JsonNode;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.json.Json;

/** {@code POST /v1/reports/{id}/moderation}: hide or redact a report's public view (province admin or triage officer). */
public final class ModerateReportHandler extends AuthenticatedFunction {
    private final Moderator moderator;

    public ModerateReportHandler() {
        this(Env.current());
    }

    ModerateReportHandler(Env env) {
        this(FeedWiring.moderator(env));
    }

    ModerateReportHandler(Moderator moderator) {
        this.moderator = moderator;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        JsonNode body = request.body() == null || request.body().isBlank() ? Json.object() : request.jsonBody();
        Moderator.Result result = moderator.moderate(caller, request.pathParameter("id").orElse(""), body);
        return HttpResponse.json(200, result).withHeader("cache-control", "no-store");
    }
}
