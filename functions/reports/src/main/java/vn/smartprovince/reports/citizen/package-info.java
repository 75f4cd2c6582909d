/** What a citizen does with reports after submitting: read one, list theirs, nearby duplicates, and the actions (withdraw, provide info, rate, reopen, support) in one handler class. */
package vn.smartprovince.reports.citizen;
