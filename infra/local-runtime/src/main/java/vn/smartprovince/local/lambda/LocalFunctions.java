package vn.smartprovince.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.local.template.Intrinsics;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.local.template.TemplateException;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;

/**
 * Every {@code AWS::Serverless::Function} of the template, invocable by logical id.
 *
 * <p>A function's environment is what Lambda would give it: its resolved
 * {@code Environment.Variables} (Globals merged), then the local overrides, then the variables
 * Lambda itself sets (region, function name, memory, handler, TZ, credentials) and
 * {@code AWS_ENDPOINT_URL} pointing at the local AWS emulator. Each function reads it through
 * {@code Env.current()} (its own class loader), so functions in one JVM do not see each
 * other's values.
 *
 * <p>Overrides have the shape of {@code sam local --env-vars}: {@code {"Parameters": {...},
 * "<LogicalId>": {...}}}, the function's block winning over Parameters. As with SAM, only
 * variables the template declares for the function are overridden: a variable that exists
 * only locally would hide a missing declaration that breaks the deployed function.
 *
 * <p>Each invocation writes one JSON log line: requestId, function, route or source, outcome
 * (and status for HTTP results), latencyMs, coldStart and initDurationMs.
 */
public final class LocalFunctions implements FunctionInvoker, AutoCloseable {
    /** Local credentials: the emulator accepts any; real ones must never be handed to local code. */
    public static final String LOCAL_CREDENTIAL = "test";
    private static final String PARAMETERS = "Parameters";

    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Map<String, String> unsupported = new LinkedHashMap<>();

    /**
     * @param intrinsics       resolves the template's values with the emulator's physical names
     * @param emulatorEndpoint where the functions' AWS SDK clients go (AWS_ENDPOINT_URL); null for none
     * @param stackName        the local stack; functions are named {@code <stack>-<LogicalId>}
     * @param envOverrides     {@code sam local --env-vars} content, or an empty map
     */
    public LocalFunctions(Template template, Intrinsics intrinsics, URI emulatorEndpoint, String stackName,
                          Map<String, Map<String, String>> envOverrides) {
        String region = intrinsics.pseudo("AWS::Region");
        String account = intrinsics.pseudo("AWS::AccountId");
        Map<String, String> everyFunction = envOverrides.getOrDefault(PARAMETERS, Map.of());
        // Resolved with the stack's values; functions whose Condition is false are left out.
        for (FunctionSpec spec : FunctionSpec.all(template, intrinsics)) {
            String id = spec.logicalId();
            try {
                String name = Optional.ofNullable(intrinsics.resolveString(spec.properties().get("FunctionName")))
                        .orElse(stackName + "-" + id);
                Map<String, String> environment = new LinkedHashMap<>(declaredVariables(intrinsics, spec));
                Map<String, String> own = envOverrides.getOrDefault(id, Map.of());
                environment.replaceAll((key, value) -> own.getOrDefault(key, everyFunction.getOrDefault(key, value)));
                own.keySet().stream().filter(key -> !environment.containsKey(key)).forEach(key ->
                        JsonLog.warn("env override ignored: the template does not declare it for the function",
                                Map.of("function", id, "variable", key)));

                environment.put("AWS_REGION", region);
                environment.put("AWS_DEFAULT_REGION", region);
                environment.put("AWS_LAMBDA_FUNCTION_NAME", name);
                environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
                environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
                String logGroup = logGroup(intrinsics, spec, name);
                environment.put("AWS_LAMBDA_LOG_GROUP_NAME", logGroup);
                environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
                environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + spec.runtime());
                environment.put("_HANDLER", Objects.toString(spec.handler(), ""));
                environment.put("TZ", ":UTC");
                environment.put("AWS_ACCESS_KEY_ID", LOCAL_CREDENTIAL);
                environment.put("AWS_SECRET_ACCESS_KEY", LOCAL_CREDENTIAL);
                if (emulatorEndpoint != null) {
                    environment.put("AWS_ENDPOINT_URL", emulatorEndpoint.toString());
                }

                LocalFunction.Settings settings = new LocalFunction.Settings(id, name,
                        "arn:aws:lambda:" + region + ":" + account + ":function:" + name, spec.handler(),
                        spec.runtime(), spec.timeoutSeconds(), spec.memoryMb(), logGroup, environment);
                String problem = unsupportedReason(spec);
                if (problem != null) {
                    unsupported.put(id, problem);
                    continue;
                }
                FunctionCode code = FunctionCode.of(id, codeUri(intrinsics, spec), template.directory());
                if (!code.exists()) {
                    JsonLog.warn("function code missing", Map.of("function", id, "detail", code.missingMessage()));
                }
                functions.put(id, new LocalFunction(settings, code));
            } catch (TemplateException e) {
                throw new TemplateException(id + ": " + e.getMessage());
            }
        }
        envOverrides.keySet().stream()
                .filter(key -> !key.equals(PARAMETERS) && !functions.containsKey(key) && !unsupported.containsKey(key))
                .forEach(key -> JsonLog.warn("env overrides for a function the template does not have",
                        Map.of("function", key)));
    }

    /** Reads a {@code sam local --env-vars} file: {@code {"Parameters": {...}, "<LogicalId>": {...}}}. */
    public static Map<String, Map<String, String>> readEnvVars(Path file) throws IOException {
        return parseEnvVars(Files.readString(file));
    }

    public static Map<String, Map<String, String>> parseEnvVars(String json) {
        JsonNode root = Json.read(json);
        if (!root.isObject()) {
            throw new IllegalArgumentException("env vars must be a JSON object of objects, like "
                    + "{\"Parameters\": {...}, \"MyFunction\": {...}}");
        }
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        root.fields().forEachRemaining(block -> {
            if (!block.getValue().isObject()) {
                throw new IllegalArgumentException("env vars: \"" + block.getKey() + "\" must be an object");
            }
            Map<String, String> variables = new LinkedHashMap<>();
            block.getValue().fields().forEachRemaining(v ->
                    variables.put(v.getKey(), v.getValue().isValueNode() ? v.getValue().asText() : v.getValue().toString()));
            result.put(block.getKey(), variables);
        });
        return result;
    }

    @Override
    public byte[] invoke(String functionId, byte[] event) throws FunctionError {
        LocalFunction function = functions.get(functionId);
        if (function == null) {
            String reason = unsupported.get(functionId);
            throw reason != null
                    ? new FunctionError(FunctionError.Kind.INIT_FAILED, "Local.Unsupported", reason, null)
                    : new FunctionError(FunctionError.Kind.NOT_FOUND, "ResourceNotFoundException",
                    "Function not found: " + functionId, null);
        }
        LocalFunction.Result result = function.invoke(event, UUID.randomUUID().toString());
        log(functionId, event, result);
        if (result.failed()) {
            throw result.error();
        }
        return result.payload();
    }

    public Set<String> functionIds() {
        return Collections.unmodifiableSet(functions.keySet());
    }

    public Optional<LocalFunction> function(String functionId) {
        return Optional.ofNullable(functions.get(functionId));
    }

    /** The environment a function runs with (without LAMBDA_TASK_ROOT, known once its code is loaded). */
    public Map<String, String> environment(String functionId) {
        return function(functionId).map(f -> f.settings().environment()).orElse(Map.of());
    }

    /** One message per function whose code artifact does not exist yet, saying how to build it. */
    public List<String> missingCode() {
        List<String> missing = new ArrayList<>();
        functions.values().stream().filter(f -> !f.code().exists()).forEach(f -> missing.add(f.code().missingMessage()));
        return missing;
    }

    @Override
    public void close() {
        functions.values().forEach(LocalFunction::close);
    }

    private static Map<String, String> declaredVariables(Intrinsics intrinsics, FunctionSpec spec) {
        Map<String, String> variables = new LinkedHashMap<>();
        Object resolved = intrinsics.resolve(spec.environment());
        if (resolved instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (value != null) {
                    variables.put(key.toString(), value instanceof List<?> list
                            ? String.join(",", list.stream().map(String::valueOf).toList()) : value.toString());
                }
            });
        }
        return variables;
    }

    /** LoggingConfig.LogGroup when the template sets one (ours do), else Lambda's default group. */
    private static String logGroup(Intrinsics intrinsics, FunctionSpec spec, String functionName) {
        Object configured = spec.properties().get("LoggingConfig") instanceof Map<?, ?> logging
                ? logging.get("LogGroup") : null;
        try {
            String resolved = configured == null ? null : intrinsics.resolveString(configured);
            if (resolved != null && !resolved.isBlank()) {
                return resolved;
            }
        } catch (TemplateException unknownHere) {
            // Only a name in the Context is at stake.
        }
        return "/aws/lambda/" + functionName;
    }

    private static String codeUri(Intrinsics intrinsics, FunctionSpec spec) {
        Object resolved = intrinsics.resolve(spec.codeUri());
        return resolved instanceof String s ? s : null;
    }

    private static String unsupportedReason(FunctionSpec spec) {
        if ("Image".equals(String.valueOf(spec.properties().get("PackageType")))) {
            return spec.logicalId() + " is a container image function; the local runtime runs Java zip packages";
        }
        if (spec.runtime() == null || !spec.runtime().startsWith("java")) {
            return spec.logicalId() + " uses runtime " + spec.runtime() + "; the local runtime runs Java functions only";
        }
        if (!(spec.codeUri() instanceof String) && !(spec.codeUri() instanceof Map<?, ?> m && isIntrinsic(m))) {
            return spec.logicalId() + " has CodeUri " + spec.codeUri()
                    + "; the local runtime needs a local path (zip, jar or directory)";
        }
        return null;
    }

    private static boolean isIntrinsic(Map<?, ?> map) {
        if (map.size() != 1) {
            return false;
        }
        String key = String.valueOf(map.keySet().iterator().next());
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    private static void log(String functionId, byte[] event, LocalFunction.Result result) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", result.requestId());
        fields.put("function", functionId);
        describeEvent(event, fields);
        if (result.failed()) {
            fields.put("outcome", result.error().kind().name().toLowerCase(Locale.ROOT));
            fields.put("errorType", result.error().errorType());
        } else {
            fields.put("outcome", "ok");
            Integer status = statusOf(result.payload());
            if (status != null) {
                fields.put("status", status);
            }
        }
        fields.put("latencyMs", result.initDurationMs() + result.durationMs());
        fields.put("coldStart", result.coldStart());
        if (result.coldStart()) {
            fields.put("initDurationMs", result.initDurationMs());
        }
        if (!result.failed()) {
            JsonLog.info("invocation", fields);
        } else if (result.error().getCause() != null && result.error().kind() != FunctionError.Kind.TIMEOUT) {
            JsonLog.error("invocation failed", fields, result.error().getCause());
        } else {
            JsonLog.warn("invocation failed", fields);
        }
    }

    /** route for API Gateway events (and the API's request id, to find the access log line), source otherwise. */
    private static void describeEvent(byte[] event, Map<String, Object> fields) {
        try {
            JsonNode node = Json.MAPPER.readTree(event);
            if (node == null || !node.isObject()) {
                return;
            }
            if (node.hasNonNull("routeKey")) {
                fields.put("route", node.get("routeKey").asText());
                if ("REQUEST".equals(node.path("type").asText())) {
                    fields.put("source", "authorizer");
                }
                String apiRequestId = node.path("requestContext").path("requestId").asText("");
                if (!apiRequestId.isEmpty()) {
                    fields.put("apiRequestId", apiRequestId);
                }
            } else if (node.path("Records").path(0).has("eventSource")) {
                fields.put("source", node.path("Records").path(0).get("eventSource").asText());
                fields.put("records", node.path("Records").size());
            }
        } catch (IOException | RuntimeException notJson) {
            // A non-JSON event is the caller's business; the line still says which function ran.
        }
    }

    private static Integer statusOf(byte[] payload) {
        if (payload == null || payload.length == 0 || payload[0] != '{') {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(payload);
            return node.path("statusCode").canConvertToInt() && node.get("statusCode").isNumber()
                    ? node.get("statusCode").asInt() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
