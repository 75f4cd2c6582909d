/**
 * Notifications: jobs to citizens through Zalo (ZNS, OA messages), decoupled through SQS. This
 * package holds only {@link vn.smartprovince.notifications.Wiring}; see core, store and one package
 * per feature (relay, dispatch, view, webhook).
 */
package vn.smartprovince.notifications;
