package vn.smartprovince.reports.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vn.smartprovince.shared.json.Json;

/** What the API answers about reports (JSON through Jackson; nulls are left out). */
public final class Views {
    private Views() {
    }

    public record Location(double lat, double lng, String address, String areaCode) {
        public static Location of(Report.Location location) {
            return new Location(location.lat(), location.lng(), location.address(), location.areaCode());
        }
    }

    public record Rating(int stars, String comment, String at) {
        public static Rating of(Report.Rating rating) {
            return rating == null ? null : new Rating(rating.stars(), rating.comment(), rating.at().toString());
        }
    }

    /** One history entry as the owner and officers see it. */
    public record TimelineEntry(long version, String at, String action, String actor, String from, String to,
                                String reason, String fromAgencyId, String toAgencyId) {
        public static TimelineEntry of(HistoryEntry entry) {
            return new TimelineEntry(entry.version(), entry.at().toString(), entry.action().name(),
                    entry.actor().name(), entry.from() == null ? null : entry.from().name(), entry.to().name(),
                    entry.reason(), entry.fromAgencyId(), entry.toAgencyId());
        }
    }

    /** Everything about a report: for its owner, its agency's officers, the triage desk and admins. */
    public record ReportDetail(String id, String trackingCode, String category, ReportStatus status, long version,
                               String description, Location location, List<String> photoKeys, boolean hideIdentity,
                               String agencyId, String assigneeId, String createdAt, String updatedAt,
                               String expectedAnswerDate, boolean urgent, String answeredAt, String answer,
                               String infoRequest, String infoReply, int reopenCount, int supportCount, Rating rating,
                               List<TimelineEntry> timeline, List<String> answerPhotoKeys, String rejectionReason,
                               String duplicateOfReportId, List<PhotoLinks.Link> photos,
                               List<PhotoLinks.Link> answerPhotos) {
        /** Without photo links (answers to actions, which show the keys only). */
        public static ReportDetail of(Report r, List<HistoryEntry> history) {
            return of(r, history, PhotoLinks.NONE);
        }

        /** With short-lived links to the report's and the answer's photos (null when there are none). */
        public static ReportDetail of(Report r, List<HistoryEntry> history, PhotoLinks links) {
            List<PhotoLinks.Link> photos = links.of(r.photoKeys());
            List<PhotoLinks.Link> answerPhotos = links.of(r.answerPhotoKeys());
            return new ReportDetail(r.id(), r.trackingCode(), r.categoryCode(), r.status(), r.version(),
                    r.description(), Location.of(r.location()), r.photoKeys(), r.hideIdentity(), r.agencyId(),
                    r.assigneeId(), r.createdAt().toString(), r.updatedAt().toString(), r.deadline().toString(),
                    r.urgent(), r.answeredAt() == null ? null : r.answeredAt().toString(), r.answerText(),
                    r.infoRequest(), r.infoReply(), r.reopenCount(), r.supportCount(), Rating.of(r.rating()),
                    history == null ? null : history.stream().map(TimelineEntry::of).toList(),
                    r.answerPhotoKeys().isEmpty() ? null : r.answerPhotoKeys(), r.rejectionReason(),
                    r.duplicateOfReportId(), photos.isEmpty() ? null : photos,
                    answerPhotos.isEmpty() ? null : answerPhotos);
        }
    }

    /** The answer to a submission. */
    public record Submitted(String id, String trackingCode, ReportStatus status, long version, Agency agency,
                            String expectedAnswerDate, String createdAt, boolean urgent) {
        public record Agency(String id, String name) {
        }

        /**
         * What Jackson writes for this record (components in order, nulls left out), written by
         * hand: the submission's first answer then maps no record by reflection.
         */
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            Json.putIfPresent(node, "id", id);
            Json.putIfPresent(node, "trackingCode", trackingCode);
            Json.putIfPresent(node, "status", status == null ? null : status.name());
            node.put("version", version);
            if (agency != null) {
                ObjectNode agencyNode = node.putObject("agency");
                Json.putIfPresent(agencyNode, "id", agency.id());
                Json.putIfPresent(agencyNode, "name", agency.name());
            }
            Json.putIfPresent(node, "expectedAnswerDate", expectedAnswerDate);
            Json.putIfPresent(node, "createdAt", createdAt);
            node.put("urgent", urgent);
            return node;
        }
    }

    /** A line of "my reports". */
    public record Summary(String id, String trackingCode, String category, ReportStatus status, long version,
                         String description, String areaCode, String agencyId, String createdAt, String updatedAt,
                         String expectedAnswerDate, int supportCount) {
        public static Summary of(Report r) {
            String text = r.description();
            if (text.codePointCount(0, text.length()) > 200) {
                text = text.substring(0, text.offsetByCodePoints(0, 200)) + "…";
            }
            return new Summary(r.id(), r.trackingCode(), r.categoryCode(), r.status(), r.version(), text,
                    r.location().areaCode(), r.agencyId(), r.createdAt().toString(), r.updatedAt().toString(),
                    r.deadline().toString(), r.supportCount());
        }
    }

    public record SummaryPage(List<Summary> items, String nextCursor) {
    }

    /**
     * A possible duplicate, shown to another citizen before they submit: nothing that could
     * identify the reporter and no unmoderated text (description, address, photos appear only once
     * published through the public feed). Coordinates rounded to about 10 m.
     */
    public record Nearby(String id, String category, ReportStatus status, String createdAt, double lat, double lng,
                         long distanceMeters, int supportCount) {
        public static Nearby of(Report r, double distance) {
            return new Nearby(r.id(), r.categoryCode(), r.status(), r.createdAt().toString(),
                    Math.round(r.location().lat() * 10_000) / 10_000.0, Math.round(r.location().lng() * 10_000) / 10_000.0,
                    Math.round(distance), r.supportCount());
        }
    }

    public record NearbyList(List<Nearby> items, int radiusMeters) {
    }

    /** {@code counted}: this request added the caller's support (false when it was counted before, or it is one's own report). */
    public record Support(String id, int supportCount, boolean counted) {
    }
}
