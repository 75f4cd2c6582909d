package vn.smartprovince.health.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.smartprovince.health.core.ProvinceVersion;

/** The health rule without AWS: OK only when what was written is read back. */
class HealthCheckTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC);

    @Test
    void okWhenTheHeartbeatRoundTrips() {
        Map<String, String> store = new HashMap<>();
        HealthCheck check = new HealthCheck((id, value, expiresAt) -> {
            assertEquals(Instant.parse("2026-11-28T10:30:00Z"), expiresAt, "heartbeats expire after an hour");
            store.put(id, value);
            return store.get(id);
        }, clock, "1.2.3", "prod");
        HealthCheck.Report report = check.run();
        assertEquals(HealthCheck.Status.OK, report.status());
        assertEquals("1.2.3", report.version());
        assertEquals("prod", report.stage());
        assertEquals("2026-11-28T09:30:00Z", report.checkedAt());
        assertNull(report.dynamodb().cause());
    }

    @Test
    void degradedWithTheCauseWhenTheStoreFails() {
        HealthCheck check = new HealthCheck((id, value, expiresAt) -> {
            throw new IllegalStateException("connection refused");
        }, clock, "1.2.3", "prod");
        HealthCheck.Report report = check.run();
        assertEquals(HealthCheck.Status.DEGRADED, report.status());
        assertEquals("IllegalStateException", report.dynamodb().cause());
    }

    @Test
    void degradedWhenTheReadDiffers() {
        HealthCheck check = new HealthCheck((id, value, expiresAt) -> null, clock, "1.2.3", "prod");
        assertEquals(HealthCheck.Status.DEGRADED, check.run().status());
    }

    @Test
    void reportsTheProvinceVersionWithoutChangingTheStatus() {
        Map<String, String> store = new HashMap<>();
        HealthCheck.Report report = new HealthCheck((id, value, expiresAt) -> {
            store.put(id, value);
            return store.get(id);
        }, () -> ProvinceVersion.none("DEMO-TNH", "NOT_PUBLISHED"), clock, "1.2.3", "prod").run();
        assertEquals(HealthCheck.Status.OK, report.status());
        assertEquals("NOT_PUBLISHED", report.provinceConfig().reason());
        assertNull(report.provinceConfig().version());

        HealthCheck.Report published = new HealthCheck((id, value, expiresAt) -> value,
                () -> ProvinceVersion.inForce("DEMO-TNH", 3, "2026-11-27T08:00:00Z"), clock, "1.2.3", "prod").run();
        assertEquals(3, published.provinceConfig().version());
    }
}
