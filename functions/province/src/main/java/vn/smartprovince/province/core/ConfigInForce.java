package vn.smartprovince.province.core;

import java.util.Objects;
import vn.smartprovince.shared.province.ProvinceSnapshot;

/**
 * The configuration in force as the province administrators read it: the published version and
 * who applied it, when the store recorded that.
 *
 * @param appliedBy who applied this version ({@code province apply} records it), or null
 * @param appliedAt when they did, or null
 */
public record ConfigInForce(ProvinceSnapshot snapshot, String appliedBy, String appliedAt) {
    public ConfigInForce {
        Objects.requireNonNull(snapshot, "snapshot");
    }

    /** The entity tag of this version: {@code "<version>"}. */
    public String etag() {
        return "\"" + snapshot.version() + "\"";
    }
}
