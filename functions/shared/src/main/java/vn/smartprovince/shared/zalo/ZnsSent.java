package vn.smartprovince.shared.zalo;

import java.time.Instant;

/**
 * Zalo's answer to a ZNS send.
 *
 * @param msgId       Zalo's message id (delivery events carry it)
 * @param sentTime    {@code sent_time} (epoch milliseconds in Zalo's answer); null if absent
 * @param sendingMode {@code sending_mode} as Zalo sent it; null if absent
 * @param quota       the OA's daily quota after this message; null if absent
 */
public record ZnsSent(String msgId, Instant sentTime, String sendingMode, Quota quota) {

    /** {@code dailyQuota} and {@code remainingQuota} (strings in Zalo's answer); null when absent. */
    public record Quota(Long dailyQuota, Long remainingQuota) {
    }
}
