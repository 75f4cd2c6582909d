package vn.smartprovince.reports.erasure;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.smartprovince.reports.Wiring;
import vn.smartprovince.shared.auth.UserItems;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.lambda.BatchItemFailures;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingEvents;

/**
 * {@code ForgetErasedCitizensFunction}: on the main table's stream, each REMOVE of a profile item
 * ({@code USER#<zaloId>} / {@code PROFILE}) that a request made (DELETE /v1/me) runs
 * {@link ReportErasure}. TTL deletions and every other record ({@code UserItems.erasedUserId})
 * are skipped; the template's filter already drops them on AWS, the local runtime does not filter.
 * A failure reports that record and the rest of the batch in {@code batchItemFailures}, so the
 * event source retries from it, in order.
 */
public final class ForgetErasedCitizensHandler implements RequestStreamHandler {
    private final ReportErasure erasure;

    public ForgetErasedCitizensHandler() {
        this(Env.current());
    }

    public ForgetErasedCitizensHandler(Env env) {
        this(new ReportErasure(Wiring.of(env).reports()));
    }

    ForgetErasedCitizensHandler(ReportErasure erasure) {
        this.erasure = erasure;
        // SnapStart: the erasure of the synthetic caller's profile (it has no reports to forget)
        Priming.register(this, handler -> PrimingEvents.stream("REMOVE", Map.of("pk",
                UserItems.userKey(PrimingEvents.CALLER_ID), "sk", UserItems.PROFILE)));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        List<String> failures = new ArrayList<>();
        int erased = 0;
        int reports = 0;
        for (JsonNode record : event.path("Records")) {
            String citizenId = UserItems.erasedUserId(record);
            if (citizenId == null) {
                continue;
            }
            try {
                reports += erasure.erase(citizenId);
                erased++;
            } catch (RuntimeException e) {
                String sequence = record.path("dynamodb").path("SequenceNumber").asText();
                JsonLog.error("forgetting an erased citizen failed", Map.of("sequenceNumber", sequence), e);
                failures.add(sequence);
                break;
            }
        }
        BatchItemFailures.write(output, failures);
        JsonLog.info("erased citizens forgotten", Map.of("records", event.path("Records").size(), "citizens", erased,
                "reports", reports, "failed", failures.size()));
    }
}
