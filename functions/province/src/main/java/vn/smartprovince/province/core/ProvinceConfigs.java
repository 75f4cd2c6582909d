package vn.smartprovince.province.core;

import java.util.Optional;

/** Where the configuration in force comes from; empty when none is published. */
@FunctionalInterface
public interface ProvinceConfigs {
    Optional<ConfigInForce> inForce();
}
