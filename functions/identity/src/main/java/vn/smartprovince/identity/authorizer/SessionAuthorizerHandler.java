package vn.smartprovince.identity.authorizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.smartprovince.identity.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingEvents;
import vn.smartprovince.shared.secrets.Secrets;

/**
 * The HTTP API's Lambda authorizer (REQUEST, payload 2.0, simple responses) guarding every route
 * that is not explicitly public. It always answers {@code isAuthorized: true}: the verdict travels
 * in the context ({@code authenticated}, {@code reason} or the caller's id, roles and agency) and
 * every protected handler turns a negative one into 401 with our error body (see
 * {@link vn.smartprovince.shared.auth.Authentication}); a deny here would be API Gateway's bare
 * 403 instead. Logs the outcome, never the token.
 */
public final class SessionAuthorizerHandler implements RequestStreamHandler {
    private final Authorize authorize;

    public SessionAuthorizerHandler() {
        this(Env.current());
    }

    public SessionAuthorizerHandler(Env env) {
        this(env, Wiring.secrets(env), Clock.systemUTC());
    }

    public SessionAuthorizerHandler(Env env, Secrets secrets, Clock clock) {
        this(new Authorize(Wiring.tokens(env, secrets), Wiring.users(env, Wiring.dynamoDb(env)), clock));
    }

    SessionAuthorizerHandler(Authorize authorize) {
        this.authorize = authorize;
        // SnapStart: a valid token of the synthetic caller, so priming verifies it and reads the (absent) user
        Priming.register(this, handler -> PrimingEvents.authorizer("Bearer " + handler.authorize.primingToken()));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        JsonNode event = Json.MAPPER.readTree(input);
        Authorize.Decision decision;
        try {
            decision = authorize.decide(authorization(event));
        } catch (RuntimeException e) {
            JsonLog.error("authorizer failed", fields(event, context, "ERROR", started), e);
            throw e;
        }
        ObjectNode answer = Json.object();
        answer.put("isAuthorized", true);
        ObjectNode contextNode = answer.putObject("context");
        decision.context().forEach(contextNode::put);
        Json.MAPPER.writeValue(output, answer);
        JsonLog.info("authorize", fields(event, context,
                decision.failure() == null ? "AUTHENTICATED" : decision.failure().name(), started));
    }

    /** The identity source API Gateway checked (the Authorization header), else the header itself. */
    static String authorization(JsonNode event) {
        JsonNode sources = event.path("identitySource");
        if (sources.isArray() && !sources.isEmpty() && sources.get(0).isTextual()) {
            return sources.get(0).asText();
        }
        JsonNode headers = event.path("headers");
        for (var it = headers.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getKey().equalsIgnoreCase("authorization")) {
                return entry.getValue().asText();
            }
        }
        return null;
    }

    private static Map<String, Object> fields(JsonNode event, Context context, String outcome, long started) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", event.path("requestContext").path("requestId").asText(""));
        fields.put("function", context == null ? "" : context.getFunctionName());
        fields.put("route", event.path("routeKey").asText(""));
        fields.put("outcome", outcome);
        fields.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
        return fields;
    }
}
