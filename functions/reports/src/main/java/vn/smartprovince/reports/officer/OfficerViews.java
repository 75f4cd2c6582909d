package vn.smartprovince.reports.officer;

import java.time.LocalDate;
import java.util.List;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportStatus;

/** What the officer routes answer besides the core's report detail. */
public final class OfficerViews {
    private OfficerViews() {
    }

    /** A line of the agency's queue (officers see the whole description, up to 200 characters here). */
    public record QueueItem(String id, String trackingCode, String category, ReportStatus status, long version,
                            String description, String areaCode, String address, String agencyId, String assigneeId,
                            String createdAt, String expectedAnswerDate, boolean overdue, boolean urgent,
                            int supportCount, int reopenCount) {
        static QueueItem of(Report r, LocalDate today) {
            String text = r.description();
            if (text.codePointCount(0, text.length()) > 200) {
                text = text.substring(0, text.offsetByCodePoints(0, 200)) + "…";
            }
            return new QueueItem(r.id(), r.trackingCode(), r.categoryCode(), r.status(), r.version(), text,
                    r.location().areaCode(), r.location().address(), r.agencyId(), r.assigneeId(),
                    r.createdAt().toString(), r.deadline().toString(), r.status().open() && r.deadline().isBefore(today),
                    r.urgent(), r.supportCount(), r.reopenCount());
        }
    }

    public record QueuePage(List<QueueItem> items, String nextCursor) {
    }
}
