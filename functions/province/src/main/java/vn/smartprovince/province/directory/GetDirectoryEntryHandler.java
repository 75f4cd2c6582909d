package vn.smartprovince.province.directory;

import java.time.Clock;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/directory/{id}} (public): one place of the directory, with its open-now flag;
 * 404 for an id it does not have. Cacheable like {@code GET /v1/directory}.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>{@code PROVINCE_CODE}, {@code MAIN_TABLE}, {@code PROVINCE_CONFIG_REFRESH_SECONDS}</td><td>the configuration in force</td></tr>
 *   <tr><td>{@code DIRECTORY_MAX_AGE_SECONDS}</td><td>{@code Cache-Control: public, max-age}, default 60 (open-now
 *       flags follow the hour); 0 to 86400</td></tr>
 * </table>
 */
public final class GetDirectoryEntryHandler extends HttpFunction {
    static final String MAX_AGE_SECONDS = "DIRECTORY_MAX_AGE_SECONDS";
    private final DirectorySearch search;
    private final String cacheControl;

    public GetDirectoryEntryHandler() {
        this(Env.current());
    }

    GetDirectoryEntryHandler(Env env) {
        this(new DirectorySearch(Wiring.publicConfigs(env), Clock.systemUTC()), env.number(MAX_AGE_SECONDS, 60, 0, 86_400));
    }

    GetDirectoryEntryHandler(DirectorySearch search, long maxAgeSeconds) {
        this.search = search;
        this.cacheControl = "public, max-age=" + maxAgeSeconds;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return CachedAnswers.of(search.place(request.pathParameter("id").orElse(null),
                request.header("if-none-match").orElse(null)), cacheControl);
    }
}
