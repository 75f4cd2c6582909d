package vn.smartprovince.notifications.core;

/**
 * How a notification reached (or was to reach) the citizen: the delivery record's {@code channel},
 * shown in {@code GET /v1/me/notifications}, and the channel part of the counters'
 * {@code <CHANNEL>#<outcome>} ({@link vn.smartprovince.shared.stats.NotificationCounterKeys}).
 */
public enum Channel {
    /** A template message (ZNS / ZBS Template Message) to the citizen's phone number. */
    ZNS,
    /** A ZBS Template Message to the citizen's OA-scoped Zalo user id through the OA API (lower price, no phone needed). */
    ZBS_UID,
    /** An OA consultation message to the citizen as a follower of the province's Official Account. */
    OA
}
