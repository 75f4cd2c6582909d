package vn.smartprovince.reports.core;

/** Whether a user is an officer of an agency (the assignee of a report must be). */
@FunctionalInterface
public interface AgencyMembers {
    boolean isOfficerOf(String agencyId, String userId);
}
