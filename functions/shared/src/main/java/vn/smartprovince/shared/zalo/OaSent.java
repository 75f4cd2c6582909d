package vn.smartprovince.shared.zalo;

/**
 * Zalo's answer to an OA message.
 *
 * @param messageId Zalo's message id
 * @param userId    the recipient as Zalo echoes it; null if absent
 */
public record OaSent(String messageId, String userId) {
}
