package vn.smartprovince.notifications.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.notifications.Wiring;
import vn.smartprovince.notifications.core.DeliveryStore;
import vn.smartprovince.notifications.webhook.ZaloEventProcessor.Outcome;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.lambda.BatchItemFailures;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingEvents;

/**
 * {@code ZaloEventConsumerFunction}: {@code ZaloEventQueue} (SQS event source with
 * {@code ReportBatchItemFailures}) -> {@link ZaloEventProcessor}, one message at a time in batch
 * order. Answers {@code {"batchItemFailures": [{"itemIdentifier": "<messageId>"}]}} with the
 * messages to retry; the others are deleted by the event source, including events skipped because
 * they can never be applied (logged). Logs one line per batch with counts.
 */
public final class ZaloEventConsumerHandler implements RequestStreamHandler {
    private final ZaloEventProcessor processor;

    public ZaloEventConsumerHandler() {
        this(Env.current());
    }

    ZaloEventConsumerHandler(Env env) {
        this(processor(env, Wiring.dynamoDb(env), Clock.systemUTC()));
    }

    ZaloEventConsumerHandler(ZaloEventProcessor processor) {
        this.processor = processor;
        // SnapStart: the synthetic caller follows the OA (the ledger's claim is refused by the guard)
        Priming.register(this, handler -> PrimingEvents.sqs("{\"app_id\":\"" + PrimingEvents.CALLER_ID
                + "\",\"user_id_by_app\":\"" + PrimingEvents.CALLER_ID + "\",\"event_name\":\"follow\","
                + "\"follower\":{\"id\":\"" + PrimingEvents.CALLER_ID + "\"},\"timestamp\":\""
                + System.currentTimeMillis() + "\"}"));
    }

    static ZaloEventProcessor processor(Env env, DynamoDbClient dynamo, Clock clock) {
        String table = Wiring.mainTable(env);
        // Receipts go to the dispatcher's own record of what it sent (early receipts are kept for it).
        DeliveryStore deliveries = Wiring.deliveries(env, dynamo);
        return new ZaloEventProcessor(new DynamoDbEventLedger(dynamo, table), deliveries::markDelivered,
                new DynamoDbOaFollowers(dynamo, table),
                new DynamoDbOaInbox(dynamo, table, WebhookWiring.messageRetention(env)), clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        JsonNode event = Json.MAPPER.readTree(input);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        List<String> failed = new ArrayList<>();
        int records = 0;
        for (JsonNode record : event.path("Records")) {
            records++;
            String messageId = record.path("messageId").asText("");
            Outcome outcome = processor.process(messageId, record.path("body").isTextual()
                    ? record.path("body").textValue() : null);
            counts.merge(outcome, 1, Integer::sum);
            if (outcome == Outcome.RETRY) {
                failed.add(messageId);
            }
        }
        BatchItemFailures.write(output, failed);

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", context == null ? "" : context.getAwsRequestId());
        fields.put("function", context == null ? "" : context.getFunctionName());
        fields.put("records", records);
        for (Outcome outcome : Outcome.values()) {
            fields.put(outcome.name().toLowerCase(java.util.Locale.ROOT), counts.getOrDefault(outcome, 0));
        }
        fields.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
        if (failed.isEmpty()) {
            JsonLog.info("zalo events", fields);
        } else {
            JsonLog.warn("zalo events", fields);
        }
    }

}
