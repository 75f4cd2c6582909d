package vn.smartprovince.reports.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * The notification jobs of report transitions, with the province's templates
 * ({@code REPORT_RECEIVED}: report_code, category_name, deadline; {@code REPORT_STATUS_CHANGED}:
 * report_code, status_name, agency_name). A job's id is {@code <reportId>#v<version>#<kind>}, so
 * a retried transition can never produce a second job for the same change.
 */
public final class Notices {
    public static final String RECEIVED_TEMPLATE = "REPORT_RECEIVED";
    public static final String STATUS_TEMPLATE = "REPORT_STATUS_CHANGED";

    private Notices() {
    }

    /** The citizen's "we received it, the agency answers before …". */
    public static ReportNotice received(ProvinceConfig config, Report report, Instant at) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("report_code", report.trackingCode());
        params.put("category_name", config.category(report.categoryCode()).map(c -> c.name()).orElse(report.categoryCode()));
        params.put("deadline", report.deadline().toString());
        return new ReportNotice(id(report, ReportNotice.Kind.RECEIVED), ReportNotice.Kind.RECEIVED, report.id(),
                citizen(report), RECEIVED_TEMPLATE, params, at);
    }

    /** The citizen hears that the report moved to {@code report.status()} (its agency named). */
    public static ReportNotice statusChanged(ProvinceConfig config, Report report, ReportNotice.Kind kind, Instant at) {
        return toUsers(config, report, kind, citizen(report), at);
    }

    /** The citizen to tell; nobody once they erased their account. */
    private static List<String> citizen(Report report) {
        return report.citizenErased() ? List.of() : List.of(report.citizenId());
    }

    /** Officers hear about a report (urgent on arrival, information provided, reopened). */
    public static ReportNotice toUsers(ProvinceConfig config, Report report, ReportNotice.Kind kind, List<String> users,
                                       Instant at) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("report_code", report.trackingCode());
        params.put("status_name", statusName(report.status()));
        params.put("agency_name", config.agency(report.agencyId()).map(a -> a.name()).orElse(report.agencyId()));
        // Exactly the template's params: the dispatcher refuses a job with parameters the template lacks
        // (ZNS sends exactly what Zalo approved), so nothing extra such as the agency id goes in.
        return new ReportNotice(id(report, kind), kind, report.id(), users, STATUS_TEMPLATE, params, at);
    }

    static String id(Report report, ReportNotice.Kind kind) {
        return report.id() + "#v" + report.version() + "#" + kind;
    }

    /** How a status reads in Vietnamese in a message to a citizen. */
    public static String statusName(ReportStatus status) {
        return switch (status) {
            case ROUTED -> "Đã tiếp nhận, chuyển cơ quan xử lý";
            case IN_PROGRESS -> "Đang xử lý";
            case NEEDS_INFO -> "Cần bổ sung thông tin";
            case ANSWERED -> "Đã trả lời";
            case REOPENED -> "Mở lại";
            case REJECTED -> "Từ chối";
            case WITHDRAWN -> "Đã rút";
        };
    }
}
