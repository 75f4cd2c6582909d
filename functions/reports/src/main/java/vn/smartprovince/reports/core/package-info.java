/** The reports domain: the report, its lifecycle (state machine, transitions with their refusals), history, notices, counters, views, request helpers, and the ports (ReportStore, ProvinceSource, OfficerDirectory, AgencyMembers, PhotoStore). Depends on nothing else in the module. */
package vn.smartprovince.reports.core;
