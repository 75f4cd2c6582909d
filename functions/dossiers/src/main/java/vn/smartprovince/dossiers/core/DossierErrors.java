package vn.smartprovince.dossiers.core;

import java.util.List;
import java.util.Map;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;

/** THE refusals of dossier routes: 404 for what the caller may not see, 409 with the current dossier. */
public final class DossierErrors {
    private DossierErrors() {
    }

    /** 404: missing, or someone else's (never revealed). */
    public static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, null);
    }

    /**
     * 409 {@code VERSION_MISMATCH} naming {@code expectedVersion}, with the current dossier's view (the
     * same code and field as the reports' routes use).
     */
    public static ApiException versionConflict(int currentVersion, Object currentView) {
        return conflict("expectedVersion", "VERSION_MISMATCH",
                "Hồ sơ vừa được cập nhật (phiên bản " + currentVersion + "), vui lòng tải lại.",
                "The dossier changed (now version " + currentVersion + "); reload it.", currentView);
    }

    /** 409 {@code TRANSITION_NOT_ALLOWED} naming {@code status}: not allowed in the dossier's current status. */
    public static ApiException invalidTransition(DossierStatus status, Object currentView) {
        return conflict("status", "TRANSITION_NOT_ALLOWED",
                "Không thể thực hiện thao tác này khi hồ sơ ở trạng thái \"" + status.vietnameseName() + "\".",
                "This action is not allowed while the dossier is " + status.name() + ".", currentView);
    }

    /** 409 {@code code} naming {@code field}, with the current dossier's view: a dossier rule of its own. */
    public static ApiException conflict(String field, String code, String vietnamese, String english, Object currentView) {
        return new ApiException(ErrorCode.CONFLICT, code, List.of(new FieldError(field, code, vietnamese, english)),
                Map.of(), currentView);
    }
}
