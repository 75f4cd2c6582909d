package vn.smartprovince.reports.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A notification job born of a transition, written in the same DynamoDB transaction as the change
 * (the outbox): if the change is written, the job is; if not, neither is.
 *
 * @param recipients user ids (Zalo ids) to notify; the citizen, or an agency's officers
 * @param templateKey a key of the province configuration's {@code notificationTemplates}
 * @param params      the template's parameters (no free text from citizens)
 */
public record ReportNotice(String id, Kind kind, String reportId, List<String> recipients, String templateKey,
                           Map<String, String> params, Instant at) {
    public ReportNotice {
        recipients = List.copyOf(recipients);
        params = Map.copyOf(params);
    }

    /** What happened; the citizen hears about each but URGENT_REPORT (officers) and SUPPORTED (nobody yet). */
    public enum Kind {
        RECEIVED, NEEDS_INFO, INFO_PROVIDED, ANSWERED, TRANSFERRED, REJECTED, REOPENED, WITHDRAWN, URGENT_REPORT,
        /** A report was assigned to an officer (the officer hears of it; officer routes). */
        ASSIGNED
    }
}
