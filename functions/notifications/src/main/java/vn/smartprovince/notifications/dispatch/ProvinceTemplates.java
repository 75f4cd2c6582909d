package vn.smartprovince.notifications.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.province.NotificationTemplate;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigStore;

/**
 * The templates of the configuration in force of {@code PROVINCE_CODE}, read once and again at most
 * every {@code refresh} (a template approved today applies within minutes). A configuration that
 * cannot be read is a 503 (the message is retried), except when an earlier read is at hand.
 */
final class ProvinceTemplates implements Templates {
    static final Duration REFRESH = Duration.ofMinutes(5);

    private final ProvinceConfigStore store;
    private final String provinceCode;
    private final Clock clock;
    private volatile ProvinceConfig config;
    private volatile Instant readAt;

    ProvinceTemplates(ProvinceConfigStore store, String provinceCode, Clock clock) {
        this.store = store;
        this.provinceCode = provinceCode;
        this.clock = clock;
    }

    @Override
    public Optional<NotificationTemplate> find(String key) {
        return config().notificationTemplate(key);
    }

    private synchronized ProvinceConfig config() {
        ProvinceConfig current = config;
        Instant now = clock.instant();
        if (current != null && now.isBefore(readAt.plus(REFRESH))) {
            return current;
        }
        try {
            ProvinceConfig loaded = store.current(provinceCode).map(ProvinceConfigStore.Stored::config).orElse(null);
            if (loaded == null) {
                if (current != null) {
                    return current;
                }
                throw ApiException.unavailable("province configuration not published");
            }
            config = loaded;
            readAt = now;
            return loaded;
        } catch (RuntimeException e) {
            if (current != null) {
                return current;
            }
            throw e instanceof ApiException api ? api : ApiException.unavailable("dynamodb");
        }
    }
}
