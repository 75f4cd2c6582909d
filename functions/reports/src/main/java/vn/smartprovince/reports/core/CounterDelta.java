package vn.smartprovince.reports.core;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import vn.smartprovince.shared.province.WorkingDays;

/**
 * One {@code ADD field amount} on a statistics item, applied in the transition's transaction.
 * Items: {@code STATS#<dimension>#<key>} / {@code TOTAL} and {@code MONTH#yyyy-MM} (Vietnam time),
 * for dimensions {@code AGENCY}, {@code CATEGORY} and {@code AREA}. A dashboard reads them with
 * GetItem / Query, never a scan.
 *
 * <p>Fields: {@code received}, {@code answered}, {@code answeredOnTime}, {@code answeredLate},
 * {@code firstAnswerSeconds} (sum; divide by {@code firstAnswers} for the average),
 * {@code firstAnswers}, {@code rejected}, {@code withdrawn}, {@code reopened}, {@code transferredIn},
 * {@code transferredOut}, {@code ratings}, {@code ratingStars} (sum), {@code supports}.
 */
public record CounterDelta(String dimension, String key, String period, String field, long amount) {

    public static final String TOTAL = "TOTAL";

    /** {@code field += amount} for the report's agency, category and area, in TOTAL and the month of {@code at}. */
    public static List<CounterDelta> forReport(Report report, String agencyId, Instant at, String field, long amount) {
        String month = "MONTH#" + YearMonth.from(at.atZone(WorkingDays.ZONE));
        List<CounterDelta> deltas = new ArrayList<>();
        for (String period : List.of(TOTAL, month)) {
            deltas.add(new CounterDelta("AGENCY", agencyId, period, field, amount));
            deltas.add(new CounterDelta("CATEGORY", report.categoryCode(), period, field, amount));
            deltas.add(new CounterDelta("AREA", report.location().areaCode(), period, field, amount));
        }
        return deltas;
    }

    public String partitionKey() {
        return "STATS#" + dimension + "#" + key;
    }
}
