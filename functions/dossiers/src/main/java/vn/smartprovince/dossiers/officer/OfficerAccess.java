package vn.smartprovince.dossiers.officer;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;

/**
 * Who may do what to a dossier on the officers' routes, checked before anything of the request
 * is read:
 * <ul>
 *   <li>act (every transition): an officer of the dossier's CURRENT agency, or a province admin;</li>
 *   <li>read the internal notes and write one: those, and officers of an agency that handled it
 *       earlier (a transfer chain);</li>
 *   <li>404 for whoever may not even see the dossier (another citizen, an officer of an agency that
 *       never handled it): its existence is not revealed; 403 {@code ACTION_NOT_PERMITTED} for
 *       those who see it but may not do this (its applicant, an officer of an earlier agency).</li>
 * </ul>
 */
final class OfficerAccess {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final DossierStore store;

    OfficerAccess(DossierStore store) {
        this.store = store;
    }

    /** The dossier, if {@code caller} may act on it now; 404/403 otherwise. */
    Dossier toAct(Caller caller, String dossierId) {
        Dossier dossier = find(dossierId);
        if (caller.isProvinceAdmin() || caller.isOfficerOf(dossier.agencyId())) {
            return dossier;
        }
        if (isApplicant(caller, dossier) || handledEarlier(caller, dossier)) {
            throw notPermitted("Chỉ cán bộ của cơ quan đang giải quyết hồ sơ được thực hiện thao tác này.",
                    "Only an officer of the agency now handling the dossier may do this.");
        }
        throw notFound();
    }

    /** The dossier, if {@code caller} may read and write its internal notes; 404/403 otherwise. */
    Dossier toKeepNotes(Caller caller, String dossierId) {
        Dossier dossier = find(dossierId);
        if (caller.isProvinceAdmin() || caller.isOfficerOf(dossier.agencyId()) || handledEarlier(caller, dossier)) {
            return dossier;
        }
        if (isApplicant(caller, dossier)) {
            throw notPermitted("Ghi chú nội bộ chỉ dành cho cán bộ.", "Internal notes are for officers only.");
        }
        throw notFound();
    }

    private Dossier find(String dossierId) {
        if (dossierId == null || !ID.matcher(dossierId).matches()) {
            throw notFound();
        }
        return store.find(dossierId).orElseThrow(OfficerAccess::notFound);
    }

    private static boolean isApplicant(Caller caller, Dossier dossier) {
        return dossier.applicant() != null && caller.userId().equals(dossier.applicant().userId());
    }

    /** An officer of an agency the dossier was transferred away from (read from its timeline). */
    private boolean handledEarlier(Caller caller, Dossier dossier) {
        if (!caller.has(Role.OFFICER)) {
            return false;
        }
        String agency = caller.agencyId();
        for (TimelineEntry entry : store.timeline(dossier.id())) {
            if (agency.equals(entry.fromAgencyId()) || agency.equals(entry.toAgencyId())) {
                return true;
            }
        }
        return false;
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, null);
    }

    static ApiException notPermitted(String vietnamese, String english) {
        return new ApiException(ErrorCode.FORBIDDEN, "ACTION_NOT_PERMITTED", List.of(new FieldError("action",
                "ACTION_NOT_PERMITTED", vietnamese, english)), Map.of(), null);
    }
}
