/** The signed-in person's own account: GET, PATCH and DELETE /v1/me, and sign-out everywhere (DELETE /v1/auth/session). */
package vn.smartprovince.identity.account;
