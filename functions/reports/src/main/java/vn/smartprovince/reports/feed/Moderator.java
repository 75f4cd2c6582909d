package vn.smartprovince.reports.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.Ids;
import vn.smartprovince.reports.core.Moderation;
import vn.smartprovince.reports.core.ProvinceSource;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportStore;
import vn.smartprovince.reports.core.Transitions;
import vn.smartprovince.reports.store.PublicItems;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;

/**
 * Moderation of a report's public view by a province admin or a triage-desk officer: hide it from
 * the feed and the map, and/or replace its public description and answer by texts with personal
 * data removed. The report itself is never changed (kept as sent, for audit); the MODERATION item
 * holds the current state and every publication applies it; a history item records who, when,
 * what and why.
 *
 * <p>Body: {@code hidden} (bool), {@code redactedDescription}, {@code redactedAnswer} (text; JSON
 * {@code null} removes a redaction), {@code reason} (required). At least one change.
 */
public final class Moderator {
    public static final int MAX_REASON = 2_000;
    private static final int ATTEMPTS = 3;
    private final ReportStore reports;
    private final FeedStore feed;
    private final ProvinceSource province;
    private final Clock clock;

    /** As the moderation route builds it from the module's adapters ({@link Wiring}). */
    static Moderator of(Wiring wiring) {
        return new Moderator(wiring.reports(), new FeedStore(wiring.dynamoDb(), wiring.table()), wiring.province(),
                wiring.clock());
    }

    public Moderator(ReportStore reports, FeedStore feed, ProvinceSource province, Clock clock) {
        this.reports = reports;
        this.feed = feed;
        this.province = province;
        this.clock = clock;
    }

    /** The moderation as it now stands. */
    public record Result(String reportId, boolean hidden, String redactedDescription, String redactedAnswer,
                         long moderationVersion, boolean inFeed, String moderatedAt, String moderatorId) {
    }

    public Result moderate(Caller caller, String reportId, JsonNode body) {
        return moderate(caller, reportId, () -> body);
    }

    /** The body is read only once the caller is found to be a moderator and the report to exist. */
    public Result moderate(Caller caller, String reportId, Supplier<JsonNode> json) {
        String triage = province.config().routing().triageAgencyId();
        if (!caller.isProvinceAdmin() && !caller.isOfficerOf(triage)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "MODERATOR_REQUIRED", List.of(new FieldError("role",
                    "MODERATOR_REQUIRED", "Chỉ quản trị viên tỉnh hoặc cán bộ bộ phận tiếp nhận được kiểm duyệt.",
                    "Only a province administrator or a triage-desk officer may moderate.")), Map.of(), null);
        }
        // The report before the body: a moderator learns that it does not exist whatever they sent.
        Report found = Ids.valid(reportId) ? reports.find(reportId).orElse(null) : null;
        if (found == null) {
            throw Transitions.notFound();
        }
        JsonNode body = json.get();
        BodyFields fields = new BodyFields();
        if (!body.isObject()) {
            fields.error("body", "INVALID_TYPE", "Phải là một đối tượng JSON.", "Must be a JSON object.");
            fields.done();
        }
        fields.onlyFields(body, "", Set.of("hidden", "redactedDescription", "redactedAnswer", "reason"));
        boolean hasHidden = body.has("hidden") && !body.get("hidden").isNull();
        boolean hidden = fields.bool(body, "hidden", "hidden");
        String description = fields.text(body, "redactedDescription", "redactedDescription", false,
                Report.MAX_DESCRIPTION, true);
        String answer = fields.text(body, "redactedAnswer", "redactedAnswer", false, Report.MAX_DESCRIPTION, true);
        String reason = fields.text(body, "reason", "reason", true, MAX_REASON, true);
        boolean clearDescription = body.has("redactedDescription") && body.get("redactedDescription").isNull();
        boolean clearAnswer = body.has("redactedAnswer") && body.get("redactedAnswer").isNull();
        if (!hasHidden && !body.has("redactedDescription") && !body.has("redactedAnswer")) {
            fields.error("hidden", "NOTHING_TO_MODERATE", "Cần ít nhất một thay đổi: hidden, redactedDescription hoặc redactedAnswer.",
                    "Give at least one change: hidden, redactedDescription or redactedAnswer.");
        }
        fields.done();
        for (int attempt = 1; ; attempt++) {
            Report report = attempt == 1 ? found : reports.find(reportId).orElse(null);
            if (report == null) {
                throw Transitions.notFound();
            }
            if (answer != null && report.answeredAt() == null) {
                throw ApiException.invalid(new FieldError("redactedAnswer", "NO_ANSWER",
                        "Phản ánh chưa có trả lời để biên tập.", "The report has no answer to redact."));
            }
            Moderation current = feed.moderation(report.id());
            String nextDescription = clearDescription ? null : description != null ? description : current.redactedDescription();
            String nextAnswer = current.redactedAnswer();
            Instant answerAt = current.answerRedactedAt();
            if (clearAnswer) {
                nextAnswer = null;
                answerAt = null;
            } else if (answer != null) {
                nextAnswer = answer;
                answerAt = report.answeredAt();
            }
            Moderation next = new Moderation(hasHidden ? hidden : current.hidden(), nextDescription, nextAnswer, answerAt,
                    current.version() + 1);
            Instant now = clock.instant();
            Map<String, AttributeValue> history = new LinkedHashMap<>(PublicItems.key(report.id(),
                    PublicItems.moderationHistoryKey(now, next.version())));
            history.put("itemType", AttributeValue.fromS("REPORT_MODERATION_HISTORY"));
            history.put("reportId", AttributeValue.fromS(report.id()));
            history.put("moderationVersion", AttributeValue.fromN(Long.toString(next.version())));
            history.put("moderatorId", AttributeValue.fromS(caller.userId()));
            history.put("at", AttributeValue.fromS(now.toString()));
            history.put("reason", AttributeValue.fromS(reason));
            history.put("reportVersion", AttributeValue.fromN(Long.toString(report.version())));
            history.put("hidden", AttributeValue.fromBool(next.hidden()));
            PublicItems.put(history, "redactedDescription", next.redactedDescription());
            PublicItems.put(history, "redactedAnswer", next.redactedAnswer());
            if (feed.moderate(report, current, next, history)) {
                return new Result(report.id(), next.hidden(), next.redactedDescription(), next.redactedAnswer(),
                        next.version(), PublicItems.published(report) && !next.hidden(), now.toString(), caller.userId());
            }
            if (attempt >= ATTEMPTS) {
                throw new ApiException(ErrorCode.CONFLICT, "VERSION_MISMATCH", List.of(new FieldError("version",
                        "VERSION_MISMATCH", "Phản ánh vừa được cập nhật, vui lòng thử lại.",
                        "The report changed in the meantime; try again.")), Map.of(), null);
            }
        }
    }
}
