/** POST /v1/auth/zalo: sign-in with a Zalo access token (and phone-number token), the first session. */
package vn.smartprovince.identity.signin;
