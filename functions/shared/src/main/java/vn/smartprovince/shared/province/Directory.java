package vn.smartprovince.shared.province;

import java.util.List;
import java.util.Optional;

/**
 * The province's directory (danh bạ): the numbers everyone should know, and the places citizens
 * go to. The service centres of {@code serviceCentres} are part of it without a copy here (the
 * province module's directory adds them as {@link DirectoryKind#SERVICE_CENTRE} entries).
 */
public record Directory(List<Hotline> hotlines, List<DirectoryEntry> entries) {
    public static final Directory EMPTY = new Directory(List.of(), List.of());

    public Directory {
        hotlines = hotlines == null ? List.of() : List.copyOf(hotlines);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public Optional<DirectoryEntry> entry(String id) {
        return entries.stream().filter(entry -> entry.id().equals(id)).findFirst();
    }
}
