package vn.smartprovince.reports.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import vn.smartprovince.reports.core.ProvinceSource;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigStore;

/**
 * The configuration in force of the stack's province ({@code PROVINCE_CODE}, else the only
 * province the table holds), read once and then again at most every {@code refresh} so a newly
 * published configuration (a holiday added, a routing rule changed) applies within minutes.
 * No configuration published = 503.
 */
public final class StoredProvince implements ProvinceSource {
    private final ProvinceConfigStore store;
    private final String provinceCode;
    private final Duration refresh;
    private final Clock clock;
    private volatile ProvinceConfig config;
    private volatile Instant readAt;

    public StoredProvince(ProvinceConfigStore store, String provinceCode, Duration refresh, Clock clock) {
        this.store = store;
        this.provinceCode = provinceCode;
        this.refresh = refresh;
        this.clock = clock;
    }

    @Override
    public ProvinceConfig config() {
        ProvinceConfig current = config;
        if (current != null && clock.instant().isBefore(readAt.plus(refresh))) {
            return current;
        }
        try {
            String code = provinceCode;
            if (code == null) {
                List<String> codes = store.provinceCodes();
                if (codes.size() != 1) {
                    throw ApiException.unavailable("province configuration (set PROVINCE_CODE)");
                }
                code = codes.get(0);
            }
            ProvinceConfig loaded = store.current(code).map(ProvinceConfigStore.Stored::config).orElse(null);
            if (loaded == null) {
                if (current != null) {
                    return current;
                }
                throw ApiException.unavailable("province configuration not published");
            }
            config = loaded;
            readAt = clock.instant();
            return loaded;
        } catch (SdkClientException e) {
            if (current != null) {
                return current;
            }
            throw ApiException.unavailable("dynamodb");
        }
    }
}
