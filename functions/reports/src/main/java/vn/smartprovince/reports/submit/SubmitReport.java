package vn.smartprovince.reports.submit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.smartprovince.reports.core.Action;
import vn.smartprovince.reports.core.Actor;
import vn.smartprovince.reports.core.CounterDelta;
import vn.smartprovince.reports.core.Geohash;
import vn.smartprovince.reports.core.HistoryEntry;
import vn.smartprovince.reports.core.Ids;
import vn.smartprovince.reports.core.Notices;
import vn.smartprovince.reports.core.OfficerDirectory;
import vn.smartprovince.reports.core.PhotoStore;
import vn.smartprovince.reports.core.ProvinceSource;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportNotice;
import vn.smartprovince.reports.core.ReportStatus;
import vn.smartprovince.reports.core.ReportStore;
import vn.smartprovince.reports.core.TrackingCodes;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.idempotency.Idempotency;
import vn.smartprovince.shared.province.Area;
import vn.smartprovince.shared.province.Category;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.Route;
import vn.smartprovince.shared.province.WorkingDays;

/**
 * {@code POST /v1/reports}: validates, routes (category x area -> agency, triage as fallback),
 * sets the deadline in working days, and writes the report, its history, its tracking-code
 * claim, the "received" job (and for urgent categories the officers' job) and the counters in
 * one transaction.
 *
 * <p>Safe retries: with an Idempotency-Key the report id is derived from the citizen and the key,
 * so however many copies of the request race, one conditional put wins and the others read and
 * replay its answer; the same key with a different body is 422 {@code IDEMPOTENCY_KEY_REUSED}.
 */
public final class SubmitReport {
    static final int MAX_ATTEMPTS = 8;
    static final int MAX_URGENT_RECIPIENTS = OfficerDirectory.MAX_NOTIFIED;
    private final ReportStore store;
    private final ProvinceSource province;
    private final PhotoStore photos;
    private final OfficerDirectory officers;
    private final TrackingCodes codes;
    private final Clock clock;

    public SubmitReport(ReportStore store, ProvinceSource province, PhotoStore photos, OfficerDirectory officers,
                        TrackingCodes codes, Clock clock) {
        this.store = store;
        this.province = province;
        this.photos = photos;
        this.officers = officers;
        this.codes = codes;
        this.clock = clock;
    }

    /** The answer; {@code replayed} when an earlier request with the same key created it. */
    public record Submitted(Report report, boolean replayed) {
    }

    public Submitted submit(Caller caller, JsonNode body, String idempotencyKey) {
        return submit(caller, province.config(), body, idempotencyKey);
    }

    /** {@link #submit(Caller, JsonNode, String)} against the request's configuration (taken once per request). */
    public Submitted submit(Caller caller, ProvinceConfig config, JsonNode body, String idempotencyKey) {
        BodyFields fields = new BodyFields();
        Submission submission = Submission.parse(body, fields);
        Category category = null;
        Area area = null;
        if (submission != null) {
            category = config.category(submission.categoryCode()).orElse(null);
            if (category == null) {
                fields.error("category", "UNKNOWN_CATEGORY", "Loại phản ánh không tồn tại.", "No such report category.");
            } else if (submission.hideIdentity() && !category.anonymousAllowed()) {
                fields.error("hideIdentity", "ANONYMOUS_NOT_ALLOWED", "Loại phản ánh này không cho phép ẩn danh.",
                        "This category does not allow hiding your identity.");
            }
            if (!config.province().contains(submission.lat(), submission.lng())) {
                fields.error("location", "OUTSIDE_PROVINCE", "Vị trí nằm ngoài địa bàn tỉnh.",
                        "The location is outside the province.");
            }
            area = config.resolveArea(submission.areaCode()).orElse(null);
            if (area == null) {
                if (config.areasFormerlyCoded(submission.areaCode()).size() > 1) {
                    fields.error("location.areaCode", "AREA_SPLIT", "Đơn vị cũ này đã được chia cho nhiều xã, phường mới; hãy chọn đơn vị hiện tại.",
                            "This former unit was split between several current ones; choose the current one.");
                } else {
                    fields.error("location.areaCode", "UNKNOWN_AREA", "Không có xã, phường này trong tỉnh.",
                            "No such commune or ward in the province.");
                }
            }
        }
        fields.done();
        String requestHash = Idempotency.requestHash(submission.canonical());
        String id = idempotencyKey == null ? Ids.random() : Ids.forIdempotencyKey(caller.userId(), idempotencyKey);
        if (idempotencyKey != null) {
            Optional<Report> earlier = store.find(id);
            if (earlier.isPresent()) {
                return replay(earlier.get(), requestHash);
            }
        }
        List<String> photoKeys = List.of();
        if (!submission.photoKeys().isEmpty()) {
            photos.verifyUploadedBy(caller.userId(), submission.photoKeys());
            // before the write, so the report never cites a missing photo; a write that then fails
            // leaves copies nobody cites (private, named by an id no report has), which a retry
            // with the same Idempotency-Key reuses
            photoKeys = photos.attach(id, submission.photoKeys());
        }

        Instant now = clock.instant();
        Route route = config.route(category.code(), area.code());
        Report.Builder draft = new Report.Builder().id(id).provinceCode(config.province().code())
                .categoryCode(category.code()).description(submission.description())
                .location(new Report.Location(submission.lat(), submission.lng(), submission.address(), area.code(),
                        Geohash.encode(submission.lat(), submission.lng(), 7)))
                .photoKeys(photoKeys).hideIdentity(submission.hideIdentity()).citizenId(caller.userId())
                .agencyId(route.agency().id()).status(ReportStatus.ROUTED).version(1).createdAt(now).updatedAt(now)
                .deadline(WorkingDays.of(config).deadline(now, category.answerDeadlineWorkingDays()))
                .urgent(category.urgent()).requestHash(idempotencyKey == null ? null : requestHash);
        List<String> onDuty = category.urgent() ? officers.officersOf(route.agency().id(), MAX_URGENT_RECIPIENTS) : List.of();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Report report = draft.trackingCode(codes.next()).build();
            HistoryEntry entry = new HistoryEntry(id, 1, now, caller.userId(), Actor.OWNER, Action.SUBMIT, null,
                    ReportStatus.ROUTED, "routing: " + route.basis(), null, route.agency().id());
            List<ReportNotice> notices = new ArrayList<>();
            notices.add(Notices.received(config, report, now));
            if (category.urgent()) {
                notices.add(Notices.toUsers(config, report, ReportNotice.Kind.URGENT_REPORT, onDuty, now));
            }
            List<CounterDelta> counters = CounterDelta.forReport(report, report.agencyId(), now, "received", 1);
            ReportStore.CreateResult result = store.create(report, entry, notices, counters);
            if (result instanceof ReportStore.Created created) {
                return new Submitted(created.report(), false);
            }
            if (result instanceof ReportStore.DuplicateId duplicate) {
                return replay(duplicate.existing(), requestHash);
            }
            // TrackingCodeTaken: draw another code.
        }
        throw new IllegalStateException("no free tracking code after " + MAX_ATTEMPTS + " attempts");
    }

    private static Submitted replay(Report earlier, String requestHash) {
        Idempotency.checkSameRequest(earlier.requestHash(), requestHash);
        return new Submitted(earlier, true);
    }
}
