package vn.smartprovince.dossiers.forms;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import vn.smartprovince.dossiers.core.Dossier;
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
 * gets the same 404 as for a dossier that does not exist. A form the dossier has not been issued
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
        Dossier dossier = store.find(dossierId).orElseThrow(DossierForms::notFound);
        List<TimelineEntry> timeline = store.timeline(dossierId);
        boolean applicant = caller.userId().equals(dossier.applicant().userId());
        if (!applicant && !caller.isProvinceAdmin() && !handledBy(caller, dossier, timeline)) {
            throw notFound();
        }
        FormKind kind = FormKind.ofNumber(formNumber).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, null,
                List.of(new FieldError("form", "UNKNOWN_FORM", "Chỉ có các mẫu 01 đến 06.",
                        "Forms are 01 to 06.")), Map.of(), null));
        return FormBuilder.build(kind, dossier, timeline, config.get(), applicant)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, null,
                        List.of(new FieldError("form", "FORM_NOT_ISSUED",
                                "Hồ sơ chưa được cấp mẫu " + kind.number() + ".",
                                "Form " + kind.number() + " has not been issued for this dossier.")), Map.of(), null));
    }

    /** An officer of the agency that has the dossier now, or of one that had it earlier in the chain. */
    static boolean handledBy(Caller caller, Dossier dossier, List<TimelineEntry> timeline) {
        if (caller.agencyId() == null) {
            return false;
        }
        Set<String> agencies = new HashSet<>();
        agencies.add(dossier.agencyId());
        for (TimelineEntry entry : timeline) {
            if (entry.fromAgencyId() != null) {
                agencies.add(entry.fromAgencyId());
            }
            if (entry.toAgencyId() != null) {
                agencies.add(entry.toAgencyId());
            }
        }
        return agencies.stream().anyMatch(caller::isOfficerOf);
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, null);
    }
}
