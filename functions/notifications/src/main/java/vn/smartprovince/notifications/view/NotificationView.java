package vn.smartprovince.notifications.view;

import java.util.List;
import java.util.Map;
import vn.smartprovince.notifications.core.Delivery;
import vn.smartprovince.notifications.core.DeliveryState;

/**
 * One notification as its recipient sees it: what we told them (the rendered OA text when the
 * template has one, and the template's parameters), when, through which channel, and how far it
 * got. Internal details (lease, attempts, Zalo's message id, the reason's wording) stay out; a
 * failure or an undeliverable notification carries its reason code.
 *
 * @param id        the job id
 * @param channel   {@code ZNS}, {@code ZBS_UID} or {@code OA}; absent until a channel was chosen
 * @param state     {@code QUEUED}, {@code SENDING}, {@code SENT}, {@code DELIVERED}, {@code FAILED},
 *                  {@code DEFERRED} or {@code UNDELIVERABLE}
 * @param createdAt when the change it announces happened
 * @param notBefore DEFERRED: when it will be sent
 */
record NotificationView(String id, String type, String templateKey, String text, Map<String, String> parameters,
                        String channel, DeliveryState state, String reasonCode, String createdAt, String sentAt,
                        String deliveredAt, String notBefore, String updatedAt) {

    static NotificationView of(Delivery d) {
        boolean showReason = d.state() == DeliveryState.FAILED || d.state() == DeliveryState.UNDELIVERABLE
                || d.state() == DeliveryState.DEFERRED || d.state() == DeliveryState.QUEUED;
        return new NotificationView(d.jobId(), d.type(), d.templateKey(), d.text(), d.parameters(),
                d.channel() == null ? null : d.channel().name(), d.state(),
                showReason && d.reason() != null ? d.reason().code() : null, text(d.createdAt()), text(d.sentAt()),
                text(d.deliveredAt()), d.state() == DeliveryState.DEFERRED ? text(d.notBefore()) : null,
                text(d.updatedAt()));
    }

    private static String text(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** {@code {"items": [...], "nextCursor": ...}} */
    record Page(List<NotificationView> items, String nextCursor) {
    }
}
