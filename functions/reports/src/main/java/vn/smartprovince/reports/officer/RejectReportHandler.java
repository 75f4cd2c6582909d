package vn.smartprovince.reports.officer;

import vn.smartprovince.reports.Requests;
import vn.smartprovince.reports.photos.PhotoStore;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code POST /v1/reports/{id}/reject}: refused as not our competence, a duplicate or abusive (-> REJECTED; the citizen is notified). Requires {@code expectedVersion} or {@code If-Match}. */
public final class RejectReportHandler extends AuthenticatedFunction {
    private final OfficerActions actions;

    public RejectReportHandler() {
        this(Env.current());
    }

    RejectReportHandler(Env env) {
        this(OfficerWiring.actions(env));
    }

    RejectReportHandler(Env env, PhotoStore photos) {
        this(OfficerWiring.actions(env, photos));
    }

    RejectReportHandler(OfficerActions actions) {
        this.actions = actions;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return Requests.report(actions.reject(caller, Requests.reportId(request),
                Requests.actionBody(request)));
    }
}
