package vn.smartprovince.testkit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import vn.smartprovince.shared.json.Json;

/**
 * Runs a function's {@link RequestStreamHandler} in-process as Lambda would, on an event given as
 * JSON or as bytes (e.g. {@link Events#bytes}), and reads its answer as JSON. Without a context the
 * handler gets {@code null}, as our handlers allow.
 */
public final class Handlers {
    private Handlers() {
    }

    public static JsonNode invoke(RequestStreamHandler handler, JsonNode event) {
        return invoke(handler, event, null);
    }

    public static JsonNode invoke(RequestStreamHandler handler, JsonNode event, Context context) {
        return invoke(handler, Json.write(event).getBytes(StandardCharsets.UTF_8), context);
    }

    public static JsonNode invoke(RequestStreamHandler handler, byte[] event) {
        return invoke(handler, event, null);
    }

    public static JsonNode invoke(RequestStreamHandler handler, byte[] event, Context context) {
        return Json.read(invokeRaw(handler, event, context));
    }

    /** The answer exactly as the handler wrote it. */
    public static String invokeRaw(RequestStreamHandler handler, byte[] event, Context context) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, context);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An HTTP function's answer ({@code statusCode, headers, body}) with the body also parsed, as
     * {@code json}, when it is a JSON object.
     */
    public static ObjectNode invokeHttp(RequestStreamHandler handler, JsonNode event) {
        ObjectNode result = (ObjectNode) invoke(handler, event);
        String body = result.path("body").asText("");
        if (body.startsWith("{")) {
            result.set("json", Json.read(body));
        }
        return result;
    }
}
