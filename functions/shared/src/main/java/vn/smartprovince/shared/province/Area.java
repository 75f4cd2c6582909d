package vn.smartprovince.shared.province;

import java.util.List;

/**
 * A commune-level unit (phường, xã, đặc khu). {@code formerCodes}/{@code formerNames} list the
 * units it absorbed or was renamed from since 2025-07-01, so that old codes found in history map
 * to the current unit; an old unit split between several new ones appears in each of them.
 *
 * @param centroid optional (null): a representative point, e.g. for maps
 */
public record Area(String code, String name, AreaType type, GeoPoint centroid,
                   List<String> formerCodes, List<String> formerNames) {
    public Area {
        formerCodes = List.copyOf(formerCodes);
        formerNames = List.copyOf(formerNames);
    }
}
