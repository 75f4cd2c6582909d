package vn.smartprovince.reports.feed;

import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.PhotoStore;
import vn.smartprovince.reports.core.PublicView;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * {@code GET /v1/feed?category=&areaCode=&status=&limit=&cursor=} (public, no session): published
 * reports with their answers, newest first; the reporter never appears.
 */
public final class FeedHandler extends HttpFunction {
    private final PublicFeed feed;

    public FeedHandler() {
        this(Env.current());
    }

    FeedHandler(Env env) {
        this(Wiring.of(env));
    }

    private FeedHandler(Wiring wiring) {
        this(PublicFeed.of(wiring, wiring.photoSigner()));
    }

    FeedHandler(Env env, PhotoStore photos) {
        this(PublicFeed.of(Wiring.of(env), photos));
    }

    FeedHandler(PublicFeed feed) {
        this.feed = feed;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        ProvinceConfig config = feed.config();   // one version of the configuration for the whole request
        FeedStore.Filters filters = feed.filters(config, request.queryParameter("category").orElse(null),
                request.queryParameter("areaCode").orElse(null), request.queryParameter("status").orElse(null));
        int limit = request.pageLimit();
        PublicView.Page page = feed.page(config, filters, request.queryParameter("cursor").orElse(null), limit);
        // Photo links expire within minutes: caches may keep the page a little, never longer.
        return HttpResponse.json(200, page).withHeader("cache-control", "public, max-age=30");
    }
}
