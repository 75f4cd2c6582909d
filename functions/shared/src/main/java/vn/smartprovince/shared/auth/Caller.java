package vn.smartprovince.shared.auth;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;

/**
 * Who is calling, as the session authorizer established it for this request: the Zalo user id,
 * the roles the user holds now (read from the user item on every request), the agency when an
 * officer, and the session.
 *
 * @param agencyId the agency this caller is an officer of, or null
 */
public record Caller(String userId, Set<Role> roles, String agencyId, String sessionId,
                     Instant sessionExpiresAt, Instant authTime) {
    public Caller {
        Objects.requireNonNull(userId, "userId");
        EnumSet<Role> copy = EnumSet.noneOf(Role.class);
        copy.addAll(roles);
        roles = java.util.Collections.unmodifiableSet(copy);
        if (agencyId != null && agencyId.isEmpty()) {
            agencyId = null;
        }
        if (roles.contains(Role.OFFICER) != (agencyId != null)) {
            throw new IllegalArgumentException("an officer, and only an officer, has an agency");
        }
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isProvinceAdmin() {
        return has(Role.PROVINCE_ADMIN);
    }

    /** An officer of exactly this agency (a province admin is not, unless also its officer). */
    public boolean isOfficerOf(String agencyId) {
        return has(Role.OFFICER) && this.agencyId.equals(agencyId);
    }

    /** 403 unless a province admin. */
    public Caller requireProvinceAdmin() {
        if (!isProvinceAdmin()) {
            throw forbidden("role", "PROVINCE_ADMIN_REQUIRED",
                    "Chỉ quản trị viên tỉnh được thực hiện thao tác này.",
                    "Only a province administrator may do this.");
        }
        return this;
    }

    /** 403 unless an officer of this agency: officers act only on their own agency's work. */
    public Caller requireOfficerOf(String agencyId) {
        if (!isOfficerOf(agencyId)) {
            throw forbidden("agencyId", "NOT_AN_OFFICER_OF_AGENCY",
                    "Bạn không phải cán bộ của cơ quan này.", "You are not an officer of this agency.");
        }
        return this;
    }

    /** 403 unless a province admin or an officer of this agency. */
    public Caller requireProvinceAdminOrOfficerOf(String agencyId) {
        if (!isProvinceAdmin() && !isOfficerOf(agencyId)) {
            throw forbidden("agencyId", "NOT_AN_OFFICER_OF_AGENCY",
                    "Chỉ quản trị viên tỉnh hoặc cán bộ của cơ quan này được thực hiện thao tác này.",
                    "Only a province administrator or an officer of this agency may do this.");
        }
        return this;
    }

    private static ApiException forbidden(String field, String code, String vietnamese, String english) {
        return new ApiException(ErrorCode.FORBIDDEN, code,
                java.util.List.of(new FieldError(field, code, vietnamese, english)), java.util.Map.of(), null);
    }
}
