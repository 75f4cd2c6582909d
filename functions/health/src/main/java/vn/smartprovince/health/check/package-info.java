/** GET /v1/health: the check (version, a timed DynamoDB round trip) and its handler. */
package vn.smartprovince.health.check;
