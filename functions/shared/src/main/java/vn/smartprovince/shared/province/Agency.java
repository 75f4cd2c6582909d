package vn.smartprovince.shared.province;

import java.util.List;

/**
 * A body that handles reports, and the areas it covers: all of the province ({@code allAreas}) or
 * the listed commune-level units.
 *
 * @param contactPhone optional (null): {@code 84…} or a short service number such as 113
 * @param unitCode     optional (null): the agency's national code (mã đơn vị, e.g. {@code 000.00.00.H56}),
 *                     required of an agency that is competent for a procedure: dossier codes start with it
 */
public record Agency(String id, String name, AgencyKind kind, String contactPhone, boolean allAreas,
                     List<String> areaCodes, String unitCode) {
    public Agency {
        areaCodes = List.copyOf(areaCodes);
    }

    /** An agency without a national unit code (one that handles reports only). */
    public Agency(String id, String name, AgencyKind kind, String contactPhone, boolean allAreas, List<String> areaCodes) {
        this(id, name, kind, contactPhone, allAreas, areaCodes, null);
    }

    public boolean covers(String areaCode) {
        return allAreas || areaCodes.contains(areaCode);
    }
}
