package vn.smartprovince.shared.stats;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The notification statistics' key scheme, in one place: functions/notifications writes these
 * counters (the dispatcher when it records an outcome, the webhook consumer when a delivery receipt
 * marks a message delivered), the admin statistics read them ("notifications sent/delivered/failed
 * by channel"). Items: {@code pk = STATS#NOTIFY}, {@code sk = TOTAL} or {@code MONTH#yyyy-MM} (the
 * month of the outcome, Vietnam time), one number attribute per channel and outcome:
 * {@code <CHANNEL>#sent}, {@code <CHANNEL>#delivered}, {@code <CHANNEL>#failed},
 * {@code <CHANNEL>#undeliverable}, each written with {@code ADD attr 1} (both items in one update
 * each, never a scan). An attribute that was never written reads as 0.
 *
 * <p>Channels (the delivery record's {@code channel}):
 * <ul>
 *   <li>{@link #ZNS}: a template message sent by phone number (ZNS / ZBS Template Message by phone);</li>
 *   <li>{@link #ZBS_UID}: a ZBS template message sent by the citizen's Zalo user id through the OA API
 *       (cheaper, reaches citizens who never shared a phone);</li>
 *   <li>{@link #OA}: an OA consultation (text) message to a follower inside the interaction window;</li>
 *   <li>{@link #NONE}: no channel was tried (only with {@code undeliverable}: opted out, no usable
 *       channel, unknown recipient).</li>
 * </ul>
 * {@code failed} counts notifications settled FAILED (permanent error or retries exhausted), not
 * each transient retry; {@code undeliverable} may also carry the channel that found the citizen
 * unreachable (e.g. {@code ZBS_UID#undeliverable} when Zalo said the user cannot receive it).
 */
public final class NotificationCounterKeys {
    public static final String PK = "STATS#NOTIFY";
    public static final String TOTAL = "TOTAL";
    public static final String MONTH_PREFIX = "MONTH#";
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public static final String ZNS = "ZNS";
    public static final String ZBS_UID = "ZBS_UID";
    public static final String OA = "OA";
    public static final String NONE = "NONE";
    public static final List<String> CHANNELS = List.of(ZNS, ZBS_UID, OA, NONE);

    public static final String SENT = "sent";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final String UNDELIVERABLE = "undeliverable";
    public static final List<String> OUTCOMES = List.of(SENT, DELIVERED, FAILED, UNDELIVERABLE);

    private NotificationCounterKeys() {
    }

    /** The number attribute counting one outcome on one channel, e.g. {@code ZBS_UID#sent}. */
    public static String field(String channel, String outcome) {
        return channel + "#" + outcome;
    }

    public static String month(YearMonth month) {
        return MONTH_PREFIX + month;
    }

    /** The month item's sort key for an instant (Vietnam time). */
    public static String month(Instant at) {
        return month(YearMonth.from(at.atZone(VIETNAM)));
    }

    /** Both items' sort keys an outcome at {@code at} adds to: {@code TOTAL} and its month. */
    public static List<String> sortKeys(Instant at) {
        return List.of(TOTAL, month(at));
    }
}
