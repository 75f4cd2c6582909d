/** POST /v1/auth/session/renew: a fresh token for a session that has not expired. */
package vn.smartprovince.identity.session;
