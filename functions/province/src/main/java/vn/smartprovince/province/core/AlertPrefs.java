package vn.smartprovince.province.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A citizen's choice of alert communes: their home commune, others (their parents' commune), and
 * whether they want alerts at all. A citizen who never chose has none and gets no alerts.
 *
 * @param version 1 for the first choice, then +1 per change
 */
public record AlertPrefs(String userId, String homeAreaCode, List<String> areaCodes, boolean enabled, long version,
                         Instant updatedAt) {
    /** At most this many communes besides the home one. */
    public static final int MAX_OTHER_AREAS = 10;

    public AlertPrefs {
        areaCodes = List.copyOf(areaCodes);
    }

    /** The communes subscribed to, home first, each once; empty when alerts are disabled. */
    public List<String> subscribedAreas() {
        if (!enabled) {
            return List.of();
        }
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add(homeAreaCode);
        all.addAll(areaCodes);
        return new ArrayList<>(all);
    }
}
