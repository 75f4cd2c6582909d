package vn.smartprovince.local.demo;

import java.util.List;
import java.util.Optional;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.auth.RoleGrant;

/**
 * A user of the demo data set, with the roles of the running system ({@link Role}, {@link RoleGrant}).
 *
 * @param zaloId the Zalo user id as the mini app sees it (numeric)
 * @param phone  {@code 84xxxxxxxxx}
 */
public record DemoUser(String zaloId, String displayName, String phone, List<RoleGrant> roles) {
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
