package vn.smartprovince.local.emulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.smartprovince.local.template.Intrinsics;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.local.template.TemplateException;

/**
 * The local stack once {@link StackBootstrap} has filled the emulator: what {@code !Ref} and
 * {@code !GetAtt} mean for every resource of the template, and the {@link Intrinsics} that resolves
 * function environments, policies and Subs with those values.
 *
 * <ul>
 *   <li>tables ({@code AWS::DynamoDB::Table}, {@code AWS::Serverless::SimpleTable}): Ref = name;
 *       Arn, StreamArn (the stream's real ARN, read back from DescribeTable)</li>
 *   <li>queues: Ref = URL; Arn, QueueName, QueueUrl</li>
 *   <li>buckets: Ref = name; Arn, DomainName, RegionalDomainName, DualStackDomainName, WebsiteURL</li>
 *   <li>functions: Ref = FunctionName or {@code <stack>-<LogicalId>}; Arn</li>
 *   <li>anything else (APIs, roles, log groups, alarms, topics ...): deterministic placeholders,
 *       Ref {@code <stack>-<LogicalId>}, GetAtt {@code arn:aws:<service>:<region>:<account>:<LogicalId>}
 *       (or {@code <stack>-<LogicalId>.<Attribute>} for attributes that are not ARNs), unless set
 *       with {@link #override}</li>
 * </ul>
 * A resource whose Condition is false does not exist; referring to it is a {@link TemplateException},
 * as in CloudFormation.
 */
public final class BootstrappedStack implements Intrinsics.Resources {

    /** What the bootstrap knows about a resource it made in the emulator. */
    record Made(String type, String name, String arn, String url, String streamArn) {
    }

    /** Creates a resource on first reference while the bootstrap runs (so DLQs exist before their queues). */
    interface Maker {
        Made make(Template.Resource resource);
    }

    private final Template template;
    private final String stackName;
    private final String region;
    private final String accountId;
    private final Intrinsics intrinsics;
    private final Map<String, Made> made = new ConcurrentHashMap<>();
    private final Map<String, Object> overrides = new ConcurrentHashMap<>();
    private final Map<String, Boolean> conditions = new ConcurrentHashMap<>();
    private final Set<String> making = ConcurrentHashMap.newKeySet();
    private volatile Maker maker;

    BootstrappedStack(Template template, String stackName, Map<String, String> parameters, String region,
                      String accountId) {
        this.template = template;
        this.stackName = stackName;
        this.region = region;
        this.accountId = accountId;
        this.intrinsics = new Intrinsics(template, parameters, stackName, region, accountId, this);
    }

    public Template template() {
        return template;
    }

    public String stackName() {
        return stackName;
    }

    public String region() {
        return region;
    }

    /** The account in the emulator's ARNs (read back from it, not assumed). */
    public String accountId() {
        return accountId;
    }

    /** Resolves any template value with this stack's parameters and resources. */
    public Intrinsics intrinsics() {
        return intrinsics;
    }

    /** True when the resource exists in this stack (declared, and its Condition, if any, is true). */
    public boolean exists(String logicalId) {
        Template.Resource resource = template.resources().get(logicalId);
        return resource != null && conditionHolds(resource);
    }

    /**
     * Sets what Ref ({@code attribute} null) or GetAtt of a resource gives, e.g. the local URL of
     * an HTTP API for {@code !GetAtt MyApi.ApiEndpoint}. Overrides win over everything else.
     */
    public void override(String logicalId, String attribute, Object value) {
        overrides.put(key(logicalId, attribute), value);
    }

    // ---------------------------------------------------------------- typed views

    public String tableName(String logicalId) {
        return made(logicalId, StackBootstrap.TABLE).name();
    }

    public String tableArn(String logicalId) {
        return made(logicalId, StackBootstrap.TABLE).arn();
    }

    public String streamArn(String logicalId) {
        Made table = made(logicalId, StackBootstrap.TABLE);
        if (table.streamArn() == null) {
            throw new TemplateException(logicalId + " has no StreamSpecification, so no StreamArn");
        }
        return table.streamArn();
    }

    public String queueUrl(String logicalId) {
        return made(logicalId, StackBootstrap.QUEUE).url();
    }

    public String queueArn(String logicalId) {
        return made(logicalId, StackBootstrap.QUEUE).arn();
    }

    public String queueName(String logicalId) {
        return made(logicalId, StackBootstrap.QUEUE).name();
    }

    public String bucketName(String logicalId) {
        return made(logicalId, StackBootstrap.BUCKET).name();
    }

    /** Logical id -> physical name/URL of everything made in the emulator, in creation order of the template. */
    public Map<String, String> physicalIds() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String id : template.resources().keySet()) {
            Made m = made.get(id);
            if (m != null) {
                map.put(id, m.url() != null ? m.url() : m.name());
            }
        }
        return map;
    }

    /**
     * A function's {@code Environment.Variables} (Globals merged) with every intrinsic resolved.
     * Referring to a resource the local runtime cannot provide fails with a {@link TemplateException}
     * naming the function, the variable and the resource type.
     */
    public Map<String, String> environment(String functionId) {
        Template.Resource function = template.resources().get(functionId);
        if (function == null) {
            throw new TemplateException("no function " + functionId + " in " + template.file());
        }
        Map<String, Object> variables = asMap(asMap(function.properties().get("Environment")).get("Variables"));
        Intrinsics checking = checkingIntrinsics(functionId);
        Map<String, String> env = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            try {
                String resolved = checking.resolveString(value);
                if (resolved != null) {
                    env.put(name, resolved);
                }
            } catch (TemplateException e) {
                throw new TemplateException(functionId + ".Environment.Variables." + name + ": " + e.getMessage());
            }
        });
        return env;
    }

    /** Resource types whose placeholders are fine when a function refers to them (nothing to call locally). */
    private static final Set<String> PASSIVE_TYPES = Set.of(
            "AWS::Serverless::Function", "AWS::Lambda::Function", "AWS::Serverless::HttpApi",
            "AWS::Serverless::Api", "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Stage",
            "AWS::IAM::Role", "AWS::IAM::ManagedPolicy", "AWS::IAM::Policy", "AWS::Logs::LogGroup",
            "AWS::CloudWatch::Alarm", "AWS::Lambda::Permission", "AWS::Lambda::Version", "AWS::Lambda::Alias",
            "AWS::Lambda::EventSourceMapping", "AWS::SQS::QueuePolicy", "AWS::S3::BucketPolicy",
            "AWS::KMS::Key", "AWS::KMS::Alias", "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Integration",
            "AWS::ApiGatewayV2::Authorizer", "AWS::Logs::MetricFilter", "AWS::Serverless::Application",
            "AWS::CloudFormation::Stack");

    /** Resolves like {@link #intrinsics()} but refuses references to resources functions would call and nothing emulates. */
    Intrinsics checkingIntrinsics(String functionId) {
        Intrinsics.Resources checked = new Intrinsics.Resources() {
            @Override
            public Object ref(String logicalId) {
                check(logicalId);
                return BootstrappedStack.this.ref(logicalId);
            }

            @Override
            public Object getAtt(String logicalId, String attribute) {
                check(logicalId);
                return BootstrappedStack.this.getAtt(logicalId, attribute);
            }

            private void check(String logicalId) {
                Template.Resource resource = template.resources().get(logicalId);
                if (resource != null && !StackBootstrap.CREATED_TYPES.contains(resource.type())
                        && !PASSIVE_TYPES.contains(resource.type())) {
                    throw new TemplateException(functionId + " uses " + logicalId + " (" + resource.type()
                            + "), which the local emulator bootstrap does not create; supported: "
                            + StackBootstrap.CREATED_TYPES);
                }
            }
        };
        return new Intrinsics(template, stringParameters(), stackName, region, accountId, checked);
    }

    private Map<String, String> stringParameters() {
        Map<String, String> map = new LinkedHashMap<>();
        intrinsics.parameterValues().forEach((name, value) -> map.put(name, value instanceof java.util.List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value)));
        return map;
    }

    // ---------------------------------------------------------------- Intrinsics.Resources

    @Override
    public Object ref(String logicalId) {
        Object override = overrides.get(key(logicalId, null));
        if (override != null) {
            return override;
        }
        Template.Resource resource = existing(logicalId);
        Made m = madeOrMake(resource);
        if (m != null) {
            return StackBootstrap.QUEUE.equals(m.type()) ? m.url() : m.name();
        }
        String type = resource.type();
        if (isFunction(type)) {
            return functionName(resource);
        }
        return switch (type) {
            case "AWS::SNS::Topic" -> arn("sns", placeholderName(resource, "TopicName"));
            case "AWS::Serverless::HttpApi", "AWS::Serverless::Api", "AWS::ApiGatewayV2::Api" -> apiId(logicalId);
            case "AWS::Logs::LogGroup" -> placeholderName(resource, "LogGroupName");
            case "AWS::IAM::Role" -> placeholderName(resource, "RoleName");
            case "AWS::SecretsManager::Secret" -> arn("secretsmanager", "secret:" + placeholderName(resource, "Name"));
            case "AWS::SSM::Parameter" -> placeholderName(resource, "Name");
            default -> stackName + "-" + logicalId;
        };
    }

    @Override
    public Object getAtt(String logicalId, String attribute) {
        Object override = overrides.get(key(logicalId, attribute));
        if (override != null) {
            return override;
        }
        Template.Resource resource = existing(logicalId);
        Made m = madeOrMake(resource);
        if (m != null) {
            switch (m.type()) {
                case StackBootstrap.TABLE:
                    if (attribute.equals("Arn")) {
                        return m.arn();
                    }
                    if (attribute.equals("StreamArn")) {
                        if (m.streamArn() == null) {
                            throw new TemplateException("!GetAtt " + logicalId + ".StreamArn: the table has no"
                                    + " StreamSpecification");
                        }
                        return m.streamArn();
                    }
                    break;
                case StackBootstrap.QUEUE:
                    switch (attribute) {
                        case "Arn":
                            return m.arn();
                        case "QueueName":
                            return m.name();
                        case "QueueUrl":
                            return m.url();
                        default:
                            break;
                    }
                    break;
                case StackBootstrap.BUCKET:
                    switch (attribute) {
                        case "Arn":
                            return "arn:aws:s3:::" + m.name();
                        case "DomainName":
                            return m.name() + ".s3.amazonaws.com";
                        case "RegionalDomainName":
                            return m.name() + ".s3." + region + ".amazonaws.com";
                        case "DualStackDomainName":
                            return m.name() + ".s3.dualstack." + region + ".amazonaws.com";
                        case "WebsiteURL":
                            return "http://" + m.name() + ".s3-website-" + region + ".amazonaws.com";
                        default:
                            break;
                    }
                    break;
                default:
                    break;
            }
            throw new TemplateException("!GetAtt " + logicalId + "." + attribute + ": " + resource.type()
                    + " has no attribute " + attribute + " in the local runtime");
        }
        String type = resource.type();
        if (isFunction(type) && attribute.equals("Arn")) {
            return arn("lambda", "function:" + functionName(resource));
        }
        if (type.equals("AWS::IAM::Role") && attribute.equals("Arn")) {
            return "arn:aws:iam::" + accountId + ":role/" + placeholderName(resource, "RoleName");
        }
        if (type.equals("AWS::Logs::LogGroup") && attribute.equals("Arn")) {
            return arn("logs", "log-group:" + placeholderName(resource, "LogGroupName") + ":*");
        }
        if (type.equals("AWS::SNS::Topic") && attribute.equals("TopicArn")) {
            return ref(logicalId);
        }
        if (attribute.equals("ApiEndpoint") && (type.endsWith("HttpApi") || type.equals("AWS::ApiGatewayV2::Api"))) {
            return "https://" + apiId(logicalId) + ".execute-api." + region + ".amazonaws.com";
        }
        if (attribute.endsWith("Arn")) {
            return arn(service(type), logicalId);
        }
        return stackName + "-" + logicalId + "." + attribute;
    }

    // ---------------------------------------------------------------- bootstrap hooks

    void startMaking(Maker maker) {
        this.maker = maker;
    }

    void stopMaking() {
        this.maker = null;
    }

    Made madeOrMake(Template.Resource resource) {
        if (!StackBootstrap.CREATED_TYPES.contains(resource.type())) {
            return null;
        }
        Made m = made.get(resource.logicalId());
        if (m != null) {
            return m;
        }
        Maker current = maker;
        if (current == null) {
            throw new TemplateException(resource.logicalId() + " (" + resource.type() + ") was not created by the"
                    + " bootstrap");
        }
        if (!making.add(resource.logicalId())) {
            throw new TemplateException("circular reference: " + resource.logicalId() + " needs itself (through "
                    + making + ")");
        }
        try {
            m = current.make(resource);
            made.put(resource.logicalId(), m);
            return m;
        } finally {
            making.remove(resource.logicalId());
        }
    }

    boolean conditionHolds(Template.Resource resource) {
        if (resource.condition() == null) {
            return true;
        }
        Boolean holds = conditions.get(resource.condition());
        if (holds == null) {
            holds = intrinsics.condition(resource.condition());
            conditions.put(resource.condition(), holds);
        }
        return holds;
    }

    // ---------------------------------------------------------------- helpers

    private Template.Resource existing(String logicalId) {
        Template.Resource resource = template.resources().get(logicalId);
        if (resource == null) {
            throw new TemplateException("no resource " + logicalId + " in " + template.file());
        }
        if (!conditionHolds(resource)) {
            throw new TemplateException(logicalId + " does not exist in this stack: its condition "
                    + resource.condition() + " is false");
        }
        return resource;
    }

    private Made made(String logicalId, String type) {
        Template.Resource resource = existing(logicalId);
        Made m = madeOrMake(resource);
        if (m == null || !m.type().equals(type)) {
            throw new TemplateException(logicalId + " is a " + resource.type() + ", not a " + type);
        }
        return m;
    }

    private static boolean isFunction(String type) {
        return type.equals("AWS::Serverless::Function") || type.equals("AWS::Lambda::Function");
    }

    private String functionName(Template.Resource resource) {
        return placeholderName(resource, "FunctionName");
    }

    /** The resource's own name property (resolved) if set, else {@code <stack>-<LogicalId>}. */
    private String placeholderName(Template.Resource resource, String nameProperty) {
        Object declared = resource.properties().get(nameProperty);
        if (declared != null) {
            String name = intrinsics.resolveString(declared);
            if (name != null) {
                return name;
            }
        }
        return stackName + "-" + resource.logicalId();
    }

    /** API Gateway ids are 10 lower-case characters; this one is derived from the logical id. */
    private static String apiId(String logicalId) {
        String id = logicalId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return (id + "0000000000").substring(0, 10);
    }

    private String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    private static String service(String type) {
        String[] parts = type.split("::");
        if (parts.length < 3) {
            return "unknown";
        }
        if (parts[1].equals("Serverless")) {
            return switch (parts[2]) {
                case "Function", "LayerVersion" -> "lambda";
                case "Api", "HttpApi" -> "apigateway";
                case "SimpleTable" -> "dynamodb";
                case "StateMachine" -> "states";
                default -> "cloudformation";
            };
        }
        return parts[1].toLowerCase(Locale.ROOT);
    }

    private static String key(String logicalId, String attribute) {
        return attribute == null ? logicalId : logicalId + "." + attribute;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @Override
    public String toString() {
        return "BootstrappedStack[" + stackName + ", " + Objects.toString(template.file()) + "]";
    }
}
