package vn.smartprovince.province.alerts;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.smartprovince.province.core.Alert;
import vn.smartprovince.province.core.AlertFanOutTask;
import vn.smartprovince.province.core.AlertQueues;
import vn.smartprovince.province.core.AlertStatus;
import vn.smartprovince.province.core.AlertStore;
import vn.smartprovince.province.core.AlertSubscriptions;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.province.Area;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * One page of one subscription partition: reads up to {@code pageSize} subscribers after the
 * partition's saved cursor, puts one notification job per citizen on the notification queue (10 per
 * SendMessageBatch), then, in one transaction, moves the partition's state to the next page and ADDs
 * {@code queued}; then queues the next page.
 *
 * <p>Once per citizen: every job of alert A to citizen U has the deduplication key
 * {@code ALERT#A#U}, and the dispatcher claims that key before it sends. A page interrupted mid-way
 * is redone from the same cursor (the state did not move), its jobs queued again, and the dispatcher
 * settles the second copies as duplicates. A citizen subscribed to several targeted communes is
 * queued only by the first of the alert's communes they subscribed to (their {@code areas}), so
 * {@code queued} counts citizens, not subscriptions. A cancelled alert stops at the next page.
 */
final class AlertFanOut {
    static final String JOB_TYPE = "ALERT_ISSUED";
    static final int DEFAULT_PAGE_SIZE = 250;
    static final DateTimeFormatter VIETNAM_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** What became of a task, for the logs and the tests. */
    enum Result { QUEUED, LAST_PAGE, ALREADY_DONE, CANCELLED, UNKNOWN_ALERT }

    private final AlertStore store;
    private final AlertSubscriptions subscriptions;
    private final AlertQueues queues;
    private final Supplier<ProvinceConfig> config;
    private final Clock clock;
    private final int pageSize;

    AlertFanOut(AlertStore store, AlertSubscriptions subscriptions, AlertQueues queues,
                Supplier<ProvinceConfig> config, Clock clock, int pageSize) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.queues = queues;
        this.config = config;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    Result run(AlertFanOutTask task) {
        Alert alert = store.find(task.alertId()).orElse(null);
        if (alert == null) {
            JsonLog.warn("alert fan-out for an unknown alert, dropped", Map.of("alertId", task.alertId()));
            return Result.UNKNOWN_ALERT;
        }
        if (alert.status() == AlertStatus.CANCELLED) {
            return Result.CANCELLED;
        }
        AlertStore.FanOutState state = store.fanOutState(alert.id(), task.areaCode()).orElse(null);
        if (state == null || state.done() || state.page() < task.page()) {
            return Result.ALREADY_DONE;
        }
        if (state.page() > task.page()) {
            // This page was done; if the task died before queuing the next one, queue it now.
            if (state.page() == task.page() + 1 && !state.nextQueued()) {
                queueNext(alert, task.areaCode(), state.page(), state.cursor());
            }
            return Result.ALREADY_DONE;
        }
        AlertSubscriptions.Page page = subscriptions.page(task.areaCode(), state.cursor(), pageSize);
        ProvinceConfig snapshot = config.get();
        List<NotificationJob> jobs = new ArrayList<>();
        for (AlertSubscriptions.Subscriber subscriber : page.items()) {
            if (mine(alert, task.areaCode(), subscriber)) {
                jobs.add(job(alert, subscriber.userId(), areaName(alert, task.areaCode(), snapshot)));
            }
        }
        queues.notify(jobs);
        if (!store.pageDone(task, page.next(), jobs.size())) {
            return Result.ALREADY_DONE;   // another delivery of this task finished the page first
        }
        if (page.next() != null) {
            queueNext(alert, task.areaCode(), task.page() + 1, page.next());
            return Result.QUEUED;
        }
        if (store.finishIfComplete(alert.id(), clock.instant())) {
            JsonLog.info("alert fan-out done", Map.of("alertId", alert.id()));
        }
        return Result.LAST_PAGE;
    }

    private void queueNext(Alert alert, String area, int page, String cursor) {
        queues.fanOut(new AlertFanOutTask(alert.id(), area, page, cursor));
        store.nextQueued(alert.id(), area, page);
    }

    /** The partition that queues this subscriber: PROVINCE for everyone, else the first targeted commune they chose. */
    static boolean mine(Alert alert, String partition, AlertSubscriptions.Subscriber subscriber) {
        if (alert.provinceWide()) {
            return Alert.PROVINCE.equals(partition);
        }
        for (String area : alert.areaCodes()) {
            if (subscriber.areas().contains(area)) {
                return area.equals(partition);
            }
        }
        return alert.areaCodes().contains(partition);   // an old subscription without its list: its own partition
    }

    static String areaName(Alert alert, String partition, ProvinceConfig config) {
        if (Alert.PROVINCE.equals(partition)) {
            return config.province().name();
        }
        return config.area(partition).map(Area::name).orElse(partition);
    }

    static NotificationJob job(Alert alert, String userId, String areaName) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("alert_title", alert.title());
        params.put("area_name", areaName);
        params.put("valid_until", VIETNAM_TIME.format(alert.validUntil()));
        String key = alert.campaignId() + "#" + userId;
        return new NotificationJob(NotificationJob.SCHEMA_VERSION, key, JOB_TYPE, userId, Alert.ALERT_TEMPLATE, params, key,
                alert.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), alert.campaignId(),
                alert.campaignId());
    }
}
