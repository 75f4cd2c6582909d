package vn.smartprovince.reports.core;

/**
 * Where a field report stands. Submission puts a report straight into {@link #ROUTED}: routing is
 * synchronous (category x area -> agency, triage as fallback), so "received" and "routed" are the
 * same moment. A transfer is a transition ({@link Action#TRANSFER}), not a state: the report is
 * {@link #ROUTED} again, to another agency.
 */
public enum ReportStatus {
    /** Received and routed to an agency (possibly the triage desk); waiting for it to accept. */
    ROUTED(true),
    /** The agency accepted it and is working on it. */
    IN_PROGRESS(true),
    /** The agency asked the citizen for more information; the clock waits on the citizen. */
    NEEDS_INFO(true),
    /** The agency answered (the answer is public); the citizen may rate it or reopen it. */
    ANSWERED(false),
    /** The citizen said the problem is not fixed: back in the agency's queue. */
    REOPENED(true),
    /** The agency refused it with a reason (not our competence, duplicate, abusive). Final. */
    REJECTED(false),
    /** The citizen took it back before it was handled. Final. */
    WITHDRAWN(false);

    private final boolean open;

    ReportStatus(boolean open) {
        this.open = open;
    }

    /** Waiting on the agency or the citizen: counted as open, offered as a possible duplicate. */
    public boolean open() {
        return open;
    }
}
