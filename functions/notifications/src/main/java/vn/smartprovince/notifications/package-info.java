/** Notifications: jobs to citizens through Zalo (ZNS, OA messages), decoupled through SQS. */
package vn.smartprovince.notifications;
