package vn.smartprovince.reports.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.reports.core.Geohash;
import vn.smartprovince.reports.core.Moderation;
import vn.smartprovince.reports.core.PhotoKeys;
import vn.smartprovince.reports.core.PhotoLinks;
import vn.smartprovince.reports.core.PublicView;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportStatus;

/**
 * Items of the public feed (design in functions/reports/README.md, "Public feed"):
 *
 * <pre>
 * REPORT#&lt;id&gt;  PUBLIC              the moderated public view, only while published and not hidden;
 *                                   GSI1 FEED#&lt;shard 0-3&gt; / &lt;publishedAt&gt;#&lt;id&gt;,
 *                                   GSI2 FEED#&lt;category&gt;#&lt;areaCode&gt; / &lt;publishedAt&gt;#&lt;id&gt;
 * REPORT#&lt;id&gt;  PUBLIC#MAP          the same view for the map: GSI1 FEEDMAP#&lt;geohash5&gt; / &lt;publishedAt&gt;#&lt;id&gt;
 * REPORT#&lt;id&gt;  MODERATION          hidden flag, redacted texts, moderationVersion (kept across publications)
 * REPORT#&lt;id&gt;  MODERATION#&lt;at&gt;#&lt;v&gt; one per moderation: who, when, what, why (never changed)
 * </pre>
 *
 * The public item is built from an explicit list of fields: nothing identifying the reporter
 * (citizenId, address text, rating comment, tracking code) is ever copied into it.
 */
public final class PublicItems {
    public static final String PUBLIC = "PUBLIC";
    public static final String MAP = "PUBLIC#MAP";
    public static final String MODERATION = "MODERATION";
    public static final int SHARDS = 4;
    /** Map cells: geohash precision 5, about 4.9 km x 4.9 km. */
    public static final int MAP_PRECISION = 5;
    /** Sort keys use a fixed-width instant, so string order is time order. */
    static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private PublicItems() {
    }

    /**
     * Whether the report is in the public feed (moderation aside): it was answered, and neither
     * withdrawn by its citizen nor rejected afterwards (a reopened report stays, with its status).
     */
    public static boolean published(Report report) {
        return report != null && report.answeredAt() != null && report.status() != ReportStatus.WITHDRAWN
                && report.status() != ReportStatus.REJECTED;
    }

    public static int shardOf(String reportId) {
        return Math.floorMod(reportId.hashCode(), SHARDS);
    }

    public static String shardKey(int shard) {
        return "FEED#" + shard;
    }

    public static String filterKey(String categoryCode, String areaCode) {
        return "FEED#" + categoryCode + "#" + areaCode;
    }

    public static String mapKey(String cell) {
        return "FEEDMAP#" + cell;
    }

    public static String sortKey(Instant publishedAt, String reportId) {
        return SORTABLE.format(publishedAt) + "#" + reportId;
    }

    public static String moderationHistoryKey(Instant at, long version) {
        return "MODERATION#" + SORTABLE.format(at) + "#" + String.format("%06d", version);
    }

    public static double coarse(double degrees) {
        return Math.round(degrees * 1_000) / 1_000.0;
    }

    /**
     * The PUBLIC item of a published report with its moderation applied. Fields are copied one by
     * one; the reporter (citizenId), the address text, the rating and the tracking code are not.
     */
    public static Map<String, AttributeValue> publicItem(Report r, Moderation m) {
        Instant publishedAt = r.answeredAt();
        Map<String, AttributeValue> item = new LinkedHashMap<>(ReportItems.key(ReportItems.reportKey(r.id()), PUBLIC));
        item.put("itemType", s("REPORT_PUBLIC"));
        item.put("reportId", s(r.id()));
        item.put("categoryCode", s(r.categoryCode()));
        item.put("status", s(r.status().name()));
        item.put("areaCode", s(r.location().areaCode()));
        item.put("lat", AttributeValue.fromN(Double.toString(coarse(r.location().lat()))));
        item.put("lng", AttributeValue.fromN(Double.toString(coarse(r.location().lng()))));
        item.put("description", s(m.description(r.description())));
        String answer = m.answer(r.answerText(), r.answeredAt());
        if (answer != null) {
            item.put("answerText", s(answer));
        }
        item.put("answeredAt", s(r.answeredAt().toString()));
        item.put("publishedAt", s(publishedAt.toString()));
        item.put("agencyId", s(r.agencyId()));
        item.put("supportCount", AttributeValue.fromN(Integer.toString(r.supportCount())));
        item.put("photoKeys", AttributeValue.fromL(publicPhotoKeys(r).stream().map(AttributeValue::fromS).toList()));
        item.put("answerPhotoKeys", AttributeValue.fromL(publicAnswerPhotoKeys(r).stream().map(AttributeValue::fromS).toList()));
        item.put("moderated", AttributeValue.fromBool(m.redactedDescription() != null
                || (answer != null && !answer.equals(r.answerText()))));
        item.put("reportVersion", AttributeValue.fromN(Long.toString(r.version())));
        item.put("moderationVersion", AttributeValue.fromN(Long.toString(m.version())));
        String sort = sortKey(publishedAt, r.id());
        item.put("gsi1pk", s(shardKey(shardOf(r.id()))));
        item.put("gsi1sk", s(sort));
        item.put("gsi2pk", s(filterKey(r.categoryCode(), r.location().areaCode())));
        item.put("gsi2sk", s(sort));
        return item;
    }

    /**
     * The photos whose links may be public: only the report's own copies
     * ({@code report-photos/reports/<reportId>/...}, see PhotoKeys). A presigned URL shows its key,
     * and an upload key names its uploader, so any other key is withheld whatever the "hide my
     * identity" flag says.
     */
    public static List<String> publicPhotoKeys(Report r) {
        return r.photoKeys().stream().filter(key -> PhotoKeys.isOfReport(r.id(), key)).toList();
    }

    /** The answer's photos (the officer's), under the same rule: the public does not learn who answered either. */
    public static List<String> publicAnswerPhotoKeys(Report r) {
        return r.answerPhotoKeys().stream().filter(key -> PhotoKeys.isOfReport(r.id(), key)).toList();
    }

    /** The map copy of the PUBLIC item: the same view, indexed by its geohash-5 cell on GSI1, no GSI2. */
    public static Map<String, AttributeValue> mapItem(Map<String, AttributeValue> publicItem) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(publicItem);
        item.put("sk", s(MAP));
        item.put("itemType", s("REPORT_PUBLIC_MAP"));
        double lat = Double.parseDouble(publicItem.get("lat").n());
        double lng = Double.parseDouble(publicItem.get("lng").n());
        item.put("gsi1pk", s(mapKey(Geohash.encode(lat, lng, MAP_PRECISION))));
        item.remove("gsi2pk");
        item.remove("gsi2sk");
        return item;
    }

    public static Moderation moderation(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return Moderation.NONE;
        }
        String answerAt = text(item, "answerRedactedAt");
        return new Moderation(item.containsKey("hidden") && Boolean.TRUE.equals(item.get("hidden").bool()),
                text(item, "redactedDescription"), text(item, "redactedAnswer"),
                answerAt == null ? null : Instant.parse(answerAt), Long.parseLong(item.get("moderationVersion").n()));
    }

    public static Map<String, AttributeValue> moderationItem(String reportId, Moderation m, String moderatorId, Instant at) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(ReportItems.key(ReportItems.reportKey(reportId), MODERATION));
        item.put("itemType", s("REPORT_MODERATION"));
        item.put("reportId", s(reportId));
        item.put("hidden", AttributeValue.fromBool(m.hidden()));
        put(item, "redactedDescription", m.redactedDescription());
        put(item, "redactedAnswer", m.redactedAnswer());
        put(item, "answerRedactedAt", m.answerRedactedAt() == null ? null : m.answerRedactedAt().toString());
        item.put("moderationVersion", AttributeValue.fromN(Long.toString(m.version())));
        item.put("moderatorId", s(moderatorId));
        item.put("at", s(at.toString()));
        return item;
    }

    /** The view a PUBLIC (or map) item holds, with photo links signed at read time. */
    public static PublicView view(Map<String, AttributeValue> item, String agencyName, List<PhotoLinks.Link> photos,
                                  List<PhotoLinks.Link> answerPhotos) {
        String answer = text(item, "answerText");
        return new PublicView(text(item, "reportId"), text(item, "categoryCode"), text(item, "status"),
                text(item, "areaCode"), new PublicView.Location(Double.parseDouble(item.get("lat").n()),
                Double.parseDouble(item.get("lng").n())), text(item, "description"),
                new PublicView.Answer(answer, text(item, "answeredAt"), answerPhotos),
                new PublicView.Agency(text(item, "agencyId"), agencyName),
                Integer.parseInt(item.get("supportCount").n()), photos, text(item, "publishedAt"),
                item.containsKey("moderated") && Boolean.TRUE.equals(item.get("moderated").bool()));
    }

    public static List<String> photoKeys(Map<String, AttributeValue> item) {
        return keys(item, "photoKeys");
    }

    public static List<String> answerPhotoKeys(Map<String, AttributeValue> item) {
        return keys(item, "answerPhotoKeys");
    }

    private static List<String> keys(Map<String, AttributeValue> item, String name) {
        List<String> keys = new ArrayList<>();
        if (item.containsKey(name) && item.get(name).hasL()) {
            item.get(name).l().forEach(v -> keys.add(v.s()));
        }
        return keys;
    }

    public static Map<String, AttributeValue> key(String reportId, String sk) {
        return new HashMap<>(ReportItems.key(ReportItems.reportKey(reportId), sk));
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    public static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
