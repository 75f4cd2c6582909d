package vn.smartprovince.province.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An urgent alert (cảnh báo khẩn).
 *
 * @param areaCodes   the communes/wards it targets, in the sender's order; empty = the whole province
 * @param requestHash the idempotency hash of the request that created it
 */
public record Alert(String id, AlertKind kind, AlertSeverity severity, String title, String message,
                    List<String> areaCodes, Instant validFrom, Instant validUntil, AlertStatus status,
                    String createdBy, Instant createdAt, String requestHash) {
    /** The subscription partition of province-wide alerts. */
    public static final String PROVINCE = "PROVINCE";
    /** The notification template of an alert (a tag 1 ZBS template, so sending hours do not hold it). */
    public static final String ALERT_TEMPLATE = "ALERT_ISSUED";

    public Alert {
        Objects.requireNonNull(id, "id");
        areaCodes = List.copyOf(areaCodes);
    }

    /** The campaign id its notification jobs carry, and the partition key of its items. */
    public String campaignId() {
        return campaignId(id);
    }

    public static String campaignId(String alertId) {
        return "ALERT#" + alertId;
    }

    /** The subscription partitions the fan-out pages: the targeted communes, or {@link #PROVINCE}. */
    public List<String> partitions() {
        return areaCodes.isEmpty() ? List.of(PROVINCE) : areaCodes;
    }

    public boolean provinceWide() {
        return areaCodes.isEmpty();
    }

    /** Valid at {@code now} and not cancelled: shown on the mini app's banner. */
    public boolean inForce(Instant now) {
        return status != AlertStatus.CANCELLED && !now.isBefore(validFrom) && now.isBefore(validUntil);
    }

    /** Concerns this commune (a province-wide alert concerns every one). */
    public boolean concerns(String areaCode) {
        return areaCode == null || areaCodes.isEmpty() || areaCodes.contains(areaCode);
    }

    public Alert withStatus(AlertStatus newStatus) {
        return new Alert(id, kind, severity, title, message, areaCodes, validFrom, validUntil, newStatus, createdBy,
                createdAt, requestHash);
    }
}
