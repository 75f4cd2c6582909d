/** Forgets erased citizens in their reports (main table stream). */
package vn.smartprovince.reports.erasure;
