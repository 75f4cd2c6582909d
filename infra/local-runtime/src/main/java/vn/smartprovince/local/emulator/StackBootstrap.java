package vn.smartprovince.local.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.SqsException;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.local.template.Intrinsics;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.local.template.TemplateException;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;

/**
 * Creates in the emulator what {@code template.yaml} declares for the functions to use, read from
 * the template itself: {@code AWS::DynamoDB::Table}, {@code AWS::Serverless::SimpleTable},
 * {@code AWS::SQS::Queue} and {@code AWS::S3::Bucket}, honouring resource Conditions and resolving
 * properties and names with {@link Intrinsics}. Physical names are the declared TableName /
 * QueueName / BucketName, else {@code <stackName>-<LogicalId>} as CloudFormation would (lower-case
 * for buckets; {@code .fifo} appended for FIFO queues). A resource is created when first needed, so
 * a dead-letter queue exists before the queue whose RedrivePolicy points at it.
 *
 * <p>Idempotent: resources that already exist (the launcher restarting against a running emulator)
 * are kept; queue attributes are set again, a missing stream or TTL is turned on, other differences
 * are logged (reset the emulator to apply them).
 *
 * <p>Then it checks the functions: every SQS / DynamoDB event source must point at a queue / a
 * table with a stream, and every resource a function's environment refers to must be one created
 * here or a passive one (function, API, role, log group ...); otherwise a {@link TemplateException}.
 */
public final class StackBootstrap {
    static final String TABLE = "table";
    static final String QUEUE = "queue";
    static final String BUCKET = "bucket";

    /** The resource types made in the emulator. */
    public static final Set<String> CREATED_TYPES = Set.of(
            "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable", "AWS::SQS::Queue", "AWS::S3::Bucket");

    private static final long DEFAULT_CAPACITY = 5;

    private final Emulator emulator;

    public StackBootstrap(Emulator emulator) {
        this.emulator = emulator;
    }

    /** Shorthand for {@code new StackBootstrap(emulator).bootstrap(template, stackName, parameters)}. */
    public static BootstrappedStack run(Emulator emulator, Template template, String stackName,
                                        Map<String, String> parameters) {
        return new StackBootstrap(emulator).bootstrap(template, stackName, parameters);
    }

    /**
     * @param stackName  the local stack's name ({@code AWS::StackName}, prefix of generated names)
     * @param parameters parameter overrides; others take their Default
     */
    public BootstrappedStack bootstrap(Template template, String stackName, Map<String, String> parameters) {
        long started = System.nanoTime();
        BootstrappedStack stack = new BootstrappedStack(template, stackName, parameters, emulator.region().id(),
                emulator.accountId());
        try (DynamoDbClient dynamoDb = emulator.dynamoDb(); SqsClient sqs = emulator.sqs(); S3Client s3 = emulator.s3()) {
            Maker maker = new Maker(stack, dynamoDb, sqs, s3);
            stack.startMaking(maker::make);
            try {
                for (Template.Resource resource : template.resources().values()) {
                    if (CREATED_TYPES.contains(resource.type()) && stack.conditionHolds(resource)) {
                        stack.madeOrMake(resource);
                    }
                }
                checkFunctions(stack);
            } finally {
                stack.stopMaking();
            }
            JsonLog.info("stack bootstrapped", Map.of("stack", stackName, "template", template.file().toString(),
                    "endpoint", emulator.endpoint().toString(), "created", maker.created, "existing", maker.existing,
                    "latencyMs", (System.nanoTime() - started) / 1_000_000));
        }
        return stack;
    }

    private static void checkFunctions(BootstrappedStack stack) {
        Template template = stack.template();
        // Functions whose Condition is false are left out by FunctionSpec.all.
        for (FunctionSpec function : FunctionSpec.all(template, stack.intrinsics())) {
            stack.environment(function.logicalId());
            for (FunctionSpec.SqsEventSource source : function.sqsSources()) {
                Template.Resource queue = source.queueId() == null ? null : template.resources().get(source.queueId());
                if (queue == null || !queue.type().equals("AWS::SQS::Queue")) {
                    throw new TemplateException(function.logicalId() + ".Events." + source.eventName()
                            + ": Queue must refer to an AWS::SQS::Queue of the template, got " + source.queueId());
                }
                stack.queueArn(source.queueId());
            }
            for (FunctionSpec.StreamEventSource source : function.streamSources()) {
                Template.Resource table = source.tableId() == null ? null : template.resources().get(source.tableId());
                if (table == null || !table.type().equals("AWS::DynamoDB::Table")) {
                    throw new TemplateException(function.logicalId() + ".Events." + source.eventName()
                            + ": Stream must refer to an AWS::DynamoDB::Table of the template, got " + source.tableId());
                }
                stack.streamArn(source.tableId());
            }
        }
    }

    /** Makes one resource; called by the stack on first reference. */
    private final class Maker {
        private final BootstrappedStack stack;
        private final DynamoDbClient dynamoDb;
        private final SqsClient sqs;
        private final S3Client s3;
        final List<String> created = new ArrayList<>();
        final List<String> existing = new ArrayList<>();

        Maker(BootstrappedStack stack, DynamoDbClient dynamoDb, SqsClient sqs, S3Client s3) {
            this.stack = stack;
            this.dynamoDb = dynamoDb;
            this.sqs = sqs;
            this.s3 = s3;
        }

        BootstrappedStack.Made make(Template.Resource resource) {
            Object resolved = stack.intrinsics().resolve(resource.properties());
            Map<String, Object> props = map(resolved);
            try {
                return switch (resource.type()) {
                    case "AWS::DynamoDB::Table" -> table(resource, props);
                    case "AWS::Serverless::SimpleTable" -> simpleTable(resource, props);
                    case "AWS::SQS::Queue" -> queue(resource, props);
                    case "AWS::S3::Bucket" -> bucket(resource, props);
                    default -> throw new TemplateException(resource.type() + " is not created by the bootstrap");
                };
            } catch (SdkException e) {
                throw new EmulatorException(resource.logicalId() + " (" + resource.type() + ") could not be created in "
                        + emulator + ": " + e.getMessage(), e);
            }
        }

        // ------------------------------------------------------------ DynamoDB

        private BootstrappedStack.Made table(Template.Resource resource, Map<String, Object> p) {
            String name = name(resource, p.get("TableName"), false, 255);
            boolean onDemand = "PAY_PER_REQUEST".equals(string(p.get("BillingMode")));
            CreateTableRequest.Builder request = CreateTableRequest.builder()
                    .tableName(name)
                    .attributeDefinitions(attributeDefinitions(p.get("AttributeDefinitions")))
                    .keySchema(keySchema(resource, p.get("KeySchema")));
            if (onDemand) {
                request.billingMode(BillingMode.PAY_PER_REQUEST);
            } else {
                request.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(p.get("ProvisionedThroughput")));
            }
            List<GlobalSecondaryIndex> gsis = new ArrayList<>();
            for (Object raw : list(p.get("GlobalSecondaryIndexes"))) {
                Map<String, Object> index = map(raw);
                GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                        .indexName(string(index.get("IndexName")))
                        .keySchema(keySchema(resource, index.get("KeySchema")))
                        .projection(projection(index.get("Projection")));
                if (!onDemand) {
                    gsi.provisionedThroughput(throughput(index.get("ProvisionedThroughput")));
                }
                gsis.add(gsi.build());
            }
            if (!gsis.isEmpty()) {
                request.globalSecondaryIndexes(gsis);
            }
            List<LocalSecondaryIndex> lsis = new ArrayList<>();
            for (Object raw : list(p.get("LocalSecondaryIndexes"))) {
                Map<String, Object> index = map(raw);
                lsis.add(LocalSecondaryIndex.builder()
                        .indexName(string(index.get("IndexName")))
                        .keySchema(keySchema(resource, index.get("KeySchema")))
                        .projection(projection(index.get("Projection")))
                        .build());
            }
            if (!lsis.isEmpty()) {
                request.localSecondaryIndexes(lsis);
            }
            StreamSpecification stream = streamSpecification(p.get("StreamSpecification"));
            if (stream != null) {
                request.streamSpecification(stream);
            }
            // DeletionProtectionEnabled is left out on purpose: it would stop reset() from deleting tables.
            TableDescription table = createTable(resource, request.build(), stream);
            Map<String, Object> ttl = map(p.get("TimeToLiveSpecification"));
            if (bool(ttl.get("Enabled"))) {
                ensureTtl(name, string(ttl.get("AttributeName")));
            }
            return new BootstrappedStack.Made(TABLE, name, table.tableArn(), null, table.latestStreamArn());
        }

        private BootstrappedStack.Made simpleTable(Template.Resource resource, Map<String, Object> p) {
            String name = name(resource, p.get("TableName"), false, 255);
            Map<String, Object> key = map(p.get("PrimaryKey"));
            String keyName = Objects.requireNonNullElse(string(key.get("Name")), "id");
            String keyType = switch (Objects.requireNonNullElse(string(key.get("Type")), "String")) {
                case "String" -> "S";
                case "Number" -> "N";
                case "Binary" -> "B";
                default -> throw new TemplateException(resource.logicalId() + ".PrimaryKey.Type must be String, Number"
                        + " or Binary");
            };
            CreateTableRequest.Builder request = CreateTableRequest.builder()
                    .tableName(name)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(keyName).attributeType(keyType).build())
                    .keySchema(KeySchemaElement.builder().attributeName(keyName).keyType("HASH").build());
            if (p.containsKey("ProvisionedThroughput")) {
                request.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(p.get("ProvisionedThroughput")));
            } else {
                request.billingMode(BillingMode.PAY_PER_REQUEST);
            }
            TableDescription table = createTable(resource, request.build(), null);
            return new BootstrappedStack.Made(TABLE, name, table.tableArn(), null, table.latestStreamArn());
        }

        private TableDescription createTable(Template.Resource resource, CreateTableRequest request,
                                             StreamSpecification stream) {
            String name = request.tableName();
            boolean fresh;
            try {
                dynamoDb.createTable(request);
                fresh = true;
            } catch (ResourceInUseException alreadyThere) {
                fresh = false;
            }
            TableDescription table = waitActive(name);
            if (!fresh) {
                compare(resource, request, table);
                if (stream != null && (table.streamSpecification() == null
                        || !Boolean.TRUE.equals(table.streamSpecification().streamEnabled()))) {
                    dynamoDb.updateTable(b -> b.tableName(name).streamSpecification(stream));
                    table = waitActive(name);
                }
            }
            emulator.track(TABLE, name);
            done(resource, name, fresh);
            return table;
        }

        private void compare(Template.Resource resource, CreateTableRequest wanted, TableDescription actual) {
            List<String> differences = new ArrayList<>();
            if (!Set.copyOf(wanted.keySchema()).equals(Set.copyOf(actual.keySchema()))) {
                differences.add("KeySchema");
            }
            Set<String> wantedIndexes = new HashSet<>();
            wanted.globalSecondaryIndexes().forEach(i -> wantedIndexes.add(i.indexName()));
            wanted.localSecondaryIndexes().forEach(i -> wantedIndexes.add(i.indexName()));
            Set<String> actualIndexes = new HashSet<>();
            actual.globalSecondaryIndexes().forEach(i -> actualIndexes.add(i.indexName()));
            actual.localSecondaryIndexes().forEach(i -> actualIndexes.add(i.indexName()));
            if (!wantedIndexes.equals(actualIndexes)) {
                differences.add("indexes " + actualIndexes + " -> " + wantedIndexes);
            }
            if (!differences.isEmpty()) {
                JsonLog.warn("table exists with another definition; reset the emulator to recreate it",
                        Map.of("stack", stack.stackName(), "logicalId", resource.logicalId(),
                                "table", wanted.tableName(), "differences", differences));
            }
        }

        private TableDescription waitActive(String name) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (true) {
                TableDescription table = dynamoDb.describeTable(b -> b.tableName(name)).table();
                if (table.tableStatus() == TableStatus.ACTIVE || table.tableStatus() == null) {
                    return table;
                }
                if (System.nanoTime() > deadline) {
                    throw new EmulatorException("table " + name + " is still " + table.tableStatus() + " after 60 s");
                }
                ResourceCleaner.sleep(100);
            }
        }

        private void ensureTtl(String table, String attribute) {
            if (attribute == null) {
                throw new TemplateException("table " + table + ": TimeToLiveSpecification.AttributeName is missing");
            }
            var current = dynamoDb.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
            boolean on = current != null && (current.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                    || current.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
            if (on && attribute.equals(current.attributeName())) {
                return;
            }
            if (on) {
                JsonLog.warn("table has TTL on another attribute; reset the emulator to change it",
                        Map.of("table", table, "current", current.attributeName(), "wanted", attribute));
                return;
            }
            dynamoDb.updateTimeToLive(b -> b.tableName(table)
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName(attribute)));
        }

        // ------------------------------------------------------------ SQS

        private BootstrappedStack.Made queue(Template.Resource resource, Map<String, Object> p) {
            boolean fifo = bool(p.get("FifoQueue"));
            String name;
            if (p.get("QueueName") != null) {
                name = string(p.get("QueueName"));
            } else {
                String base = stack.stackName() + "-" + resource.logicalId();
                name = fifo ? truncate(base, 75) + ".fifo" : truncate(base, 80);
            }
            if (fifo && !name.endsWith(".fifo")) {
                throw new TemplateException(resource.logicalId() + ": a FIFO queue's QueueName must end with .fifo");
            }
            Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
            copy(p, "VisibilityTimeout", attributes, QueueAttributeName.VISIBILITY_TIMEOUT);
            copy(p, "MessageRetentionPeriod", attributes, QueueAttributeName.MESSAGE_RETENTION_PERIOD);
            copy(p, "DelaySeconds", attributes, QueueAttributeName.DELAY_SECONDS);
            copy(p, "ReceiveMessageWaitTimeSeconds", attributes, QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS);
            copy(p, "MaximumMessageSize", attributes, QueueAttributeName.MAXIMUM_MESSAGE_SIZE);
            if (fifo) {
                attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
                if (p.containsKey("ContentBasedDeduplication")) {
                    attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION,
                            Boolean.toString(bool(p.get("ContentBasedDeduplication"))));
                }
                copy(p, "DeduplicationScope", attributes, QueueAttributeName.DEDUPLICATION_SCOPE);
                copy(p, "FifoThroughputLimit", attributes, QueueAttributeName.FIFO_THROUGHPUT_LIMIT);
            }
            Object redrive = p.get("RedrivePolicy");
            if (redrive != null) {
                attributes.put(QueueAttributeName.REDRIVE_POLICY, redrivePolicy(resource, redrive));
            }
            Object allow = p.get("RedriveAllowPolicy");
            if (allow != null) {
                attributes.put(QueueAttributeName.REDRIVE_ALLOW_POLICY, allow instanceof String s ? s : Json.write(allow));
            }
            String url;
            boolean fresh = true;
            try {
                url = sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
            } catch (SqsException e) {
                if (!isQueueExists(e)) {
                    throw e;
                }
                // Same name, other attributes (the template changed): keep the queue, apply the attributes.
                fresh = false;
                url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
                Map<QueueAttributeName, String> changeable = new LinkedHashMap<>(attributes);
                changeable.remove(QueueAttributeName.FIFO_QUEUE);
                String existingUrl = url;
                if (!changeable.isEmpty()) {
                    sqs.setQueueAttributes(b -> b.queueUrl(existingUrl).attributes(changeable));
                }
            }
            String queueUrl = url;
            String arn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            emulator.track(QUEUE, url);
            done(resource, name, fresh);
            return new BootstrappedStack.Made(QUEUE, name, arn, url, null);
        }

        /** AWS says QueueNameExists (QueueNameExistsException), moto and older SQS QueueAlreadyExists. */
        private boolean isQueueExists(SqsException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return e instanceof QueueNameExistsException
                    || code != null && (code.contains("QueueAlreadyExists") || code.contains("QueueNameExists"));
        }

        private String redrivePolicy(Template.Resource resource, Object redrive) {
            if (redrive instanceof String text) {
                return text;
            }
            Map<String, Object> policy = map(redrive);
            Object target = policy.get("deadLetterTargetArn");
            Object count = policy.get("maxReceiveCount");
            if (target == null || count == null) {
                throw new TemplateException(resource.logicalId() + ".RedrivePolicy needs deadLetterTargetArn and"
                        + " maxReceiveCount");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("deadLetterTargetArn", target.toString());
            out.put("maxReceiveCount", Integer.parseInt(count.toString().trim()));
            return Json.write(out);
        }

        // ------------------------------------------------------------ S3

        private BootstrappedStack.Made bucket(Template.Resource resource, Map<String, Object> p) {
            String name = p.get("BucketName") != null ? string(p.get("BucketName"))
                    : bucketName(stack.stackName() + "-" + resource.logicalId());
            boolean fresh = true;
            try {
                if (emulator.region().equals(Region.US_EAST_1)) {
                    s3.createBucket(b -> b.bucket(name));
                } else {
                    s3.createBucket(b -> b.bucket(name).createBucketConfiguration(
                            c -> c.locationConstraint(BucketLocationConstraint.fromValue(emulator.region().id()))));
                }
            } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException alreadyThere) {
                fresh = false;
            }
            List<CORSRule> rules = new ArrayList<>();
            for (Object raw : list(map(p.get("CorsConfiguration")).get("CorsRules"))) {
                Map<String, Object> rule = map(raw);
                CORSRule.Builder cors = CORSRule.builder()
                        .allowedMethods(strings(rule.get("AllowedMethods")))
                        .allowedOrigins(strings(rule.get("AllowedOrigins")));
                if (rule.containsKey("AllowedHeaders")) {
                    cors.allowedHeaders(strings(rule.get("AllowedHeaders")));
                }
                if (rule.containsKey("ExposedHeaders")) {
                    cors.exposeHeaders(strings(rule.get("ExposedHeaders")));
                }
                if (rule.containsKey("MaxAge")) {
                    cors.maxAgeSeconds(integer(rule.get("MaxAge")));
                }
                if (rule.containsKey("Id")) {
                    cors.id(string(rule.get("Id")));
                }
                rules.add(cors.build());
            }
            if (!rules.isEmpty()) {
                s3.putBucketCors(b -> b.bucket(name).corsConfiguration(c -> c.corsRules(rules)));
            }
            String versioning = string(map(p.get("VersioningConfiguration")).get("Status"));
            if (versioning != null) {
                s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v.status(versioning)));
            }
            emulator.track(BUCKET, name);
            done(resource, name, fresh);
            return new BootstrappedStack.Made(BUCKET, name, "arn:aws:s3:::" + name, null, null);
        }

        // ------------------------------------------------------------ helpers

        private void done(Template.Resource resource, String name, boolean fresh) {
            (fresh ? created : existing).add(resource.logicalId());
            JsonLog.info(fresh ? "stack resource created" : "stack resource exists", Map.of(
                    "stack", stack.stackName(), "logicalId", resource.logicalId(), "type", resource.type(),
                    "name", name));
        }

        private String name(Template.Resource resource, Object declared, boolean lowerCase, int max) {
            if (declared != null) {
                return string(declared);
            }
            String generated = truncate(stack.stackName() + "-" + resource.logicalId(), max);
            return lowerCase ? generated.toLowerCase(Locale.ROOT) : generated;
        }
    }

    // ---------------------------------------------------------------- property helpers

    private static List<AttributeDefinition> attributeDefinitions(Object value) {
        List<AttributeDefinition> list = new ArrayList<>();
        for (Object raw : list(value)) {
            Map<String, Object> a = map(raw);
            list.add(AttributeDefinition.builder()
                    .attributeName(string(a.get("AttributeName")))
                    .attributeType(string(a.get("AttributeType")))
                    .build());
        }
        return list;
    }

    private static List<KeySchemaElement> keySchema(Template.Resource resource, Object value) {
        List<KeySchemaElement> list = new ArrayList<>();
        for (Object raw : list(value)) {
            Map<String, Object> k = map(raw);
            list.add(KeySchemaElement.builder()
                    .attributeName(string(k.get("AttributeName")))
                    .keyType(string(k.get("KeyType")))
                    .build());
        }
        if (list.isEmpty()) {
            throw new TemplateException(resource.logicalId() + ": KeySchema is missing");
        }
        return list;
    }

    private static Projection projection(Object value) {
        Map<String, Object> p = map(value);
        Projection.Builder projection = Projection.builder()
                .projectionType(Objects.requireNonNullElse(string(p.get("ProjectionType")), "ALL"));
        if (p.containsKey("NonKeyAttributes")) {
            projection.nonKeyAttributes(strings(p.get("NonKeyAttributes")));
        }
        return projection.build();
    }

    private static ProvisionedThroughput throughput(Object value) {
        Map<String, Object> t = map(value);
        return ProvisionedThroughput.builder()
                .readCapacityUnits(t.containsKey("ReadCapacityUnits") ? (long) integer(t.get("ReadCapacityUnits"))
                        : DEFAULT_CAPACITY)
                .writeCapacityUnits(t.containsKey("WriteCapacityUnits") ? (long) integer(t.get("WriteCapacityUnits"))
                        : DEFAULT_CAPACITY)
                .build();
    }

    private static StreamSpecification streamSpecification(Object value) {
        Map<String, Object> s = map(value);
        String viewType = string(s.get("StreamViewType"));
        if (viewType == null) {
            return null;
        }
        return StreamSpecification.builder().streamEnabled(true).streamViewType(viewType).build();
    }

    private static void copy(Map<String, Object> props, String property, Map<QueueAttributeName, String> attributes,
                             QueueAttributeName name) {
        Object value = props.get(property);
        if (value != null) {
            attributes.put(name, value.toString());
        }
    }

    /** Bucket names: 3-63 characters of a-z, 0-9, '-' and '.', starting and ending with a letter or digit. */
    static String bucketName(String generated) {
        String name = generated.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        name = truncate(name, 63).replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
        while (name.length() < 3) {
            name = name + "0";
        }
        return name;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    private static String string(Object value) {
        return value == null || value == Intrinsics.NO_VALUE ? null : value.toString();
    }

    private static boolean bool(Object value) {
        return value != null && Boolean.parseBoolean(value.toString().trim());
    }

    private static int integer(Object value) {
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new TemplateException("expected a number, got " + value);
        }
    }
}
