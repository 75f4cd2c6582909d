package vn.smartprovince.province.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.province.core.Alert;
import vn.smartprovince.province.core.AlertFanOutTask;
import vn.smartprovince.province.core.AlertKind;
import vn.smartprovince.province.core.AlertPrefs;
import vn.smartprovince.province.core.AlertProgress;
import vn.smartprovince.province.core.AlertQueues;
import vn.smartprovince.province.core.AlertSeverity;
import vn.smartprovince.province.core.AlertStatus;
import vn.smartprovince.province.store.DynamoDbAlertStore;
import vn.smartprovince.province.store.DynamoDbAlertSubscriptions;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.MutableClock;

/**
 * The fan-out against the template's MainTable in the emulator, with a recording queue that can
 * fail mid-page: every subscriber queued, resumed after an interruption without a second copy
 * reaching anyone (the dispatcher's claim on the deduplication key, modelled by {@link #delivered}),
 * one job per citizen subscribed to two targeted communes, and a cancel that stops the pages.
 */
class AlertFanOutTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final ProvinceConfig DEMO = ProvinceConfigLoader.load(
            AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json")));
    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    final DynamoDbAlertStore store = new DynamoDbAlertStore(aws.dynamoDb(), aws.tableName("MainTable"));
    final DynamoDbAlertSubscriptions subscriptions = new DynamoDbAlertSubscriptions(aws.dynamoDb(), aws.tableName("MainTable"));
    final Recording queues = new Recording();

    /** NotificationQueue and AlertFanOutQueue in memory; {@code failAfterJobs} jobs later a notify call dies mid-way. */
    static final class Recording implements AlertQueues {
        final List<NotificationJob> jobs = new ArrayList<>();
        final Deque<AlertFanOutTask> tasks = new ArrayDeque<>();
        int failAfterJobs = -1;

        @Override
        public void fanOut(AlertFanOutTask task) {
            tasks.add(task);
        }

        @Override
        public void notify(List<NotificationJob> batch) {
            for (int from = 0; from < batch.size(); from += 10) {
                for (NotificationJob job : batch.subList(from, Math.min(batch.size(), from + 10))) {
                    if (failAfterJobs == 0) {
                        failAfterJobs = -1;
                        throw ApiException.unavailable("sqs");   // the page dies after some batches went out
                    }
                    if (failAfterJobs > 0) {
                        failAfterJobs--;
                    }
                    jobs.add(job);
                }
            }
        }
    }

    String area(int i) {
        return DEMO.areas().get(i).code();
    }

    AlertFanOut fanOut(int pageSize) {
        return new AlertFanOut(store, subscriptions, queues, () -> DEMO, clock, pageSize);
    }

    String citizens(String prefix, int n, String home, List<String> others, boolean enabled) {
        for (int i = 0; i < n; i++) {
            subscriptions.save(new AlertPrefs(prefix + i, home, others, enabled, 1, NOW), null);
        }
        return prefix;
    }

    Alert alert(List<String> areas) {
        String id = vn.smartprovince.shared.idempotency.Idempotency.randomId("al");
        Alert alert = new Alert(id, AlertKind.FLOOD, AlertSeverity.DANGER, "Lũ trên sông Vàm Cỏ Đông",
                "Nước dâng cao, di chuyển đến nơi an toàn. Gọi 113 khi cần.", areas, NOW, NOW.plusSeconds(86_400),
                AlertStatus.SENDING, "admin", NOW, "h");
        assertTrue(store.create(alert));
        alert.partitions().forEach(p -> queues.fanOut(new AlertFanOutTask(id, p, 0, null)));
        return alert;
    }

    /** Runs queued tasks until none is left (or {@code max}), each as one SQS delivery; a failure leaves it queued again. */
    int drain(AlertFanOut fanOut, int max) {
        int runs = 0;
        while (!queues.tasks.isEmpty() && runs < max) {
            AlertFanOutTask task = queues.tasks.poll();
            runs++;
            try {
                fanOut.run(task);
            } catch (ApiException e) {
                queues.tasks.add(task);   // the message comes back after its visibility timeout
            }
        }
        return runs;
    }

    /** What the dispatcher sends: the first job of each deduplication key (its claim stops the others). */
    Map<String, Long> delivered(String alertId) {
        return queues.jobs.stream().filter(j -> j.campaignId().equals(Alert.campaignId(alertId)))
                .map(NotificationJob::deduplicationKey).distinct()
                .collect(Collectors.groupingBy(k -> k.substring(k.lastIndexOf('#') + 1), Collectors.counting()));
    }

    @Test
    void aPageInterruptedMidWayIsRedoneFromItsCursorAndNobodyGetsASecondCopy() {
        String prefix = "u" + System.nanoTime() + "x";
        citizens(prefix, 23, area(0), List.of(), true);
        Alert alert = alert(List.of(area(0)));
        queues.failAfterJobs = 14;   // page 2 (jobs 11-20) dies after its first batch
        drain(fanOut(10), 100);

        Map<String, Long> byCitizen = delivered(alert.id());
        assertEquals(23, byCitizen.size(), "every subscriber reached");
        assertTrue(queues.jobs.size() > 23, "the interrupted page was queued again: " + queues.jobs.size());
        assertTrue(byCitizen.values().stream().allMatch(n -> n == 1));
        NotificationJob any = queues.jobs.get(0);
        assertEquals("ALERT#" + alert.id() + "#" + any.recipientId(), any.deduplicationKey());
        assertEquals("ALERT_ISSUED", any.templateKey());
        assertEquals(Set.of("alert_title", "area_name", "valid_until"), any.parameters().keySet());
        assertEquals(DEMO.areas().get(0).name(), any.parameters().get("area_name"));
        assertEquals("09:00 29/11/2026", any.parameters().get("valid_until"), "Vietnam time");
        AlertProgress progress = store.progress(store.find(alert.id()).orElseThrow());
        assertEquals(23, progress.queued(), "queued counts each citizen once, the redone page too");
        assertEquals(AlertStatus.SENT, store.find(alert.id()).orElseThrow().status(), "every partition done");
        assertEquals(1, progress.partitionsDone());
    }

    @Test
    void aRedeliveredTaskOfADonePageQueuesNothingTwice() {
        String prefix = "r" + System.nanoTime() + "x";
        citizens(prefix, 5, area(1), List.of(), true);
        Alert alert = alert(List.of(area(1)));
        AlertFanOutTask first = queues.tasks.peek();
        drain(fanOut(3), 10);
        int jobs = queues.jobs.size();
        assertEquals(AlertFanOut.Result.ALREADY_DONE, fanOut(3).run(first), "SQS delivered page 0 again");
        assertEquals(jobs, queues.jobs.size());
        assertTrue(queues.tasks.isEmpty(), "no second chain of pages");
        assertEquals(5, store.progress(alert).queued());
    }

    @Test
    void twoTargetedCommunesReachTheirCitizensOnceAndNobodyElse() {
        String p = "t" + System.nanoTime();
        citizens(p + "a", 4, area(2), List.of(), true);                 // commune A
        citizens(p + "b", 3, area(3), List.of(), true);                 // commune B
        citizens(p + "ab", 2, area(3), List.of(area(2)), true);         // B at home, parents in A
        citizens(p + "c", 3, area(4), List.of(), true);                 // commune C: not targeted
        citizens(p + "off", 2, area(2), List.of(), false);              // A, but alerts disabled
        Alert alert = alert(List.of(area(2), area(3)));
        drain(fanOut(2), 100);

        Map<String, Long> byCitizen = delivered(alert.id());
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < 4; i++) {
            expected.add(p + "a" + i);
        }
        for (int i = 0; i < 3; i++) {
            expected.add(p + "b" + i);
        }
        expected.add(p + "ab0");
        expected.add(p + "ab1");
        assertEquals(expected, new TreeSet<>(byCitizen.keySet()));
        Map<String, Long> jobsPerCitizen = queues.jobs.stream().collect(Collectors.groupingBy(
                NotificationJob::recipientId, Collectors.counting()));
        assertEquals(1L, jobsPerCitizen.get(p + "ab0"), "one job, not one per subscribed commune");
        assertEquals(9, store.progress(alert).queued());
        assertEquals(2, store.progress(alert).partitionsDone());
        assertEquals(AlertStatus.SENT, store.find(alert.id()).orElseThrow().status());
    }

    @Test
    void aCancelledAlertStopsAtTheNextPage() {
        String prefix = "c" + System.nanoTime() + "x";
        citizens(prefix, 9, area(5), List.of(), true);
        Alert alert = alert(List.of(area(5)));
        AlertFanOut fanOut = fanOut(3);
        assertEquals(AlertFanOut.Result.QUEUED, fanOut.run(queues.tasks.poll()));
        assertTrue(store.cancel(alert.id(), "admin", NOW));
        assertFalse(store.cancel(alert.id(), "admin", NOW), "once");
        assertEquals(AlertFanOut.Result.CANCELLED, fanOut.run(queues.tasks.poll()));
        assertEquals(3, delivered(alert.id()).size(), "only the first page went out");
        assertEquals(3, store.progress(alert).queued());
        assertEquals(AlertStatus.CANCELLED, store.find(alert.id()).orElseThrow().status());
    }

    @Test
    void aProvinceWideAlertUsesTheProvincePartitionOnly() {
        String prefix = "pw" + System.nanoTime() + "x";
        citizens(prefix, 2, area(6), List.of(area(7)), true);
        Alert alert = alert(List.of());
        drain(fanOut(1000), 10);
        Map<String, Long> byCitizen = delivered(alert.id());
        assertTrue(byCitizen.keySet().containsAll(List.of(prefix + "0", prefix + "1")));
        assertEquals(DEMO.province().name(), queues.jobs.stream().filter(j -> j.recipientId().equals(prefix + "0"))
                .findFirst().orElseThrow().parameters().get("area_name"));
        assertEquals(1L, queues.jobs.stream().filter(j -> j.recipientId().equals(prefix + "0")).count());
    }

    @Test
    void aChoiceReplacesTheOldSubscriptions() {
        String user = "ch" + System.nanoTime();
        AlertPrefs first = new AlertPrefs(user, area(8), List.of(area(9)), true, 1, NOW);
        assertTrue(subscriptions.save(first, null));
        assertFalse(subscriptions.save(first, null), "a second first choice loses");
        AlertPrefs second = new AlertPrefs(user, area(8), List.of(), true, 2, NOW);
        assertTrue(subscriptions.save(second, first));
        assertTrue(subscriptions.page(area(9), null, 1000).items().stream().noneMatch(s -> s.userId().equals(user)));
        assertTrue(subscriptions.page(area(8), null, 1000).items().stream().anyMatch(s -> s.userId().equals(user)));
        AlertPrefs off = new AlertPrefs(user, area(8), List.of(), false, 3, NOW);
        assertTrue(subscriptions.save(off, second));
        assertTrue(subscriptions.page(Alert.PROVINCE, null, 1000).items().stream().noneMatch(s -> s.userId().equals(user)),
                "disabled: in no partition");
        assertTrue(subscriptions.page(area(8), null, 1000).items().stream().noneMatch(s -> s.userId().equals(user)));
        subscriptions.forget(user);
        assertTrue(subscriptions.prefs(user).isEmpty());
    }
}
