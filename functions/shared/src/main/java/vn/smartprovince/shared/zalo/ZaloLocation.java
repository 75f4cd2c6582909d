package vn.smartprovince.shared.zalo;

import java.time.Instant;

/**
 * A location token decoded by {@code GET /v2.0/me/info}.
 *
 * @param provider  what Zalo reports as the source (e.g. {@code gps}); null if absent
 * @param timestamp when the location was taken; null if absent or unreadable
 */
public record ZaloLocation(double latitude, double longitude, String provider, Instant timestamp) {
}
