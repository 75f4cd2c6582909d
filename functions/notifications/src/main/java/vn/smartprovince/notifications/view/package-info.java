/** GET /v1/me/notifications: a citizen's own notifications, newest first. */
package vn.smartprovince.notifications.view;
