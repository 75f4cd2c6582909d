/**
 * Who calls: the {@link vn.smartprovince.shared.auth.Caller} established by the session authorizer
 * (identity functions), role checks answering 403, and the user item's design
 * ({@link vn.smartprovince.shared.auth.UserItems}). Protected handlers extend
 * {@link vn.smartprovince.shared.auth.AuthenticatedFunction}.
 */
package vn.smartprovince.shared.auth;
