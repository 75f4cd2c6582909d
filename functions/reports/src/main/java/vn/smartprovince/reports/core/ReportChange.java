package vn.smartprovince.reports.core;

import java.util.List;

/** One transition as the store writes it: report before and after, the history entry, jobs and counters. */
public record ReportChange(Report before, Report after, HistoryEntry entry, List<ReportNotice> notices,
                           List<CounterDelta> counters) {
    public ReportChange {
        notices = List.copyOf(notices);
        counters = List.copyOf(counters);
    }
}
