package vn.smartprovince.shared.zalo;

import java.util.Map;
import java.util.Objects;

/**
 * A ZBS Template Message sent by user id through the OA API (see docs/notifications-zbs.md):
 * {@code {"recipient":{"user_id":…},"template_id":…,"template_data":{…},"tracking_id":…}}.
 *
 * @param userId       the recipient's OA-scoped user id (the follower id the OA webhook reports as
 *                     {@code sender.id}; not the mini app's user id)
 * @param templateId   the approved template's id (the same id as when sent by phone)
 * @param templateData the template's parameters by name
 * @param trackingId   our own id, echoed in delivery events: the job's deduplication key; null = none
 */
public record ZbsUidMessage(String userId, String templateId, Map<String, String> templateData, String trackingId) {

    public ZbsUidMessage {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(templateId, "templateId");
        templateData = Map.copyOf(templateData);
    }

    /** The parameters are left out: this may end up in a log. */
    @Override
    public String toString() {
        return "ZbsUidMessage[userId=" + userId + ", templateId=" + templateId + ", parameters="
                + templateData.keySet() + ", trackingId=" + trackingId + "]";
    }
}
