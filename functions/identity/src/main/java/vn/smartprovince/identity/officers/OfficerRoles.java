package vn.smartprovince.identity.officers;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import vn.smartprovince.identity.core.Agencies;
import vn.smartprovince.identity.core.User;
import vn.smartprovince.identity.core.Users;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;

/**
 * Who is an officer of which agency. Province administrators grant and revoke the role by Zalo
 * user id (the person must have signed in once, so the id is one Zalo really gave); an officer
 * belongs to one agency, so a grant for another agency moves them. The change takes effect on the
 * person's next request: the authorizer reads roles from the user item every time.
 */
final class OfficerRoles {
    static final Pattern ZALO_ID = Pattern.compile("[0-9]{1,32}");
    /** Agency ids as the province configuration allows them (they are part of DynamoDB keys). */
    static final Pattern AGENCY_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final int ATTEMPTS = 4;

    private final Users users;
    private final Agencies agencies;
    private final Clock clock;

    OfficerRoles(Users users, Agencies agencies, Clock clock) {
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Makes {@code zaloId} an officer of {@code agencyId}; idempotent. */
    User grant(Caller caller, String zaloId, String agencyId) {
        caller.requireProvinceAdmin();
        checkZaloId(zaloId);
        if (agencyId == null) {
            throw ApiException.invalid(new FieldError("agencyId", "REQUIRED", "Thiếu mã cơ quan.", "agencyId is missing."));
        }
        if (!AGENCY_ID.matcher(agencyId).matches() || !agencies.exists(agencyId)) {
            throw ApiException.invalid(new FieldError("agencyId", "UNKNOWN_AGENCY",
                    "Không có cơ quan này trong cấu hình tỉnh.", "There is no such agency in the province configuration."));
        }
        return change(zaloId, user -> User.rolesWith(user.roles(), RoleGrant.officerOf(agencyId)));
    }

    /** Takes the officer role away from {@code zaloId}; idempotent. */
    User revoke(Caller caller, String zaloId) {
        caller.requireProvinceAdmin();
        checkZaloId(zaloId);
        return change(zaloId, user -> User.rolesWithout(user.roles(), Role.OFFICER));
    }

    /** The roles an admin grants by name on {@code /v1/users/{zaloId}/roles/{role}}; the others have their own routes. */
    static final java.util.Set<Role> GRANTABLE = java.util.EnumSet.of(Role.EDITOR, Role.ALERT_SENDER);

    /** Gives {@code zaloId} the role named {@code roleName} (EDITOR or ALERT_SENDER); idempotent. */
    User grantRole(Caller caller, String zaloId, String roleName) {
        caller.requireProvinceAdmin();
        checkZaloId(zaloId);
        Role role = grantable(roleName);
        return change(zaloId, user -> User.rolesWith(user.roles(), new RoleGrant(role, null)));
    }

    /** Takes the role named {@code roleName} (EDITOR or ALERT_SENDER) away from {@code zaloId}; idempotent. */
    User revokeRole(Caller caller, String zaloId, String roleName) {
        caller.requireProvinceAdmin();
        checkZaloId(zaloId);
        Role role = grantable(roleName);
        return change(zaloId, user -> User.rolesWithout(user.roles(), role));
    }

    private static Role grantable(String roleName) {
        for (Role role : GRANTABLE) {
            if (role.name().equals(roleName)) {
                return role;
            }
        }
        throw ApiException.invalid(new FieldError("role", "UNKNOWN_ROLE",
                "Chỉ cấp hoặc thu hồi vai trò EDITOR hoặc ALERT_SENDER ở đây (cán bộ và quản trị có đường dẫn riêng).",
                "Only EDITOR or ALERT_SENDER are granted or revoked here (officers and admins have their own routes)."));
    }

    /** A page of an agency's officers: for province admins and the agency's own officers. */
    Users.Page officers(Caller caller, String agencyId, String afterZaloId, int limit) {
        return officersOf(caller, agencyId).page(afterZaloId, limit);
    }

    /**
     * The right to list an agency's officers, decided before the request's query is read: 403 for
     * anyone but province admins and the agency's own officers, 404 when there is no such agency.
     */
    AgencyOfficers officersOf(Caller caller, String agencyId) {
        caller.requireProvinceAdminOrOfficerOf(agencyId);
        if (!caller.isOfficerOf(agencyId) && (!AGENCY_ID.matcher(agencyId).matches() || !agencies.exists(agencyId))) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no such agency");
        }
        return new AgencyOfficers(agencyId);
    }

    /** An agency whose officers the caller may list. */
    final class AgencyOfficers {
        private final String agencyId;

        private AgencyOfficers(String agencyId) {
            this.agencyId = agencyId;
        }

        Users.Page page(String afterZaloId, int limit) {
            return users.officersOf(agencyId, afterZaloId, limit);
        }
    }

    private User change(String zaloId, java.util.function.Function<User, List<RoleGrant>> roles) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            User user = users.find(zaloId).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no such user",
                    List.of(new FieldError("zaloId", "UNKNOWN_USER",
                            "Chưa có người dùng Zalo này: họ cần đăng nhập mini app một lần trước.",
                            "No user with this Zalo id: they must sign in to the mini app once first.")),
                    java.util.Map.of(), null));
            List<RoleGrant> next = roles.apply(user);
            if (next.equals(user.roles())) {
                return user;
            }
            User updated = user.withRoles(next, clock.instant());
            try {
                users.update(updated, user.version());
                return updated;
            } catch (Users.VersionConflict e) {
                // changed meanwhile: read again
            }
        }
        throw new ApiException(ErrorCode.CONFLICT, "role change kept racing with other changes");
    }

    private static void checkZaloId(String zaloId) {
        if (zaloId == null || !ZALO_ID.matcher(zaloId).matches()) {
            throw ApiException.invalid(new FieldError("zaloId", "INVALID_FORMAT", "Mã người dùng Zalo gồm 1–32 chữ số.",
                    "A Zalo user id is 1 to 32 digits."));
        }
    }
}
