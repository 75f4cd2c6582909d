package vn.smartprovince.identity.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.json.Json;

/** What several identity routes answer: the own profile and a session (JSON through the shared mapper; nulls left out). */
public final class Views {
    private Views() {
    }

    /** The owner's own profile: the full phone number, only ever shown to its owner. */
    public record Profile(String zaloId, String displayName, String zaloName, String avatarUrl, String phone,
                          Integer birthYear, NotificationPreference notificationPreference, String firstSeenAt,
                          String lastSeenAt, long version) {
        public static Profile of(User user) {
            return new Profile(user.zaloId(), user.name(), user.zaloName(), user.avatarUrl(), user.phone(),
                    user.birthYear(), user.preference(), text(user.firstSeenAt()), text(user.lastSeenAt()),
                    user.version());
        }

        /**
         * What Jackson writes for this record (components in order, nulls left out), written by
         * hand: sign-in's first answer then maps no record by reflection.
         */
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            Json.putIfPresent(node, "zaloId", zaloId);
            Json.putIfPresent(node, "displayName", displayName);
            Json.putIfPresent(node, "zaloName", zaloName);
            Json.putIfPresent(node, "avatarUrl", avatarUrl);
            Json.putIfPresent(node, "phone", phone);
            if (birthYear != null) {
                node.put("birthYear", birthYear.intValue());
            }
            Json.putIfPresent(node, "notificationPreference",
                    notificationPreference == null ? null : notificationPreference.name());
            Json.putIfPresent(node, "firstSeenAt", firstSeenAt);
            Json.putIfPresent(node, "lastSeenAt", lastSeenAt);
            node.put("version", version);
            return node;
        }
    }

    /** Role grants as Jackson writes the records ({@code role}, then {@code agencyId} unless null). */
    public static ArrayNode toJson(List<RoleGrant> roles) {
        ArrayNode array = Json.object().arrayNode(roles.size());
        for (RoleGrant grant : roles) {
            ObjectNode node = array.addObject();
            node.put("role", grant.role().name());
            Json.putIfPresent(node, "agencyId", grant.agencyId());
        }
        return array;
    }

    /** {@code GET/PATCH /v1/me}: the profile and the roles held now. */
    public record Me(Profile profile, List<RoleGrant> roles) {
        public static Me of(User user) {
            return new Me(Profile.of(user), user.roles());
        }
    }

    /** {@code POST /v1/auth/session/renew}. */
    public record Session(String sessionToken, String tokenType, String expiresAt, long expiresIn) {
        public static Session of(Sessions.Issued issued, Instant now) {
            return new Session(issued.token(), "Bearer", issued.expiresAt().toString(), seconds(now, issued.expiresAt()));
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Whole seconds from {@code now} until {@code until}, never negative (a token's {@code expiresIn}). */
    public static long seconds(Instant now, Instant until) {
        return Math.max(0, until.getEpochSecond() - now.getEpochSecond());
    }
}
