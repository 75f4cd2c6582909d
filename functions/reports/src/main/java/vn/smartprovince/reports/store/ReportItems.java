package vn.smartprovince.reports.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.aws.Attributes;
import vn.smartprovince.reports.core.Action;
import vn.smartprovince.reports.core.Actor;
import vn.smartprovince.reports.core.Geohash;
import vn.smartprovince.reports.core.HistoryEntry;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportNotice;
import vn.smartprovince.reports.core.ReportStatus;

/**
 * The item design of field reports in the main table (functions/reports/README.md has the table of
 * access patterns). Key builders are public for the officer-queue and feed colleagues.
 *
 * <pre>
 * REPORT#&lt;id&gt;        REPORT               the report; GSI1 USER#&lt;citizen&gt;#REPORTS / &lt;createdAt&gt;#&lt;id&gt;
 *                                          GSI2 AGENCY#&lt;agency&gt;#QUEUE#&lt;status&gt; / &lt;deadline&gt;#&lt;createdAt&gt;#&lt;id&gt;
 * REPORT#&lt;id&gt;        HISTORY#&lt;version:6&gt;  one per transition, never changed
 * REPORT#&lt;id&gt;        GEO                  while open: GSI1 NEAR#&lt;category&gt;#&lt;geohash6&gt; / &lt;createdAt&gt;#&lt;id&gt;
 * REPORT#&lt;id&gt;        SUPPORTER#&lt;userId&gt;   one per me-too citizen
 * TRACKING#&lt;code&gt;    TRACKING             the code's claim: reportId
 * STATS#&lt;dim&gt;#&lt;key&gt;  TOTAL | MONTH#yyyy-MM counters (ADD)
 * OUTBOX#&lt;jobId&gt;     JOB                  notification job (shared.notify.Outbox), relayed from the stream
 * </pre>
 */
public final class ReportItems {
    public static final String REPORT = "REPORT";
    public static final String GEO = "GEO";

    private ReportItems() {
    }

    public static String reportKey(String id) {
        return "REPORT#" + id;
    }

    public static String historyKey(long version) {
        return String.format("HISTORY#%06d", version);
    }

    public static String supporterKey(String userId) {
        return "SUPPORTER#" + userId;
    }

    public static String trackingKey(String code) {
        return "TRACKING#" + code;
    }

    public static String mineKey(String citizenId) {
        return "USER#" + citizenId + "#REPORTS";
    }

    public static String mineSort(Report report) {
        return report.createdAt() + "#" + report.id();
    }

    /** GSI2 partition of an agency's queue in one status; sort key {@link #queueSort}. */
    public static String queueKey(String agencyId, ReportStatus status) {
        return vn.smartprovince.shared.province.OpenReports.queueKey(agencyId, status.name());
    }

    public static String queueSort(Report report) {
        return report.deadline() + "#" + report.createdAt() + "#" + report.id();
    }

    public static String nearKey(String categoryCode, String cell) {
        return "NEAR#" + categoryCode + "#" + cell;
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return vn.smartprovince.shared.aws.Attributes.key(pk, sk);
    }

    // ------------------------------------------------------------------ report

    /** Every attribute of the report item (null values = absent). */
    static Map<String, AttributeValue> reportItem(Report r) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(reportKey(r.id()), REPORT));
        item.put("itemType", s("REPORT"));
        item.put("id", s(r.id()));
        item.put("trackingCode", s(r.trackingCode()));
        item.put("provinceCode", s(r.provinceCode()));
        item.put("categoryCode", s(r.categoryCode()));
        item.put("description", s(r.description()));
        item.put("lat", n(r.location().lat()));
        item.put("lng", n(r.location().lng()));
        item.put("address", s(r.location().address()));
        item.put("areaCode", s(r.location().areaCode()));
        item.put("geohash", s(r.location().geohash()));
        item.put("photoKeys", AttributeValue.fromL(r.photoKeys().stream().map(AttributeValue::fromS).toList()));
        item.put("hideIdentity", AttributeValue.fromBool(r.hideIdentity()));
        item.put("citizenId", s(r.citizenId()));
        item.put("agencyId", s(r.agencyId()));
        item.put("assigneeId", s(r.assigneeId()));
        item.put("status", s(r.status().name()));
        item.put("version", n(r.version()));
        item.put("createdAt", s(r.createdAt()));
        item.put("updatedAt", s(r.updatedAt()));
        item.put("deadline", s(r.deadline()));
        item.put("urgent", AttributeValue.fromBool(r.urgent()));
        item.put("firstAnsweredAt", s(r.firstAnsweredAt()));
        item.put("answeredAt", s(r.answeredAt()));
        item.put("reopenCount", n(r.reopenCount()));
        item.put("supportCount", n(r.supportCount()));
        if (r.rating() != null) {
            Map<String, AttributeValue> rating = new LinkedHashMap<>();
            rating.put("stars", n(r.rating().stars()));
            if (r.rating().comment() != null) {
                rating.put("comment", s(r.rating().comment()));
            }
            rating.put("at", s(r.rating().at()));
            item.put("rating", AttributeValue.fromM(rating));
        } else {
            item.put("rating", null);
        }
        item.put("infoRequest", s(r.infoRequest()));
        item.put("infoReply", s(r.infoReply()));
        item.put("answerText", s(r.answerText()));
        item.put("requestHash", s(r.requestHash()));
        item.put("answerPhotoKeys", r.answerPhotoKeys().isEmpty() ? null
                : AttributeValue.fromL(r.answerPhotoKeys().stream().map(AttributeValue::fromS).toList()));
        item.put("rejectionReason", s(r.rejectionReason()));
        item.put("duplicateOfReportId", s(r.duplicateOfReportId()));
        // an erased citizen's reports leave "my reports" (nobody's list)
        item.put("gsi1pk", r.citizenErased() ? null : s(mineKey(r.citizenId())));
        item.put("gsi1sk", r.citizenErased() ? null : s(mineSort(r)));
        item.put("gsi2pk", s(queueKey(r.agencyId(), r.status())));
        item.put("gsi2sk", s(queueSort(r)));
        return item;
    }

    static Map<String, AttributeValue> withoutNulls(Map<String, AttributeValue> item) {
        return vn.smartprovince.shared.aws.Attributes.withoutNulls(item);
    }

    /** The report of a report item (also as projected into GSI2 for the officers' queue). */
    public static Report report(Map<String, AttributeValue> item) {
        List<String> photos = new ArrayList<>();
        if (item.containsKey("photoKeys") && item.get("photoKeys").hasL()) {
            item.get("photoKeys").l().forEach(v -> photos.add(v.s()));
        }
        List<String> answerPhotos = new ArrayList<>();
        if (item.containsKey("answerPhotoKeys") && item.get("answerPhotoKeys").hasL()) {
            item.get("answerPhotoKeys").l().forEach(v -> answerPhotos.add(v.s()));
        }
        Report.Rating rating = null;
        if (item.containsKey("rating") && item.get("rating").hasM()) {
            Map<String, AttributeValue> m = item.get("rating").m();
            rating = new Report.Rating(Integer.parseInt(m.get("stars").n()), m.containsKey("comment") ? m.get("comment").s() : null,
                    Instant.parse(m.get("at").s()));
        }
        return new Report(text(item, "id"), text(item, "trackingCode"), text(item, "provinceCode"),
                text(item, "categoryCode"), text(item, "description"),
                new Report.Location(Double.parseDouble(item.get("lat").n()), Double.parseDouble(item.get("lng").n()),
                        text(item, "address"), text(item, "areaCode"), text(item, "geohash")),
                photos, bool(item, "hideIdentity"), text(item, "citizenId"), text(item, "agencyId"),
                text(item, "assigneeId"), ReportStatus.valueOf(text(item, "status")), number(item, "version"),
                instant(item, "createdAt"), instant(item, "updatedAt"), LocalDate.parse(text(item, "deadline")),
                bool(item, "urgent"), instant(item, "firstAnsweredAt"), instant(item, "answeredAt"),
                (int) number(item, "reopenCount"), (int) number(item, "supportCount"), rating,
                text(item, "infoRequest"), text(item, "infoReply"), text(item, "answerText"), text(item, "requestHash"),
                answerPhotos, text(item, "rejectionReason"), text(item, "duplicateOfReportId"));
    }

    // ------------------------------------------------------------------ other items

    static Map<String, AttributeValue> historyItem(HistoryEntry e) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(reportKey(e.reportId()), historyKey(e.version())));
        item.put("itemType", s("REPORT_HISTORY"));
        item.put("reportId", s(e.reportId()));
        item.put("version", n(e.version()));
        item.put("at", s(e.at()));
        item.put("actorId", s(e.actorId()));
        item.put("actor", s(e.actor().name()));
        item.put("action", s(e.action().name()));
        item.put("from", e.from() == null ? null : s(e.from().name()));
        item.put("to", s(e.to().name()));
        item.put("reason", s(e.reason()));
        item.put("fromAgencyId", s(e.fromAgencyId()));
        item.put("toAgencyId", s(e.toAgencyId()));
        return withoutNulls(item);
    }

    static HistoryEntry history(Map<String, AttributeValue> item) {
        return new HistoryEntry(text(item, "reportId"), number(item, "version"), instant(item, "at"),
                text(item, "actorId"), Actor.valueOf(text(item, "actor")), Action.valueOf(text(item, "action")),
                item.containsKey("from") ? ReportStatus.valueOf(text(item, "from")) : null,
                ReportStatus.valueOf(text(item, "to")), text(item, "reason"), text(item, "fromAgencyId"),
                text(item, "toAgencyId"));
    }

    static Map<String, AttributeValue> geoItem(Report r) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(reportKey(r.id()), GEO));
        item.put("itemType", s("REPORT_GEO"));
        item.put("reportId", s(r.id()));
        item.put("categoryCode", s(r.categoryCode()));
        item.put("lat", n(r.location().lat()));
        item.put("lng", n(r.location().lng()));
        item.put("gsi1pk", s(nearKey(r.categoryCode(), r.location().geohash().substring(0, Geohash.CELL_PRECISION))));
        item.put("gsi1sk", s(r.createdAt() + "#" + r.id()));
        return item;
    }

    static Map<String, AttributeValue> trackingItem(Report r) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(trackingKey(r.trackingCode()), "TRACKING"));
        item.put("itemType", s("REPORT_TRACKING"));
        item.put("reportId", s(r.id()));
        return item;
    }

    /**
     * The notification jobs of a notice, one per recipient, in the shared format
     * ({@link vn.smartprovince.shared.notify.NotificationJob} v1): type {@code REPORT_<kind>}, job id and
     * deduplication key {@code <reportId>#v<version>#<kind>#<recipient>} derived from the change, so a
     * retried write can never add a second job for the same fact.
     */
    static List<vn.smartprovince.shared.notify.NotificationJob> jobs(ReportNotice notice) {
        List<vn.smartprovince.shared.notify.NotificationJob> jobs = new ArrayList<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        notice.params().forEach((k, v) -> {
            if (v != null) {
                parameters.put(k, v);
            }
        });
        for (String recipient : notice.recipients()) {
            String id = notice.id() + "#" + recipient;
            jobs.add(new vn.smartprovince.shared.notify.NotificationJob(
                    vn.smartprovince.shared.notify.NotificationJob.SCHEMA_VERSION, id, "REPORT_" + notice.kind(),
                    recipient, notice.templateKey(), parameters, "REPORT#" + id,
                    notice.at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), "report:" + notice.reportId()));
        }
        return jobs;
    }

    // ------------------------------------------------------------------ attribute helpers

    static AttributeValue s(Object value) {
        return Attributes.s(value);
    }

    static AttributeValue n(Number value) {
        return Attributes.n(value);
    }

    static String text(Map<String, AttributeValue> item, String name) {
        return Attributes.text(item, name);
    }

    static long number(Map<String, AttributeValue> item, String name) {
        return Attributes.number(item, name);
    }

    static boolean bool(Map<String, AttributeValue> item, String name) {
        return Attributes.bool(item, name);
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        return Attributes.instant(item, name);
    }
}
