/** The heartbeat adapter: the main table, entries removed by its TTL. */
package vn.smartprovince.health.store;
