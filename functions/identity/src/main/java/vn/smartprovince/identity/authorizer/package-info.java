/** The HTTP API's Lambda authorizer: verifies the session token and reads the caller's current roles. */
package vn.smartprovince.identity.authorizer;
