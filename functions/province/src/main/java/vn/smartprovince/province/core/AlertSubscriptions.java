package vn.smartprovince.province.core;

import java.util.List;
import java.util.Optional;

/**
 * Citizens' alert communes: the choice ({@link AlertPrefs}) and the subscription partitions the
 * fan-out pages (one per commune, plus {@link Alert#PROVINCE} with every citizen who enabled alerts).
 */
public interface AlertSubscriptions {

    /** One subscriber of a partition, with every commune they subscribed to (home first). */
    record Subscriber(String userId, List<String> areas) {
        public Subscriber {
            areas = List.copyOf(areas);
        }
    }

    /** @param next where the next page starts; null on the last page */
    record Page(List<Subscriber> items, String next) {
    }

    Optional<AlertPrefs> prefs(String userId);

    /**
     * Replaces the choice and the subscriptions in one transaction (the old ones removed),
     * conditional on {@code previous} still being the stored choice (null: none yet). False when it moved on.
     */
    boolean save(AlertPrefs next, AlertPrefs previous);

    /** Subscribers of a partition in user-id order, after {@code after} (null: from the start). */
    Page page(String partition, String after, int limit);

    /** An erased citizen: the choice and every subscription removed. */
    void forget(String userId);
}
