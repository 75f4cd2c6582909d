package vn.smartprovince.shared.stats;

import java.util.List;

/**
 * The field-report statistics' key scheme, in one place: functions/reports writes these counters
 * (its {@code core.CounterDelta}) in each transition's transaction; functions/reports
 * ({@code GET /v1/stats}) and functions/province (the public and admin statistics) read them.
 * Items: {@code pk = STATS#<dimension>#<key>}, {@code sk} one of {@link StatPeriods} ({@code TOTAL},
 * {@code MONTH#yyyy-MM}, {@code WEEK#YYYY-Www}, Vietnam time), one number attribute per field
 * ({@code ADD field amount}).
 *
 * <p>Dimensions: {@link #AGENCY} (the agency handling it when the event happened), {@link #CATEGORY},
 * {@link #AREA} (the commune or ward of the report's location; the public statistics call it
 * COMMUNE) and {@link #PROVINCE} (key {@link #PROVINCE_KEY}: every report of the province).
 */
public final class ReportCounterKeys {
    public static final String AGENCY = "AGENCY";
    public static final String CATEGORY = "CATEGORY";
    public static final String AREA = "AREA";
    public static final String PROVINCE = "PROVINCE";
    public static final String PROVINCE_KEY = "ALL";

    public static final String RECEIVED = "received";
    public static final String ANSWERED = "answered";
    public static final String ANSWERED_ON_TIME = "answeredOnTime";
    public static final String ANSWERED_LATE = "answeredLate";
    public static final String FIRST_ANSWERS = "firstAnswers";
    /** Sum of the seconds to the first answer; divide by {@link #FIRST_ANSWERS}. */
    public static final String FIRST_ANSWER_SECONDS = "firstAnswerSeconds";
    public static final String REJECTED = "rejected";
    public static final String WITHDRAWN = "withdrawn";
    public static final String REOPENED = "reopened";
    public static final String TRANSFERRED_IN = "transferredIn";
    public static final String TRANSFERRED_OUT = "transferredOut";
    public static final String SUPPORTS = "supports";
    public static final String RATINGS = "ratings";
    /** Sum of the stars (1-5) over {@link #RATINGS}: satisfaction = ratingStars / ratings. */
    public static final String RATING_STARS = "ratingStars";

    public static final List<String> FIELDS = List.of(RECEIVED, ANSWERED, ANSWERED_ON_TIME, ANSWERED_LATE, FIRST_ANSWERS,
            FIRST_ANSWER_SECONDS, REJECTED, WITHDRAWN, REOPENED, TRANSFERRED_IN, TRANSFERRED_OUT, SUPPORTS, RATINGS,
            RATING_STARS);

    private ReportCounterKeys() {
    }

    public static String key(String dimension, String key) {
        return "STATS#" + dimension + "#" + key;
    }
}
