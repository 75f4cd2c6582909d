package vn.smartprovince.shared.auth;

import java.util.Objects;

/**
 * One role held by a user, as stored in the user item ({@code roles: [{role, agencyId?}]}) and
 * returned by the API. {@code agencyId} is set for {@link Role#OFFICER} and only for it.
 */
public record RoleGrant(Role role, String agencyId) {
    public RoleGrant {
        Objects.requireNonNull(role, "role");
        if (role == Role.OFFICER && (agencyId == null || agencyId.isBlank())) {
            throw new IllegalArgumentException("an OFFICER grant needs an agencyId");
        }
        if (role != Role.OFFICER && agencyId != null) {
            throw new IllegalArgumentException("only an OFFICER grant has an agencyId");
        }
    }

    public static RoleGrant citizen() {
        return new RoleGrant(Role.CITIZEN, null);
    }

    public static RoleGrant officerOf(String agencyId) {
        return new RoleGrant(Role.OFFICER, agencyId);
    }

    public static RoleGrant provinceAdmin() {
        return new RoleGrant(Role.PROVINCE_ADMIN, null);
    }
}
