package vn.smartprovince.reports.officer;

import vn.smartprovince.reports.Requests;
import vn.smartprovince.reports.photos.PhotoStore;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code POST /v1/reports/{id}/accept}: the agency takes the report on (ROUTED or REOPENED -> IN_PROGRESS). Requires {@code expectedVersion} or {@code If-Match}. */
public final class AcceptReportHandler extends AuthenticatedFunction {
    private final OfficerActions actions;

    public AcceptReportHandler() {
        this(Env.current());
    }

    AcceptReportHandler(Env env) {
        this(OfficerWiring.actions(env));
    }

    AcceptReportHandler(Env env, PhotoStore photos) {
        this(OfficerWiring.actions(env, photos));
    }

    AcceptReportHandler(OfficerActions actions) {
        this.actions = actions;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return Requests.report(actions.accept(caller, Requests.reportId(request),
                Requests.actionBody(request)));
    }
}
