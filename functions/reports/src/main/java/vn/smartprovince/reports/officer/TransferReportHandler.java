package vn.smartprovince.reports.officer;

import vn.smartprovince.reports.Requests;
import vn.smartprovince.reports.photos.PhotoStore;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code POST /v1/reports/{id}/transfer}: to another agency of the province with a reason (-> ROUTED there; deadline kept; the citizen is notified). Requires {@code expectedVersion} or {@code If-Match}. */
public final class TransferReportHandler extends AuthenticatedFunction {
    private final OfficerActions actions;

    public TransferReportHandler() {
        this(Env.current());
    }

    TransferReportHandler(Env env) {
        this(OfficerWiring.actions(env));
    }

    TransferReportHandler(Env env, PhotoStore photos) {
        this(OfficerWiring.actions(env, photos));
    }

    TransferReportHandler(OfficerActions actions) {
        this.actions = actions;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return Requests.report(actions.transfer(caller, Requests.reportId(request),
                Requests.actionBody(request)));
    }
}
