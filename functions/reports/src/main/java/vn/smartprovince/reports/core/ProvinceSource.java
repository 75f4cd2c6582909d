package vn.smartprovince.reports.core;

import vn.smartprovince.shared.province.ProvinceConfig;

/** The province configuration in force (categories, areas, agencies, routing, holidays). */
@FunctionalInterface
public interface ProvinceSource {
    ProvinceConfig config();
}
