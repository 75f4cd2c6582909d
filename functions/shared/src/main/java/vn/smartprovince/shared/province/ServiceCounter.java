package vn.smartprovince.shared.province;

import java.util.List;

/**
 * One counter (quầy) of a service centre.
 *
 * @param procedureCodes the procedures it serves (codes of {@code procedures})
 * @param capacity       how many citizens it takes in one slot (officers at the counter)
 */
public record ServiceCounter(String id, String name, List<String> procedureCodes, int capacity) {
    public ServiceCounter {
        procedureCodes = List.copyOf(procedureCodes);
    }
}
