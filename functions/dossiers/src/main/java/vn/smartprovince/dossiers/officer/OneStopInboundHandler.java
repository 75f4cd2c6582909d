package vn.smartprovince.dossiers.officer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.lambda.BatchItemFailures;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingEvents;

/**
 * {@code OneStopInboundFunction}: {@code OneStopInboundQueue} (SQS event source with
 * {@code ReportBatchItemFailures}) -> {@link DeskUpdates}, one message at a time in batch order.
 * A dead letter (unreadable, unknown dossier) is sent to {@code OneStopInboundDeadLetterQueue} with
 * the message attribute {@code reason} and acknowledged; a message that failed (a dependency
 * unavailable, a bug) is named in {@code batchItemFailures} and retried by SQS (10 receives, then
 * the same DLQ by the redrive policy). One log line per batch with counts; never a body (it may
 * hold a citizen's name in a comment).
 *
 * <p>Variables: {@code ONE_STOP_INBOUND_DLQ_URL} besides {@link Wiring}'s.
 */
public final class OneStopInboundHandler implements RequestStreamHandler {
    static final String DLQ_URL = "ONE_STOP_INBOUND_DLQ_URL";
    static final String REASON_ATTRIBUTE = "reason";

    /** Where a dead letter goes: {@code (rawBody, reason)}. */
    @FunctionalInterface
    interface DeadLetters {
        void send(String rawBody, String reason);
    }

    private final DeskUpdates updates;
    private final DeadLetters deadLetters;

    public OneStopInboundHandler() {
        this(Env.current());
    }

    OneStopInboundHandler(Env env) {
        this(Wiring.of(env), env);
    }

    private OneStopInboundHandler(Wiring wiring, Env env) {
        this(new DeskUpdates(wiring.dossiers(), wiring.parkedDeskUpdates(), OfficerActions.of(wiring),
                        () -> wiring.provinceConfigs().snapshot().config().oneStop().fieldNames(), wiring.clock()),
                sqsDeadLetters(AwsClients.sqs(env), env.required(DLQ_URL)));
    }

    OneStopInboundHandler(DeskUpdates updates, DeadLetters deadLetters) {
        this.updates = updates;
        this.deadLetters = deadLetters;
        // SnapStart: a desk update (national field names) for a dossier that does not exist
        Priming.register(this, handler -> PrimingEvents.sqs("{\"MaCapNhat\":\"" + PrimingEvents.ID
                + "\",\"IdHoSoNguon\":\"" + PrimingEvents.ID + "\",\"SoThuTuCapNhat\":1,\"TrangThaiHoSo\":2}"));
    }

    static DeadLetters sqsDeadLetters(SqsClient sqs, String queueUrl) {
        return (rawBody, reason) -> sqs.sendMessage(b -> b.queueUrl(queueUrl)
                .messageBody(rawBody == null || rawBody.isEmpty() ? "(empty)" : rawBody)
                .messageAttributes(Map.of(REASON_ATTRIBUTE, MessageAttributeValue.builder().dataType("String")
                        .stringValue(reason).build())));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        JsonNode event = Json.MAPPER.readTree(input);
        Map<DeskUpdates.Outcome, Integer> counts = new EnumMap<>(DeskUpdates.Outcome.class);
        List<String> failed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        int records = 0;
        for (JsonNode record : event.path("Records")) {
            records++;
            String messageId = record.path("messageId").asText("");
            String body = record.path("body").isTextual() ? record.path("body").textValue() : null;
            try {
                DeskUpdates.Result result = updates.process(body);
                if (result.outcome() == DeskUpdates.Outcome.DEAD_LETTER) {
                    deadLetters.send(body, result.reason());
                    reasons.add(result.reason());
                }
                counts.merge(result.outcome(), 1, Integer::sum);
            } catch (RuntimeException e) {
                failed.add(messageId);
                JsonLog.warn("one-stop desk update failed, retried", Map.of("messageId", messageId,
                        "errorType", e.getClass().getName()));
            }
        }
        BatchItemFailures.write(output, failed);

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", context == null ? "" : context.getAwsRequestId());
        fields.put("function", context == null ? "" : context.getFunctionName());
        fields.put("records", records);
        for (DeskUpdates.Outcome outcome : DeskUpdates.Outcome.values()) {
            fields.put(outcome.name().toLowerCase(Locale.ROOT), counts.getOrDefault(outcome, 0));
        }
        fields.put("failed", failed.size());
        fields.put("deadLetterReasons", reasons);
        fields.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
        if (failed.isEmpty() && reasons.isEmpty()) {
            JsonLog.info("one-stop desk updates", fields);
        } else {
            JsonLog.warn("one-stop desk updates", fields);
        }
    }
}
