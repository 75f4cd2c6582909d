package vn.smartprovince.dossiers.deadlines;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingEvents;

/**
 * {@code DossierLatenessFunction}, on an EventBridge schedule (07:00 and 12:00 Vietnam time, Monday
 * to Saturday): runs {@link LatenessScan} and logs what it did as one JSON line. The event's
 * {@code id} names the run in its log line.
 */
public final class LatenessHandler implements RequestStreamHandler {
    private final LatenessScan scan;

    public LatenessHandler() {
        this(Env.current());
    }

    LatenessHandler(Env env) {
        this(scan(Wiring.of(env)));
    }

    private static LatenessScan scan(Wiring wiring) {
        return new LatenessScan(wiring.dossiers(), () -> wiring.provinceConfigs().snapshot().config(),
                wiring.agencyOfficers()::officersOf, wiring::putJobOnce, wiring.clock());
    }

    LatenessHandler(LatenessScan scan) {
        this.scan = scan;
        // SnapStart: a scheduled run (reads only: the jobs it would write are refused by the guard)
        Priming.register(this, handler -> PrimingEvents.schedule());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        String correlationId = event == null ? "" : event.path("id").asText("");
        if (correlationId.isBlank()) {
            correlationId = context == null ? "lateness" : context.getAwsRequestId();
        }
        LatenessScan.Counts counts = scan.run();
        Map<String, Object> fields = counts.fields();
        fields.put("correlationId", correlationId);
        JsonLog.info("dossier lateness scan", fields);
        Json.MAPPER.writeValue(output, counts);
    }
}
