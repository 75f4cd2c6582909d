package vn.smartprovince.zalostub;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults injected through the control API: for the next N calls of an endpoint (or of every
 * endpoint, {@code "*"}), or for a share of its calls, answer a Zalo error code, an HTTP 5xx, add
 * latency, or hold the connection past the client's read timeout. Thread-safe.
 */
final class Faults {
    /**
     * A fault as asked for. Exactly one of {@code error}, {@code httpStatus}, {@code timeout} (or
     * none: latency only).
     *
     * @param endpoint   an {@link Endpoint#id()} or {@code "*"}
     * @param times      how many matching calls it hits (null: unlimited when a share is given, else 1)
     * @param share      probability that a matching call is hit (null: 1)
     * @param seed       seed of the share's random draws (null: random)
     * @param error      Zalo error code to answer (HTTP 200, Zalo's body shape)
     * @param message    message for that error (null: the stub's message for the code)
     * @param httpStatus HTTP status to answer with a gateway's HTML page (500, 502, 503, 504)
     * @param latencyMs  delay before answering
     * @param timeout    hold the connection for {@code holdMs} (default 60 s) without answering
     * @param process    with a timeout or latency: whether the call takes effect (e.g. the ZNS is
     *                   sent) before the connection is held; default false for timeouts
     */
    record Spec(String endpoint, Integer times, Double share, Long seed, Integer error, String message,
                Integer httpStatus, Long latencyMs, boolean timeout, Long holdMs, boolean process) {

        Spec {
            if (endpoint == null || (!endpoint.equals("*") && Endpoint.byId(endpoint).isEmpty())) {
                throw new IllegalArgumentException("fault endpoint must be \"*\" or one of " + ids() + ", got "
                        + endpoint);
            }
            int effects = (error != null ? 1 : 0) + (httpStatus != null ? 1 : 0) + (timeout ? 1 : 0);
            if (effects > 1) {
                throw new IllegalArgumentException("a fault has one effect: error, httpStatus or timeout");
            }
            if (effects == 0 && (latencyMs == null || latencyMs <= 0)) {
                throw new IllegalArgumentException("a fault needs error, httpStatus, timeout or latencyMs");
            }
            if (httpStatus != null && (httpStatus < 400 || httpStatus > 599)) {
                throw new IllegalArgumentException("httpStatus must be 4xx or 5xx, got " + httpStatus);
            }
            if (share != null && (share <= 0 || share > 1)) {
                throw new IllegalArgumentException("share must be in (0, 1], got " + share);
            }
            if (times != null && times < 1) {
                throw new IllegalArgumentException("times must be at least 1, got " + times);
            }
            if (latencyMs != null && latencyMs < 0) {
                throw new IllegalArgumentException("latencyMs must not be negative");
            }
        }

        private static String ids() {
            List<String> ids = new ArrayList<>();
            for (Endpoint e : Endpoint.values()) {
                ids.add(e.id());
            }
            return ids.toString();
        }

        boolean matches(Endpoint e) {
            return endpoint.equals("*") || endpoint.equals(e.id());
        }
    }

    /** A fault in force, with its remaining count. */
    static final class Active {
        final long id;
        final Spec spec;
        final Random random;
        Integer remaining;
        long hits;

        Active(long id, Spec spec) {
            this.id = id;
            this.spec = spec;
            this.random = spec.seed() != null ? new Random(spec.seed()) : new Random();
            this.remaining = spec.times() != null ? spec.times() : (spec.share() != null ? null : 1);
        }
    }

    private final List<Active> active = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile CountDownLatch release = new CountDownLatch(1);

    synchronized long add(Spec spec) {
        Active fault = new Active(ids.incrementAndGet(), spec);
        active.add(fault);
        return fault.id;
    }

    /** The fault hitting this call, if any (its count is taken). */
    synchronized Optional<Spec> next(Endpoint endpoint) {
        for (int i = 0; i < active.size(); i++) {
            Active fault = active.get(i);
            if (!fault.spec.matches(endpoint)) {
                continue;
            }
            double share = fault.spec.share() == null ? 1.0 : fault.spec.share();
            if (share < 1.0 && fault.random.nextDouble() >= share) {
                continue;
            }
            fault.hits++;
            if (fault.remaining != null && --fault.remaining == 0) {
                active.remove(i);
            }
            return Optional.of(fault.spec);
        }
        return Optional.empty();
    }

    synchronized List<Active> list() {
        return List.copyOf(active);
    }

    /** Removes every fault and lets every held connection go. */
    void clear() {
        synchronized (this) {
            active.clear();
        }
        releaseHeld();
    }

    void releaseHeld() {
        CountDownLatch old = release;
        release = new CountDownLatch(1);
        old.countDown();
    }

    /** What a held connection waits on: released by {@link #clear()}, a reset or the stub's close. */
    CountDownLatch holdLatch() {
        return release;
    }
}
