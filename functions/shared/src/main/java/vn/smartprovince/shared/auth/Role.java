package vn.smartprovince.shared.auth;

/**
 * What a signed-in person may do. Every user is a {@link #CITIZEN}; an {@link #OFFICER} acts for
 * exactly one agency of the province configuration; a {@link #PROVINCE_ADMIN} manages who is an
 * officer (and, in later issues, the province's configuration).
 */
public enum Role {
    CITIZEN,
    OFFICER,
    PROVINCE_ADMIN
}
