/** GET /v1/report-categories: the province's categories, cacheable with an ETag. */
package vn.smartprovince.reports.categories;
