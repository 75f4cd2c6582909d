package vn.smartprovince.dossiers.core;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import vn.smartprovince.shared.province.WorkingDays;
import vn.smartprovince.shared.stats.DossierCounterKeys;
import vn.smartprovince.shared.stats.StatPeriods;

/**
 * The statistics counters a dossier change adds to, per agency ({@code STATS#DOSSIER_AGENCY#<id>})
 * and per procedure ({@code STATS#PROCEDURE#<code>}), in {@code TOTAL} and the month of the change
 * ({@code MONTH#yyyy-MM}, Vietnam time). Maintained as events happen: the statistics never scan.
 *
 * <p>Fields: {@code submitted}, {@code received}, {@code refused}, {@code withdrawn}, {@code stopped},
 * {@code finished}, {@code finishedOnTime}, {@code finishedLate}, {@code workingDaysToResult} (sum over
 * finished; divide by {@code finished}), {@code returned}, {@code extended}, {@code transferredIn},
 * {@code transferredOut}, {@code inProgress} (+1 at receipt or transfer in, -1 when it leaves the
 * agency's hands: finished, stopped, withdrawn after receipt, transferred out), {@code overdueFlagged}.
 */
public final class DossierCounters {
    public static final String TOTAL = DossierCounterKeys.TOTAL;
    /** The field names: constants of {@link DossierCounterKeys}, the one place that names them. */
    public static final List<String> FIELDS = DossierCounterKeys.FIELDS;

    private DossierCounters() {
    }

    public static String agencyKey(String agencyId) {
        return DossierCounterKeys.agencyKey(agencyId);
    }

    public static String procedureKey(String procedureCode) {
        return DossierCounterKeys.procedureKey(procedureCode);
    }

    public static String month(Instant at) {
        return DossierCounterKeys.month(YearMonth.from(at.atZone(WorkingDays.ZONE)));
    }

    /** {@code field += amount} for the agency and the procedure, in TOTAL and the month of {@code at}. */
    public static List<CounterDelta> add(String agencyId, String procedureCode, Instant at, String field, long amount) {
        return add(agencyId, procedureCode, null, at, field, amount);
    }

    /**
     * {@code field += amount} for the agency, the procedure, the applicant's commune (when known) and
     * the province, in TOTAL, the month and the ISO week of {@code at} ({@link StatPeriods}).
     */
    public static List<CounterDelta> add(String agencyId, String procedureCode, String areaCode, Instant at, String field,
                                         long amount) {
        List<CounterDelta> deltas = new ArrayList<>(12);
        for (String period : StatPeriods.of(at)) {
            deltas.add(new CounterDelta(agencyKey(agencyId), period, field, amount));
            deltas.add(new CounterDelta(procedureKey(procedureCode), period, field, amount));
            if (areaCode != null) {
                deltas.add(new CounterDelta(DossierCounterKeys.communeKey(areaCode), period, field, amount));
            }
            deltas.add(new CounterDelta(DossierCounterKeys.provinceKey(), period, field, amount));
        }
        return deltas;
    }

    /** The same for a dossier: its agency now, its procedure, its applicant's commune. */
    public static List<CounterDelta> add(Dossier dossier, Instant at, String field, long amount) {
        return add(dossier.agencyId(), dossier.procedureCode(), communeOf(dossier), at, field, amount);
    }

    /** The applicant's commune (their address), null when they gave none. */
    public static String communeOf(Dossier dossier) {
        return dossier.applicant() == null || dossier.applicant().address() == null ? null
                : dossier.applicant().address().areaCode();
    }

    /** {@code field += amount} for the agency only (a transfer moves work between agencies, not procedures). */
    public static List<CounterDelta> addForAgency(String agencyId, Instant at, String field, long amount) {
        List<CounterDelta> deltas = new ArrayList<>(3);
        for (String period : StatPeriods.of(at)) {
            deltas.add(new CounterDelta(agencyKey(agencyId), period, field, amount));
        }
        return deltas;
    }
}
