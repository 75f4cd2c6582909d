package vn.smartprovince.dossiers.core;

/** What happened to a dossier: one timeline entry each. */
public enum DossierAction {
    SUBMIT, RECEIVE, REFUSE, REQUEST_SUPPLEMENT, ANSWER_SUPPLEMENT, START, TRANSFER, REQUEST_FEES, WITHDRAW, STOP,
    FINISH, RETURN_RESULT,
    /** Form 04: apology and a new due date, once, before the due date. */
    EXTEND,
    /** The scheduler found it past its due date (no status change). */
    FLAG_OVERDUE,
    /**
     * A desk update of the one-stop system that the dossier's current status does not allow (the
     * conflict rule: the mini app's state decides). No status change; officers see it, the applicant
     * does not.
     */
    DESK_UPDATE_REFUSED
}
