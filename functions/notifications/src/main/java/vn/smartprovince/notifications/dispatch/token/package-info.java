/** The Official Account's access token, kept in the main table and refreshed once for all dispatchers. */
package vn.smartprovince.notifications.dispatch.token;
