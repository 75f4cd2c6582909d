package vn.smartprovince.shared.stats;

import java.time.YearMonth;
import java.util.List;

/**
 * The appointment statistics' key scheme, in one place: functions/appointments writes these
 * counters in each booking's transaction, functions/reports reads them for {@code GET /v1/stats}
 * ({@code centreId=}). Items: {@code pk = STATS#APPT_CENTRE#<centreId>}, {@code sk = TOTAL} or
 * {@code MONTH#yyyy-MM} (the slot's month, Vietnam time), one number attribute per field.
 */
public final class AppointmentCounterKeys {
    public static final String TOTAL = "TOTAL";
    public static final String MONTH_PREFIX = "MONTH#";

    public static final String BOOKED = "booked";
    public static final String CANCELLED_BY_CITIZEN = "cancelledByCitizen";
    public static final String CANCELLED_BY_CENTRE = "cancelledByCentre";
    public static final String RESCHEDULED = "rescheduled";
    public static final String CHECKED_IN = "checkedIn";
    public static final String SERVED = "served";
    public static final String NO_SHOW = "noShow";
    /** Sum of the seconds from check-in (or the slot's start, if later) to being served; divide by {@link #SERVED}. */
    public static final String WAIT_SECONDS = "waitSeconds";

    public static final List<String> FIELDS = List.of(BOOKED, CANCELLED_BY_CITIZEN, CANCELLED_BY_CENTRE, RESCHEDULED,
            CHECKED_IN, SERVED, NO_SHOW, WAIT_SECONDS);

    private AppointmentCounterKeys() {
    }

    public static String centreKey(String centreId) {
        return "STATS#APPT_CENTRE#" + centreId;
    }

    public static String month(YearMonth month) {
        return MONTH_PREFIX + month;
    }
}
