package vn.smartprovince.shared.secrets;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.priming.Priming;

/**
 * Keeps each value in memory for a limited time ({@link #DEFAULT_TTL} 15 minutes), so a warm
 * function does not ask the store on every request, a rotated secret is picked up within the
 * limit, and a SnapStart snapshot taken with a value in the cache does not pin it: after a restore
 * every value is due again ({@link #expireAll()}).
 *
 * <p>When a value is due for refresh and the store cannot be reached, the old value goes on being
 * served (a warning naming the secret is logged) and the store is asked again after
 * {@link #RETRY_AFTER_FAILURE} at the latest. A secret that no longer exists is dropped and
 * reported. Values are never logged.
 */
public final class CachingSecrets implements Secrets {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    public static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private record Entry(String value, long refreshAtNanos) {
        @Override
        public String toString() {
            return "Entry[value=***]";
        }
    }

    private final Secrets source;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CachingSecrets(Secrets source, Duration ttl) {
        this(source, ttl, System::nanoTime);
    }

    /**
     * @param ttl       how long a value is served before it is read again; zero disables caching
     * @param nanoClock a monotonic clock in nanoseconds (tests pass a fake)
     */
    public CachingSecrets(Secrets source, Duration ttl, LongSupplier nanoClock) {
        this.source = Objects.requireNonNull(source, "source");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        // A value cached before a SnapStart snapshot (priming reads secrets) is due again after a
        // restore: System.nanoTime need not count the days the snapshot waited, and a rotation must
        // be picked up within the TTL.
        Priming.onRestore(this, CachingSecrets::expireAll);
    }

    @Override
    public String value(String name) {
        Entry entry = entries.get(name);
        long now = nanoClock.getAsLong();
        if (entry != null && now - entry.refreshAtNanos() < 0) {
            return entry.value();
        }
        // One refresh at a time: the others wait for it rather than all asking the store.
        synchronized (this) {
            entry = entries.get(name);
            now = nanoClock.getAsLong();
            if (entry != null && now - entry.refreshAtNanos() < 0) {
                return entry.value();
            }
            String value;
            try {
                value = source.value(name);
            } catch (SecretNotFoundException e) {
                entries.remove(name);
                throw e;
            } catch (RuntimeException e) {
                if (entry == null) {
                    throw e;
                }
                JsonLog.warn("secret refresh failed, serving the cached value",
                        Map.of("secret", name, "errorType", e.getClass().getName()));
                long retry = Math.min(ttlNanos, RETRY_AFTER_FAILURE.toNanos());
                entries.put(name, new Entry(entry.value(), now + retry));
                return entry.value();
            }
            if (ttlNanos > 0) {
                entries.put(name, new Entry(value, now + ttlNanos));
            }
            return value;
        }
    }

    /**
     * Makes every cached value due: the next read asks the store, and serves the cached value if the
     * store cannot be reached (after a SnapStart restore).
     */
    public void expireAll() {
        long now = nanoClock.getAsLong();
        entries.replaceAll((name, entry) -> new Entry(entry.value(), now));
    }

    /** Forgets every cached value (e.g. when a value was refused). */
    public void invalidateAll() {
        entries.clear();
    }

    /** Forgets one cached value: the next read asks the store (e.g. after Zalo refused the app secret). */
    public void invalidate(String name) {
        entries.remove(name);
    }
}
