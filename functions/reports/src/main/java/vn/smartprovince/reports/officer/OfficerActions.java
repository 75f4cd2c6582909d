package vn.smartprovince.reports.officer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.Action;
import vn.smartprovince.reports.core.AgencyMembers;
import vn.smartprovince.reports.core.CounterDelta;
import vn.smartprovince.reports.core.Ids;
import vn.smartprovince.reports.core.Notices;
import vn.smartprovince.reports.core.PhotoStore;
import vn.smartprovince.reports.core.ProvinceSource;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportNotice;
import vn.smartprovince.reports.core.ReportStore;
import vn.smartprovince.reports.core.Transitions;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.WorkingDays;

/**
 * What an agency's officers do to a report: accept, ask the citizen for information, answer,
 * transfer, reject, assign. Each goes through the core's {@link Transitions} (capacities,
 * 404/403/409, version check, history entry, outbox jobs and counters in one transaction); this
 * class adds each action's input rules and effects.
 *
 * <p>Officers must send {@code expectedVersion} (or {@code If-Match}): two officers acting at
 * once both saw version n; one commits n+1, the other gets 409 {@code VERSION_MISMATCH} with the
 * report as it is now. The caller's right to the report is checked first (404/403 whatever the
 * body), then the input (400, nothing written); checks that need the report (photos, the
 * duplicate's existence, the assignee's agency) run inside the step, so nobody learns anything
 * from them about reports they may not touch.
 *
 * <p>Decisions: a transfer KEEPS the deadline (the citizen was promised that date at submission;
 * the province's internal routing does not move it, and a report bounced between agencies must
 * not escape the overdue statistics). Accepting assigns the report to the accepting officer
 * when nobody holds it yet.
 */
public final class OfficerActions {
    public static final int MAX_ANSWER = 4_000;
    public static final int MAX_REASON = 2_000;
    public static final int MAX_ANSWER_PHOTOS = 5;
    public static final Set<String> REJECTION_REASONS = Set.of("NOT_OUR_COMPETENCE", "DUPLICATE", "ABUSIVE");

    private final ReportStore store;
    private final Transitions transitions;
    private final PhotoStore photos;
    private final AgencyMembers members;

    public OfficerActions(ReportStore store, ProvinceSource province, PhotoStore photos, AgencyMembers members,
                          Clock clock) {
        this.store = store;
        this.photos = photos;
        this.members = members;
        this.transitions = new Transitions(store, province, clock);
    }

    /** As the officer routes build it: the module's store, province and officers ({@link Wiring}); photos on first use. */
    static OfficerActions of(Wiring wiring) {
        return new OfficerActions(wiring.reports(), wiring.province(), wiring.photosOnFirstUse(), wiring.members(),
                wiring.clock());
    }

    public Transitions transitions() {
        return transitions;
    }

    /** ROUTED or REOPENED -> IN_PROGRESS; the accepting officer holds it unless someone does already. */
    public Report accept(Caller caller, String id, JsonNode body) {
        return accept(caller, id, () -> body);
    }

    public Report accept(Caller caller, String id, Supplier<JsonNode> body) {
        return transitions.apply(caller, id, Action.ACCEPT, report -> {
            JsonNode json = body.get();
            BodyFields fields = new BodyFields();
            fields.onlyFields(json, "", Set.of("expectedVersion"));
            long expected = requiredVersion(fields, json);
            fields.done();
            return new Transitions.Change(expected, (before, after, effects) -> {
                if (before.assigneeId() == null && caller.isOfficerOf(before.agencyId())) {
                    after.assigneeId(caller.userId());
                }
                effects.reason("accepted");
            });
        });
    }

    /** -> NEEDS_INFO with the officer's question; the citizen hears of it. */
    public Report requestInfo(Caller caller, String id, JsonNode body) {
        return requestInfo(caller, id, () -> body);
    }

    public Report requestInfo(Caller caller, String id, Supplier<JsonNode> body) {
        return transitions.apply(caller, id, Action.REQUEST_INFO, (report, config) -> {
            JsonNode json = body.get();
            BodyFields fields = new BodyFields();
            fields.onlyFields(json, "", Set.of("question", "expectedVersion"));
            String question = fields.text(json, "question", "question", true, MAX_REASON, true);
            long expected = requiredVersion(fields, json);
            fields.done();
            return new Transitions.Change(expected, (before, after, effects) -> {
                after.infoRequest(question).infoReply(null);
                Report next = after.build();
                effects.reason(question)
                        .notify(Notices.statusChanged(config, next, ReportNotice.Kind.NEEDS_INFO, effects.at()));
            });
        });
    }

    /**
     * -> ANSWERED with the public answer (text, up to 5 photos the officer uploaded). Counters:
     * answered, answeredOnTime or answeredLate (the answer's date in Vietnam against the deadline,
     * the deadline day itself on time), and on the first answer only firstAnswers and
     * firstAnswerSeconds (since submission). Publication: the answer reaches the public feed
     * through the feed's writes that the report store adds to every transition's transaction
     * ({@code vn.smartprovince.reports.store.Publication}), so nothing is called here.
     */
    public Report answer(Caller caller, String id, JsonNode body) {
        return answer(caller, id, () -> body);
    }

    public Report answer(Caller caller, String id, Supplier<JsonNode> body) {
        return transitions.apply(caller, id, Action.ANSWER, (report, config) -> {
            JsonNode json = body.get();
            BodyFields fields = new BodyFields();
            fields.onlyFields(json, "", Set.of("text", "photoKeys", "expectedVersion"));
            String text = fields.text(json, "text", "text", true, MAX_ANSWER, true);
            List<String> keys = photoKeys(fields, json);
            long expected = requiredVersion(fields, json);
            fields.done();
            return new Transitions.Change(expected, (before, after, effects) -> {
                List<String> kept = List.of();
                if (!keys.isEmpty()) {
                    photos.verifyUploadedBy(caller.userId(), keys);
                    // the report's own copies (named by the report, not the officer), made before the
                    // write; a write that loses the race leaves copies nobody cites
                    kept = photos.attach(id, keys);
                }
                after.answerText(text).answerPhotoKeys(kept).answeredAt(effects.at());
                String agency = before.agencyId();
                effects.reason("answered").count(CounterDelta.forReport(before, agency, effects.at(), "answered", 1));
                LocalDate day = effects.at().atZone(WorkingDays.ZONE).toLocalDate();
                effects.count(CounterDelta.forReport(before, agency, effects.at(),
                        day.isAfter(before.deadline()) ? "answeredLate" : "answeredOnTime", 1));
                if (before.firstAnsweredAt() == null) {
                    after.firstAnsweredAt(effects.at());
                    long seconds = Math.max(0, Duration.between(before.createdAt(), effects.at()).toSeconds());
                    effects.count(CounterDelta.forReport(before, agency, effects.at(), "firstAnswers", 1))
                            .count(CounterDelta.forReport(before, agency, effects.at(), "firstAnswerSeconds", seconds));
                }
                effects.notify(Notices.statusChanged(config, after.build(), ReportNotice.Kind.ANSWERED, effects.at()));
            });
        });
    }

    /**
     * -> ROUTED at another agency of the province, with a reason; the deadline is kept (see the
     * class comment), the assignee cleared. Counters: transferredOut for the agency it leaves,
     * transferredIn for the one it reaches. The citizen hears the new agency's name.
     */
    public Report transfer(Caller caller, String id, JsonNode body) {
        return transfer(caller, id, () -> body);
    }

    public Report transfer(Caller caller, String id, Supplier<JsonNode> body) {
        return transitions.apply(caller, id, Action.TRANSFER, (report, config) -> {
            JsonNode json = body.get();
            BodyFields fields = new BodyFields();
            fields.onlyFields(json, "", Set.of("agencyId", "reason", "expectedVersion"));
            String agencyId = fields.text(json, "agencyId", "agencyId", true, 100, false);
            String reason = fields.text(json, "reason", "reason", true, MAX_REASON, true);
            long expected = requiredVersion(fields, json);
            if (agencyId != null && config.agency(agencyId).isEmpty()) {
                fields.error("agencyId", "UNKNOWN_AGENCY", "Cơ quan không tồn tại trong tỉnh.", "No such agency in the province.");
            }
            fields.done();
            return new Transitions.Change(expected, (before, after, effects) -> {
                if (agencyId.equals(before.agencyId())) {
                    throw ApiException.invalid(new FieldError("agencyId", "SAME_AGENCY",
                            "Phản ánh đã thuộc cơ quan này.", "The report is already with this agency."));
                }
                after.agencyId(agencyId).assigneeId(null);
                effects.reason(reason)
                        .count(CounterDelta.forReport(before, before.agencyId(), effects.at(), "transferredOut", 1))
                        .count(CounterDelta.forReport(before, agencyId, effects.at(), "transferredIn", 1))
                        .notify(Notices.statusChanged(config, after.build(), ReportNotice.Kind.TRANSFERRED, effects.at()));
            });
        });
    }

    /**
     * -> REJECTED with a reason: NOT_OUR_COMPETENCE, DUPLICATE (of {@code duplicateOfReportId},
     * another report that exists) or ABUSIVE, and an optional note (shown to the citizen in the
     * timeline as the reason's explanation). Counter: rejected.
     */
    public Report reject(Caller caller, String id, JsonNode body) {
        return reject(caller, id, () -> body);
    }

    public Report reject(Caller caller, String id, Supplier<JsonNode> body) {
        return transitions.apply(caller, id, Action.REJECT, (report, config) -> {
            JsonNode json = body.get();
            BodyFields fields = new BodyFields();
            fields.onlyFields(json, "", Set.of("reason", "duplicateOfReportId", "note", "expectedVersion"));
            String reason = fields.text(json, "reason", "reason", true, 40, false);
            if (reason != null && !REJECTION_REASONS.contains(reason)) {
                fields.error("reason", "INVALID_VALUE", "Lý do phải là NOT_OUR_COMPETENCE, DUPLICATE hoặc ABUSIVE.",
                        "reason must be NOT_OUR_COMPETENCE, DUPLICATE or ABUSIVE.");
            }
            String duplicateOf = fields.text(json, "duplicateOfReportId", "duplicateOfReportId",
                    "DUPLICATE".equals(reason), 40, false);
            if (duplicateOf != null && !"DUPLICATE".equals(reason)) {
                fields.error("duplicateOfReportId", "NOT_ALLOWED", "Chỉ dùng khi lý do là DUPLICATE.",
                        "Only with reason DUPLICATE.");
            } else if (duplicateOf != null && !Ids.valid(duplicateOf)) {
                fields.error("duplicateOfReportId", "INVALID_FORMAT", "Mã phản ánh không hợp lệ.", "Not a report id.");
            }
            String note = fields.text(json, "note", "note", false, MAX_REASON, true);
            long expected = requiredVersion(fields, json);
            fields.done();
            return new Transitions.Change(expected, (before, after, effects) -> {
                if (duplicateOf != null && (duplicateOf.equals(before.id()) || store.find(duplicateOf).isEmpty())) {
                    throw ApiException.invalid(new FieldError("duplicateOfReportId", "UNKNOWN_REPORT",
                            "Không có phản ánh gốc với mã này.", "No other report has this id."));
                }
                after.rejectionReason(reason).duplicateOfReportId(duplicateOf);
                effects.reason(note == null ? reason : reason + ": " + note)
                        .count(CounterDelta.forReport(before, before.agencyId(), effects.at(), "rejected", 1))
                        .notify(Notices.statusChanged(config, after.build(), ReportNotice.Kind.REJECTED, effects.at()));
            });
        });
    }

    /** The report's holder becomes {@code officerId}, an officer of the report's agency; that officer hears of it. */
    public Report assign(Caller caller, String id, JsonNode body) {
        return assign(caller, id, () -> body);
    }

    public Report assign(Caller caller, String id, Supplier<JsonNode> body) {
        return transitions.apply(caller, id, Action.ASSIGN, (report, config) -> {
            JsonNode json = body.get();
            BodyFields fields = new BodyFields();
            fields.onlyFields(json, "", Set.of("officerId", "expectedVersion"));
            String officerId = fields.text(json, "officerId", "officerId", true, 64, false);
            if (officerId != null && !officerId.matches("[0-9A-Za-z_-]{1,64}")) {
                fields.error("officerId", "INVALID_FORMAT", "Mã cán bộ không hợp lệ.", "Not a user id.");
            }
            long expected = requiredVersion(fields, json);
            fields.done();
            return new Transitions.Change(expected, (before, after, effects) -> {
                if (!members.isOfficerOf(before.agencyId(), officerId)) {
                    throw ApiException.invalid(new FieldError("officerId", "NOT_AN_OFFICER_OF_AGENCY",
                            "Người này không phải cán bộ của cơ quan đang xử lý phản ánh.",
                            "This user is not an officer of the report's agency."));
                }
                after.assigneeId(officerId);
                effects.reason("assigned"); // the timeline is the citizen's too: no officer id in it
                if (!officerId.equals(caller.userId())) {
                    effects.notify(Notices.toUsers(config, after.build(), ReportNotice.Kind.ASSIGNED,
                            List.of(officerId), effects.at()));
                }
            });
        });
    }

    // ------------------------------------------------------------------ input helpers

    static long requiredVersion(BodyFields fields, JsonNode body) {
        Long version = fields.version(body);
        if (version == null && !fields.hasErrorFor("expectedVersion")) {
            fields.error("expectedVersion", "REQUIRED", "Thiếu phiên bản (expectedVersion hoặc If-Match).",
                    "expectedVersion (or If-Match) is required.");
        }
        return version == null ? -1 : version;
    }

    static List<String> photoKeys(BodyFields fields, JsonNode body) {
        JsonNode node = body.get("photoKeys");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            fields.error("photoKeys", "INVALID_TYPE", "Phải là một danh sách.", "Must be an array.");
            return List.of();
        }
        if (node.size() > MAX_ANSWER_PHOTOS) {
            fields.error("photoKeys", "TOO_MANY", "Tối đa " + MAX_ANSWER_PHOTOS + " ảnh.",
                    "At most " + MAX_ANSWER_PHOTOS + " photos.");
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode key = node.get(i);
            if (!key.isTextual() || key.asText().isBlank() || key.asText().length() > 512) {
                fields.error("photoKeys[" + i + "]", "INVALID_TYPE", "Phải là mã ảnh đã tải lên.", "Must be an uploaded photo key.");
            } else if (!seen.add(key.asText())) {
                fields.error("photoKeys[" + i + "]", "DUPLICATE", "Ảnh bị lặp lại.", "This photo is listed twice.");
            } else {
                keys.add(key.asText());
            }
        }
        return keys;
    }
}
