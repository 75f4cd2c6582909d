/** The dispatcher: notification jobs from the queue to Zalo (ZNS or OA), with channel choice, templates, sending hours, retries and leases. */
package vn.smartprovince.notifications.dispatch;
