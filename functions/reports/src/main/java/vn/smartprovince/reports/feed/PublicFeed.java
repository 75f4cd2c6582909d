package vn.smartprovince.reports.feed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.Cursors;
import vn.smartprovince.reports.core.PhotoLinks;
import vn.smartprovince.reports.core.PhotoStore;
import vn.smartprovince.reports.core.ProvinceSource;
import vn.smartprovince.reports.core.PublicView;
import vn.smartprovince.reports.core.ReportStatus;
import vn.smartprovince.reports.store.PublicItems;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * The public feed and map: newest first, filters, cursors; photos as short-lived links signed at
 * read time (the bucket stays private).
 */
public final class PublicFeed {
    /** Most reports one map answer holds ({@code truncated} says there were more). */
    public static final int MAP_CAP = 200;
    /** Sort keys: {@code <yyyy-MM-ddTHH:mm:ss.SSSZ>#<report id>}. */
    static final Pattern SORT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z#r[a-z2-7]{24}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final FeedStore store;
    private final ProvinceSource province;
    private final PhotoLinks links;

    /** As the feed routes build it: the module's province source ({@link Wiring}), photo links signed by {@code photos}. */
    static PublicFeed of(Wiring wiring, PhotoStore photos) {
        return new PublicFeed(new FeedStore(wiring.dynamoDb(), wiring.table()), wiring.province(), photos, wiring.clock());
    }

    public PublicFeed(FeedStore store, ProvinceSource province, PhotoStore photos, Clock clock) {
        this.store = store;
        this.province = province;
        this.links = new PhotoLinks(photos, clock);
    }

    /** Feed filters as query parameters: unknown category, area or a status that is never public is 400. */
    public FeedStore.Filters filters(String category, String areaCode, String status) {
        return filters(province.config(), category, areaCode, status);
    }

    /** The province configuration in force: a request takes it once and passes it to the calls below. */
    public ProvinceConfig config() {
        return province.config();
    }

    /** {@link #filters(String, String, String)} against the request's configuration. */
    public FeedStore.Filters filters(ProvinceConfig config, String category, String areaCode, String status) {
        BodyFields fields = new BodyFields();
        category = blankToNull(category);
        areaCode = blankToNull(areaCode);
        status = blankToNull(status);
        if (category != null && (!CODE.matcher(category).matches() || config.category(category).isEmpty())) {
            fields.error("category", "UNKNOWN_CATEGORY", "Loại phản ánh không tồn tại.", "No such report category.");
        }
        if (areaCode != null && (!CODE.matcher(areaCode).matches() || config.area(areaCode).isEmpty())) {
            fields.error("areaCode", "UNKNOWN_AREA", "Không có xã/phường này.", "No such commune or ward.");
        }
        if (status != null && !publicStatus(status)) {
            fields.error("status", "INVALID_VALUE", "Trạng thái không hợp lệ cho bảng tin công khai.",
                    "Not a status of published reports.");
        }
        fields.done();
        return new FeedStore.Filters(category, areaCode, status);
    }

    private static boolean publicStatus(String status) {
        try {
            ReportStatus value = ReportStatus.valueOf(status);
            return value != ReportStatus.WITHDRAWN && value != ReportStatus.REJECTED;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** One page of the feed; {@code cursor} only continues the same filters. */
    public PublicView.Page page(FeedStore.Filters filters, String cursor, int limit) {
        return page(province.config(), filters, cursor, limit);
    }

    /** {@link #page(FeedStore.Filters, String, int)} against the request's configuration. */
    public PublicView.Page page(ProvinceConfig config, FeedStore.Filters filters, String cursor, int limit) {
        String owner = owner(filters);
        String before = cursor == null ? null : Cursors.decode(cursor, "feed", owner, SORT);
        List<FeedStore.Source> sources;
        FeedStore.Filters remaining;
        if (filters.categoryCode() != null && filters.areaCode() != null) {
            sources = List.of(new FeedStore.Source("GSI2", PublicItems.filterKey(filters.categoryCode(), filters.areaCode())));
            remaining = new FeedStore.Filters(null, null, filters.status());
        } else {
            sources = IntStream.range(0, PublicItems.SHARDS)
                    .mapToObj(shard -> new FeedStore.Source("GSI1", PublicItems.shardKey(shard))).toList();
            remaining = filters;
        }
        FeedStore.Page page = store.page(sources, remaining, before, limit);
        String next = page.lastSortKey() == null ? null : Cursors.encode("feed", owner, page.lastSortKey());
        return new PublicView.Page(views(config, page.items()), next);
    }

    /** Published reports inside the box, newest first, at most {@link #MAP_CAP}. */
    public PublicView.MapResult map(MapBox box, String category) {
        ProvinceConfig config = province.config();
        FeedStore.Filters filters = filters(config, category, null, null);
        List<String> cells = box.cells();
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        boolean truncated = false;
        for (Map<String, AttributeValue> item : store.inCells(cells, filters.categoryCode(), MAP_CAP + 1)) {
            if (box.contains(Double.parseDouble(item.get("lat").n()), Double.parseDouble(item.get("lng").n()))) {
                found.add(item);
            }
        }
        found.sort(Comparator.comparing((Map<String, AttributeValue> item) -> item.get("gsi1sk").s()).reversed());
        if (found.size() > MAP_CAP) {
            truncated = true;
            found = found.subList(0, MAP_CAP);
        }
        return new PublicView.MapResult(views(config, found), cells.size(), truncated);
    }

    List<PublicView> views(ProvinceConfig config, List<Map<String, AttributeValue>> items) {
        List<PublicView> views = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            String agencyId = PublicItems.text(item, "agencyId");
            String agencyName = agencyId == null ? null : config.agency(agencyId).map(Agency::name).orElse(null);
            views.add(PublicItems.view(item, agencyName, links.of(PublicItems.photoKeys(item)),
                    links.of(PublicItems.answerPhotoKeys(item))));
        }
        return views;
    }

    static String owner(FeedStore.Filters filters) {
        return "c=" + nullToEmpty(filters.categoryCode()) + ";a=" + nullToEmpty(filters.areaCode()) + ";s="
                + nullToEmpty(filters.status());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
