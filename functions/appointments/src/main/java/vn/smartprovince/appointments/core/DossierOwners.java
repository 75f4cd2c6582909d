package vn.smartprovince.appointments.core;

import java.util.Optional;

/** Who a dossier belongs to, by its code (a booking may name the caller's own dossier). */
public interface DossierOwners {
    /** The applicant's user id of the dossier with this code, if there is one. */
    Optional<String> applicantOf(String dossierCode);
}
