package vn.smartprovince.dossiers.forms;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAccess;
import vn.smartprovince.dossiers.core.DossierErrors;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * Reading one form of one dossier. Who may: its applicant, officers of an agency that handles or
 * handled it (the current one and every agency earlier in a chain) and province admins; anyone else
 * gets the same 404 as for a dossier that does not exist ({@link DossierAccess}); the phone is shown
 * whole to whom {@link DossierAccess#unmasked()}. A form the dossier has not been issued
 * is 404 with the detail code {@code FORM_NOT_ISSUED}.
 */
public final class DossierForms {
    private final DossierStore store;
    private final Supplier<ProvinceConfig> config;

    public DossierForms(DossierStore store, Supplier<ProvinceConfig> config) {
        this.store = store;
        this.config = config;
    }

    public DossierForm get(Caller caller, String dossierId, String formNumber) {
        Dossier dossier = store.find(dossierId).orElseThrow(DossierErrors::notFound);
        List<TimelineEntry> timeline = store.timeline(dossierId);
        DossierAccess access = DossierAccess.of(caller, dossier, timeline);
        if (!access.sees()) {
            throw DossierErrors.notFound();
        }
        FormKind kind = FormKind.ofNumber(formNumber).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, null,
                List.of(new FieldError("form", "UNKNOWN_FORM", "Chỉ có các mẫu 01 đến 06.",
                        "Forms are 01 to 06.")), Map.of(), null));
        return FormBuilder.build(kind, dossier, timeline, config.get(), access.unmasked())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, null,
                        List.of(new FieldError("form", "FORM_NOT_ISSUED",
                                "Hồ sơ chưa được cấp mẫu " + kind.number() + ".",
                                "Form " + kind.number() + " has not been issued for this dossier.")), Map.of(), null));
    }

}
