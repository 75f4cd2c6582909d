package vn.smartprovince.province.stats;

import java.time.Clock;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/public/stats?dimension=&key=&period=WEEK|MONTH&month=} (no session): the public
 * dashboard data ({@link PublicStats}). {@code Cache-Control: public, max-age=300} (counters move
 * as reports and dossiers do; five minutes late is fine for a dashboard), {@code ETag}, 304 on a
 * matching {@code If-None-Match}.
 */
public final class PublicStatsHandler extends HttpFunction {
    static final String CACHE_CONTROL = "public, max-age=300";
    private final PublicStats stats;

    public PublicStatsHandler() {
        this(Env.current());
    }

    PublicStatsHandler(Env env) {
        this(new PublicStats(Wiring.statCounters(env), Wiring.provinceConfig(env), Clock.systemUTC()));
    }

    PublicStatsHandler(PublicStats stats) {
        this.stats = stats;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        PublicStats.Answer answer = stats.answer(new PublicStats.Query(request.queryParameter("dimension").orElse(null),
                request.queryParameter("key").orElse(null), request.queryParameter("period").orElse(null),
                request.queryParameter("month").orElse(null)), request.header("if-none-match").orElse(null));
        return HttpResponse.cacheable(answer.body(), answer.etag(), CACHE_CONTROL);
    }
}
