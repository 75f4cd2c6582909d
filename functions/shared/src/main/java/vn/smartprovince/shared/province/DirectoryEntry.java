package vn.smartprovince.shared.province;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/**
 * One place of the province's directory (danh bạ). Format: docs/directory.md.
 *
 * @param agencyId     the agency of the configuration it belongs to, or null
 * @param areaCode     the commune or ward it stands in (a current code of {@code areas}), or null
 * @param position     where it is (inside the province's bounding box), or null
 * @param openingHours per weekday the periods it is open (as service centres'); empty: not stated
 * @param phones       contact numbers ({@link PhoneNumbers#contact}: {@code 84…} or a service number)
 * @param hotlines     short numbers it answers (113, 114, 115, the province's hotline)
 * @param categories   report category codes it handles
 * @param procedures   procedure codes it handles
 */
public record DirectoryEntry(String id, DirectoryKind kind, String name, String agencyId, String areaCode,
                             String address, GeoPoint position, Map<DayOfWeek, List<OpeningPeriod>> openingHours,
                             List<String> phones, List<String> hotlines, List<String> categories,
                             List<String> procedures) {
    public DirectoryEntry {
        openingHours = openingHours == null ? Map.of() : Map.copyOf(openingHours);
        phones = phones == null ? List.of() : List.copyOf(phones);
        hotlines = hotlines == null ? List.of() : List.copyOf(hotlines);
        categories = categories == null ? List.of() : List.copyOf(categories);
        procedures = procedures == null ? List.of() : List.copyOf(procedures);
    }
}
