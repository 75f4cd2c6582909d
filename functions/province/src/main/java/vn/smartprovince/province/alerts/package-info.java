/**
 * Urgent alerts (cảnh báo khẩn), docs/alerts.md: citizens choose their alert communes
 * ({@link vn.smartprovince.province.alerts.AlertAreas}); a sender (PROVINCE_ADMIN or ALERT_SENDER)
 * sends, follows and cancels an alert ({@link vn.smartprovince.province.alerts.Alerts}); the fan-out
 * ({@link vn.smartprovince.province.alerts.AlertFanOut}) pages the subscription partitions onto the
 * notification queue, which the notifications dispatcher sends once per citizen.
 */
package vn.smartprovince.province.alerts;
