package vn.smartprovince.notifications.relay;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.lambda.StreamRecord;
import vn.smartprovince.shared.lambda.BatchItemFailures;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingEvents;

/**
 * {@code OutboxRelayFunction}: MainTable's stream (event source with {@code ReportBatchItemFailures})
 * -> the notification queue. Each INSERT of an outbox item ({@code OUTBOX#<jobId>} / {@code JOB},
 * written by {@link vn.smartprovince.shared.notify.Outbox} in the transaction of the change it
 * announces) becomes one SQS message whose body is the job's JSON; see {@link OutboxRelay} for the
 * rule and the delivery guarantee, and {@code functions/notifications/README.md} for the design.
 *
 * <p>Answers {@code {"batchItemFailures": [{"itemIdentifier": "<SequenceNumber>"}]}}: the records
 * whose job did not reach the queue; the event source retries from the first of them. A stream
 * handler reading the event as JSON (no Lambda event classes), like every function of this project.
 * Logs one line per batch: counts only, never a job's parameters.
 */
public final class OutboxRelayHandler implements RequestStreamHandler {
    private final OutboxRelay relay;

    public OutboxRelayHandler() {
        this(Env.current());
    }

    OutboxRelayHandler(Env env) {
        this(new OutboxRelay(new SqsJobQueue(AwsClients.sqs(env), env.required("NOTIFICATION_QUEUE_URL"))));
    }

    OutboxRelayHandler(OutboxRelay relay) {
        this.relay = relay;
        // SnapStart: an outbox job to the synthetic caller (its message is refused by the guard)
        Priming.register(this, handler -> PrimingEvents.stream("INSERT", Map.of("pk",
                Outbox.key(PrimingEvents.ID + "-job"), "sk", Outbox.SORT_KEY, "itemType", Outbox.ITEM_TYPE,
                "jobId", PrimingEvents.ID + "-job", Outbox.JOB, PrimingEvents.notificationJob())));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        JsonNode event = Json.MAPPER.readTree(input);
        List<StreamRecord> records = StreamRecord.parse(event);
        OutboxRelay.Result result;
        try {
            result = relay.relay(records);
        } catch (RuntimeException e) {
            // The whole batch is retried.
            JsonLog.error("outbox relay failed", fields(context, records.size(), started), e);
            throw e;
        }
        BatchItemFailures.write(output, result.failedSequenceNumbers());

        Map<String, Object> fields = fields(context, result.records(), started);
        fields.put("jobs", result.jobs());
        fields.put("sent", result.sent());
        fields.put("dropped", result.dropped());
        fields.put("failed", result.failedSequenceNumbers().size());
        if (result.failedSequenceNumbers().isEmpty() && result.dropped() == 0) {
            JsonLog.info("outbox relay", fields);
        } else {
            JsonLog.warn("outbox relay", fields);
        }
    }


    private static Map<String, Object> fields(Context context, int records, long started) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", context == null ? "" : context.getAwsRequestId());
        fields.put("function", context == null ? "" : context.getFunctionName());
        fields.put("records", records);
        fields.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
        return fields;
    }
}
