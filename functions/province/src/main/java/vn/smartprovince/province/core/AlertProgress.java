package vn.smartprovince.province.core;

import java.util.Map;
import java.util.TreeMap;

/**
 * How far an alert went out: jobs queued by the fan-out, and what the dispatcher made of them
 * (sent, delivered on Zalo's receipt, undeliverable and failed by reason, e.g. OPTED_OUT,
 * CAMPAIGN_CANCELLED, NO_CHANNEL, ZALO_-108).
 *
 * @param partitionsDone subscription partitions the fan-out finished (of {@code partitions})
 */
public record AlertProgress(long queued, long sent, long delivered, Map<String, Long> undeliverable,
                            Map<String, Long> failed, int partitions, int partitionsDone) {
    public AlertProgress {
        undeliverable = Map.copyOf(new TreeMap<>(undeliverable));
        failed = Map.copyOf(new TreeMap<>(failed));
    }

    /** Queued jobs the dispatcher has not settled yet. */
    public long pending() {
        long settled = sent + undeliverable.values().stream().mapToLong(Long::longValue).sum()
                + failed.values().stream().mapToLong(Long::longValue).sum();
        return Math.max(0, queued - settled);
    }
}
