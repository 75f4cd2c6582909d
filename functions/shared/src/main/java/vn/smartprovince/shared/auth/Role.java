package vn.smartprovince.shared.auth;

/**
 * What a signed-in person may do. Every user is a {@link #CITIZEN}; an {@link #OFFICER} acts for
 * exactly one agency of the province configuration; a {@link #PROVINCE_ADMIN} manages who is an
 * officer, grants the other roles and manages the province's configuration.
 */
public enum Role {
    CITIZEN,
    OFFICER,
    PROVINCE_ADMIN,
    /**
     * Writes the province's news (granted by an admin). An editor who is also an officer of an
     * agency writes for that agency; one who is not writes for the province.
     */
    EDITOR,
    /** Sends urgent alerts (cảnh báo khẩn) to citizens (granted by an admin; admins may too). */
    ALERT_SENDER
}
