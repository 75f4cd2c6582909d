package vn.smartprovince.health.core;

/**
 * Which version of the province configuration is in force, as {@code GET /v1/health} reports it.
 *
 * @param code        the province ({@code PROVINCE_CODE})
 * @param version     the version in force, or null when none is (then {@code reason} says why)
 * @param publishedAt when it became the one in force, or null
 * @param reason      why there is no version: {@code NOT_PUBLISHED}, {@code PROVINCE_CODE_NOT_SET},
 *                    or the type of the failure that kept it from being read; null with a version
 */
public record ProvinceVersion(String code, Integer version, String publishedAt, String reason) {
    public static ProvinceVersion inForce(String code, int version, String publishedAt) {
        return new ProvinceVersion(code, version, publishedAt, null);
    }

    public static ProvinceVersion none(String code, String reason) {
        return new ProvinceVersion(code, null, null, reason);
    }
}
