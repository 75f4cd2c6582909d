package vn.smartprovince.shared.auth;

/**
 * The one design of the user item in the main table, shared by the identity functions and the
 * local demo data (so a demo user and a user who signed in through Zalo are the same kind of item).
 *
 * <pre>
 * pk = USER#&lt;zaloId&gt;   sk = PROFILE
 *   itemType USER, zaloId, zaloName, displayName?, avatarUrl?, phone? (84…), birthYear?,
 *   notificationPreference?, roles [{role, agencyId?}], firstSeenAt?, lastSeenAt?,
 *   createdAt, updatedAt, version (optimistic concurrency), sessionVersion (session revocation)
 *   officers:  gsi1pk = AGENCY#&lt;agencyId&gt;#OFFICERS   gsi1sk = USER#&lt;zaloId&gt;
 *   admins:    gsi2pk = ROLE#PROVINCE_ADMIN           gsi2sk = USER#&lt;zaloId&gt;
 * </pre>
 *
 * {@code displayName} is the name the user chose; without it the Zalo name is shown.
 * {@code sessionVersion} starts at the creation time in epoch milliseconds (so an account erased
 * and created again never matches the sessions of the erased one) and grows by one whenever every
 * session of the user must end (sign-out everywhere). The authorizer compares it with the
 * session token's {@code sv} claim on every request.
 *
 * <p>The citizen's link to the province's Official Account is a second item of the user's
 * partition, written by the Zalo webhook's consumer (functions/notifications) from {@code follow},
 * {@code unfollow} and {@code user_send_*} events, and read by the notification dispatcher to choose
 * the OA channel. It exists without a profile (a citizen may follow the OA before opening the mini
 * app), and the profile's writes never touch it:
 *
 * <pre>
 * pk = USER#&lt;zaloId&gt;   sk = OA_FOLLOWER
 *   itemType OA_FOLLOWER, zaloId, followerId (the OA-scoped id OA messages go to), followed (BOOL),
 *   followedSince? (while followed), unfollowedAt? (while not), followChangedAt (the event time of
 *   the last follow/unfollow applied: older events are ignored), followSource?, lastInteractionAt?
 *   (the citizen's last message to the OA), updatedAt; times RFC 3339 UTC with milliseconds
 *   by follower id:  gsi1pk = ZALOFOLLOWER#&lt;followerId&gt;   gsi1sk = USER#&lt;zaloId&gt;
 * </pre>
 */
public final class UserItems {
    public static final String ITEM_TYPE = "USER";
    public static final String PROFILE = "PROFILE";
    public static final String ADMINS = "ROLE#PROVINCE_ADMIN";

    public static final String ZALO_ID = "zaloId";
    public static final String ZALO_NAME = "zaloName";
    public static final String DISPLAY_NAME = "displayName";
    public static final String AVATAR_URL = "avatarUrl";
    public static final String PHONE = "phone";
    public static final String BIRTH_YEAR = "birthYear";
    public static final String NOTIFICATION_PREFERENCE = "notificationPreference";
    public static final String ROLES = "roles";
    public static final String FIRST_SEEN_AT = "firstSeenAt";
    public static final String LAST_SEEN_AT = "lastSeenAt";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String VERSION = "version";
    public static final String SESSION_VERSION = "sessionVersion";

    /** Sort key of the citizen's link to the Official Account (see above). */
    public static final String OA_FOLLOWER = "OA_FOLLOWER";
    public static final String OA_FOLLOWER_ITEM_TYPE = "OA_FOLLOWER";
    public static final String FOLLOWER_ID = "followerId";
    public static final String FOLLOWED = "followed";
    public static final String FOLLOWED_SINCE = "followedSince";
    public static final String UNFOLLOWED_AT = "unfollowedAt";
    public static final String FOLLOW_CHANGED_AT = "followChangedAt";
    public static final String FOLLOW_SOURCE = "followSource";
    public static final String LAST_INTERACTION_AT = "lastInteractionAt";

    private UserItems() {
    }

    public static String userKey(String zaloId) {
        return "USER#" + zaloId;
    }

    /** Who deletes an item whose TTL expired, in a stream record's {@code userIdentity}. */
    static final String TTL_PRINCIPAL = "dynamodb.amazonaws.com";

    /**
     * The Zalo id of the account a request erased ({@code DELETE /v1/me} deletes the profile item),
     * read from a DynamoDB stream record; null for any other record, a TTL deletion included. The
     * one rule every module that forgets an erased citizen follows (reports, alerts).
     */
    public static String erasedUserId(com.fasterxml.jackson.databind.JsonNode record) {
        com.fasterxml.jackson.databind.JsonNode keys = record.path("dynamodb").path("Keys");
        String pk = keys.path("pk").path("S").asText("");
        String prefix = userKey("");
        if (!"REMOVE".equals(record.path("eventName").asText())
                || !PROFILE.equals(keys.path("sk").path("S").asText())
                || !pk.startsWith(prefix) || pk.length() == prefix.length()
                || TTL_PRINCIPAL.equals(record.path("userIdentity").path("principalId").asText())) {
            return null;
        }
        return pk.substring(prefix.length());
    }

    /** GSI1 partition finding a citizen by their OA-scoped follower id. */
    public static String followerKey(String followerId) {
        return "ZALOFOLLOWER#" + followerId;
    }

    /** GSI1 partition of an agency's officers. */
    public static String officersKey(String agencyId) {
        return "AGENCY#" + agencyId + "#OFFICERS";
    }
}
