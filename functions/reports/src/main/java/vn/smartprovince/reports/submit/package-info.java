/** POST /v1/reports: the submission's rules (validation, routing, deadline, idempotent creation) and its handler. */
package vn.smartprovince.reports.submit;
