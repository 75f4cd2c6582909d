/** The agencies' officers: the queue, the actions on a report (accept, request info, answer, transfer, reject, assign) in one handler class, internal notes. */
package vn.smartprovince.reports.officer;
