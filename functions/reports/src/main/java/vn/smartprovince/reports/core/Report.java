package vn.smartprovince.reports.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A field report as stored (the whole truth, also what the owner sees). Changes go through
 * {@link Transitions}, which bumps {@code version} and appends a {@link HistoryEntry}.
 *
 * @param requestHash  hash of the submission (for Idempotency-Key replays), null without a key
 * @param deadline     expected answer date in Asia/Ho_Chi_Minh
 * @param infoRequest  the officer's question while NEEDS_INFO (kept afterwards, with the citizen's reply)
 * @param answerText   the agency's public answer (written by the officer routes)
 * @param answerPhotoKeys photos the answering officer uploaded with the answer (officer routes)
 * @param rejectionReason why it was rejected: NOT_OUR_COMPETENCE, DUPLICATE or ABUSIVE (officer routes)
 * @param duplicateOfReportId the report it duplicates, when rejected as DUPLICATE
 */
public record Report(String id, String trackingCode, String provinceCode, String categoryCode, String description,
                     Location location, List<String> photoKeys, boolean hideIdentity, String citizenId,
                     String agencyId, String assigneeId, ReportStatus status, long version, Instant createdAt,
                     Instant updatedAt, LocalDate deadline, boolean urgent, Instant firstAnsweredAt, Instant answeredAt,
                     int reopenCount, int supportCount, Rating rating, String infoRequest, String infoReply,
                     String answerText, String requestHash, List<String> answerPhotoKeys, String rejectionReason,
                     String duplicateOfReportId) {

    /**
     * The {@code citizenId} of a report whose citizen erased their account (DELETE /v1/me): the
     * report stays, as the agency's record, but nothing links it to a person any more.
     */
    public static final String ERASED_CITIZEN = "ERASED";

    /** The longest description (and any text a citizen or a moderator writes about it), in characters. */
    public static final int MAX_DESCRIPTION = 4_000;

    public Report {
        photoKeys = List.copyOf(photoKeys);
        answerPhotoKeys = answerPhotoKeys == null ? List.of() : List.copyOf(answerPhotoKeys);
    }

    /** Whether its citizen erased their account (nobody owns it, nobody is notified). */
    public boolean citizenErased() {
        return ERASED_CITIZEN.equals(citizenId);
    }

    /** Where: coordinates, the address as typed, the current commune/ward code, its geohash (precision 7). */
    public record Location(double lat, double lng, String address, String areaCode, String geohash) {
    }

    /** The citizen's satisfaction with the answer. */
    public record Rating(int stars, String comment, Instant at) {
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-and-change, for transitions: {@code report.toBuilder().status(X).build()}. */
    public static final class Builder {
        private String id, trackingCode, provinceCode, categoryCode, description, citizenId, agencyId, assigneeId;
        private Location location;
        private List<String> photoKeys = List.of();
        private boolean hideIdentity, urgent;
        private ReportStatus status;
        private long version;
        private Instant createdAt, updatedAt, firstAnsweredAt, answeredAt;
        private LocalDate deadline;
        private int reopenCount, supportCount;
        private Rating rating;
        private String infoRequest, infoReply, answerText, requestHash;
        private List<String> answerPhotoKeys = List.of();
        private String rejectionReason, duplicateOfReportId;

        public Builder() {
        }

        Builder(Report r) {
            id = r.id; trackingCode = r.trackingCode; provinceCode = r.provinceCode; categoryCode = r.categoryCode;
            description = r.description; location = r.location; photoKeys = r.photoKeys; hideIdentity = r.hideIdentity;
            citizenId = r.citizenId; agencyId = r.agencyId; assigneeId = r.assigneeId; status = r.status;
            version = r.version; createdAt = r.createdAt; updatedAt = r.updatedAt; deadline = r.deadline;
            urgent = r.urgent; firstAnsweredAt = r.firstAnsweredAt; answeredAt = r.answeredAt;
            reopenCount = r.reopenCount; supportCount = r.supportCount; rating = r.rating;
            infoRequest = r.infoRequest; infoReply = r.infoReply; answerText = r.answerText; requestHash = r.requestHash;
            answerPhotoKeys = r.answerPhotoKeys; rejectionReason = r.rejectionReason;
            duplicateOfReportId = r.duplicateOfReportId;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder trackingCode(String v) { trackingCode = v; return this; }
        public Builder provinceCode(String v) { provinceCode = v; return this; }
        public Builder categoryCode(String v) { categoryCode = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder location(Location v) { location = v; return this; }
        public Builder photoKeys(List<String> v) { photoKeys = v; return this; }
        public Builder hideIdentity(boolean v) { hideIdentity = v; return this; }
        public Builder citizenId(String v) { citizenId = v; return this; }
        public Builder agencyId(String v) { agencyId = v; return this; }
        public Builder assigneeId(String v) { assigneeId = v; return this; }
        public Builder status(ReportStatus v) { status = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder deadline(LocalDate v) { deadline = v; return this; }
        public Builder urgent(boolean v) { urgent = v; return this; }
        public Builder firstAnsweredAt(Instant v) { firstAnsweredAt = v; return this; }
        public Builder answeredAt(Instant v) { answeredAt = v; return this; }
        public Builder reopenCount(int v) { reopenCount = v; return this; }
        public Builder supportCount(int v) { supportCount = v; return this; }
        public Builder rating(Rating v) { rating = v; return this; }
        public Builder infoRequest(String v) { infoRequest = v; return this; }
        public Builder infoReply(String v) { infoReply = v; return this; }
        public Builder answerText(String v) { answerText = v; return this; }
        public Builder requestHash(String v) { requestHash = v; return this; }
        public Builder answerPhotoKeys(List<String> v) { answerPhotoKeys = v; return this; }
        public Builder rejectionReason(String v) { rejectionReason = v; return this; }
        public Builder duplicateOfReportId(String v) { duplicateOfReportId = v; return this; }

        public Report build() {
            return new Report(id, trackingCode, provinceCode, categoryCode, description, location, photoKeys,
                    hideIdentity, citizenId, agencyId, assigneeId, status, version, createdAt, updatedAt, deadline,
                    urgent, firstAnsweredAt, answeredAt, reopenCount, supportCount, rating, infoRequest, infoReply,
                    answerText, requestHash, answerPhotoKeys, rejectionReason, duplicateOfReportId);
        }
    }
}
