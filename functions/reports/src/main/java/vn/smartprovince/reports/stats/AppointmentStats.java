package vn.smartprovince.reports.stats;

import static vn.smartprovince.shared.stats.AppointmentCounterKeys.BOOKED;
import static vn.smartprovince.shared.stats.AppointmentCounterKeys.CANCELLED_BY_CENTRE;
import static vn.smartprovince.shared.stats.AppointmentCounterKeys.CANCELLED_BY_CITIZEN;
import static vn.smartprovince.shared.stats.AppointmentCounterKeys.CHECKED_IN;
import static vn.smartprovince.shared.stats.AppointmentCounterKeys.NO_SHOW;
import static vn.smartprovince.shared.stats.AppointmentCounterKeys.RESCHEDULED;
import static vn.smartprovince.shared.stats.AppointmentCounterKeys.SERVED;
import static vn.smartprovince.shared.stats.AppointmentCounterKeys.WAIT_SECONDS;

import java.util.Map;
import vn.smartprovince.shared.stats.AppointmentCounterKeys;

/**
 * The appointment counters in {@code GET /v1/stats?centreId=} (written by functions/appointments in
 * each booking's transaction, key scheme {@link AppointmentCounterKeys}): one GetItem of the
 * centre's TOTAL or {@code MONTH#yyyy-MM} item (the slots' month). Never a Scan.
 */
public final class AppointmentStats {
    private final ReportStats.Reader reader;

    AppointmentStats(ReportStats.Reader reader) {
        this.reader = reader;
    }

    /**
     * What the dashboard shows of a centre's bookings.
     *
     * @param showRate           checkedIn / (checkedIn + noShow); absent before either
     * @param averageWaitMinutes from check-in (or the slot's start, if later) to being served, over
     *                           the served; absent before the first
     */
    public record Block(long booked, long cancelledByCitizen, long cancelledByCentre, long rescheduled, long checkedIn,
                        long served, long noShow, Double showRate, Double averageWaitMinutes) {
    }

    Block centre(String centreId, String period) {
        Map<String, Long> c = reader.counters(AppointmentCounterKeys.centreKey(centreId), period,
                AppointmentCounterKeys.FIELDS);
        long checkedIn = c.get(CHECKED_IN);
        long noShow = c.get(NO_SHOW);
        long served = c.get(SERVED);
        return new Block(c.get(BOOKED), c.get(CANCELLED_BY_CITIZEN), c.get(CANCELLED_BY_CENTRE), c.get(RESCHEDULED),
                checkedIn, served, noShow,
                checkedIn + noShow == 0 ? null : ReportStats.round((double) checkedIn / (checkedIn + noShow)),
                served == 0 ? null : ReportStats.round(c.get(WAIT_SECONDS) / 60.0 / served));
    }
}
