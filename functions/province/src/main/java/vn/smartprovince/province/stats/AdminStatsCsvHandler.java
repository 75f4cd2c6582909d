package vn.smartprovince.province.stats;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/admin/stats.csv}: the administrators' figures plus every public figure as CSV
 * ({@link StatsCsv}: {@code text/csv; charset=utf-8}, UTF-8 with a BOM for Excel), an attachment
 * named {@code thong-ke-<province>-<yyyy-MM-dd>.csv}; province administrators only (403 first).
 */
public final class AdminStatsCsvHandler extends AuthenticatedFunction {
    private final AdminStats stats;

    public AdminStatsCsvHandler() {
        this(Env.current());
    }

    AdminStatsCsvHandler(Env env) {
        this(new AdminStats(Wiring.statCounters(env), Wiring.provinceConfig(env), Clock.systemUTC()));
    }

    AdminStatsCsvHandler(AdminStats stats) {
        this.stats = stats;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        String body = stats.csv(caller);
        return new HttpResponse(200, Map.of("content-type", "text/csv; charset=utf-8", "cache-control", "no-store",
                "content-disposition", "attachment; filename=\"" + stats.fileName() + "\""), List.of(), body);
    }
}
