package vn.smartprovince.onestopfake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.onestop.OneStopSignature;

/**
 * Delivers the fake's desk updates to our signed endpoint: each attempt with a fresh timestamp and
 * signature, retried (100 ms doubling to 2 s) until a 2xx, or a 409 whose code is {@code REPLAYED}
 * (an earlier attempt got through); another 4xx is a refusal and stops it; after
 * {@link FakeConfig#pushGiveUpAfter()} it is abandoned. Outbound faults: down (an attempt never
 * leaves), slow (an attempt waits first), duplicate (a delivered update is sent once more, freshly
 * signed), out of order (update k is held until k+1 of the same dossier has gone, at most 3 s).
 */
final class DeskPusher implements AutoCloseable {
    static final long HOLD_MS = 3_000;
    private static final int LOG_LIMIT = 10_000;

    /** One desk update: its dossier, deskSequence and the exact body sent. */
    record Update(String dossierId, int deskSequence, String body) {
    }

    private final FaultPlan faults;
    private final Ledger ledger;
    private final Duration giveUpAfter;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> daemon(r, "one-stop-fake-push-"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "one-stop-fake-hold-"));
    private final Map<String, Update> held = new HashMap<>();
    private final Deque<ObjectNode> log = new ArrayDeque<>();
    private volatile String signingSecret;
    private volatile URI target;
    private int inFlight;
    private long generation;

    DeskPusher(FakeConfig config, FaultPlan faults, Ledger ledger) {
        this.faults = faults;
        this.ledger = ledger;
        this.giveUpAfter = config.pushGiveUpAfter();
        this.signingSecret = config.signingSecret();
        this.target = config.pushUrl();
    }

    private Thread daemon(Runnable r, String prefix) {
        Thread t = new Thread(r, prefix + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    void target(URI url) {
        this.target = url;
    }

    URI target() {
        return target;
    }

    /** Sends an update (now, or held when the out-of-order fault strikes); a held one of the dossier follows it. */
    void submit(Update update) {
        Update release;
        synchronized (this) {
            release = held.remove(update.dossierId());
            if (release == null && faults.drawOutOfOrder()) {
                held.put(update.dossierId(), update);
                ledger.count("pushesHeldOutOfOrder");
                long gen = generation;
                timer.schedule(() -> releaseHeld(update, gen), HOLD_MS, TimeUnit.MILLISECONDS);
                return;
            }
            inFlight += release == null ? 1 : 2;
        }
        long gen = currentGeneration();
        workers.execute(() -> {
            try {
                deliver(update, gen);
                if (release != null) {
                    deliver(release, gen);
                }
            } finally {
                done(release == null ? 1 : 2);
            }
        });
    }

    private void releaseHeld(Update update, long gen) {
        synchronized (this) {
            if (gen != generation || held.get(update.dossierId()) != update) {
                return;
            }
            held.remove(update.dossierId());
            inFlight++;
        }
        workers.execute(() -> {
            try {
                deliver(update, gen);
            } finally {
                done(1);
            }
        });
    }

    private synchronized void done(int n) {
        inFlight -= n;
    }

    private synchronized long currentGeneration() {
        return generation;
    }

    /** Updates not yet delivered, refused or abandoned: in flight plus held. */
    synchronized int pending() {
        return inFlight + held.size();
    }

    synchronized int held() {
        return held.size();
    }

    /** Forgets held updates and stops retrying those in flight. */
    synchronized void reset() {
        generation++;
        held.clear();
        synchronized (log) {
            log.clear();
        }
    }

    ArrayNode log() {
        ArrayNode items = Json.MAPPER.createArrayNode();
        synchronized (log) {
            log.forEach(items::add);
        }
        return items;
    }

    private void deliver(Update update, long gen) {
        Instant deadline = Instant.now().plus(giveUpAfter);
        long pause = 100;
        for (int attempt = 1; ; attempt++) {
            if (gen != currentGeneration()) {
                return;
            }
            String outcome = attempt(update, attempt);
            if (outcome.equals("delivered") || outcome.equals("replayed")) {
                ledger.count(outcome.equals("delivered") ? "pushesDelivered" : "pushesReplayed");
                if (faults.drawDuplicate()) {
                    ledger.count("pushesDuplicated");
                    attempt(update, attempt + 1);
                }
                return;
            }
            if (outcome.startsWith("refused")) {
                ledger.count("pushesRefused");
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                ledger.count("pushesAbandoned");
                return;
            }
            sleep(pause);
            pause = Math.min(pause * 2, 2_000);
        }
    }

    /** One attempt: {@code delivered}, {@code replayed}, {@code refused <status>} or {@code failed ...}. */
    private String attempt(Update update, int attempt) {
        URI url = target;
        ledger.count("pushAttempts");
        String outcome;
        int status = 0;
        if (url == null) {
            outcome = "failed no push URL";
        } else if (faults.drawPushDown()) {
            ledger.count("pushFaultDown");
            outcome = "failed fault down";
        } else {
            if (faults.drawPushSlow()) {
                ledger.count("pushFaultSlow");
                sleep(faults.outbound().slowMs());
            }
            byte[] body = update.body().getBytes(StandardCharsets.UTF_8);
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("content-type", "application/json")
                    .header(OneStopSignature.TIMESTAMP_HEADER, timestamp)
                    .header(OneStopSignature.SIGNATURE_HEADER, OneStopSignature.header(signingSecret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status / 100 == 2) {
                    outcome = "delivered";
                } else if (status == 409 && response.body().contains("REPLAYED")) {
                    outcome = "replayed";
                } else if (status / 100 == 4) {
                    outcome = "refused " + status;
                } else {
                    outcome = "failed " + status;
                }
            } catch (IOException e) {
                outcome = "failed " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = "failed interrupted";
            }
        }
        if (outcome.startsWith("failed")) {
            ledger.count("pushAttemptsFailed");
        }
        ObjectNode entry = Json.object();
        entry.put("dossierId", update.dossierId()).put("deskSequence", update.deskSequence()).put("attempt", attempt)
                .put("outcome", outcome).put("status", status).put("at", Instant.now().toString());
        synchronized (log) {
            log.addLast(entry);
            while (log.size() > LOG_LIMIT) {
                log.removeFirst();
            }
        }
        JsonLog.info("one-stop fake push", Map.of("dossierId", update.dossierId(), "deskSequence",
                update.deskSequence(), "attempt", attempt, "outcome", outcome));
        return outcome;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        reset();
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
