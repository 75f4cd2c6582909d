package vn.smartprovince.reports.categories;

import java.util.Optional;
import vn.smartprovince.reports.Wiring;
import vn.smartprovince.shared.province.ProvinceConfigSource;

/**
 * The categories of the configuration in force, from the module's shared
 * {@link ProvinceConfigSource} ({@link Wiring#provinceConfigs}): the same version, with the same
 * bound, as every other report function; its version and hash make the answer's ETag.
 */
public final class SnapshotCategorySource implements CategorySource {
    private final ProvinceConfigSource source;

    public SnapshotCategorySource(ProvinceConfigSource source) {
        this.source = source;
    }

    @Override
    public Optional<PublishedCategories> current() {
        return source.find().map(snapshot -> new PublishedCategories(snapshot.provinceCode(), snapshot.version(),
                snapshot.sha256(), snapshot.config().categories()));
    }
}
