package vn.smartprovince.appointments;

import org.junit.jupiter.api.Test;
import vn.smartprovince.testkit.PackageLayout;

/** The module keeps the project's package layout: root = Wiring, core, store, independent features, no cycles. */
class PackageLayoutTest {
    @Test
    void theModuleKeepsThePackageLayout() {
        PackageLayout.assertLayout("vn.smartprovince.appointments");
    }
}
