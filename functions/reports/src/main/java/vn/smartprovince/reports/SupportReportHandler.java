package vn.smartprovince.reports;

import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code POST /v1/reports/{id}/support}: me too: one support per citizen on an open report, counted; repeating changes nothing. */
public final class SupportReportHandler extends AuthenticatedFunction {
    private final CitizenReports reports;

    public SupportReportHandler() {
        this(Env.current());
    }

    SupportReportHandler(Env env) {
        this(Wiring.citizenReports(env));
    }

    SupportReportHandler(CitizenReports reports) {
        this.reports = reports;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return Requests.privateJson(200, reports.support(caller, Requests.reportId(request)));
    }
}
