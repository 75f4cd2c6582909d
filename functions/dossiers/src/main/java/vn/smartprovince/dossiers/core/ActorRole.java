package vn.smartprovince.dossiers.core;

/** In which capacity someone acted on a dossier. */
public enum ActorRole {
    APPLICANT, OFFICER, SYSTEM
}
