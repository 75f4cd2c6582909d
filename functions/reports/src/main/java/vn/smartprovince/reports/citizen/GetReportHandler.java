package vn.smartprovince.reports.citizen;

import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.Requests;
import vn.smartprovince.reports.core.Views;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code GET /v1/reports/{id}}: the report with its full timeline, for its owner, its agency and the triage desk; 404 for anyone else. */
public final class GetReportHandler extends AuthenticatedFunction {
    private final CitizenReports reports;

    public GetReportHandler() {
        this(Env.current());
    }

    GetReportHandler(Env env) {
        this(CitizenReports.withPhotoLinks(Wiring.of(env)));
    }

    GetReportHandler(CitizenReports reports) {
        this.reports = reports;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        Views.ReportDetail detail = reports.get(caller, Requests.reportId(request));
        return HttpResponse.privateJson(200, detail).withHeader("etag", "\"" + detail.version() + "\"");
    }
}
