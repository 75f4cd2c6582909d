package vn.smartprovince.notifications.dispatch;

import java.time.Instant;

/**
 * What the dispatcher knows of a recipient: the contact data and preference of identity's user
 * item ({@link vn.smartprovince.shared.auth.UserItems}), and the Official Account link the webhook
 * consumer records there.
 *
 * @param phone             {@code 84xxxxxxxxx}, or null
 * @param followerId        the OA-scoped id, or null when the user never followed the OA
 * @param lastInteractionAt the user's last message to the OA, or null
 */
record Recipient(String userId, String phone, Preference preference, String followerId, boolean following,
                 Instant lastInteractionAt) {

    /** identity's {@code NotificationPreference}, read from the item (null or unknown = the default). */
    enum Preference {
        ZALO_OA, ZNS, NONE;

        static Preference parse(String value) {
            if (value != null) {
                for (Preference preference : values()) {
                    if (preference.name().equals(value)) {
                        return preference;
                    }
                }
            }
            return ZALO_OA;
        }
    }
}
