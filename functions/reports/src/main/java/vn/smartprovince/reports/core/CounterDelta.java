package vn.smartprovince.reports.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.smartprovince.shared.stats.ReportCounterKeys;
import vn.smartprovince.shared.stats.StatPeriods;

/**
 * One {@code ADD field amount} on a statistics item, applied in the transition's transaction.
 * Items: {@code STATS#<dimension>#<key>} / {@code TOTAL}, {@code MONTH#yyyy-MM} and
 * {@code WEEK#YYYY-Www} (Vietnam time), for dimensions {@code AGENCY}, {@code CATEGORY}, {@code AREA}
 * and {@code PROVINCE} (key scheme: {@link ReportCounterKeys}, periods: {@link StatPeriods}). A
 * dashboard reads them with GetItem / BatchGetItem, never a scan.
 *
 * <p>Fields: {@code received}, {@code answered}, {@code answeredOnTime}, {@code answeredLate},
 * {@code firstAnswerSeconds} (sum; divide by {@code firstAnswers} for the average),
 * {@code firstAnswers}, {@code rejected}, {@code withdrawn}, {@code reopened}, {@code transferredIn},
 * {@code transferredOut}, {@code ratings}, {@code ratingStars} (sum), {@code supports}.
 */
public record CounterDelta(String dimension, String key, String period, String field, long amount) {

    public static final String TOTAL = "TOTAL";

    /**
     * {@code field += amount} for the report's agency, category, area and the province, in TOTAL,
     * the month and the ISO week of {@code at}.
     */
    public static List<CounterDelta> forReport(Report report, String agencyId, Instant at, String field, long amount) {
        List<CounterDelta> deltas = new ArrayList<>();
        for (String period : StatPeriods.of(at)) {
            deltas.add(new CounterDelta(ReportCounterKeys.AGENCY, agencyId, period, field, amount));
            deltas.add(new CounterDelta(ReportCounterKeys.CATEGORY, report.categoryCode(), period, field, amount));
            deltas.add(new CounterDelta(ReportCounterKeys.AREA, report.location().areaCode(), period, field, amount));
            deltas.add(new CounterDelta(ReportCounterKeys.PROVINCE, ReportCounterKeys.PROVINCE_KEY, period, field,
                    amount));
        }
        return deltas;
    }

    public String partitionKey() {
        return ReportCounterKeys.key(dimension, key);
    }
}
