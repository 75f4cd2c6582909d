package vn.smartprovince.identity.store;

import vn.smartprovince.identity.core.Agencies;
import vn.smartprovince.shared.province.ProvinceConfigSource;

/**
 * Agencies of the province configuration in force, from the shared {@link ProvinceConfigSource}
 * (one snapshot per call): a newly published agency can be granted officers within the source's
 * refresh interval ({@code PROVINCE_CONFIG_REFRESH_SECONDS}, default 60 s), as every other
 * function sees the configuration. No configuration published = 503.
 */
public final class ProvinceAgencies implements Agencies {
    private final ProvinceConfigSource source;

    public ProvinceAgencies(ProvinceConfigSource source) {
        this.source = source;
    }

    @Override
    public boolean exists(String agencyId) {
        return source.snapshot().config().agency(agencyId).isPresent();
    }
}
