package vn.smartprovince.reports.officer;

import vn.smartprovince.reports.Requests;
import vn.smartprovince.reports.photos.PhotoStore;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code POST /v1/reports/{id}/assign}: an officer of the report's agency holds it (state unchanged; that officer is notified). Requires {@code expectedVersion} or {@code If-Match}. */
public final class AssignReportHandler extends AuthenticatedFunction {
    private final OfficerActions actions;

    public AssignReportHandler() {
        this(Env.current());
    }

    AssignReportHandler(Env env) {
        this(OfficerWiring.actions(env));
    }

    AssignReportHandler(Env env, PhotoStore photos) {
        this(OfficerWiring.actions(env, photos));
    }

    AssignReportHandler(OfficerActions actions) {
        this.actions = actions;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return Requests.report(actions.assign(caller, Requests.reportId(request),
                Requests.actionBody(request)));
    }
}
