package vn.smartprovince.reports.officer;

import vn.smartprovince.reports.Requests;
import vn.smartprovince.reports.photos.PhotoStore;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code POST /v1/reports/{id}/request-info}: the agency asks the citizen a question (-> NEEDS_INFO; the citizen is notified). Requires {@code expectedVersion} or {@code If-Match}. */
public final class RequestInfoHandler extends AuthenticatedFunction {
    private final OfficerActions actions;

    public RequestInfoHandler() {
        this(Env.current());
    }

    RequestInfoHandler(Env env) {
        this(OfficerWiring.actions(env));
    }

    RequestInfoHandler(Env env, PhotoStore photos) {
        this(OfficerWiring.actions(env, photos));
    }

    RequestInfoHandler(OfficerActions actions) {
        this.actions = actions;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return Requests.report(actions.requestInfo(caller, Requests.reportId(request),
                Requests.actionBody(request)));
    }
}
