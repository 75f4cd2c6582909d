package vn.smartprovince.shared.province;

/**
 * Reports of {@code categoryCode} in {@code areaCode} go to {@code agencyId}.
 *
 * @param areaCode null: the rule applies in every area (an area-specific rule wins over it)
 */
public record RoutingRule(String categoryCode, String areaCode, String agencyId) {
}
