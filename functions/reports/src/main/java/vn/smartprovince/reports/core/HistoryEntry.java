package vn.smartprovince.reports.core;

import java.time.Instant;

/**
 * One transition of a report, never changed once written: who (user id and capacity), when,
 * what, from which state to which, why, and the agencies before and after (transfers).
 *
 * @param version the report's version this transition produced (1 = submission); unique per report
 * @param from    null for the submission
 * @param reason  free text the actor gave (reason of a rejection or transfer, the question asked); may be null
 */
public record HistoryEntry(String reportId, long version, Instant at, String actorId, Actor actor, Action action,
                           ReportStatus from, ReportStatus to, String reason, String fromAgencyId, String toAgencyId) {
}
