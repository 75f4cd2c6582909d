package vn.smartprovince.shared.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;

/** Captures JsonLog lines for the duration of a test. */
final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LogCapture() {
        JsonLog.redirect(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    List<JsonNode> lines() {
        return text().lines().filter(line -> !line.isBlank()).map(Json::read).toList();
    }

    @Override
    public void close() {
        JsonLog.redirect(System.out);
    }
}
