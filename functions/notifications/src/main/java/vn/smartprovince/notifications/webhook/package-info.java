/**
 * Zalo's OA webhook: {@code POST /v1/zalo/webhook} verifies each event's signature and puts it on
 * {@code ZaloEventQueue} ({@link vn.smartprovince.notifications.webhook.ZaloWebhookHandler}); a
 * consumer applies each event once ({@link vn.smartprovince.notifications.webhook.ZaloEventConsumerHandler}):
 * delivery receipts, follower links, citizens' messages to the OA. Design:
 * {@code functions/notifications/README.md}, "Zalo webhook".
 */
package vn.smartprovince.notifications.webhook;
