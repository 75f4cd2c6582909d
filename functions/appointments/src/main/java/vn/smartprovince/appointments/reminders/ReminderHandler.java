package vn.smartprovince.appointments.reminders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import vn.smartprovince.appointments.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingEvents;

/**
 * {@code AppointmentReminderFunction}, on an EventBridge rule at 17:00 Vietnam time every day: runs
 * {@link ReminderRun} and logs what it did as one JSON line. The event's {@code id} names the run
 * in its log line and in the notification jobs it writes.
 */
public final class ReminderHandler implements RequestStreamHandler {
    private final ReminderRun run;

    public ReminderHandler() {
        this(Wiring.of(Env.current()));
    }

    ReminderHandler(Wiring wiring) {
        this(new ReminderRun(wiring.appointments(), () -> wiring.provinceConfigs().snapshot().config(),
                wiring.clock()));
    }

    ReminderHandler(ReminderRun run) {
        this.run = run;
        // SnapStart: a scheduled run (reads only: the reminder jobs it would write are refused by the guard)
        Priming.register(this, handler -> PrimingEvents.schedule());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        String correlationId = event == null ? "" : event.path("id").asText("");
        if (correlationId.isBlank() || !correlationId.matches("[\\x21-\\x7E]{1,200}")) {
            correlationId = context == null ? "appointment-reminders" : context.getAwsRequestId();
        }
        ReminderRun.Counts counts = run.run(correlationId);
        Map<String, Object> fields = counts.fields();
        fields.put("correlationId", correlationId);
        JsonLog.info("appointment reminders", fields);
        Json.MAPPER.writeValue(output, counts);
    }
}
