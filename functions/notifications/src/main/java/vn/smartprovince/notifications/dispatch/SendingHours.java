package vn.smartprovince.notifications.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Zalo sends ZNS templates of tag 2 (customer care) and tag 3 (promotion) only from 07:00 to
 * 22:00 Vietnam time (Asia/Ho_Chi_Minh, UTC+7 all year); tag 1 (transaction) any time. A message
 * of a restricted template outside those hours waits for the next opening rather than being sent
 * (Zalo would refuse it, -133) or dropped.
 */
final class SendingHours {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalTime OPENS = LocalTime.of(7, 0);
    static final LocalTime CLOSES = LocalTime.of(22, 0);

    private SendingHours() {
    }

    /**
     * Whether the template's tag is held to the sending hours: {@code templateTag} as Zalo's template
     * info answers it ({@code TRANSACTION}, {@code CUSTOMER_CARE}, {@code PROMOTION}) or as a number.
     * An unknown tag counts as restricted: waiting for the morning is better than a refusal.
     */
    static boolean restricted(String tag) {
        if (tag == null) {
            return false;
        }
        String value = tag.strip().toUpperCase(Locale.ROOT);
        return !(value.equals("TRANSACTION") || value.equals("1"));
    }

    /** Whether {@code at} is inside 07:00 (inclusive) to 22:00 (exclusive) Vietnam time. */
    static boolean open(Instant at) {
        LocalTime local = at.atZone(VIETNAM).toLocalTime();
        return !local.isBefore(OPENS) && local.isBefore(CLOSES);
    }

    /** {@code at} itself when open, else the next 07:00 Vietnam time. */
    static Instant nextOpening(Instant at) {
        if (open(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(VIETNAM);
        LocalDate day = local.toLocalTime().isBefore(OPENS) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return day.atTime(OPENS).atZone(VIETNAM).toInstant();
    }
}
