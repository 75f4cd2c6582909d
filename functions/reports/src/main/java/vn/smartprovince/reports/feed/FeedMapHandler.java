package vn.smartprovince.reports.feed;

import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.PhotoStore;
import vn.smartprovince.reports.core.PublicView;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/feed/map?minLat=&minLng=&maxLat=&maxLng=&category=} (public, no session):
 * published reports inside a bounding box, through geohash-5 cells (at most {@value MapBox#MAX_CELLS}),
 * at most {@value PublicFeed#MAP_CAP} reports.
 */
public final class FeedMapHandler extends HttpFunction {
    private final PublicFeed feed;

    public FeedMapHandler() {
        this(Env.current());
    }

    FeedMapHandler(Env env) {
        this(Wiring.of(env));
    }

    private FeedMapHandler(Wiring wiring) {
        this(PublicFeed.of(wiring, wiring.photoSigner()));
    }

    FeedMapHandler(Env env, PhotoStore photos) {
        this(PublicFeed.of(Wiring.of(env), photos));
    }

    FeedMapHandler(PublicFeed feed) {
        this.feed = feed;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        MapBox box = MapBox.of(request);
        PublicView.MapResult result = feed.map(box, request.queryParameter("category").orElse(null));
        return HttpResponse.json(200, result).withHeader("cache-control", "public, max-age=30");
    }
}
