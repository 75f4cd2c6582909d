package vn.smartprovince.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingEvents;
import vn.smartprovince.shared.priming.PrimingRefusedException;

/**
 * Base of every HTTP route's handler: decodes the API Gateway event, calls {@link #handle},
 * encodes the answer, turns {@link ApiException} into the conventions' error body and anything
 * else into a logged 500, and writes one structured log line per invocation.
 *
 * <p>A stream handler rather than {@code RequestHandler<APIGatewayV2HTTPEvent, ...>}: the event
 * is read with our one ObjectMapper instead of the runtime's reflective serializer, which
 * keeps cold starts short.
 *
 * <p>Every instance registers a SnapStart primer at construction ({@link Priming}): before the
 * snapshot it handles {@link #primingEvent()} once, so a restored instance's first request finds
 * the classes loaded and the clients' first calls made.
 */
public abstract class HttpFunction implements RequestStreamHandler {

    /** Registers this handler's SnapStart primer ({@link #primingEvent()}); nothing runs now. */
    protected HttpFunction() {
        Priming.register(getClass().getName(), this, HttpFunction::prime);
    }

    protected abstract HttpResponse handle(HttpRequest request) throws Exception;

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        Served served = serve(input, output);
        if (Priming.active()) {
            return;     // the primer's own line says how it went; "request failed" would be an alarm
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", served.request.requestId());
        fields.put("function", context == null ? "" : context.getFunctionName());
        fields.put("route", served.request.routeKey());
        fields.put("status", served.status);
        fields.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
        if (served.failure != null) {
            JsonLog.error("request failed", fields, served.failure);
        } else {
            JsonLog.info("request", fields);
        }
    }

    /** One request decoded, handled and encoded; the failure behind a 500, if any. */
    private record Served(HttpRequest request, int status, Throwable failure) {
    }

    private Served serve(InputStream input, OutputStream output) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        HttpRequest request = HttpRequest.fromEvent(event);
        HttpResponse response;
        Throwable failure = null;
        try {
            if (!request.authorizer().isEmpty()) {
                // A protected route: the session authorizer lets every request through with its
                // verdict in the context (so refusals can be our 401 body). Refusing here too means
                // a handler that forgot to extend AuthenticatedFunction is still not open.
                vn.smartprovince.shared.auth.Authentication.require(request);
            }
            response = handle(request);
        } catch (ApiException e) {
            response = HttpResponse.error(e, request.language(), request.requestId());
        } catch (Exception | LinkageError e) {
            failure = e;
            response = HttpResponse.error(new ApiException(ErrorCode.INTERNAL, null),
                    request.language(), request.requestId());
        }
        Json.MAPPER.writeValue(output, response.toEvent());
        return new Served(request, response.status(), failure);
    }

    /**
     * The SnapStart primer: the whole path (JSON in, authorization, the use case as far as the
     * guards let it go, JSON out) on {@link #primingEvent()}. A 500 that no guard's refusal explains
     * is a bug priming found: reported as the primer's failure (a warning).
     */
    private String prime() throws Exception {
        Served served = serve(new ByteArrayInputStream(primingEvent()), new ByteArrayOutputStream());
        if (served.failure != null && PrimingRefusedException.in(served.failure) == null) {
            if (served.failure instanceof Exception e) {
                throw e;
            }
            throw (LinkageError) served.failure;
        }
        return "HTTP " + served.status;
    }

    /**
     * The request priming sends through this handler: by default {@code {}} from the synthetic
     * caller, which most routes refuse early (400, 404). A hot route overrides it with a request
     * its use case accepts, so that priming reaches the use case's reads and writes (the writes
     * refused by the guard, after they were marshalled).
     */
    protected byte[] primingEvent() {
        return primingEvent("POST /priming", Map.of(), "{}");
    }

    /** {@link PrimingEvents#http}: a request from the synthetic caller, with every role, through the authorizer. */
    protected static byte[] primingEvent(String routeKey, Map<String, String> pathParameters, String body) {
        return PrimingEvents.http(routeKey, pathParameters, body);
    }
}
