package vn.smartprovince.reports.store;

import vn.smartprovince.reports.core.ProvinceSource;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigSource;

/**
 * The reports' port on the shared {@link ProvinceConfigSource}: the configuration in force, at most
 * its refresh interval ({@code PROVINCE_CONFIG_REFRESH_SECONDS}, default 60 s) behind a newly
 * published version. No configuration published = 503. A use case calls {@link #config()} once per
 * request and passes the configuration on, so that a request is served from one version.
 */
public final class StoredProvince implements ProvinceSource {
    private final ProvinceConfigSource source;

    public StoredProvince(ProvinceConfigSource source) {
        this.source = source;
    }

    @Override
    public ProvinceConfig config() {
        return source.snapshot().config();
    }
}
