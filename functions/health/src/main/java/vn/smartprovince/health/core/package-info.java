/** Health's port: the data store a heartbeat proves. */
package vn.smartprovince.health.core;
