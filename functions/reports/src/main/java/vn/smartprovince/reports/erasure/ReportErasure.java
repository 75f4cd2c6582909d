package vn.smartprovince.reports.erasure;

import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportStore;


/**
 * When a citizen erases their account ({@code DELETE /v1/me} deletes their profile), the reports
 * they sent stay, as the agencies' records and in the public feed, but lose what links them to a
 * person: see {@link ReportStore#forgetCitizen}. The public feed never held anything identifying
 * anyway. Their me-too marks on other reports are not found here (nothing indexes them by
 * citizen); they hold only the Zalo id, which no profile names any more.
 */
public final class ReportErasure {
    static final int PAGE = 100;
    private final ReportStore store;

    public ReportErasure(ReportStore store) {
        this.store = store;
    }

    /** Forgets the citizen in every report of theirs; answers how many reports changed. Idempotent. */
    public int erase(String citizenId) {
        if (citizenId == null || citizenId.isBlank() || Report.ERASED_CITIZEN.equals(citizenId)) {
            throw new IllegalArgumentException("not a citizen id");
        }
        int forgotten = 0;
        String after = null;
        do {
            ReportStore.Page page = store.mine(citizenId, after, PAGE);
            for (Report report : page.reports()) {
                if (store.forgetCitizen(report.id(), citizenId)) {
                    forgotten++;
                }
            }
            after = page.lastSortKey();
        } while (after != null);
        return forgotten;
    }
}
