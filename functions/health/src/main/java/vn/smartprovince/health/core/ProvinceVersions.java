package vn.smartprovince.health.core;

/** Reads which province configuration version is in force; never throws (a failure is a reason). */
@FunctionalInterface
public interface ProvinceVersions {
    ProvinceVersion inForce();
}
