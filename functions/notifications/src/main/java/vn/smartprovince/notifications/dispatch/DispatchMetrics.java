package vn.smartprovince.notifications.dispatch;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import vn.smartprovince.shared.log.JsonLog;

/**
 * The dispatcher's metrics: one JSON line per batch ({@code "message": "notification dispatch"}),
 * counts only (CloudWatch metric filters or Logs Insights turn them into graphs and alarms):
 *
 * <pre>
 * records, sent, sentZns, sentZbsUid, sentOa, sentUnrecorded, duplicates, failed, failedByReason {code: n},
 * retried, retriedByReason, exhausted, deferred, undeliverable, undeliverableByReason, busy,
 * dropped, notStarted, tokenRefreshes, latencyMs
 * </pre>
 *
 * {@code failed} counts permanent failures and exhausted retries (reason {@code RETRIES_EXHAUSTED});
 * a reason code is Zalo's ({@code ZALO_-108}) or ours ({@code TEMPLATE_PARAMS}). WARN when anything
 * failed or was dropped, else INFO.
 */
final class DispatchMetrics {
    private DispatchMetrics() {
    }

    static Map<String, Object> base(Context context, int records, long started) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", context == null ? "" : context.getAwsRequestId());
        fields.put("function", context == null ? "" : context.getFunctionName());
        fields.put("records", records);
        fields.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
        return fields;
    }

    static Map<String, Object> fields(Context context, int records, Dispatcher.Result result, long started) {
        int sent = 0, sentZns = 0, sentZbsUid = 0, sentOa = 0, unrecorded = 0, duplicates = 0, failed = 0, retried = 0, exhausted = 0,
                deferred = 0, undeliverable = 0, busy = 0, dropped = 0, notStarted = 0;
        Map<String, Integer> failedBy = new TreeMap<>();
        Map<String, Integer> retriedBy = new TreeMap<>();
        Map<String, Integer> undeliverableBy = new TreeMap<>();
        for (Dispatcher.Outcome o : result.outcomes().values()) {
            switch (o.kind()) {
                case SENT, SENT_UNRECORDED -> {
                    sent++;
                    if (o.kind() == Dispatcher.Kind.SENT_UNRECORDED) {
                        unrecorded++;
                    }
                    if (o.channel() == vn.smartprovince.notifications.core.Channel.ZNS) {
                        sentZns++;
                    } else if (o.channel() == vn.smartprovince.notifications.core.Channel.ZBS_UID) {
                        sentZbsUid++;
                    } else {
                        sentOa++;
                    }
                }
                case DUPLICATE -> duplicates++;
                case FAILED -> {
                    failed++;
                    failedBy.merge(o.reason().code(), 1, Integer::sum);
                }
                case EXHAUSTED -> {
                    failed++;
                    exhausted++;
                    failedBy.merge(vn.smartprovince.notifications.core.Reason.RETRIES_EXHAUSTED, 1, Integer::sum);
                }
                case RETRY -> {
                    retried++;
                    retriedBy.merge(o.reason() == null ? "UNKNOWN" : o.reason().code(), 1, Integer::sum);
                }
                case DEFERRED -> deferred++;
                case UNDELIVERABLE -> {
                    undeliverable++;
                    undeliverableBy.merge(o.reason().code(), 1, Integer::sum);
                }
                case BUSY -> busy++;
                case DROPPED -> dropped++;
                case NOT_STARTED -> notStarted++;
            }
        }
        Map<String, Object> fields = base(context, records, started);
        fields.remove("latencyMs");
        fields.put("sent", sent);
        fields.put("sentZns", sentZns);
        fields.put("sentZbsUid", sentZbsUid);
        fields.put("sentOa", sentOa);
        fields.put("sentUnrecorded", unrecorded);
        fields.put("duplicates", duplicates);
        fields.put("failed", failed);
        fields.put("failedByReason", failedBy);
        fields.put("retried", retried);
        fields.put("retriedByReason", retriedBy);
        fields.put("exhausted", exhausted);
        fields.put("deferred", deferred);
        fields.put("undeliverable", undeliverable);
        fields.put("undeliverableByReason", undeliverableBy);
        fields.put("busy", busy);
        fields.put("dropped", dropped);
        fields.put("notStarted", notStarted);
        fields.put("tokenRefreshes", result.tokenRefreshes());
        fields.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
        return fields;
    }

    static void log(Context context, int records, Dispatcher.Result result, long started) {
        Map<String, Object> fields = fields(context, records, result, started);
        if ((int) fields.get("failed") > 0 || (int) fields.get("dropped") > 0 || (int) fields.get("sentUnrecorded") > 0) {
            JsonLog.warn("notification dispatch", fields);
        } else {
            JsonLog.info("notification dispatch", fields);
        }
    }
}
