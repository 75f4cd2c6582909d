package vn.smartprovince.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code AWS::Serverless::Function} as the local runtime runs it: handler, code location,
 * limits, environment (unresolved) and the event sources that trigger it.
 */
public record FunctionSpec(
        String logicalId,
        String handler,
        String runtime,
        Object codeUri,
        int timeoutSeconds,
        int memoryMb,
        Map<String, Object> environment,
        List<HttpRoute> routes,
        List<SqsEventSource> sqsSources,
        List<StreamEventSource> streamSources,
        Map<String, Object> properties) {

    /** An {@code HttpApi} event: METHOD path on an API; authorizer null = the API's default, "NONE" = public. */
    public record HttpRoute(String eventName, String apiId, String method, String path, String authorizer,
                            String functionId) {
        /** API Gateway's route key, e.g. {@code GET /v1/reports/{id}}, {@code ANY /{proxy+}} or {@code $default}. */
        public String routeKey() {
            return path.equals("$default") ? "$default" : method + " " + path;
        }
    }

    /** An {@code SQS} event: queue (logical id), batching and partial-failure settings. */
    public record SqsEventSource(String eventName, String queueId, int batchSize, int batchingWindowSeconds,
                                 boolean reportBatchItemFailures, int maximumConcurrency, boolean enabled,
                                 String functionId) {
    }

    /** A {@code DynamoDB} event: the table whose stream feeds the function. */
    public record StreamEventSource(String eventName, String tableId, String startingPosition, int batchSize,
                                    int batchingWindowSeconds, boolean reportBatchItemFailures,
                                    int maximumRetryAttempts, boolean enabled, String functionId) {
    }

    /** The implicit API SAM creates for HttpApi events without ApiId. */
    public static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    /** Every function, for templates whose numeric and handler properties are literals. */
    public static List<FunctionSpec> all(Template template) {
        return all(template, null);
    }

    /**
     * Every function, with properties that may be intrinsics (e.g. {@code MemorySize:
     * !FindInMap [...]}) resolved by the stack's resolver. Functions whose Condition is false
     * are left out, as CloudFormation does not create them.
     */
    public static List<FunctionSpec> all(Template template, Intrinsics resolver) {
        List<FunctionSpec> list = new ArrayList<>();
        Map<String, List<HttpRoute>> gatewayRoutes = gatewayRoutes(template);
        for (Template.Resource resource : template.resourcesOfType("AWS::Serverless::Function")) {
            if (resolver != null && resource.condition() != null && !resolver.condition(resource.condition())) {
                continue;
            }
            list.add(of(resource, resolver, gatewayRoutes.getOrDefault(resource.logicalId(), List.of())));
        }
        return list;
    }

    /**
     * Routes declared as resources ({@code AWS::ApiGatewayV2::Route} whose Target is an
     * {@code AWS::ApiGatewayV2::Integration} of a function), by function: how a stack attaches
     * routes to an API of another stack. AuthorizationType NONE (or none) is public; CUSTOM names
     * the {@code AWS::ApiGatewayV2::Authorizer} resource.
     */
    static Map<String, List<HttpRoute>> gatewayRoutes(Template template) {
        Map<String, List<HttpRoute>> byFunction = new java.util.LinkedHashMap<>();
        for (Template.Resource route : template.resourcesOfType("AWS::ApiGatewayV2::Route")) {
            Map<String, Object> p = route.properties();
            String routeKey = Objects.toString(p.get("RouteKey"), "");
            String integrationId = firstOfType(template, p.get("Target"), "AWS::ApiGatewayV2::Integration");
            if (integrationId == null) {
                throw new TemplateException(route.logicalId() + ": Target must be integrations/${<Integration>}"
                        + " of an AWS::ApiGatewayV2::Integration of the template");
            }
            Map<String, Object> integration = template.resources().get(integrationId).properties();
            String functionId = firstOfType(template, integration.get("IntegrationUri"),
                    "AWS::Serverless::Function", "AWS::Lambda::Function");
            if (functionId == null) {
                throw new TemplateException(integrationId + ": IntegrationUri must name a function of the template");
            }
            String method = routeKey.equals("$default") ? "ANY" : routeKey.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            String path = routeKey.equals("$default") ? "$default" : routeKey.split(" ", 2)[1].trim();
            String type = Objects.toString(p.get("AuthorizationType"), "NONE");
            String authorizer = switch (type) {
                case "NONE" -> "NONE";
                case "CUSTOM" -> Optional.ofNullable(firstOfType(template, p.get("AuthorizerId"),
                        "AWS::ApiGatewayV2::Authorizer")).orElseThrow(() -> new TemplateException(route.logicalId()
                        + ": AuthorizerId must name an AWS::ApiGatewayV2::Authorizer of the template"));
                default -> throw new TemplateException(route.logicalId() + ": AuthorizationType " + type
                        + " is not run by the local runtime");
            };
            String api = firstOfType(template, p.get("ApiId"), "AWS::ApiGatewayV2::Api", "AWS::Serverless::HttpApi");
            byFunction.computeIfAbsent(functionId, id -> new ArrayList<>()).add(new HttpRoute(route.logicalId(),
                    api, method.equals("*") ? "ANY" : method, path, authorizer, functionId));
        }
        return byFunction;
    }

    /** The first resource of one of the types that a value refers to, or null. */
    static String firstOfType(Template template, Object value, String... types) {
        for (String name : Intrinsics.referencedNames(value)) {
            Template.Resource resource = template.resources().get(name);
            if (resource != null && List.of(types).contains(resource.type())) {
                return name;
            }
        }
        return null;
    }

    static FunctionSpec of(Template.Resource resource, Intrinsics resolver, List<HttpRoute> gatewayRoutes) {
        Map<String, Object> p = resource.properties();
        java.util.function.ToIntBiFunction<Object, Integer> integer = (value, fallback) ->
                integer(resolver == null ? literal(value, resource.logicalId()) : resolver.resolve(value), fallback);
        java.util.function.Function<Object, String> text = value -> value == null ? null
                : resolver == null ? Objects.toString(literal(value, resource.logicalId())) : resolver.resolveString(value);
        String id = resource.logicalId();
        List<HttpRoute> routes = new ArrayList<>(gatewayRoutes);
        List<SqsEventSource> sqs = new ArrayList<>();
        List<StreamEventSource> streams = new ArrayList<>();
        Template.map(p.get("Events")).forEach((name, raw) -> {
            Map<String, Object> event = Template.map(raw);
            Map<String, Object> props = Template.map(event.get("Properties"));
            String type = Objects.toString(event.get("Type"), "");
            switch (type) {
                case "HttpApi" -> {
                    String api = props.containsKey("ApiId") ? Intrinsics.logicalIdOf(props.get("ApiId"))
                            : IMPLICIT_HTTP_API;
                    String method = Objects.toString(props.get("Method"), "ANY").toUpperCase(Locale.ROOT);
                    if (method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") || method.equals("*")) {
                        method = "ANY";
                    }
                    String path = Objects.toString(props.get("Path"), "$default");
                    Object auth = Template.map(props.get("Auth")).get("Authorizer");
                    routes.add(new HttpRoute(name, api, method, path, auth == null ? null : auth.toString(), id));
                }
                case "SQS" -> sqs.add(new SqsEventSource(name, Intrinsics.logicalIdOf(props.get("Queue")),
                        integer.applyAsInt(props.get("BatchSize"), 10),
                        integer.applyAsInt(props.get("MaximumBatchingWindowInSeconds"), 0),
                        list(props.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                        integer.applyAsInt(Template.map(props.get("ScalingConfig")).get("MaximumConcurrency"), 2),
                        !"false".equalsIgnoreCase(String.valueOf(props.getOrDefault("Enabled", "true"))), id));
                case "DynamoDB" -> streams.add(new StreamEventSource(name, Intrinsics.logicalIdOf(props.get("Stream")),
                        Objects.toString(props.get("StartingPosition"), "LATEST"),
                        integer.applyAsInt(props.get("BatchSize"), 100),
                        integer.applyAsInt(props.get("MaximumBatchingWindowInSeconds"), 0),
                        list(props.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                        integer.applyAsInt(props.get("MaximumRetryAttempts"), -1),
                        !"false".equalsIgnoreCase(String.valueOf(props.getOrDefault("Enabled", "true"))), id));
                default -> throw new TemplateException(id + "." + name + ": event type " + type
                        + " is not run by the local runtime");
            }
        });
        return new FunctionSpec(id,
                text.apply(p.get("Handler")),
                Objects.requireNonNullElse(text.apply(p.get("Runtime")), "java21"),
                p.get("CodeUri"),
                integer.applyAsInt(p.get("Timeout"), 3),
                integer.applyAsInt(p.get("MemorySize"), 128),
                Template.map(Template.map(p.get("Environment")).get("Variables")),
                List.copyOf(routes), List.copyOf(sqs), List.copyOf(streams), p);
    }

    private static int integer(Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new TemplateException("expected a number, got " + value);
        }
    }

    /** Without a resolver only literals can be read; an intrinsic here needs the stack's parameter values. */
    private static Object literal(Object value, String logicalId) {
        if (value instanceof Map<?, ?> map && Template.isIntrinsic(map)) {
            throw new TemplateException(logicalId + ": " + map.keySet().iterator().next()
                    + " needs the stack's parameter values: read functions with FunctionSpec.all(template, intrinsics)");
        }
        return value;
    }

    private static List<String> list(Object value) {
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
