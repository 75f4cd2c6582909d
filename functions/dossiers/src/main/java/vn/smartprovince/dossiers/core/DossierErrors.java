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

    /** 409 {@code VERSION_CONFLICT} naming {@code expectedVersion}, with the current dossier's view. */
    public static ApiException versionConflict(Object currentView) {
        return new ApiException(ErrorCode.CONFLICT, "VERSION_CONFLICT", List.of(new FieldError("expectedVersion",
                "VERSION_CONFLICT", "Hồ sơ vừa được cập nhật, vui lòng tải lại.",
                "The dossier changed in the meantime; reload it.")), Map.of(), currentView);
    }

    /** 409 {@code INVALID_TRANSITION} naming {@code status}: not allowed in the dossier's current status. */
    public static ApiException invalidTransition(DossierStatus status, Object currentView) {
        return new ApiException(ErrorCode.CONFLICT, "INVALID_TRANSITION", List.of(new FieldError("status",
                "INVALID_TRANSITION", "Không thể thực hiện khi hồ sơ đang ở trạng thái \"" + status.vietnameseName() + "\".",
                "Not allowed while the dossier is " + status.name() + ".")), Map.of(), currentView);
    }
}
