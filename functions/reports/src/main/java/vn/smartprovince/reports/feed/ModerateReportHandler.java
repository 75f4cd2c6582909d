package vn.smartprovince.reports.feed;

import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.Requests;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code POST /v1/reports/{id}/moderation}: hide or redact a report's public view (province admin or triage officer). */
public final class ModerateReportHandler extends AuthenticatedFunction {
    private final Moderator moderator;

    public ModerateReportHandler() {
        this(Env.current());
    }

    ModerateReportHandler(Env env) {
        this(Moderator.of(Wiring.of(env)));
    }

    ModerateReportHandler(Moderator moderator) {
        this.moderator = moderator;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        Moderator.Result result = moderator.moderate(caller, Requests.reportId(request),
                () -> Requests.optionalBody(request));
        return HttpResponse.privateJson(200, result);
    }
}
