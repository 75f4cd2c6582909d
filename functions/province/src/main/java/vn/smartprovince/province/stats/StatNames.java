package vn.smartprovince.province.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.smartprovince.province.core.StatDimension;
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.Area;
import vn.smartprovince.shared.province.Category;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;

/** The keys of a dimension and their names, from the province configuration in force. */
final class StatNames {
    private StatNames() {
    }

    /** The name of {@code key}, null when the configuration has no such key. */
    static String name(ProvinceConfig config, StatDimension dimension, String key) {
        return switch (dimension) {
            case PROVINCE -> "ALL".equals(key) ? config.province().name() : null;
            case AGENCY -> config.agency(key).map(Agency::name).orElse(null);
            case CATEGORY -> config.category(key).map(Category::name).orElse(null);
            case PROCEDURE -> config.procedure(key).map(Procedure::name).orElse(null);
            case COMMUNE -> config.area(key).map(Area::name).orElse(null);
        };
    }

    /** Every key of the dimension, in the configuration's order, with its name. */
    static Map<String, String> all(ProvinceConfig config, StatDimension dimension) {
        Map<String, String> names = new LinkedHashMap<>();
        switch (dimension) {
            case PROVINCE -> names.put("ALL", config.province().name());
            case AGENCY -> config.agencies().forEach(a -> names.put(a.id(), a.name()));
            case CATEGORY -> config.categories().forEach(c -> names.put(c.code(), c.name()));
            case PROCEDURE -> config.procedures().forEach(p -> names.put(p.code(), p.name()));
            case COMMUNE -> config.areas().forEach(a -> names.put(a.code(), a.name()));
        }
        return names;
    }
}
