package vn.smartprovince.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;

/**
 * Base of every HTTP route's handler: decodes the API Gateway event, calls {@link #handle},
 * encodes the answer, turns {@link ApiException} into the conventions' error body and anything
 * else into a logged 500, and writes one structured log line per invocation.
 *
 * <p>A stream handler rather than {@code RequestHandler<APIGatewayV2HTTPEvent, ...>}: the event
 * is read with our one ObjectMapper instead of the runtime's reflective serializer, which
 * keeps cold starts short.
 */
public abstract class HttpFunction implements RequestStreamHandler {

    protected abstract HttpResponse handle(HttpRequest request) throws Exception;

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
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

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", request.requestId());
        fields.put("function", context == null ? "" : context.getFunctionName());
        fields.put("route", request.routeKey());
        fields.put("status", response.status());
        fields.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
        if (failure != null) {
            JsonLog.error("request failed", fields, failure);
        } else {
            JsonLog.info("request", fields);
        }
    }
}
