package vn.smartprovince.notifications.webhook;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as stored: RFC 3339 UTC with exactly three fraction digits, so they sort and compare as text. */
final class Times {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String iso(Instant instant) {
        return MILLIS.format(instant);
    }

    /** The Vietnam calendar day of an instant, {@code yyyy-MM-dd}. */
    static String vietnamDay(Instant instant) {
        return instant.atZone(VIETNAM).toLocalDate().toString();
    }
}
