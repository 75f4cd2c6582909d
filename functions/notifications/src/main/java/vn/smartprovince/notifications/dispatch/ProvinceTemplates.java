package vn.smartprovince.notifications.dispatch;

import java.util.Optional;
import vn.smartprovince.shared.province.NotificationTemplate;
import vn.smartprovince.shared.province.ProvinceConfigSource;

/**
 * The templates of the configuration in force, from the shared {@link ProvinceConfigSource}: a
 * template approved today applies within its refresh interval ({@code PROVINCE_CONFIG_REFRESH_SECONDS},
 * default 60 s), as every other function's configuration does. A job looks its template up once.
 * A configuration that cannot be read is a 503 (the message is retried), except when an earlier
 * read is at hand.
 */
final class ProvinceTemplates implements Templates {
    private final ProvinceConfigSource source;

    ProvinceTemplates(ProvinceConfigSource source) {
        this.source = source;
    }

    @Override
    public Optional<NotificationTemplate> find(String key) {
        return source.snapshot().config().notificationTemplate(key);
    }
}
