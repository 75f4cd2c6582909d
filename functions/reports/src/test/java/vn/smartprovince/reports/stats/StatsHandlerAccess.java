package vn.smartprovince.reports.stats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;

/** Runs the stats handler with a function's environment, for tests in other packages. */
public final class StatsHandlerAccess {
    private StatsHandlerAccess() {
    }

    public static JsonNode invoke(Env env, JsonNode event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new StatsHandler(env).handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)),
                    out, null);
            return Json.read(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
