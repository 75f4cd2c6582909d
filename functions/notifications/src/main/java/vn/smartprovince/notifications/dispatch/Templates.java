package vn.smartprovince.notifications.dispatch;

import java.util.Optional;
import vn.smartprovince.shared.province.NotificationTemplate;

/** The province's notification templates by key ({@link ProvinceTemplates}). */
@FunctionalInterface
interface Templates {

    /**
     * @throws vn.smartprovince.shared.http.ApiException 503 when the configuration cannot be read
     */
    Optional<NotificationTemplate> find(String key);
}
