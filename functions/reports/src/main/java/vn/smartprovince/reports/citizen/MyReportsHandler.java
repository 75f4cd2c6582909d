package vn.smartprovince.reports.citizen;

import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.Cursors;
import vn.smartprovince.reports.core.ReportStore;
import vn.smartprovince.reports.core.Views;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code GET /v1/me/reports}: the caller's reports, newest first, cursor pagination. */
public final class MyReportsHandler extends AuthenticatedFunction {
    private final CitizenReports reports;

    public MyReportsHandler() {
        this(Env.current());
    }

    MyReportsHandler(Env env) {
        this(CitizenReports.of(Wiring.of(env)));
    }

    MyReportsHandler(CitizenReports reports) {
        this.reports = reports;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        int limit = request.pageLimit();
        String after = request.queryParameter("cursor")
                .map(cursor -> Cursors.decode(cursor, "mine", caller.userId(), Cursors.MINE_SORT)).orElse(null);
        ReportStore.Page page = reports.mine(caller, after, limit);
        String next = page.lastSortKey() == null ? null : Cursors.encode("mine", caller.userId(), page.lastSortKey());
        return HttpResponse.privateJson(200, new Views.SummaryPage(page.reports().stream().map(Views.Summary::of).toList(), next));
    }
}
