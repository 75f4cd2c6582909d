/** GET /v1/stats: the dashboard's counters for admins and officers. */
package vn.smartprovince.reports.stats;
