package vn.smartprovince.health.core;

import java.time.Instant;

/** The data store the health check proves, behind a port so the rule is testable without AWS. */
public interface Heartbeats {
    /** Writes a heartbeat that expires by itself, reads it back (strongly consistent), returns what was read. */
    String writeAndRead(String id, String value, Instant expiresAt);
}
