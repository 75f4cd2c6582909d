package vn.smartprovince.shared.priming;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;

/** JsonLog's lines for the duration of a test. */
final class LogLines implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LogLines() {
        JsonLog.redirect(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    List<JsonNode> all() {
        return bytes.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).map(Json::read).toList();
    }

    List<JsonNode> withMessage(String message) {
        return all().stream().filter(line -> line.path("message").asText().equals(message)).toList();
    }

    @Override
    public void close() {
        JsonLog.redirect(System.out);
    }
}
