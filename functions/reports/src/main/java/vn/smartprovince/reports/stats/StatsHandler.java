package vn.smartprovince.reports.stats;

import vn.smartprovince.reports.Wiring;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/stats?agencyId=|categoryCode=|areaCode=|procedureCode=|centreId=&month=YYYY-MM}: the
 * dashboard's counters (reports, for an agency or a procedure the public-service dossiers, for a
 * service centre its appointments) for a province
 * admin; an officer for their own agency only.
 */
public final class StatsHandler extends AuthenticatedFunction {
    private final ReportStats stats;

    public StatsHandler() {
        this(Env.current());
    }

    StatsHandler(Env env) {
        this(stats(env));
    }

    StatsHandler(ReportStats stats) {
        this.stats = stats;
    }

    private static ReportStats stats(Env env) {
        Wiring wiring = Wiring.of(env);
        return new ReportStats(wiring.dynamoDb(), wiring.table(), wiring.province(), wiring.clock());
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        ReportStats.Answer result = stats.read(caller, request.queryParameter("agencyId").orElse(null),
                request.queryParameter("categoryCode").orElse(null), request.queryParameter("areaCode").orElse(null),
                request.queryParameter("procedureCode").orElse(null), request.queryParameter("centreId").orElse(null),
                request.queryParameter("month").orElse(null));
        return HttpResponse.privateJson(200, result);
    }
}
