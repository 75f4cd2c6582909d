package vn.smartprovince.province.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.smartprovince.shared.province.Area;
import vn.smartprovince.shared.province.DirectoryEntry;
import vn.smartprovince.shared.province.DirectoryKind;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceSnapshot;
import vn.smartprovince.shared.province.ServiceCentre;
import vn.smartprovince.shared.province.ServiceCounter;
import vn.smartprovince.shared.text.SearchText;

/**
 * The places of one configuration version, ready to search: the directory's entries and the
 * service centres (as {@link DirectoryKind#SERVICE_CENTRE} entries, so they need no copy in the
 * file), each with its text folded once ({@link SearchText}) over name, address, area, agency and
 * what it handles. Ordered by folded name, then id.
 */
final class DirectoryPlaces {
    /** An entry and what search compares. */
    record Place(DirectoryEntry entry, String folded) {
    }

    private final ProvinceSnapshot snapshot;
    private final List<Place> places;

    private DirectoryPlaces(ProvinceSnapshot snapshot, List<Place> places) {
        this.snapshot = snapshot;
        this.places = places;
    }

    static DirectoryPlaces of(ProvinceSnapshot snapshot) {
        ProvinceConfig config = snapshot.config();
        List<DirectoryEntry> entries = new ArrayList<>(config.directory().entries());
        config.serviceCentres().forEach(centre -> entries.add(entry(config, centre)));
        List<Place> places = new ArrayList<>();
        for (DirectoryEntry entry : entries) {
            places.add(new Place(entry, SearchText.fold(searchable(config, entry))));
        }
        places.sort(Comparator.comparing((Place place) -> SearchText.fold(place.entry().name()))
                .thenComparing(place -> place.entry().id()));
        return new DirectoryPlaces(snapshot, List.copyOf(places));
    }

    ProvinceSnapshot snapshot() {
        return snapshot;
    }

    List<Place> places() {
        return places;
    }

    Optional<DirectoryEntry> entry(String id) {
        return places.stream().map(Place::entry).filter(entry -> entry.id().equals(id)).findFirst();
    }

    /**
     * A service centre as a directory entry: its agency's contact number, the procedures its
     * counters serve, and its commune's centroid as the position (approximate: the file gives
     * centres no position of their own).
     */
    static DirectoryEntry entry(ProvinceConfig config, ServiceCentre centre) {
        Set<String> procedures = new LinkedHashSet<>();
        for (ServiceCounter counter : centre.counters()) {
            procedures.addAll(counter.procedureCodes());
        }
        List<String> phones = config.agency(centre.agencyId())
                .map(agency -> agency.contactPhone() == null ? List.<String>of() : List.of(agency.contactPhone()))
                .orElse(List.of());
        var position = centre.communeCode() == null ? null
                : config.area(centre.communeCode()).map(Area::centroid).orElse(null);
        return new DirectoryEntry(centre.id(), DirectoryKind.SERVICE_CENTRE, centre.name(), centre.agencyId(),
                centre.communeCode(), centre.address(), position, centre.openingHours(), phones, List.of(), List.of(),
                List.copyOf(procedures));
    }

    /** Everything a citizen may type to find the place: its names, where it is, what it handles. */
    private static String searchable(ProvinceConfig config, DirectoryEntry entry) {
        StringBuilder text = new StringBuilder(entry.name()).append(' ').append(entry.address());
        if (entry.areaCode() != null) {
            config.area(entry.areaCode()).ifPresent(area -> text.append(' ').append(area.name()));
        }
        if (entry.agencyId() != null) {
            config.agency(entry.agencyId()).ifPresent(agency -> text.append(' ').append(agency.name()));
        }
        entry.categories().forEach(code -> config.category(code).ifPresent(c -> text.append(' ').append(c.name())));
        entry.procedures().forEach(code -> config.procedure(code).ifPresent(p -> text.append(' ').append(p.name())));
        entry.hotlines().forEach(number -> text.append(' ').append(number));
        return text.toString();
    }
}
