package vn.smartprovince.dossiers.onestop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.lambda.BatchItemFailures;
import vn.smartprovince.shared.lambda.StreamRecord;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingEvents;

/**
 * {@code OneStopRelayFunction}: MainTable's stream (a second consumer, beside the outbox relay;
 * {@code ReportBatchItemFailures}) -> OneStopOutboundQueue, by {@link OneStopRelay}. Answers the
 * records whose message did not reach the queue; logs one line per batch with counts only.
 * Variables: {@code ONE_STOP_OUTBOUND_QUEUE_URL}, {@code ONE_STOP_BASE_URL} (empty: not connected).
 */
public final class OneStopRelayHandler implements RequestStreamHandler {
    static final String QUEUE_URL = "ONE_STOP_OUTBOUND_QUEUE_URL";
    private final OneStopRelay relay;

    public OneStopRelayHandler() {
        this(Env.current());
    }

    OneStopRelayHandler(Env env) {
        this(relay(env, Wiring.of(env)));
    }

    private static OneStopRelay relay(Env env, Wiring wiring) {
        boolean hasBaseUrl = !env.get("ONE_STOP_BASE_URL", "").isBlank();
        return new OneStopRelay(OutboundQueue.sqs(AwsClients.sqs(env), env.required(QUEUE_URL)),
                () -> hasBaseUrl && wiring.provinceConfigs().snapshot().config().oneStop().enabled());
    }

    OneStopRelayHandler(OneStopRelay relay) {
        this.relay = relay;
        // SnapStart: a new timeline entry of a dossier that does not exist (its message is refused by the guard)
        Priming.register(this, handler -> PrimingEvents.stream("INSERT", Map.of("pk",
                OutboundMessage.DOSSIER_PREFIX + PrimingEvents.ID, "sk", OutboundMessage.EVENT_PREFIX + "1")));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        JsonNode event = Json.MAPPER.readTree(input);
        List<StreamRecord> records = StreamRecord.parse(event);
        OneStopRelay.Result result;
        try {
            result = relay.relay(records);
        } catch (RuntimeException e) {
            JsonLog.error("one-stop relay failed", OneStopConnectorHandler.fields(context, started), e);
            throw e;            // the whole batch is retried
        }
        BatchItemFailures.write(output, result.failedSequenceNumbers());
        Map<String, Object> fields = OneStopConnectorHandler.fields(context, started);
        fields.put("records", result.records());
        fields.put("entries", result.entries());
        fields.put("sent", result.sent());
        fields.put("skipped", result.skipped());
        fields.put("failed", result.failedSequenceNumbers().size());
        if (result.failedSequenceNumbers().isEmpty()) {
            JsonLog.info("one-stop relay", fields);
        } else {
            JsonLog.warn("one-stop relay", fields);
        }
    }
}
