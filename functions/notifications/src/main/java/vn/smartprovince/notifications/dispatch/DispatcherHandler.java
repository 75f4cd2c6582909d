package vn.smartprovince.notifications.dispatch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.lambda.BatchItemFailures;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingEvents;

/**
 * {@code NotificationDispatcherFunction}: NotificationQueue (SQS event source with
 * {@code ReportBatchItemFailures}) -> Zalo. Decodes Lambda's SQS event as JSON (no event classes),
 * hands the batch to {@link Dispatcher} with the invocation's deadline, answers
 * {@code {"batchItemFailures": [{"itemIdentifier": "<messageId>"}]}} (the messages kept for a retry,
 * a deferral or a lease held elsewhere; their visibility was already set) and writes one metrics
 * line per batch ({@link DispatchMetrics}). Design: functions/notifications/README.md.
 */
public final class DispatcherHandler implements RequestStreamHandler {
    /** Without a Lambda context (tests that pass null): as if the function's 30 s had just started. */
    static final Duration DEFAULT_TIME = Duration.ofSeconds(30);

    private final Dispatcher dispatcher;
    private final Clock clock;

    public DispatcherHandler() {
        this(Env.current());
    }

    DispatcherHandler(Env env) {
        this(DispatchWiring.dispatcher(env, Clock.systemUTC()), Clock.systemUTC());
    }

    DispatcherHandler(Dispatcher dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
        // SnapStart: a job to the synthetic caller (its lease is refused by the guard; Zalo is never called)
        Priming.register(this, handler -> PrimingEvents.sqs(PrimingEvents.notificationJob()));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        JsonNode event = Json.MAPPER.readTree(input);
        List<Dispatcher.Message> messages = messages(event);
        Instant deadline = clock.instant().plusMillis(context == null ? DEFAULT_TIME.toMillis()
                : context.getRemainingTimeInMillis());
        Dispatcher.Result result;
        try {
            result = dispatcher.dispatch(messages, deadline);
        } catch (RuntimeException e) {
            // The whole batch comes back after the visibility timeout; records written so far keep it from
            // being sent twice.
            JsonLog.error("notification dispatch failed", DispatchMetrics.base(context, messages.size(), started), e);
            throw e;
        }
        BatchItemFailures.write(output, result.retainedMessageIds());
        DispatchMetrics.log(context, messages.size(), result, started);
    }

    static List<Dispatcher.Message> messages(JsonNode event) {
        List<Dispatcher.Message> messages = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            String messageId = record.path("messageId").asText(null);
            if (messageId == null) {
                throw new IllegalArgumentException("an SQS record without messageId");
            }
            int receiveCount = record.path("attributes").path("ApproximateReceiveCount").asInt(1);
            messages.add(new Dispatcher.Message(messageId, record.path("receiptHandle").asText(""),
                    record.path("body").asText(null), Math.max(1, receiveCount)));
        }
        return messages;
    }

}
