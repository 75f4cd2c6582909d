package vn.smartprovince.identity;

/** The agencies of the province configuration in force. */
interface Agencies {

    /** Whether the configuration in force has an agency with this id. */
    boolean exists(String agencyId);
}
