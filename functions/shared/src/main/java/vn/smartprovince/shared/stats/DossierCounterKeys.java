package vn.smartprovince.shared.stats;

import java.time.YearMonth;
import java.util.List;

/**
 * The dossier statistics' key scheme, in one place: functions/dossiers writes these counters (its
 * {@code core.DossierCounters}) in each change's transaction, functions/reports reads them for
 * {@code GET /v1/stats}. Items: {@code pk = STATS#DOSSIER_AGENCY#<agencyId>} or
 * {@code STATS#PROCEDURE#<procedureCode>}, {@code sk = TOTAL} or {@code MONTH#yyyy-MM} (Vietnam
 * time), one number attribute per field ({@code ADD field amount}). Since issue 14 also
 * {@code WEEK#YYYY-Www} ({@link StatPeriods}), {@code STATS#DOSSIER_COMMUNE#<areaCode>} (the
 * applicant's commune, when the dossier's applicant gave an address) and
 * {@code STATS#DOSSIER_PROVINCE#ALL} (every dossier of the province). Also the agency queue on GSI2
 * that "overdue now" counts: {@code gsi2pk = DOSSIER_AGENCY#<agencyId>#QUEUE#<STATUS>},
 * {@code gsi2sk = <due date yyyy-MM-dd>#<submittedAt>#<id>} while the dossier is open.
 */
public final class DossierCounterKeys {
    public static final String TOTAL = "TOTAL";
    public static final String MONTH_PREFIX = "MONTH#";

    public static final String SUBMITTED = "submitted";
    public static final String RECEIVED = "received";
    public static final String REFUSED = "refused";
    public static final String WITHDRAWN = "withdrawn";
    public static final String STOPPED = "stopped";
    public static final String FINISHED = "finished";
    public static final String FINISHED_ON_TIME = "finishedOnTime";
    public static final String FINISHED_LATE = "finishedLate";
    /** Sum of the working days from receipt to result over finished dossiers; divide by {@link #FINISHED}. */
    public static final String WORKING_DAYS_TO_RESULT = "workingDaysToResult";
    public static final String RETURNED = "returned";
    public static final String EXTENDED = "extended";
    public static final String TRANSFERRED_IN = "transferredIn";
    public static final String TRANSFERRED_OUT = "transferredOut";
    /** A level, not a flow: +1 when a dossier comes into an agency's hands, -1 when it leaves them. */
    public static final String IN_PROGRESS = "inProgress";
    public static final String OVERDUE_FLAGGED = "overdueFlagged";

    public static final List<String> FIELDS = List.of(SUBMITTED, RECEIVED, REFUSED, WITHDRAWN, STOPPED, FINISHED,
            FINISHED_ON_TIME, FINISHED_LATE, WORKING_DAYS_TO_RESULT, RETURNED, EXTENDED, TRANSFERRED_IN,
            TRANSFERRED_OUT, IN_PROGRESS, OVERDUE_FLAGGED);

    /** The open statuses in which the legal clock of a received dossier is counted (their queue holds due dates). */
    public static final List<String> CLOCK_STATUSES = List.of("RECEIVED", "PROCESSING", "SUPPLEMENT_REQUESTED",
            "FEES_REQUESTED");

    private DossierCounterKeys() {
    }

    public static String agencyKey(String agencyId) {
        return "STATS#DOSSIER_AGENCY#" + agencyId;
    }

    public static String procedureKey(String procedureCode) {
        return "STATS#PROCEDURE#" + procedureCode;
    }

    /** The applicant's commune or ward (the applicant's address; none when no address was given). */
    public static String communeKey(String areaCode) {
        return "STATS#DOSSIER_COMMUNE#" + areaCode;
    }

    /** Every dossier of the province. */
    public static String provinceKey() {
        return "STATS#DOSSIER_PROVINCE#ALL";
    }

    public static String month(YearMonth month) {
        return MONTH_PREFIX + month;
    }

    /** The agency's queue of open dossiers in one status (GSI2 partition key). */
    public static String queueKey(String agencyId, String status) {
        return "DOSSIER_AGENCY#" + agencyId + "#QUEUE#" + status;
    }
}
