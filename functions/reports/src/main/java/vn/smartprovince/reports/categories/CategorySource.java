package vn.smartprovince.reports.categories;

import java.util.Optional;

/** Where the categories in force come from; empty when the province has no configuration yet. */
@FunctionalInterface
public interface CategorySource {
    Optional<PublishedCategories> current();
}
