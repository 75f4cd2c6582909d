package vn.smartprovince.testkit.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.testkit.Events;

/**
 * One handler invoked in memory on one event, as the Lambda runtime would: the event's bytes in,
 * the answer's bytes out. What a call costs is the handler's own work (decode, authorize, use
 * case with in-memory fakes, encode, the log line formatted); the log line is written to nowhere,
 * so no I/O is measured.
 *
 * <p>A route that creates gets a fresh value of one header per call ({@link #varyingHeader}), so
 * every call creates instead of replaying the first answer; and such a route's handler is rebuilt
 * with empty fakes every so many calls ({@link #freshHandlerEvery}), so the fakes hold what a
 * busy table's partition would, not millions of items.
 */
public final class WarmCall {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    private RequestStreamHandler handler;
    private java.util.function.Supplier<? extends RequestStreamHandler> fresh;
    private int callsPerHandler;
    private final byte[] event;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    private int varyFrom = -1;
    private int varyTo = -1;
    private long calls;

    private WarmCall(RequestStreamHandler handler, byte[] event) {
        this.handler = handler;
        this.event = event;
        JsonLog.redirect(NOWHERE);
    }

    /** The handler on a sample event of the repository's {@code events/} folder. */
    public static WarmCall of(RequestStreamHandler handler, String eventName) {
        return new WarmCall(handler, Events.bytes(eventName));
    }

    /** The handler on an event given as JSON (a sample event with changes). */
    public static WarmCall of(RequestStreamHandler handler, JsonNode event) {
        return new WarmCall(handler, Json.write(event).getBytes(StandardCharsets.UTF_8));
    }

    /** The event of {@code events/<name>} as JSON, to change before {@link #of(RequestStreamHandler, JsonNode)}. */
    public static com.fasterxml.jackson.databind.node.ObjectNode event(String eventName) {
        return (com.fasterxml.jackson.databind.node.ObjectNode) Json.read(Events.load(eventName));
    }

    /**
     * Each call gets another value of this header (e.g. {@code idempotency-key}): the event's own
     * value with its last characters replaced by the call's number, so its length and alphabet stay.
     */
    public WarmCall varyingHeader(String name) {
        byte[] marker = ("\"" + name.toLowerCase() + "\"").getBytes(StandardCharsets.UTF_8);
        int at = indexOf(event, marker, 0);
        if (at < 0) {
            throw new IllegalArgumentException("the event has no header " + name);
        }
        int open = indexOf(event, new byte[] {'"'}, at + marker.length);
        int close = indexOf(event, new byte[] {'"'}, open + 1);
        if (open < 0 || close - open - 1 < 8) {
            throw new IllegalArgumentException("the header " + name + " has no value of 8 characters or more");
        }
        varyFrom = open + 1;
        varyTo = close;
        return this;
    }

    /** Replaces the handler (and so its in-memory fakes) by a new one every {@code calls} calls. */
    public WarmCall freshHandlerEvery(int calls, java.util.function.Supplier<? extends RequestStreamHandler> handlers) {
        this.callsPerHandler = calls;
        this.fresh = handlers;
        return this;
    }

    /** Invokes once and checks the answer's status (an HTTP event) before anything is measured. */
    public WarmCall expectStatus(int status) {
        invoke();
        JsonNode answer = Json.read(answer());
        if (answer.path("statusCode").asInt() != status) {
            throw new IllegalStateException("expected status " + status + ", the handler answered " + answer);
        }
        return this;
    }

    /** Invokes once and checks the answer holds this text (a non-HTTP handler, e.g. an authorizer's verdict). */
    public WarmCall expectAnswerContaining(String text) {
        invoke();
        if (!answer().contains(text)) {
            throw new IllegalStateException("expected an answer with " + text + ", the handler answered " + answer());
        }
        return this;
    }

    /** One invocation; the answer's length in bytes (the answer itself: {@link #answer}). */
    public int invoke() {
        long call = ++calls;
        if (fresh != null && call % callsPerHandler == 0) {
            handler = fresh.get();
        }
        byte[] input = event;
        if (varyFrom >= 0) {
            input = event.clone();
            long n = call;
            for (int i = varyTo - 1; i >= varyFrom && n > 0; i--, n /= 10) {
                input[i] = (byte) ('0' + n % 10);
            }
        }
        out.reset();
        try {
            handler.handleRequest(new ByteArrayInputStream(input), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    /** The last call's answer. */
    public String answer() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, byte[] sought, int from) {
        outer:
        for (int i = from; i <= bytes.length - sought.length; i++) {
            for (int j = 0; j < sought.length; j++) {
                if (bytes[i + j] != sought[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
