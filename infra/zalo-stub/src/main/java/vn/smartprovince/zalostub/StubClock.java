package vn.smartprovince.zalostub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The stub's notion of "now": token expiry, ZNS sending hours and daily quota, the OA interaction
 * window, and the times in the inbox and call log. Follows the system clock unless set; once set
 * it stands still (so a test decides exactly what time it is) until advanced or released.
 */
public final class StubClock {
    /** Zalo's sending hours and daily quotas are in Vietnam time. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Clock system;
    private Instant fixed;

    public StubClock() {
        this(Clock.systemUTC());
    }

    StubClock(Clock system) {
        this.system = system;
    }

    public synchronized Instant now() {
        return fixed != null ? fixed : system.instant();
    }

    /** Stops the clock at {@code instant}. */
    public synchronized void set(Instant instant) {
        fixed = instant;
    }

    /** Moves the clock forward (a system clock becomes a fixed one, advanced). */
    public synchronized void advance(Duration duration) {
        fixed = now().plus(duration);
    }

    /** Follows the system clock again. */
    public synchronized void release() {
        fixed = null;
    }

    public synchronized boolean isFixed() {
        return fixed != null;
    }
}
