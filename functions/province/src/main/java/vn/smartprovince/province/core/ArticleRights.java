package vn.smartprovince.province.core;

import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;

/**
 * Who writes which articles. An {@link Role#EDITOR} who is also an officer of an agency writes for
 * that agency and changes only its articles; an editor who is not an officer writes for the province
 * (agencyId null) and changes only the province's; a {@link Role#PROVINCE_ADMIN} changes all (and
 * writes as an editor would). Anyone else is refused (403) before anything is read; an article the
 * caller may not change is, to them, not there (404).
 */
public final class ArticleRights {
    private ArticleRights() {
    }

    /** 403 {@code EDITOR_REQUIRED} unless an editor or a province admin. */
    public static void requireAuthor(Caller caller) {
        if (!caller.has(Role.EDITOR) && !caller.isProvinceAdmin()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "EDITOR_REQUIRED", java.util.List.of(new FieldError("role",
                    "EDITOR_REQUIRED", "Chỉ biên tập viên hoặc quản trị viên tỉnh được viết tin.",
                    "Only an editor or a province administrator may write news.")), java.util.Map.of(), null);
        }
    }

    /** The agency the caller writes for: their agency when an officer, null (the province) otherwise. */
    public static String writesFor(Caller caller) {
        return caller.has(Role.OFFICER) ? caller.agencyId() : null;
    }

    /** Whether the caller may see and change this article on the desk. */
    public static boolean mayChange(Caller caller, Article article) {
        if (caller.isProvinceAdmin()) {
            return true;
        }
        if (!caller.has(Role.EDITOR)) {
            return false;
        }
        return java.util.Objects.equals(writesFor(caller), article.agencyId());
    }
}
