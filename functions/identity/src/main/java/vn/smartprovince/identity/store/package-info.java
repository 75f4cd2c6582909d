/** Adapters of core's ports: users and agencies in DynamoDB, signing keys in Secrets Manager, Zalo's identity endpoints. */
package vn.smartprovince.identity.store;
