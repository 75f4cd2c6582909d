package vn.smartprovince.shared.province;

/** What kind of body handles reports. */
public enum AgencyKind {
    /** Provincial department (Sở). */
    DEPARTMENT,
    /** People's Committee of a commune, ward or special zone (UBND xã/phường/đặc khu). */
    COMMUNE_PEOPLES_COMMITTEE,
    /** Electricity, water, sanitation or other service company. */
    UTILITY,
    POLICE,
    /** The desk that receives and dispatches reports no rule routes (and the routing fallback). */
    TRIAGE
}
