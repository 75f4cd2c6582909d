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
import vn.smartprovince.province.Wiring;
import vn.smartprovince.province.core.AlertSubscriptions;
import vn.smartprovince.shared.auth.UserItems;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.lambda.BatchItemFailures;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingEvents;

/**
 * {@code AlertForgetErasedFunction}: on the main table's stream, each profile item a request
 * deleted (DELETE /v1/me; the same records reports' ForgetErasedCitizensHandler follows) removes
 * the citizen's alert choice and subscriptions. TTL deletions and every other record are skipped.
 * A failure reports that record and the rest of the batch, so the event source retries in order.
 */
public final class ForgetErasedSubscribersHandler implements RequestStreamHandler {
    private final AlertSubscriptions subscriptions;

    public ForgetErasedSubscribersHandler() {
        this(Env.current());
    }

    ForgetErasedSubscribersHandler(Env env) {
        this(Wiring.alertSubscriptions(env));
    }

    ForgetErasedSubscribersHandler(AlertSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
        // SnapStart: the erasure of the synthetic caller's profile (it has no subscriptions to forget)
        Priming.register(this, handler -> PrimingEvents.stream("REMOVE", Map.of("pk",
                UserItems.userKey(PrimingEvents.CALLER_ID), "sk", UserItems.PROFILE)));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        List<String> failures = new ArrayList<>();
        int erased = 0;
        for (JsonNode record : event.path("Records")) {
            String citizenId = UserItems.erasedUserId(record);
            if (citizenId == null) {
                continue;
            }
            try {
                subscriptions.forget(citizenId);
                erased++;
            } catch (RuntimeException e) {
                String sequence = record.path("dynamodb").path("SequenceNumber").asText();
                JsonLog.error("forgetting an erased subscriber failed", Map.of("sequenceNumber", sequence), e);
                failures.add(sequence);
                break;
            }
        }
        BatchItemFailures.write(output, failures);
        JsonLog.info("erased subscribers forgotten", Map.of("records", event.path("Records").size(), "citizens", erased,
                "failed", failures.size()));
    }
}
