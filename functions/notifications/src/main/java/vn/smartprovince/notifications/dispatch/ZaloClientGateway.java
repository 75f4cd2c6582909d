package vn.smartprovince.notifications.dispatch;

import vn.smartprovince.shared.zalo.ZaloClient;
import vn.smartprovince.shared.zalo.ZbsUidMessage;
import vn.smartprovince.shared.zalo.ZnsMessage;

/** {@link ZaloGateway} through the shared client (timeouts, egress proxy, error classification, call logs). */
final class ZaloClientGateway implements ZaloGateway {
    private final ZaloClient client;

    ZaloClientGateway(ZaloClient client) {
        this.client = client;
    }

    @Override
    public String sendZns(String oaAccessToken, ZnsMessage message) {
        return client.sendZns(oaAccessToken, message).msgId();
    }

    @Override
    public String sendZbsByUserId(String oaAccessToken, ZbsUidMessage message) {
        return client.sendZbsByUserId(oaAccessToken, message).msgId();
    }

    @Override
    public String sendOaText(String oaAccessToken, String followerId, String text) {
        return client.sendOaText(oaAccessToken, followerId, text).messageId();
    }

    @Override
    public String templateTag(String oaAccessToken, String templateId) {
        return client.znsTemplate(oaAccessToken, templateId).tag();
    }
}
