package vn.smartprovince.province.core;

import java.util.Collection;
import java.util.Map;

/**
 * The statistics counter items the other domains write (key schemes in {@code shared.stats}), read
 * by key: BatchGetItem in production, never a scan. An item or a field nobody wrote yet reads as 0.
 */
@FunctionalInterface
public interface StatCounters {

    /** One counter item: {@code pk = STATS#...}, {@code sk = TOTAL | MONTH#yyyy-MM | WEEK#YYYY-Www | ...}. */
    record StatKey(String pk, String sk) {
    }

    /** The number attributes of each item found (items not found are absent from the answer). */
    Map<StatKey, Map<String, Long>> read(Collection<StatKey> keys);
}
