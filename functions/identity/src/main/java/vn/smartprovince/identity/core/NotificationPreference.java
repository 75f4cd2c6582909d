package vn.smartprovince.identity.core;

/** How a citizen wants to hear about their reports and dossiers. */
public enum NotificationPreference {
    /** A message from the province's Official Account (the citizen must follow it). */
    ZALO_OA,
    /** A ZNS template message to the citizen's phone number (needs a phone number). */
    ZNS,
    /** No messages; the citizen looks in the mini app. */
    NONE;

    public static final NotificationPreference DEFAULT = ZALO_OA;
}
