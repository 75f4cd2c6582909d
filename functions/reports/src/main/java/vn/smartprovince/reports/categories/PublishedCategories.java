package vn.smartprovince.reports.categories;

import java.util.List;
import vn.smartprovince.shared.province.Category;

/**
 * The report categories of the province configuration in force, with the identity of that
 * configuration (its version and SHA-256, as {@code ProvinceConfigStore} published it).
 */
public record PublishedCategories(String provinceCode, int configVersion, String configSha256,
                                  List<Category> categories) {
    public PublishedCategories {
        categories = List.copyOf(categories);
    }
}
