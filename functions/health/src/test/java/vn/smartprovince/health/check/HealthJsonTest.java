package vn.smartprovince.health.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import vn.smartprovince.health.core.ProvinceVersion;
import vn.smartprovince.shared.json.Json;

/** The health answer written by hand is, byte for byte, what Jackson wrote for the report record. */
class HealthJsonTest {

    @Test
    void aHealthyReportWithTheVersionInForce() {
        assertSameAsJackson(new HealthCheck.Report(HealthCheck.Status.OK, "1.2.3", "prod", "2026-11-28T09:30:00Z",
                new HealthCheck.Probe("dynamodb", HealthCheck.Status.OK, 12, null),
                ProvinceVersion.inForce("DEMO-TNH", 3, "2026-11-27T08:00:00Z")));
    }

    @Test
    void aDegradedReportWithoutAVersion() {
        assertSameAsJackson(new HealthCheck.Report(HealthCheck.Status.DEGRADED, "dev", "local", "2026-11-28T09:30:00Z",
                new HealthCheck.Probe("dynamodb", HealthCheck.Status.DEGRADED, 2001, "SdkClientException"),
                ProvinceVersion.none(null, "PROVINCE_CODE_NOT_SET")));
        assertSameAsJackson(new HealthCheck.Report(HealthCheck.Status.OK, null, "local", "2026-11-28T09:30:00Z",
                new HealthCheck.Probe("dynamodb", HealthCheck.Status.OK, 0, null), null));
    }

    private static void assertSameAsJackson(HealthCheck.Report report) {
        assertEquals(Json.write(report), Json.write(HealthHandler.json(report)));
    }
}
