/** POST /v1/report-photos/uploads: presigned uploads of report photos. */
package vn.smartprovince.reports.photos;
