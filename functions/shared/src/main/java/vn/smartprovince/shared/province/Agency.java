package vn.smartprovince.shared.province;

import java.util.List;

/**
 * A body that handles reports, and the areas it covers: all of the province ({@code allAreas}) or
 * the listed commune-level units.
 *
 * @param contactPhone optional (null): {@code 84…} or a short service number such as 113
 */
public record Agency(String id, String name, AgencyKind kind, String contactPhone, boolean allAreas,
                     List<String> areaCodes) {
    public Agency {
        areaCodes = List.copyOf(areaCodes);
    }

    public boolean covers(String areaCode) {
        return allAreas || areaCodes.contains(areaCode);
    }
}
