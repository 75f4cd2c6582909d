package vn.smartprovince.reports;

import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code POST /v1/reports/{id}/info}: the owner answers the agency's question while NEEDS_INFO; back to IN_PROGRESS. */
public final class ProvideInfoHandler extends AuthenticatedFunction {
    private final CitizenReports reports;

    public ProvideInfoHandler() {
        this(Env.current());
    }

    ProvideInfoHandler(Env env) {
        this(Wiring.citizenReports(env));
    }

    ProvideInfoHandler(CitizenReports reports) {
        this.reports = reports;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return Requests.report(reports.provideInfo(caller, Requests.reportId(request), Requests.actionBody(request)));
    }
}
