package vn.smartprovince.shared.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.priming.Priming;

/**
 * One JSON object per line, the format of every log the system writes (functions on Lambda,
 * the local runtime on a laptop). Fields: time, level, message, then the caller's fields such as
 * requestId, function, route, status, latencyMs. Callers pass identifiers and measurements only:
 * never tokens, secrets, phone numbers, ID numbers or citizens' free text. Lines written while
 * {@link Priming#active()} are demoted to DEBUG with the message prefixed {@code priming: }.
 */
public final class JsonLog {
    public enum Level { DEBUG, INFO, WARN, ERROR }

    private static volatile PrintStream out = System.out;

    private JsonLog() {
    }

    /** Tests and the local runtime may capture the stream. */
    public static void redirect(PrintStream stream) {
        out = stream;
    }

    public static void info(String message, Map<String, ?> fields) {
        write(Level.INFO, message, fields, null);
    }

    public static void warn(String message, Map<String, ?> fields) {
        write(Level.WARN, message, fields, null);
    }

    public static void error(String message, Map<String, ?> fields, Throwable error) {
        write(Level.ERROR, message, fields, error);
    }

    public static String line(Level level, String message, Map<String, ?> fields, Throwable error) {
        ObjectNode node = Json.object();
        node.put("time", Instant.now().toString());
        node.put("level", level.name());
        node.put("message", message);
        fields.forEach((key, value) -> node.set(key, value(value)));
        if (error != null) {
            // The class and our own frames locate a bug; exception messages may echo input, so
            // only the type and the top frames are written.
            node.put("errorType", error.getClass().getName());
            StackTraceElement[] trace = error.getStackTrace();
            StringBuilder frames = new StringBuilder();
            for (int i = 0; i < Math.min(trace.length, 8); i++) {
                frames.append(trace[i]).append('\n');
            }
            node.put("errorFrames", frames.toString());
        }
        return Json.write(node);
    }

    /** Text, whole numbers and booleans (most fields) directly; anything else through Jackson. */
    private static JsonNode value(Object value) {
        if (value instanceof String text) {
            return JsonNodeFactory.instance.textNode(text);
        }
        if (value instanceof Integer number) {
            return JsonNodeFactory.instance.numberNode(number);
        }
        if (value instanceof Long number) {
            return JsonNodeFactory.instance.numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return JsonNodeFactory.instance.booleanNode(flag);
        }
        return Json.MAPPER.valueToTree(value);
    }

    public static void write(Level level, String message, Map<String, ?> fields, Throwable error) {
        if (Priming.active()) {
            // A synthetic event before SnapStart's snapshot: its refusals and rejections are expected,
            // and must not match the log group's metric filters (level ERROR, exact messages).
            level = Level.DEBUG;
            message = "priming: " + message;
        }
        String line = line(level, message, fields, error);
        PrintStream stream = out;
        synchronized (stream) {
            stream.println(line);
        }
    }
}
