package vn.smartprovince.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import vn.smartprovince.local.lambda.FunctionInvoker;
import vn.smartprovince.local.template.HttpApiSpec.AuthorizerSpec;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;

/**
 * A Lambda authorizer of an HTTP API, run as API Gateway runs one (REQUEST type, payload 2.0):
 * <ol>
 *   <li>an identity source that is missing or empty: 401 {@code Unauthorized}, the function is
 *       not called;</li>
 *   <li>a cached answer for the same identity-source values, younger than ReauthorizeEvery
 *       seconds, is used again (for any route of the API, as on AWS);</li>
 *   <li>otherwise the function gets the authorizer event; with simple responses it answers
 *       {@code {"isAuthorized": bool, "context": {...}}}, without them an IAM policy that must
 *       Allow (and not Deny) {@code execute-api:Invoke} on the route's ARN;</li>
 *   <li>denied: 403 {@code Forbidden}; a failed or malformed answer: 500; allowed: the
 *       {@code context} reaches the route as {@code requestContext.authorizer.lambda}.</li>
 * </ol>
 */
final class LambdaAuthorizer {
    private static final int MAX_CACHED = 10_000;

    enum Outcome { ALLOW, UNAUTHORIZED, FORBIDDEN, ERROR }

    record Decision(Outcome outcome, JsonNode context) {
        static final Decision UNAUTHORIZED = new Decision(Outcome.UNAUTHORIZED, null);
        static final Decision FORBIDDEN = new Decision(Outcome.FORBIDDEN, null);
        static final Decision ERROR = new Decision(Outcome.ERROR, null);
    }

    private record Cached(JsonNode answer, long expiresAtMillis) {
    }

    private final AuthorizerSpec spec;
    private final FunctionInvoker invoker;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    LambdaAuthorizer(AuthorizerSpec spec, FunctionInvoker invoker, Clock clock) {
        this.spec = spec;
        this.invoker = invoker;
        this.clock = clock;
    }

    String name() {
        return spec.name();
    }

    Decision authorize(GatewayRequest request, String routeKey, Map<String, String> pathParameters) {
        List<String> identity = new ArrayList<>();
        for (String source : spec.identitySources()) {
            String value = identityValue(request, source);
            if (value == null || value.isEmpty()) {
                return Decision.UNAUTHORIZED;
            }
            identity.add(value);
        }
        // API Gateway caches only when there is an identity to key the cache on.
        boolean caching = spec.reauthorizeSeconds() > 0 && !identity.isEmpty();
        String key = String.join("\u0000", identity);
        long now = clock.millis();
        JsonNode answer = null;
        if (caching) {
            Cached cached = cache.get(key);
            if (cached != null && cached.expiresAtMillis() > now) {
                answer = cached.answer();
            }
        }
        if (answer == null) {
            byte[] event = Json.write(PayloadV2.authorizerEvent(request, routeKey, pathParameters, identity))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try {
                answer = Json.MAPPER.readTree(invoker.invoke(spec.functionId(), event));
            } catch (FunctionInvoker.FunctionError e) {
                return Decision.ERROR; // the invocation's own log line says what failed
            } catch (IOException e) {
                return malformed(request, "the answer is not JSON");
            }
            if (answer == null || !answer.isObject()) {
                return malformed(request, "the answer is not a JSON object");
            }
            if (caching) {
                if (cache.size() >= MAX_CACHED) {
                    cache.clear();
                }
                cache.put(key, new Cached(answer, now + spec.reauthorizeSeconds() * 1000L));
            }
        }
        return spec.simpleResponses() ? simple(request, answer) : policy(request, answer);
    }

    private Decision simple(GatewayRequest request, JsonNode answer) {
        JsonNode authorized = answer.get("isAuthorized");
        if (authorized == null || !authorized.isBoolean()) {
            return malformed(request, "simple responses need a boolean isAuthorized");
        }
        return authorized.asBoolean() ? new Decision(Outcome.ALLOW, context(answer)) : Decision.FORBIDDEN;
    }

    private Decision policy(GatewayRequest request, JsonNode answer) {
        JsonNode statements = answer.path("policyDocument").path("Statement");
        if (!statements.isArray() && !statements.isObject()) {
            return malformed(request, "an IAM policy response needs policyDocument.Statement "
                    + "(or enable simple responses)");
        }
        String arn = request.routeArn();
        boolean allowed = false;
        for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
            if (!matchesAny(statement.get("Action"), "execute-api:Invoke", true)
                    || !matchesAny(statement.get("Resource"), arn, false)) {
                continue;
            }
            String effect = statement.path("Effect").asText("");
            if (effect.equalsIgnoreCase("Deny")) {
                return Decision.FORBIDDEN;
            }
            allowed |= effect.equalsIgnoreCase("Allow");
        }
        return allowed ? new Decision(Outcome.ALLOW, context(answer)) : Decision.FORBIDDEN;
    }

    private static JsonNode context(JsonNode answer) {
        JsonNode context = answer.get("context");
        return context != null && context.isObject() ? context : Json.object();
    }

    private Decision malformed(GatewayRequest request, String why) {
        JsonLog.warn("authorizer answer rejected", Map.of("requestId", request.requestId(),
                "authorizer", spec.name(), "function", spec.functionId(), "reason", why));
        return Decision.ERROR;
    }

    /** {@code $request.header.X} and {@code $request.querystring.x}; other sources count as missing. */
    private static String identityValue(GatewayRequest request, String source) {
        if (source.startsWith("$request.header.")) {
            return request.header(source.substring("$request.header.".length()).toLowerCase(Locale.ROOT));
        }
        if (source.startsWith("$request.querystring.")) {
            return request.queryParameters().get(source.substring("$request.querystring.".length()));
        }
        return null;
    }

    /** IAM's wildcards: {@code *} any run of characters, {@code ?} one character. */
    private static boolean matchesAny(JsonNode patterns, String value, boolean ignoreCase) {
        if (patterns == null) {
            return false;
        }
        for (JsonNode pattern : patterns.isArray() ? patterns : List.of(patterns)) {
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.asText().toCharArray()) {
                regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            Pattern compiled = Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
            if (compiled.matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }
}
