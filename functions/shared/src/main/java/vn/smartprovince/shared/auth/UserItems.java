package vn.smartprovince.shared.auth;

/**
 * The one design of the user item in the main table, shared by the identity functions and the
 * local demo data (so a demo user and a user who signed in through Zalo are the same kind of item).
 *
 * <pre>
 * pk = USER#&lt;zaloId&gt;   sk = PROFILE
 *   itemType USER, zaloId, zaloName, displayName?, avatarUrl?, phone? (84…), birthYear?,
 *   notificationPreference?, roles [{role, agencyId?}], firstSeenAt?, lastSeenAt?,
 *   createdAt, updatedAt, version (optimistic concurrency), sessionVersion (session revocation),
 *   oaFollowerId?, oaFollowing?, oaLastInteractionAt? (the Official Account link, see below)
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
 * <p>The Official Account link is written by the Zalo webhook consumer (follow, unfollow and
 * user_send_text events, matched through {@code user_id_by_app}) and read by the notification
 * dispatcher: {@code oaFollowerId} is the OA-scoped id OA messages go to, {@code oaFollowing}
 * (BOOL) whether the user follows the OA now, {@code oaLastInteractionAt} (RFC 3339) the user's
 * last message to the OA, which opens Zalo's interaction window for consultation messages.
 * Identity's profile updates leave these attributes alone.
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
    public static final String OA_FOLLOWER_ID = "oaFollowerId";
    public static final String OA_FOLLOWING = "oaFollowing";
    public static final String OA_LAST_INTERACTION_AT = "oaLastInteractionAt";

    private UserItems() {
    }

    public static String userKey(String zaloId) {
        return "USER#" + zaloId;
    }

    /** GSI1 partition of an agency's officers. */
    public static String officersKey(String agencyId) {
        return "AGENCY#" + agencyId + "#OFFICERS";
    }
}
