package vn.smartprovince.shared.lambda;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The delay before a transient failure is tried again: {@code base × factor^(receive - 1)}, capped
 * at {@code max}, with "equal jitter" (half fixed, half random) so that messages that failed
 * together (a Zalo outage) do not all come back together. With a factor of at least 2 every delay
 * is longer than any earlier one. Applied with ChangeMessageVisibility ({@link SqsVisibility}), so it
 * is bounded by SQS's 12 hours per receive. Used by the notification dispatcher and the one-stop
 * connector.
 */
public record Backoff(Duration base, int factor, Duration max) {
    /** SQS refuses a visibility timeout beyond 12 h after the receive; keep a margin. */
    public static final Duration SQS_MAX_VISIBILITY = Duration.ofHours(12).minusMinutes(5);
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(60), 4, Duration.ofHours(2));

    public Backoff {
        if (base.isNegative() || base.isZero() || factor < 2 || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs base > 0, factor >= 2 and max >= base");
        }
        if (max.compareTo(SQS_MAX_VISIBILITY) > 0) {
            max = SQS_MAX_VISIBILITY;
        }
    }

    /** The upper bound for the {@code receiveCount}-th receive (1 = the first). */
    public Duration ceiling(int receiveCount) {
        Duration delay = base;
        for (int i = 1; i < receiveCount && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(factor);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** A delay in [ceiling / 2, ceiling]. */
    public Duration delay(int receiveCount, RandomGenerator random) {
        long ceiling = ceiling(Math.max(1, receiveCount)).toMillis();
        long half = ceiling / 2;
        return Duration.ofMillis(ceiling - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
