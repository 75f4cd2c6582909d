package vn.smartprovince.health.check;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import vn.smartprovince.health.core.Heartbeats;
import vn.smartprovince.health.core.ProvinceVersion;
import vn.smartprovince.health.core.ProvinceVersions;

/**
 * Answers "is this deployment able to serve?": reports the build version and proves the data
 * store works with a real write-then-read round trip, timed. Also reports which province
 * configuration version is in force ({@code provinceConfig}); that never changes the status:
 * a stack without one is up, and the reason says what is missing.
 */
public final class HealthCheck {

    public enum Status { OK, DEGRADED }

    public record Probe(String name, Status status, long latencyMs, String cause) {
    }

    public record Report(Status status, String version, String stage, String checkedAt, Probe dynamodb,
                         ProvinceVersion provinceConfig) {
    }

    private final Heartbeats heartbeats;
    private final ProvinceVersions provinceVersions;
    private final Clock clock;
    private final String version;
    private final String stage;

    /** Without a province configuration to report (its {@code provinceConfig} is null). */
    public HealthCheck(Heartbeats heartbeats, Clock clock, String version, String stage) {
        this(heartbeats, () -> null, clock, version, stage);
    }

    public HealthCheck(Heartbeats heartbeats, ProvinceVersions provinceVersions, Clock clock, String version,
                       String stage) {
        this.heartbeats = heartbeats;
        this.provinceVersions = provinceVersions;
        this.clock = clock;
        this.version = version;
        this.stage = stage;
    }

    public Report run() {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String value = now.toString();
        long started = System.nanoTime();
        Probe probe;
        try {
            String read = heartbeats.writeAndRead(id, value, now.plusSeconds(3600));
            long latency = (System.nanoTime() - started) / 1_000_000;
            probe = value.equals(read)
                    ? new Probe("dynamodb", Status.OK, latency, null)
                    : new Probe("dynamodb", Status.DEGRADED, latency, "heartbeat read back differs from what was written");
        } catch (RuntimeException e) {
            long latency = (System.nanoTime() - started) / 1_000_000;
            probe = new Probe("dynamodb", Status.DEGRADED, latency, e.getClass().getSimpleName());
        }
        return new Report(probe.status(), version, stage, now.toString(), probe, provinceVersions.inForce());
    }
}
