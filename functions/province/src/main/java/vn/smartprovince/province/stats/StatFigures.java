package vn.smartprovince.province.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import vn.smartprovince.province.core.StatCounters;
import vn.smartprovince.province.core.StatCounters.StatKey;
import vn.smartprovince.province.core.StatDimension;
import vn.smartprovince.shared.stats.DossierCounterKeys;
import vn.smartprovince.shared.stats.ReportCounterKeys;

/**
 * The public figures of one key of a dimension in one period (a sort key of {@code shared.stats.StatPeriods}),
 * from its reports' and dossiers' counter items.
 */
final class StatFigures {
    private StatFigures() {
    }

    /**
     * Field reports.
     *
     * @param onTimeRate   answeredOnTime / answered (2 decimals), null before the first answer
     * @param satisfaction average stars (1-5, 2 decimals) over the ratings, null before the first
     */
    record ReportFigures(long received, long answered, long answeredOnTime, Double onTimeRate, long ratings,
                         Double satisfaction) {
    }

    /**
     * Public-service dossiers.
     *
     * @param onTimeRate finishedOnTime / (finishedOnTime + finishedLate), null before the first
     */
    record DossierFigures(long submitted, long received, long finishedOnTime, long finishedLate, Double onTimeRate) {
    }

    /** One period's figures; a block is null when the dimension has no such items (a category's dossiers). */
    record Point(String period, ReportFigures reports, DossierFigures dossiers) {
    }

    /** The items to read for these keys of the dimension in these periods. */
    static List<StatKey> keys(StatDimension dimension, Collection<String> keys, Collection<String> periods) {
        List<StatKey> wanted = new ArrayList<>();
        for (String key : keys) {
            for (String period : periods) {
                if (dimension.reportPk(key) != null) {
                    wanted.add(new StatKey(dimension.reportPk(key), period));
                }
                if (dimension.dossierPk(key) != null) {
                    wanted.add(new StatKey(dimension.dossierPk(key), period));
                }
            }
        }
        return wanted;
    }

    /** The point of {@code key} in the sort key {@code sortKey}, labelled {@code label}, from what was read. */
    static Point point(StatDimension dimension, String key, String sortKey, String label,
                       Map<StatKey, Map<String, Long>> read) {
        String reportPk = dimension.reportPk(key);
        String dossierPk = dimension.dossierPk(key);
        ReportFigures reports = reportPk == null ? null : reports(read.getOrDefault(new StatKey(reportPk, sortKey), Map.of()));
        DossierFigures dossiers = dossierPk == null ? null
                : dossiers(read.getOrDefault(new StatKey(dossierPk, sortKey), Map.of()));
        return new Point(label, reports, dossiers);
    }

    static ReportFigures reports(Map<String, Long> c) {
        long answered = get(c, ReportCounterKeys.ANSWERED);
        long onTime = get(c, ReportCounterKeys.ANSWERED_ON_TIME);
        long ratings = get(c, ReportCounterKeys.RATINGS);
        return new ReportFigures(get(c, ReportCounterKeys.RECEIVED), answered, onTime, rate(onTime, answered), ratings,
                rate(get(c, ReportCounterKeys.RATING_STARS), ratings));
    }

    static DossierFigures dossiers(Map<String, Long> c) {
        long onTime = get(c, DossierCounterKeys.FINISHED_ON_TIME);
        long late = get(c, DossierCounterKeys.FINISHED_LATE);
        return new DossierFigures(get(c, DossierCounterKeys.SUBMITTED), get(c, DossierCounterKeys.RECEIVED), onTime,
                late, rate(onTime, onTime + late));
    }

    static long get(Map<String, Long> counters, String field) {
        Long value = counters.get(field);
        return value == null ? 0 : value;
    }

    /** {@code part / whole} rounded to 2 decimals; null when {@code whole} is 0. */
    static Double rate(long part, long whole) {
        return whole <= 0 ? null : Math.round((double) part / whole * 100) / 100.0;
    }

    static Double rate(long part, long whole, int decimals) {
        double scale = Math.pow(10, decimals);
        return whole <= 0 ? null : Math.round((double) part / whole * scale) / scale;
    }

    static StatCounters.StatKey key(String pk, String sk) {
        return new StatKey(pk, sk);
    }
}
