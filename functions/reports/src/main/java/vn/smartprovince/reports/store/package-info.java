/** Adapters of the core's ports shared by several features: DynamoDB report store (with the public feed's publication in each transition), officer directory, stored province configuration, S3 photo store. */
package vn.smartprovince.reports.store;
