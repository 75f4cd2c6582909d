package vn.smartprovince.province.core;

/**
 * One message of AlertFanOutQueue: page {@code page} of the subscription partition {@code areaCode}
 * (a commune code, or {@link Alert#PROVINCE}) of alert {@code alertId}, starting after {@code cursor}
 * (null on the first page).
 */
public record AlertFanOutTask(String alertId, String areaCode, int page, String cursor) {
}
