package vn.smartprovince.reports;

import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code POST /v1/reports/{id}/reopen}: the owner says the problem is not fixed, within the reopen window; back to the agency. */
public final class ReopenReportHandler extends AuthenticatedFunction {
    private final CitizenReports reports;

    public ReopenReportHandler() {
        this(Env.current());
    }

    ReopenReportHandler(Env env) {
        this(Wiring.citizenReports(env));
    }

    ReopenReportHandler(CitizenReports reports) {
        this.reports = reports;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return Requests.report(reports.reopen(caller, Requests.reportId(request), Requests.actionBody(request)));
    }
}
