package vn.smartprovince.province.stats;

import java.time.Clock;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/admin/stats}: users, active users, the share over 45, notifications by channel
 * ({@link AdminStats}); province administrators
 * only (403 before anything is read). This class answers the JSON; {@link AdminStatsCsvHandler} the CSV.
 */
public final class AdminStatsHandler extends AuthenticatedFunction {
    private final AdminStats stats;

    public AdminStatsHandler() {
        this(Env.current());
    }

    AdminStatsHandler(Env env) {
        this(new AdminStats(Wiring.statCounters(env), Wiring.provinceConfig(env), Clock.systemUTC()));
    }

    AdminStatsHandler(AdminStats stats) {
        this.stats = stats;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return HttpResponse.privateJson(200, stats.figures(caller));
    }
}
