package vn.smartprovince.dossiers.core;

import java.util.List;
import vn.smartprovince.shared.auth.Caller;

/**
 * Who may see a dossier, and how much. A dossier is private: its applicant, the officers of the
 * agency handling it now or of an agency in its timeline (a chain's earlier agencies), and the
 * province's admins see it; anyone else gets a 404, as if it did not exist.
 */
public enum DossierAccess {
    /** The account that submitted it: everything, unmasked. */
    APPLICANT,
    /** An officer of the agency handling it now: everything, CCCD and phone unmasked. */
    CURRENT_AGENCY,
    /** An officer of an agency that handled it before: CCCD and phone masked. */
    EARLIER_AGENCY,
    /** A province admin: CCCD and phone masked. */
    ADMIN,
    /** Anyone else: not found. */
    NONE;

    /** The caller's access; {@code timeline} may be empty when only the current agency matters. */
    public static DossierAccess of(Caller caller, Dossier dossier, List<TimelineEntry> timeline) {
        if (caller.userId().equals(dossier.applicant().userId())) {
            return APPLICANT;
        }
        if (caller.isOfficerOf(dossier.agencyId())) {
            return CURRENT_AGENCY;
        }
        for (TimelineEntry entry : timeline) {
            if ((entry.fromAgencyId() != null && caller.isOfficerOf(entry.fromAgencyId()))
                    || (entry.toAgencyId() != null && caller.isOfficerOf(entry.toAgencyId()))) {
                return EARLIER_AGENCY;
            }
        }
        if (caller.isProvinceAdmin()) {
            return ADMIN;
        }
        return NONE;
    }

    public boolean sees() {
        return this != NONE;
    }

    /** Whether CCCD and phone numbers are shown in full. */
    public boolean unmasked() {
        return this == APPLICANT || this == CURRENT_AGENCY;
    }
}
