package vn.smartprovince.reports.officer;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.Cursors;
import vn.smartprovince.reports.core.ProvinceSource;
import vn.smartprovince.reports.core.ReportStatus;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * {@code GET /v1/agencies/{agencyId}/reports}: the agency's queue sorted by deadline (soonest
 * first), for its officers, the triage desk's officers and province admins (others 403; an
 * unknown agency 404). Query: {@code status} (one or several, comma-separated or repeated;
 * default the open ones: ROUTED, IN_PROGRESS, NEEDS_INFO, REOPENED), {@code category},
 * {@code areaCode}, {@code overdue=true}, {@code limit}, {@code cursor} (bound to the caller, the
 * agency and the filters; anything else 400 {@code INVALID_CURSOR}). See {@link AgencyQueue}.
 */
public final class AgencyQueueHandler extends AuthenticatedFunction {
    static final Pattern QUEUE_SORT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}#[0-9T:.Z-]{10,40}#r[a-z2-7]{24}");
    private static final Set<ReportStatus> OPEN = EnumSet.of(ReportStatus.ROUTED, ReportStatus.IN_PROGRESS,
            ReportStatus.NEEDS_INFO, ReportStatus.REOPENED);

    private final AgencyQueue queue;
    private final ProvinceSource province;

    public AgencyQueueHandler() {
        this(Env.current());
    }

    AgencyQueueHandler(Env env) {
        this(Wiring.of(env));
    }

    private AgencyQueueHandler(Wiring wiring) {
        this(new AgencyQueue(wiring.dynamoDb(), wiring.table(), wiring.clock()), wiring.province());
    }

    AgencyQueueHandler(AgencyQueue queue, ProvinceSource province) {
        this.queue = queue;
        this.province = province;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        String agencyId = request.pathParameter("agencyId").orElse("");
        ProvinceConfig config = province.config();
        boolean triage = caller.isOfficerOf(config.routing().triageAgencyId());
        if (!caller.isOfficerOf(agencyId) && !triage && !caller.isProvinceAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "NOT_AN_OFFICER_OF_AGENCY", List.of(new FieldError("agencyId",
                    "NOT_AN_OFFICER_OF_AGENCY", "Bạn không phải cán bộ của cơ quan này.",
                    "You are not an officer of this agency.")), Map.of(), null);
        }
        if (config.agency(agencyId).isEmpty()) {
            throw new ApiException(ErrorCode.NOT_FOUND, null);
        }
        AgencyQueue.Filter filter = filter(request, config);
        int limit = request.pageLimit();
        String list = "queue|" + agencyId + "|" + filter.canonical();
        String after = request.queryParameter("cursor")
                .map(cursor -> Cursors.decode(cursor, list, caller.userId(), QUEUE_SORT)).orElse(null);
        AgencyQueue.Page page = queue.list(agencyId, filter, after, limit);
        var today = queue.today();
        String next = page.nextSortKey() == null ? null : Cursors.encode(list, caller.userId(), page.nextSortKey());
        return HttpResponse.privateJson(200, new OfficerViews.QueuePage(
                page.reports().stream().map(r -> OfficerViews.QueueItem.of(r, today)).toList(), next));
    }

    static AgencyQueue.Filter filter(HttpRequest request, ProvinceConfig config) {
        BodyFields fields = new BodyFields();
        Set<ReportStatus> statuses = EnumSet.noneOf(ReportStatus.class);
        String statusText = request.queryParameter("status").map(String::strip).orElse("");
        if (statusText.isEmpty()) {
            statuses.addAll(OPEN);
        } else {
            for (String part : statusText.split(",")) {
                try {
                    statuses.add(ReportStatus.valueOf(part.strip()));
                } catch (IllegalArgumentException e) {
                    fields.error("status", "INVALID_VALUE", "Trạng thái không hợp lệ: " + part.strip() + ".",
                            "Unknown status: " + part.strip() + ".");
                    break;
                }
            }
        }
        String category = request.queryParameter("category").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (category != null && config.category(category).isEmpty()) {
            fields.error("category", "UNKNOWN_CATEGORY", "Loại phản ánh không tồn tại.", "No such report category.");
        }
        String area = request.queryParameter("areaCode").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (area != null && config.area(area).isEmpty()) {
            fields.error("areaCode", "UNKNOWN_AREA", "Địa bàn không tồn tại.", "No such commune or ward.");
        }
        String overdueText = request.queryParameter("overdue").map(String::strip).orElse("false");
        if (!overdueText.equals("true") && !overdueText.equals("false")) {
            fields.error("overdue", "INVALID_VALUE", "overdue phải là true hoặc false.", "overdue must be true or false.");
        }
        fields.done();
        return new AgencyQueue.Filter(statuses, category, area, overdueText.equals("true"));
    }
}
