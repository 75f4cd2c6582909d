package vn.smartprovince.notifications.dispatch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import vn.smartprovince.notifications.core.InMemoryDeliveryStore;
import vn.smartprovince.notifications.dispatch.Recipient.Preference;
import vn.smartprovince.shared.lambda.Backoff;
import vn.smartprovince.shared.province.NotificationTemplate;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.testkit.RepoRoot;
import vn.smartprovince.testkit.bench.WarmCall;
import vn.smartprovince.testkit.bench.WarmRoute;

/**
 * Warm overhead of {@code NotificationDispatcherFunction} on events/notifications-dispatch-sqs.json
 * (two jobs for one citizen): each job claimed, rendered with the demo province's template, sent
 * through the fake Zalo (instant) on the function's pool of 10, and recorded sent. Every call gets
 * new empty fakes (store, Zalo, queue), so both jobs are sent each time rather than skipped as
 * already sent. The in-process capacity benchmark with Zalo's latency is another harness's; this
 * is the per-batch CPU cost. Run by infra/bin/benchmark-warm, never as a test.
 */
@State(Scope.Benchmark)
public class DispatcherBenchmark {
    private ExecutorService pool;
    private WarmCall call;

    @Setup
    public void setUp() {
        pool = DispatchWiring.pool(10);
        Map<String, NotificationTemplate> templates = new HashMap<>();
        ProvinceConfigLoader.load(RepoRoot.get().resolve(Path.of("infra", "demo", "tay-ninh.json")))
                .notificationTemplates().forEach(t -> templates.put(t.key(), t));
        Map<String, Recipient> people = Map.of("9000000000000000001",
                new Recipient("9000000000000000001", "84901234567", Preference.ZNS, null, false, null));
        // noon in Vietnam: inside the sending hours
        Clock clock = Clock.fixed(LocalDateTime.parse("2026-11-28T12:00:00").atZone(SendingHours.VIETNAM).toInstant(),
                ZoneOffset.UTC);
        Dispatcher.Settings settings = new Dispatcher.Settings(5, 10, Backoff.DEFAULT, Duration.ofDays(7),
                Duration.ofMinutes(10), Duration.ofSeconds(14));
        Recipients recipients = ids -> {
            Map<String, Recipient> found = new HashMap<>();
            ids.forEach(id -> Optional.ofNullable(people.get(id)).ifPresent(r -> found.put(id, r)));
            return found;
        };
        Fakes.Zalo[] lastZalo = new Fakes.Zalo[1];
        java.util.function.Supplier<DispatcherHandler> handlers = () -> {
            Fakes.Zalo zalo = new Fakes.Zalo();
            lastZalo[0] = zalo;
            return new DispatcherHandler(new Dispatcher(new InMemoryDeliveryStore(), recipients,
                    key -> Optional.ofNullable(templates.get(key)), new Fakes.Tokens(zalo), zalo, new Fakes.Queue(),
                    clock, new SplittableRandom(1), settings, pool), clock);
        };
        call = WarmCall.of(handlers.get(), "notifications-dispatch-sqs.json").freshHandlerEvery(1, handlers)
                .expectAnswerContaining("\"batchItemFailures\":[]");
        if (lastZalo[0].sends().size() != 2) {
            throw new IllegalStateException("expected both jobs sent, Zalo saw " + lastZalo[0].sends());
        }
    }

    @TearDown
    public void tearDown() {
        pool.shutdownNow();
    }

    @Benchmark
    @WarmRoute(function = "NotificationDispatcherFunction", route = "SQS, a batch of 2 jobs")
    public int dispatch() {
        return call.invoke();
    }
}
