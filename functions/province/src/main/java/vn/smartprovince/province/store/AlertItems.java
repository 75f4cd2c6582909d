package vn.smartprovince.province.store;

/**
 * The item design of urgent alerts in the main table (docs/alerts.md). The dispatcher
 * (functions/notifications, DeliveryItems) reads {@code status} of the ALERT item and ADDs to the
 * PROGRESS item: change these names only together.
 *
 * <pre>
 * pk = ALERT#&lt;id&gt;   sk = ALERT        the alert: kind, severity, title, message, areaCodes (L), validFrom,
 *   validUntil, status (SENDING|SENT|CANCELLED), createdBy, createdAt, requestHash, partitions, partitionsDone,
 *   cancelledBy?, cancelledAt?, expiresAt (a year after validUntil)
 *   public list:   gsi1pk = ALERTS   gsi1sk = &lt;validUntil&gt;#&lt;id&gt;
 * pk = ALERT#&lt;id&gt;   sk = PROGRESS     queued (the fan-out), sent, delivered, undeliverable#&lt;reason&gt;,
 *   failed#&lt;reason&gt; (the dispatcher and the receipt consumer)
 * pk = ALERT#&lt;id&gt;   sk = FANOUT#&lt;area&gt; one partition's fan-out: page (next to do), cursor (where it starts),
 *   nextQueued, done
 * pk = ALERT_PREFS#&lt;userId&gt;   sk = PREFS   a citizen's choice: homeAreaCode, areaCodes (L), enabled, version, updatedAt
 * pk = ALERT_SUB#&lt;area&gt;      sk = &lt;userId&gt;   one subscription; areas (L): every commune of the citizen, home first
 *   (area = a commune code, or PROVINCE: every citizen who enabled alerts)
 * </pre>
 */
final class AlertItems {
    static final String ALERT_PREFIX = "ALERT#";
    static final String ALERT_SK = "ALERT";
    static final String PROGRESS_SK = "PROGRESS";
    static final String FANOUT_PREFIX = "FANOUT#";
    static final String LIST_KEY = "ALERTS";
    static final String PREFS_PREFIX = "ALERT_PREFS#";
    static final String PREFS_SK = "PREFS";
    static final String SUB_PREFIX = "ALERT_SUB#";

    private AlertItems() {
    }

    static String alertKey(String id) {
        return ALERT_PREFIX + id;
    }

    static String prefsKey(String userId) {
        return PREFS_PREFIX + userId;
    }

    static String subKey(String area) {
        return SUB_PREFIX + area;
    }
}
