/** Adapters of core's ports used by several features: the delivery record in DynamoDB. */
package vn.smartprovince.notifications.store;
