package vn.smartprovince.local.demo;

import java.util.List;
import java.util.Optional;

/**
 * A user of the demo data set.
 *
 * @param zaloId the Zalo user id as the mini app sees it (numeric)
 * @param phone  {@code 84xxxxxxxxx}
 */
public record DemoUser(String zaloId, String displayName, String phone, List<RoleGrant> roles) {
    public enum Role { CITIZEN, OFFICER, PROVINCE_ADMIN }

    /** A role; {@code agencyId} is set for {@link Role#OFFICER} only. */
    public record RoleGrant(Role role, String agencyId) {
    }

    public DemoUser {
        roles = List.copyOf(roles);
    }

    /** The agency this user is an officer of (at most one). */
    public Optional<String> officerOf() {
        return roles.stream().filter(grant -> grant.role() == Role.OFFICER).map(RoleGrant::agencyId).findFirst();
    }

    public boolean has(Role role) {
        return roles.stream().anyMatch(grant -> grant.role() == role);
    }
}
