package vn.smartprovince.reports;

import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code POST /v1/reports/{id}/rating}: the owner rates the answer 1-5 with an optional comment, once per answer. */
public final class RateReportHandler extends AuthenticatedFunction {
    private final CitizenReports reports;

    public RateReportHandler() {
        this(Env.current());
    }

    RateReportHandler(Env env) {
        this(Wiring.citizenReports(env));
    }

    RateReportHandler(CitizenReports reports) {
        this.reports = reports;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return Requests.report(reports.rate(caller, Requests.reportId(request), Requests.actionBody(request)));
    }
}
