package vn.smartprovince.identity.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.auth.RoleGrant;

/**
 * A person known through Zalo: the user item (design in {@link vn.smartprovince.shared.auth.UserItems}).
 *
 * @param zaloName               the name Zalo reported at the last sign-in (null for a demo user never signed in)
 * @param displayName            the name the user chose, or null to show the Zalo name
 * @param phone                  {@code 84xxxxxxxxx}, only ever from a Zalo phone token (or demo data), or null
 * @param birthYear              optional, for age-band statistics
 * @param notificationPreference null = {@link NotificationPreference#DEFAULT}
 * @param firstSeenAt            first sign-in, null before one (demo users)
 * @param version                optimistic concurrency of profile changes
 * @param sessionVersion         equal to the {@code sv} claim of every valid session token
 */
public record User(String zaloId, String zaloName, String displayName, String avatarUrl, String phone, Integer birthYear,
            NotificationPreference notificationPreference, List<RoleGrant> roles, Instant firstSeenAt,
            Instant lastSeenAt, Instant createdAt, Instant updatedAt, long version, long sessionVersion) {

    public User {
        roles = List.copyOf(roles);
    }

    /** The name to show: the user's choice, else Zalo's, else the empty string. */
    public String name() {
        return displayName != null ? displayName : zaloName != null ? zaloName : "";
    }

    public NotificationPreference preference() {
        return notificationPreference == null ? NotificationPreference.DEFAULT : notificationPreference;
    }

    public boolean has(Role role) {
        return roles.stream().anyMatch(grant -> grant.role() == role);
    }

    public Optional<String> officerOf() {
        return roles.stream().filter(grant -> grant.role() == Role.OFFICER).map(RoleGrant::agencyId).findFirst();
    }

    /** The roles with {@code grant} added (an officer belongs to one agency: a new one replaces the old). */
    public static List<RoleGrant> rolesWith(List<RoleGrant> roles, RoleGrant grant) {
        List<RoleGrant> next = new ArrayList<>(rolesWithout(roles, grant.role()));
        next.add(grant);
        next.sort((a, b) -> a.role().compareTo(b.role()));
        return List.copyOf(next);
    }

    public static List<RoleGrant> rolesWithout(List<RoleGrant> roles, Role role) {
        return roles.stream().filter(grant -> grant.role() != role).toList();
    }

    public User withRoles(List<RoleGrant> roles, Instant now) {
        return new User(zaloId, zaloName, displayName, avatarUrl, phone, birthYear, notificationPreference, roles,
                firstSeenAt, lastSeenAt, createdAt, now, version + 1, sessionVersion);
    }

    public User withProfile(String displayName, String phone, Integer birthYear, NotificationPreference preference, Instant now) {
        return new User(zaloId, zaloName, displayName, avatarUrl, phone, birthYear, preference, roles,
                firstSeenAt, lastSeenAt, createdAt, now, version + 1, sessionVersion);
    }

    /** After a sign-in: what Zalo says now; the version moves only when something visible changed. */
    public User signedIn(String zaloName, String avatarUrl, String phone, List<RoleGrant> roles, Instant now) {
        boolean changed = !java.util.Objects.equals(zaloName, this.zaloName)
                || !java.util.Objects.equals(avatarUrl, this.avatarUrl)
                || !java.util.Objects.equals(phone, this.phone) || !roles.equals(this.roles);
        return new User(zaloId, zaloName, displayName, avatarUrl, phone, birthYear, notificationPreference, roles,
                firstSeenAt == null ? now : firstSeenAt, now, createdAt, changed ? now : updatedAt,
                changed ? version + 1 : version, sessionVersion);
    }

    public User withSessionVersion(long sessionVersion, Instant now) {
        return new User(zaloId, zaloName, displayName, avatarUrl, phone, birthYear, notificationPreference, roles,
                firstSeenAt, lastSeenAt, createdAt, now, version, sessionVersion);
    }
}
