package vn.smartprovince.notifications.core;

/**
 * The item design of delivery records in the main table ({@code MAIN_TABLE}). Others depend on
 * these names (the webhook consumer, the citizen view): change them only together.
 *
 * <pre>
 * pk = NOTIFICATION#&lt;deduplicationKey&gt;   sk = DELIVERY
 *   itemType NOTIFICATION_DELIVERY, deduplicationKey, jobId, recipientId, type, templateKey, state,
 *   channel?, zaloMsgId?, reason? + reasonCode?, attempts, createdAt (the job's), updatedAt,
 *   sentAt?, deliveredAt?, text?, parameters (M), notBefore?, leaseOwner?, leaseUntil? (epoch ms),
 *   redrivable?, expiresAt (TTL, a year after createdAt)
 *   citizen view:     gsi1pk = NOTIFICATIONS#&lt;recipientId&gt;   gsi1sk = &lt;createdAt&gt;#&lt;jobId&gt;
 *   once sent:        gsi2pk = ZALOMSG#&lt;zaloMsgId&gt;          gsi2sk = DELIVERY
 *
 * pk = ZALO_RECEIPT#&lt;zaloMsgId&gt;   sk = RECEIPT         a receipt that came before the "sent" write
 *   deliveredAt, expiresAt (7 days)
 *
 * A job of a campaign (an urgent alert, {@code campaignId = ALERT#<alertId>}) keeps campaignId on its
 * record; the campaign's items belong to functions/province (province.store AlertItems):
 * pk = &lt;campaignId&gt;   sk = ALERT      status (CANCELLED: send nothing more), read by the dispatcher
 * pk = &lt;campaignId&gt;   sk = PROGRESS   counters the dispatcher and the receipt consumer ADD to:
 *   sent, delivered, undeliverable#&lt;reasonCode&gt;, failed#&lt;reasonCode&gt; (the fan-out adds queued)
 * </pre>
 */
public final class DeliveryItems {
    public static final String KEY_PREFIX = "NOTIFICATION#";
    public static final String SORT_KEY = "DELIVERY";
    public static final String ITEM_TYPE = "NOTIFICATION_DELIVERY";
    public static final String RECIPIENT_PREFIX = "NOTIFICATIONS#";
    public static final String MSG_PREFIX = "ZALOMSG#";
    public static final String RECEIPT_PREFIX = "ZALO_RECEIPT#";
    public static final String RECEIPT_SORT_KEY = "RECEIPT";

    public static final String CAMPAIGN_SORT_KEY = "ALERT";
    public static final String CAMPAIGN_PROGRESS_SORT_KEY = "PROGRESS";
    public static final String CAMPAIGN_CANCELLED = "CANCELLED";
    public static final String CAMPAIGN_SENT = "sent";
    public static final String CAMPAIGN_DELIVERED = "delivered";
    public static final String CAMPAIGN_FAILED = "failed#";
    public static final String CAMPAIGN_UNDELIVERABLE = "undeliverable#";

    private DeliveryItems() {
    }

    public static String key(String deduplicationKey) {
        return KEY_PREFIX + deduplicationKey;
    }

    public static String recipientKey(String recipientId) {
        return RECIPIENT_PREFIX + recipientId;
    }

    public static String msgKey(String zaloMsgId) {
        return MSG_PREFIX + zaloMsgId;
    }

    public static String receiptKey(String zaloMsgId) {
        return RECEIPT_PREFIX + zaloMsgId;
    }
}
