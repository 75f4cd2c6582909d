package vn.smartprovince.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
        /** API Gateway's route key, e.g. {@code GET /v1/reports/{id}} or {@code ANY /{proxy+}}. */
        public String routeKey() {
            return method + " " + path;
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

    public static List<FunctionSpec> all(Template template) {
        List<FunctionSpec> list = new ArrayList<>();
        for (Template.Resource resource : template.resourcesOfType("AWS::Serverless::Function")) {
            list.add(of(resource));
        }
        return list;
    }

    static FunctionSpec of(Template.Resource resource) {
        Map<String, Object> p = resource.properties();
        String id = resource.logicalId();
        List<HttpRoute> routes = new ArrayList<>();
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
                        integer(props.get("BatchSize"), 10),
                        integer(props.get("MaximumBatchingWindowInSeconds"), 0),
                        list(props.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                        integer(Template.map(props.get("ScalingConfig")).get("MaximumConcurrency"), 2),
                        !"false".equalsIgnoreCase(String.valueOf(props.getOrDefault("Enabled", "true"))), id));
                case "DynamoDB" -> streams.add(new StreamEventSource(name, Intrinsics.logicalIdOf(props.get("Stream")),
                        Objects.toString(props.get("StartingPosition"), "LATEST"),
                        integer(props.get("BatchSize"), 100),
                        integer(props.get("MaximumBatchingWindowInSeconds"), 0),
                        list(props.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                        integer(props.get("MaximumRetryAttempts"), -1),
                        !"false".equalsIgnoreCase(String.valueOf(props.getOrDefault("Enabled", "true"))), id));
                default -> throw new TemplateException(id + "." + name + ": event type " + type
                        + " is not run by the local runtime");
            }
        });
        return new FunctionSpec(id,
                Objects.toString(p.get("Handler"), null),
                Objects.toString(p.get("Runtime"), "java21"),
                p.get("CodeUri"),
                integer(p.get("Timeout"), 3),
                integer(p.get("MemorySize"), 128),
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

    private static List<String> list(Object value) {
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
