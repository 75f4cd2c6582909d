package vn.smartprovince.reports.core;

/**
 * The capacity in which someone acts on one report. A caller may hold several at once (the
 * triage desk's officer on a report routed to triage is both {@link #AGENCY_OFFICER} and
 * {@link #TRIAGE_OFFICER}); an action is allowed when any of them is allowed.
 */
public enum Actor {
    /** The citizen who sent the report. */
    OWNER,
    /** Any other signed-in citizen (me-too support only). */
    CITIZEN,
    /** An officer of the agency the report is routed to now. */
    AGENCY_OFFICER,
    /** An officer of the province's triage desk: may re-route or reject any open report. */
    TRIAGE_OFFICER,
    /** A province administrator: every officer action on every agency's reports. */
    PROVINCE_ADMIN,
    /** The backend itself (scheduled escalation, auto-close): reserved, no rule uses it yet. */
    SYSTEM
}
