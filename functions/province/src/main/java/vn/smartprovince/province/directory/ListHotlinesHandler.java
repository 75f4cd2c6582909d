package vn.smartprovince.province.directory;

import java.time.Clock;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/hotlines} (public): the numbers everyone should know (113 Công an, 114 Cứu hỏa,
 * 115 Cấp cứu, the province's hotline), from the directory. Cacheable.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>{@code PROVINCE_CODE}, {@code MAIN_TABLE}, {@code PROVINCE_CONFIG_REFRESH_SECONDS}</td><td>the configuration in force</td></tr>
 *   <tr><td>{@code HOTLINES_MAX_AGE_SECONDS}</td><td>{@code Cache-Control: public, max-age}, default 3600; 0 to 86400</td></tr>
 * </table>
 */
public final class ListHotlinesHandler extends HttpFunction {
    static final String MAX_AGE_SECONDS = "HOTLINES_MAX_AGE_SECONDS";
    private final DirectorySearch search;
    private final String cacheControl;

    public ListHotlinesHandler() {
        this(Env.current());
    }

    ListHotlinesHandler(Env env) {
        this(new DirectorySearch(Wiring.publicConfigs(env), Clock.systemUTC()), env.number(MAX_AGE_SECONDS, 3_600, 0, 86_400));
    }

    ListHotlinesHandler(DirectorySearch search, long maxAgeSeconds) {
        this.search = search;
        this.cacheControl = "public, max-age=" + maxAgeSeconds;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return CachedAnswers.of(search.hotlines(request.header("if-none-match").orElse(null)), cacheControl);
    }
}
