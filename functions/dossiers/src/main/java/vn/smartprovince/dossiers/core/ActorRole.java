package vn.smartprovince.dossiers.core;

/** In which capacity someone acted on a dossier. */
public enum ActorRole {
    APPLICANT, OFFICER, SYSTEM,
    /** An officer at the desk of the province's one-stop system, whose change the system pushed to us. */
    ONE_STOP
}
