package vn.smartprovince.reports;

import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code POST /v1/reports/{id}/withdraw}: the owner takes the report back before it is handled (ROUTED, NEEDS_INFO, REOPENED). */
public final class WithdrawReportHandler extends AuthenticatedFunction {
    private final CitizenReports reports;

    public WithdrawReportHandler() {
        this(Env.current());
    }

    WithdrawReportHandler(Env env) {
        this(Wiring.citizenReports(env));
    }

    WithdrawReportHandler(CitizenReports reports) {
        this.reports = reports;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return Requests.report(reports.withdraw(caller, Requests.reportId(request), Requests.actionBody(request)));
    }
}
