package vn.smartprovince.reports.stats;

import static vn.smartprovince.shared.stats.DossierCounterKeys.EXTENDED;
import static vn.smartprovince.shared.stats.DossierCounterKeys.FINISHED;
import static vn.smartprovince.shared.stats.DossierCounterKeys.FINISHED_LATE;
import static vn.smartprovince.shared.stats.DossierCounterKeys.FINISHED_ON_TIME;
import static vn.smartprovince.shared.stats.DossierCounterKeys.IN_PROGRESS;
import static vn.smartprovince.shared.stats.DossierCounterKeys.OVERDUE_FLAGGED;
import static vn.smartprovince.shared.stats.DossierCounterKeys.RECEIVED;
import static vn.smartprovince.shared.stats.DossierCounterKeys.REFUSED;
import static vn.smartprovince.shared.stats.DossierCounterKeys.RETURNED;
import static vn.smartprovince.shared.stats.DossierCounterKeys.STOPPED;
import static vn.smartprovince.shared.stats.DossierCounterKeys.SUBMITTED;
import static vn.smartprovince.shared.stats.DossierCounterKeys.TRANSFERRED_IN;
import static vn.smartprovince.shared.stats.DossierCounterKeys.TRANSFERRED_OUT;
import static vn.smartprovince.shared.stats.DossierCounterKeys.WITHDRAWN;
import static vn.smartprovince.shared.stats.DossierCounterKeys.WORKING_DAYS_TO_RESULT;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import vn.smartprovince.shared.province.WorkingDays;
import vn.smartprovince.shared.stats.DossierCounterKeys;

/**
 * The public-service dossier counters in {@code GET /v1/stats} (written by functions/dossiers, key
 * scheme {@link DossierCounterKeys}): for an agency or a procedure, one GetItem of the period's
 * counters plus one of {@code TOTAL} for {@code inProgress} (a level, so a month's value would be a
 * net change), and "overdue now" as COUNT queries on the agencies' GSI2 queues
 * ({@code gsi2sk < today}) over the statuses with a running clock. Never a Scan.
 */
public final class DossierStats {
    private final ReportStats.Reader reader;
    private final Clock clock;

    DossierStats(ReportStats.Reader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * What the dashboard shows of an agency's or a procedure's dossiers.
     *
     * @param onTime  finished on or before the due date ({@code finishedOnTime})
     * @param late    finished after it ({@code finishedLate})
     * @param inProgress in the agency's hands now (received or transferred in, not yet finished or closed); always the total
     * @param overdueNow open with a running clock and a due date before today, now
     * @param averageWorkingDaysToResult over finished dossiers, pauses excluded (null before the first)
     * @param transferredIn   agency only (null for a procedure)
     * @param transferredOut  agency only (null for a procedure)
     */
    public record Block(long submitted, long received, long finished, long onTime, long late, Double onTimeRate,
                 long inProgress, long overdueNow, Double averageWorkingDaysToResult, long refused, long withdrawn,
                 long stopped, long returned, long extended, long overdueFlagged, Long transferredIn,
                 Long transferredOut) {
    }

    Block agency(String agencyId, String period) {
        Map<String, Long> c = reader.counters(DossierCounterKeys.agencyKey(agencyId), period, DossierCounterKeys.FIELDS);
        long inProgress = inProgress(DossierCounterKeys.agencyKey(agencyId), period, c);
        return block(c, inProgress, overdueNow(java.util.List.of(agencyId), null), true);
    }

    /** A procedure's dossiers, wherever handled; overdue now over the agencies competent for it. */
    Block procedure(String procedureCode, Collection<String> agencyIds, String period) {
        String key = DossierCounterKeys.procedureKey(procedureCode);
        Map<String, Long> c = reader.counters(key, period, DossierCounterKeys.FIELDS);
        return block(c, inProgress(key, period, c), overdueNow(agencyIds, procedureCode), false);
    }

    private long inProgress(String key, String period, Map<String, Long> counters) {
        if (DossierCounterKeys.TOTAL.equals(period)) {
            return counters.get(IN_PROGRESS);
        }
        return reader.counters(key, DossierCounterKeys.TOTAL, java.util.List.of(IN_PROGRESS)).get(IN_PROGRESS);
    }

    private static Block block(Map<String, Long> c, long inProgress, long overdueNow, boolean agency) {
        long finished = c.get(FINISHED);
        return new Block(c.get(SUBMITTED), c.get(RECEIVED), finished, c.get(FINISHED_ON_TIME), c.get(FINISHED_LATE),
                finished == 0 ? null : ReportStats.round((double) c.get(FINISHED_ON_TIME) / finished), inProgress,
                overdueNow, finished == 0 ? null : ReportStats.round((double) c.get(WORKING_DAYS_TO_RESULT) / finished),
                c.get(REFUSED), c.get(WITHDRAWN), c.get(STOPPED), c.get(RETURNED), c.get(EXTENDED),
                c.get(OVERDUE_FLAGGED), agency ? c.get(TRANSFERRED_IN) : null, agency ? c.get(TRANSFERRED_OUT) : null);
    }

    /** Open dossiers with a running clock due before today, in these agencies' queues (of one procedure when given). */
    long overdueNow(Collection<String> agencyIds, String procedureCode) {
        String today = LocalDate.now(clock.withZone(WorkingDays.ZONE)).toString();
        long count = 0;
        for (String agencyId : agencyIds) {
            for (String status : DossierCounterKeys.CLOCK_STATUSES) {
                Map<String, AttributeValue> values = new HashMap<>();
                values.put(":p", AttributeValue.fromS(DossierCounterKeys.queueKey(agencyId, status)));
                values.put(":today", AttributeValue.fromS(today));
                QueryRequest.Builder query = QueryRequest.builder().indexName("GSI2").select(Select.COUNT)
                        .keyConditionExpression("gsi2pk = :p AND gsi2sk < :today");
                if (procedureCode != null) {
                    values.put(":code", AttributeValue.fromS(procedureCode));
                    query.filterExpression("procedureCode = :code");
                }
                count += reader.count(query.expressionAttributeValues(values).build());
            }
        }
        return count;
    }
}
