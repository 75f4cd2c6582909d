package vn.smartprovince.shared.province;

/** What a directory (danh bạ) entry is. */
public enum DirectoryKind {
    /** A department or office of the province (sở, ban, ngành). */
    AGENCY,
    /** A public-service centre; those of {@code serviceCentres} appear without a copy in the directory. */
    SERVICE_CENTRE,
    /** A commune's or ward's people's committee (UBND xã/phường). */
    PEOPLES_COMMITTEE,
    /** A police station (công an tỉnh, xã, phường). */
    POLICE,
    /** A health station or hospital (trạm y tế, bệnh viện). */
    HEALTH_STATION,
    OTHER
}
