package vn.smartprovince.dossiers.onestop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.lambda.Backoff;
import vn.smartprovince.shared.lambda.BatchItemFailures;
import vn.smartprovince.shared.lambda.SqsVisibility;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingEvents;

/**
 * {@code OneStopConnectorFunction}: OneStopOutboundQueue -> the one-stop system, by
 * {@link OneStopConnector}, one message after the other. Answers the failed messages
 * ({@code batchItemFailures}); once a dossier failed in a batch, its later messages fail without a
 * try (they would only wait on the same outage); when less than {@link #RESERVE_MILLIS} of the
 * invocation remain, the rest is handed back untried. An unreadable body fails (it reaches the
 * dead-letter queue after 10 receives). A failed message waits its {@link Backoff} (visibility set
 * before answering: {@code ONE_STOP_RETRY_BASE_SECONDS}, doubling, at most 15 minutes, so ten
 * receives ride out about 50 minutes of outage before the dead-letter queue); one handed back
 * untried comes back in {@link #UNTRIED_DELAY}. One log line per batch: counts, never personal data.
 */
public final class OneStopConnectorHandler implements RequestStreamHandler {
    /** Enough for one event's three attempts at the default 5 s timeout. */
    static final long RESERVE_MILLIS = 17_000;
    /** Messages handed back untried (time ran out, or their dossier already failed in this batch) come back soon. */
    static final Duration UNTRIED_DELAY = Duration.ofSeconds(2);
    private final OneStopConnector connector;
    private final Backoff backoff;
    private final Consumer<Map<String, Duration>> delays;

    public OneStopConnectorHandler() {
        this(Env.current());
    }

    OneStopConnectorHandler(Env env) {
        this(connector(Wiring.of(env)), backoff(env), env.optional("ONE_STOP_OUTBOUND_QUEUE_URL")
                .<Consumer<Map<String, Duration>>>map(url -> new SqsVisibility(AwsClients.sqs(env), url)::delay)
                .orElse(visibility -> { }));
    }

    /** {@code ONE_STOP_RETRY_BASE_SECONDS} (10): 10 s, 20 s, 40 s … at most 15 minutes, with jitter. */
    static Backoff backoff(Env env) {
        return new Backoff(Duration.ofSeconds(env.number("ONE_STOP_RETRY_BASE_SECONDS", 10, 1, 900)), 2,
                Duration.ofMinutes(15));
    }

    private static OneStopConnector connector(Wiring wiring) {
        return new OneStopConnector(wiring.dossiers(), wiring.oneStopCursors(), wiring.oneStopGateway(),
                () -> wiring.provinceConfigs().snapshot().config(), Thread::sleep);
    }

    OneStopConnectorHandler(OneStopConnector connector) {
        this(connector, new Backoff(Duration.ofSeconds(10), 2, Duration.ofMinutes(15)), visibility -> { });
    }

    /** @param delays sets the failed messages' visibility (receipt handle -> delay): how retries wait */
    OneStopConnectorHandler(OneStopConnector connector, Backoff backoff, Consumer<Map<String, Duration>> delays) {
        this.connector = connector;
        this.backoff = backoff;
        this.delays = delays;
        // SnapStart: a nudge for a dossier that does not exist (the one-stop system is never called while priming)
        Priming.register(this, handler -> PrimingEvents.sqs(new OutboundMessage(PrimingEvents.ID, 1).toJson()));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        JsonNode event = Json.MAPPER.readTree(input);
        List<String> failed = new ArrayList<>();
        Map<String, Duration> waits = new LinkedHashMap<>();
        Set<String> failedDossiers = new HashSet<>();
        int messages = 0, duplicates = 0, events = 0, retried = 0, refused = 0, unreadable = 0, unknown = 0, deferred = 0;
        for (JsonNode record : event.path("Records")) {
            messages++;
            String messageId = record.path("messageId").asText("");
            String receipt = record.path("receiptHandle").asText("");
            int receives = record.path("attributes").path("ApproximateReceiveCount").asInt(1);
            if (context != null && context.getRemainingTimeInMillis() < RESERVE_MILLIS) {
                failed.add(messageId);
                waits.put(receipt, UNTRIED_DELAY);
                deferred++;
                continue;
            }
            OutboundMessage message;
            try {
                message = OutboundMessage.parse(record.path("body").asText(""));
            } catch (IllegalArgumentException e) {
                JsonLog.error("one-stop outbound message unreadable", Map.of("messageId", messageId,
                        "problem", e.getMessage()), null);
                failed.add(messageId);
                unreadable++;
                continue;
            }
            if (failedDossiers.contains(message.dossierId())) {
                failed.add(messageId);
                waits.put(receipt, backoff.delay(receives, ThreadLocalRandom.current()));
                deferred++;
                continue;
            }
            OneStopConnector.Outcome outcome = connector.deliver(message);
            if (outcome instanceof OneStopConnector.Duplicate) {
                duplicates++;
            } else if (outcome instanceof OneStopConnector.Delivered d) {
                events += d.events();
            } else if (outcome instanceof OneStopConnector.Failed f) {
                events += f.events();
                retried++;
                JsonLog.warn("one-stop event not delivered", Map.of("dossierId", message.dossierId(),
                        "sequence", message.sequence(), "reason", f.reason()));
            } else if (outcome instanceof OneStopConnector.Refused r) {
                events += r.events();
                refused++;
            } else if (outcome instanceof OneStopConnector.UnknownDossier) {
                unknown++;
                JsonLog.error("one-stop outbound message for an unknown dossier, skipped",
                        Map.of("dossierId", message.dossierId(), "sequence", message.sequence()), null);
            }
            if (!outcome.done()) {
                failed.add(messageId);
                waits.put(receipt, backoff.delay(receives, ThreadLocalRandom.current()));
                failedDossiers.add(message.dossierId());
            }
        }
        waits.remove("");
        if (!waits.isEmpty()) {
            delays.accept(waits);   // before answering: the failed messages wait their backoff, not the queue's 60 s
        }
        BatchItemFailures.write(output, failed);
        Map<String, Object> fields = fields(context, started);
        fields.put("messages", messages);
        fields.put("events", events);
        fields.put("duplicates", duplicates);
        fields.put("retried", retried);
        fields.put("refused", refused);
        fields.put("unreadable", unreadable);
        fields.put("unknownDossiers", unknown);
        fields.put("deferred", deferred);
        fields.put("failed", failed.size());
        if (failed.isEmpty() && unknown == 0) {
            JsonLog.info("one-stop connector", fields);
        } else {
            JsonLog.warn("one-stop connector", fields);
        }
    }

    static Map<String, Object> fields(Context context, long started) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", context == null ? "" : context.getAwsRequestId());
        fields.put("function", context == null ? "" : context.getFunctionName());
        fields.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
        return fields;
    }
}
