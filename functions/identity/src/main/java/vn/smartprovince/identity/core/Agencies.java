package vn.smartprovince.identity.core;

/** The agencies of the province configuration in force. */
public interface Agencies {

    /** Whether the configuration in force has an agency with this id. */
    boolean exists(String agencyId);
}
