package vn.smartprovince.notifications.dispatch;

import vn.smartprovince.shared.zalo.ZbsUidMessage;
import vn.smartprovince.shared.zalo.ZnsMessage;

/**
 * The Zalo calls of the dispatcher ({@link ZaloClientGateway} over the shared
 * {@link vn.smartprovince.shared.zalo.ZaloClient}; fakes in unit tests). Failures are
 * {@link vn.smartprovince.shared.zalo.ZaloException}s, classified once.
 */
interface ZaloGateway {

    /** Sends a ZNS template message; Zalo's {@code msg_id}. */
    String sendZns(String oaAccessToken, ZnsMessage message);

    /** Sends a ZBS template message by the citizen's OA-scoped user id; Zalo's message id. */
    String sendZbsByUserId(String oaAccessToken, ZbsUidMessage message);

    /** Sends an OA consultation text to a follower; Zalo's {@code message_id}. */
    String sendOaText(String oaAccessToken, String followerId, String text);

    /** The ZNS template's {@code templateTag} (e.g. {@code TRANSACTION}, {@code CUSTOMER_CARE}). */
    String templateTag(String oaAccessToken, String templateId);
}
