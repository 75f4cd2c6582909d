package vn.smartprovince.notifications.core;

/** How a notification reached (or was to reach) the citizen. */
public enum Channel {
    /** A ZNS template message to the citizen's phone number. */
    ZNS,
    /** An OA consultation message to the citizen as a follower of the province's Official Account. */
    OA
}
