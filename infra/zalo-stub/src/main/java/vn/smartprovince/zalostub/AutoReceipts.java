package vn.smartprovince.zalostub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.zalostub.StubState.InboxEntry;
import vn.smartprovince.zalostub.StubState.ReceiptDelivery;
import vn.smartprovince.zalostub.StubState.ReceiptSettings;
import vn.smartprovince.zalostub.StubState.User;

/**
 * Zalo tells the OA's webhook when a message reached the person ({@code user_received_message});
 * with a webhook URL configured, the stub does the same by itself: {@code delay} after it accepts a
 * ZNS or OA message it posts a signed {@code user_received_message} naming that {@code msg_id}
 * (ZNS: with the message's {@code tracking_id}), timestamped by the stub's clock at sending time.
 * One attempt per message, no retries; every attempt is recorded ({@code GET
 * /_stub/webhooks/auto-receipts}). A reset drops the receipts not posted yet and restores the
 * configured settings.
 */
final class AutoReceipts implements AutoCloseable {
    private final StubState state;
    private final WebhookSender sender;
    private final ScheduledExecutorService scheduler;

    AutoReceipts(StubState state, WebhookSender sender) {
        this.state = state;
        this.sender = sender;
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "zalo-stub-receipts-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A message was accepted (the caller holds the state): schedules its receipt if receipts are on. */
    void accepted(InboxEntry entry) {
        ReceiptSettings settings = state.receipts;
        if (!settings.active()) {
            return;
        }
        long generation = state.receiptGeneration;
        state.receiptsPending++;
        scheduler.schedule(() -> post(entry, settings.url(), generation), settings.delay().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void post(InboxEntry entry, String url, long generation) {
        String body;
        String timestamp;
        String appId;
        String oaSecret;
        synchronized (state) {
            if (generation != state.receiptGeneration) {
                return;
            }
            state.receiptsPending--;
            User user = state.users.get(entry.userId());
            if (user == null || !state.receipts.active()) {
                return;
            }
            timestamp = Long.toString(state.clock.now().toEpochMilli());
            body = Json.write(sender.receivedEvent(user, entry.id(), !entry.channel().equals("oa") ? entry.trackingId()
                    : null, timestamp));
            appId = state.config.appId();
            oaSecret = state.config.oaSecretKey();
        }
        ObjectNode result = sender.post(url, body, timestamp, "valid", appId, oaSecret, Duration.ofSeconds(10));
        Integer status = result.hasNonNull("status") ? result.get("status").asInt() : null;
        String error = result.hasNonNull("deliveryError") ? result.get("deliveryError").asText() : null;
        synchronized (state) {
            if (generation == state.receiptGeneration) {
                state.receiptDeliveries.add(new ReceiptDelivery(entry.id(), entry.channel(), state.clock.now(), status,
                        error));
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("msgId", entry.id());
        fields.put("channel", entry.channel());
        fields.put("status", status == null ? "unreachable" : status);
        JsonLog.info("zalo stub delivery receipt", fields);
    }

    /** Changes the settings now (the caller holds the state); {@code configured} also for later resets. */
    static void set(StubState state, ReceiptSettings settings, boolean configured) {
        if (settings.url() != null && !(settings.url().startsWith("http://") || settings.url().startsWith("https://"))) {
            throw new IllegalArgumentException("\"url\" must be an http or https URL");
        }
        if (settings.enabled() && settings.url() == null) {
            throw new IllegalArgumentException("\"url\" is required to turn receipts on");
        }
        if (settings.delay().isNegative() || settings.delay().compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("\"delayMs\" must be 0..600000");
        }
        state.receipts = settings;
        if (configured) {
            state.configuredReceipts = settings;
        }
    }

    /** The settings, what is pending and what was posted (the caller holds the state). */
    static ObjectNode status(StubState state) {
        ObjectNode out = Json.object();
        out.put("enabled", state.receipts.enabled());
        if (state.receipts.url() != null) {
            out.put("url", state.receipts.url());
        } else {
            out.putNull("url");
        }
        out.put("delayMs", state.receipts.delay().toMillis());
        out.put("pending", state.receiptsPending);
        var items = out.putArray("deliveries");
        for (ReceiptDelivery delivery : state.receiptDeliveries) {
            ObjectNode item = items.addObject();
            item.put("msgId", delivery.msgId());
            item.put("channel", delivery.channel());
            item.put("at", delivery.at().toString());
            if (delivery.status() != null) {
                item.put("status", delivery.status());
            } else {
                item.putNull("status");
            }
            if (delivery.error() != null) {
                item.put("error", delivery.error());
            }
        }
        return out;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
