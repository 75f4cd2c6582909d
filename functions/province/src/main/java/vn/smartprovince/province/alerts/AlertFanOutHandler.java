package vn.smartprovince.province.alerts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.smartprovince.province.core.AlertFanOutTask;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.lambda.BatchItemFailures;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingEvents;

/**
 * {@code AlertFanOutFunction} on AlertFanOutQueue: each message is one page of one partition
 * ({@link AlertFanOut}). A page that fails (the table or a queue unavailable) is reported in
 * {@code batchItemFailures} and redone on redelivery from the saved cursor; after 5 receives it
 * moves to AlertFanOutDeadLetterQueue (alarm; redrive with infra/bin/dlq). A malformed message is dropped.
 */
public final class AlertFanOutHandler implements RequestStreamHandler {
    private final AlertFanOut fanOut;

    public AlertFanOutHandler() {
        this(Env.current());
    }

    AlertFanOutHandler(Env env) {
        this(AlertWiring.fanOut(env));
    }

    AlertFanOutHandler(AlertFanOut fanOut) {
        this.fanOut = fanOut;
        // SnapStart: the first page of an alert that does not exist
        Priming.register(this, handler -> PrimingEvents.sqs("{\"alertId\":\"" + PrimingEvents.ID
                + "\",\"areaCode\":\"" + PrimingEvents.ID + "\",\"page\":0}"));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        List<String> failures = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            String messageId = record.path("messageId").asText();
            AlertFanOutTask task = task(record.path("body").asText());
            if (task == null) {
                JsonLog.error("alert fan-out message invalid, dropped", Map.of("messageId", messageId), null);
                continue;
            }
            try {
                AlertFanOut.Result result = fanOut.run(task);
                JsonLog.info("alert fan-out page", Map.of("alertId", task.alertId(), "areaCode", task.areaCode(),
                        "page", task.page(), "result", result.name()));
            } catch (RuntimeException e) {
                JsonLog.warn("alert fan-out page failed; retried", Map.of("alertId", task.alertId(),
                        "areaCode", task.areaCode(), "page", task.page(), "cause", e.getClass().getSimpleName()));
                failures.add(messageId);
            }
        }
        BatchItemFailures.write(output, failures);
    }

    static AlertFanOutTask task(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (!node.path("alertId").isTextual() || !node.path("areaCode").isTextual() || !node.path("page").isInt()) {
                return null;
            }
            String cursor = node.path("cursor").isTextual() ? node.path("cursor").textValue() : null;
            return new AlertFanOutTask(node.get("alertId").textValue(), node.get("areaCode").textValue(),
                    node.get("page").intValue(), cursor);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
