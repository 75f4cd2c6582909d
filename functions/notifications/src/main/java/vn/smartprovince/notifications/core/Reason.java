package vn.smartprovince.notifications.core;

import java.util.Objects;

/**
 * Why a notification failed, waits or cannot be delivered: a stable {@code code} (metrics, the
 * citizen view, alarms) and a short text for people. Never a token, a phone number or a parameter.
 *
 * @param code e.g. {@code ZALO_-108}, {@code TEMPLATE_PARAMS}, {@code NO_CHANNEL}, {@code RETRIES_EXHAUSTED}
 */
public record Reason(String code, String text) {
    public static final String TEMPLATE_UNKNOWN = "TEMPLATE_UNKNOWN";
    public static final String TEMPLATE_PARAMS = "TEMPLATE_PARAMS";
    public static final String RECIPIENT_UNKNOWN = "RECIPIENT_UNKNOWN";
    public static final String OPTED_OUT = "OPTED_OUT";
    public static final String NO_CHANNEL = "NO_CHANNEL";
    public static final String RETRIES_EXHAUSTED = "RETRIES_EXHAUSTED";
    public static final String OUTSIDE_SENDING_HOURS = "OUTSIDE_SENDING_HOURS";
    public static final String ZALO_MISCONFIGURED = "ZALO_MISCONFIGURED";
    public static final String UNAVAILABLE = "UNAVAILABLE";
    public static final String JOB_VERSION = "JOB_VERSION";
    /** The job's campaign (an urgent alert) was cancelled before it was sent. */
    public static final String CAMPAIGN_CANCELLED = "CAMPAIGN_CANCELLED";

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }

    /** A Zalo error: {@code ZALO_<code>} (or {@code ZALO_HTTP_<status>} / {@code ZALO_TRANSPORT} without one). */
    public static Reason zalo(int zaloCode, int httpStatus, String text) {
        String code = zaloCode != 0 ? "ZALO_" + zaloCode : httpStatus != 0 ? "ZALO_HTTP_" + httpStatus : "ZALO_TRANSPORT";
        return new Reason(code, text);
    }

    @Override
    public String toString() {
        return code + ": " + text;
    }
}
