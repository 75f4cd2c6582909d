package vn.smartprovince.reports.categories;

import java.util.List;
import java.util.Map;
import vn.smartprovince.reports.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/report-categories} (public): the province's report categories, cacheable.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>{@code PROVINCE_CODE}</td><td>the province this stack serves (required)</td></tr>
 *   <tr><td>{@code MAIN_TABLE}</td><td>where the configuration in force is published</td></tr>
 *   <tr><td>{@code PROVINCE_CONFIG_REFRESH_SECONDS}</td><td>how long an instance serves what it read, default 60
 *       (the one setting of every function, see {@code ProvinceConfigSource})</td></tr>
 *   <tr><td>{@code CATEGORIES_MAX_AGE_SECONDS}</td><td>{@code Cache-Control: public, max-age}, default 300; 0 to 86400</td></tr>
 * </table>
 *
 * A newly published configuration is served within the refresh interval, and reaches every
 * client within the sum of the two (6 minutes by default); clients revalidate with {@code If-None-Match} and get {@code 304} while nothing changed.
 */
public final class ListCategoriesHandler extends HttpFunction {
    static final String MAX_AGE_SECONDS = "CATEGORIES_MAX_AGE_SECONDS";

    private final ReportCategories categories;
    private final String cacheControl;

    public ListCategoriesHandler() {
        this(Env.current());
    }

    ListCategoriesHandler(Env env) {
        this(Wiring.of(env));
    }

    private ListCategoriesHandler(Wiring wiring) {
        this(new ReportCategories(new SnapshotCategorySource(wiring.provinceConfigs())),
                wiring.env().number(MAX_AGE_SECONDS, 300, 0, 86_400));
    }

    ListCategoriesHandler(ReportCategories categories, long maxAgeSeconds) {
        this.categories = categories;
        this.cacheControl = "public, max-age=" + maxAgeSeconds;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        ReportCategories.Answer answer = categories.list(request.header("if-none-match").orElse(null));
        if (answer instanceof ReportCategories.Listing listing) {
            return HttpResponse.json(200, listing.body())
                    .withHeader("etag", listing.etag())
                    .withHeader("cache-control", cacheControl);
        }
        return new HttpResponse(304, Map.of("etag", answer.etag(), "cache-control", cacheControl), List.of(), "");
    }
}
