package vn.smartprovince.local.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.local.template.TemplateException;
import vn.smartprovince.shared.json.Json;

class StackBootstrapTest {
    private static final String STACK = "fixture";
    private static Emulator emulator;
    private static BootstrappedStack stack;
    private static DynamoDbClient dynamoDb;
    private static SqsClient sqs;
    private static S3Client s3;

    @BeforeAll
    static void bootstrap() {
        emulator = TestEmulator.fresh();
        dynamoDb = emulator.dynamoDb();
        sqs = emulator.sqs();
        s3 = emulator.s3();
        stack = StackBootstrap.run(emulator, template("bootstrap-stack.yaml"), STACK, Map.of());
    }

    @AfterAll
    static void closeClients() {
        dynamoDb.close();
        sqs.close();
        s3.close();
    }

    static Template template(String name) {
        try {
            return Template.load(Path.of(StackBootstrapTest.class.getResource("/fixtures/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tableWithIndexesStreamAndTtl() {
        assertEquals("fixture-main", stack.tableName("MainTable"));
        TableDescription table = dynamoDb.describeTable(b -> b.tableName("fixture-main")).table();
        assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
        assertEquals(List.of("pk", "sk"), table.keySchema().stream().map(k -> k.attributeName()).toList());
        assertEquals(Set.of("GSI1", "GSI2"), table.globalSecondaryIndexes().stream()
                .map(i -> i.indexName()).collect(Collectors.toSet()));
        var gsi2 = table.globalSecondaryIndexes().stream().filter(i -> i.indexName().equals("GSI2")).findFirst().get();
        assertEquals(ProjectionType.INCLUDE, gsi2.projection().projectionType());
        assertEquals(List.of("status"), gsi2.projection().nonKeyAttributes());
        assertEquals("LSI1", table.localSecondaryIndexes().get(0).indexName());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, table.streamSpecification().streamViewType());
        assertEquals(table.latestStreamArn(), stack.streamArn("MainTable"));
        assertEquals(table.tableArn(), stack.getAtt("MainTable", "Arn"));
        var ttl = dynamoDb.describeTimeToLive(b -> b.tableName("fixture-main")).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals("expiresAt", ttl.attributeName());
    }

    @Test
    void generatedNamesProvisionedAndSimpleTables() {
        assertEquals("fixture-IdempotencyTable", stack.tableName("IdempotencyTable"));
        TableDescription idempotency = dynamoDb.describeTable(b -> b.tableName("fixture-IdempotencyTable")).table();
        assertEquals(2L, idempotency.provisionedThroughput().readCapacityUnits());
        assertEquals(3L, idempotency.provisionedThroughput().writeCapacityUnits());
        assertEquals("expiration", dynamoDb.describeTimeToLive(b -> b.tableName("fixture-IdempotencyTable"))
                .timeToLiveDescription().attributeName());

        assertEquals("fixture-SessionsTable", stack.tableName("SessionsTable"));
        TableDescription sessions = dynamoDb.describeTable(b -> b.tableName("fixture-SessionsTable")).table();
        assertEquals("sessionId", sessions.keySchema().get(0).attributeName());
        assertEquals(BillingMode.PAY_PER_REQUEST, sessions.billingModeSummary().billingMode());
    }

    @Test
    void queueRedrivesToItsDeadLetterQueue() {
        String url = stack.queueUrl("NotificationQueue");
        Map<String, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNamesWithStrings("All")).attributesAsStrings();
        assertEquals("2", attributes.get("VisibilityTimeout"));
        assertEquals("86400", attributes.get("MessageRetentionPeriod"));
        assertEquals("1", attributes.get("ReceiveMessageWaitTimeSeconds"));
        var redrive = Json.read(attributes.get("RedrivePolicy"));
        assertEquals(stack.queueArn("NotificationDLQ"), redrive.get("deadLetterTargetArn").asText());
        assertEquals(3, redrive.get("maxReceiveCount").asInt());
        assertEquals("fixture-NotificationDLQ", stack.queueName("NotificationDLQ"));
        assertEquals("1209600", sqs.getQueueAttributes(b -> b.queueUrl(stack.queueUrl("NotificationDLQ"))
                .attributeNames(QueueAttributeName.MESSAGE_RETENTION_PERIOD)).attributesAsStrings()
                .get("MessageRetentionPeriod"));
    }

    @Test
    void fifoQueueGetsFifoSuffix() {
        assertEquals("fixture-OrdersQueue.fifo", stack.queueName("OrdersQueue"));
        Map<String, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(stack.queueUrl("OrdersQueue"))
                .attributeNamesWithStrings("All")).attributesAsStrings();
        assertEquals("true", attributes.get("FifoQueue"));
        assertEquals("true", attributes.get("ContentBasedDeduplication"));
    }

    @Test
    void bucketsWithGeneratedAndSubstitutedNames() {
        assertEquals("fixture-uploadsbucket", stack.bucketName("UploadsBucket"));
        String media = "fixture-media-" + stack.accountId();
        assertEquals(media, stack.bucketName("MediaBucket"));
        Set<String> buckets = s3.listBuckets().buckets().stream().map(b -> b.name()).collect(Collectors.toSet());
        assertTrue(buckets.containsAll(Set.of("fixture-uploadsbucket", media)), buckets.toString());
        assertEquals(List.of("GET", "PUT"), s3.getBucketCors(b -> b.bucket(media)).corsRules().get(0).allowedMethods());
    }

    @Test
    void resourceWithFalseConditionIsNotCreated() {
        assertFalse(stack.exists("ProdOnlyTable"));
        assertFalse(dynamoDb.listTables().tableNames().contains("prod-only"));
        TemplateException error = assertThrows(TemplateException.class, () -> stack.ref("ProdOnlyTable"));
        assertTrue(error.getMessage().contains("IsProd"), error.getMessage());
        assertFalse(stack.environment("NotifyFunction").containsKey("PROD_TABLE"));
    }

    @Test
    void functionEnvironmentResolvesRefGetAttAndSub() {
        Map<String, String> env = stack.environment("NotifyFunction");
        String account = stack.accountId();
        String region = emulator.region().id();
        assertEquals("fixture-main", env.get("MAIN_TABLE"), "Globals merged");
        assertEquals(stack.queueUrl("NotificationQueue"), env.get("QUEUE_URL"));
        assertTrue(env.get("QUEUE_URL").startsWith(emulator.endpoint().toString()), env.get("QUEUE_URL"));
        assertEquals("arn:aws:sqs:" + region + ":" + account + ":fixture-notifications", env.get("QUEUE_ARN"));
        assertEquals("fixture-NotificationDLQ", env.get("DLQ_NAME"));
        assertTrue(env.get("STREAM_ARN").startsWith("arn:aws:dynamodb:" + region + ":" + account
                + ":table/fixture-main/stream/"), env.get("STREAM_ARN"));
        assertEquals("arn:aws:dynamodb:" + region + ":" + account + ":table/fixture-main", env.get("TABLE_ARN"));
        assertEquals("fixture-IdempotencyTable", env.get("IDEMPOTENCY_TABLE"));
        assertEquals("fixture-SessionsTable", env.get("SESSIONS_TABLE"));
        assertEquals("fixture-OrdersQueue.fifo", env.get("ORDERS_QUEUE"));
        assertEquals("fixture-uploadsbucket", env.get("UPLOADS"));
        assertEquals("arn:aws:s3:::fixture-uploadsbucket", env.get("UPLOADS_ARN"));
        assertEquals("fixture-uploadsbucket.s3." + region + ".amazonaws.com", env.get("UPLOADS_DOMAIN"));
        assertEquals("fixture-media-" + account, env.get("MEDIA"));
        assertEquals("arn:aws:lambda:" + region + ":" + account + ":function:fixture-stats", env.get("OTHER_FUNCTION"));
        assertEquals("fixture-stats", env.get("OTHER_FUNCTION_NAME"));
        assertTrue(env.get("API_URL").matches("https://[a-z0-9]{10}\\.execute-api\\." + region
                + "\\.amazonaws\\.com"), env.get("API_URL"));
        assertEquals("fixture-main|fixture-notifications|" + account + "|test", env.get("SUMMARY"));
    }

    @Test
    void arnsCarryTheEmulatorsAccount() {
        // A moto started by Emulator runs with MOTO_ACCOUNT_ID=000000000000; read back, not assumed.
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(stack.queueUrl("NotificationDLQ"))
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributesAsStrings().get("QueueArn");
        assertEquals(arn.split(":")[4], stack.accountId());
        if (emulator.owned()) {
            assertEquals(Emulator.DEFAULT_ACCOUNT, stack.accountId());
        }
    }

    @Test
    void placeholdersForResourcesThatAreNotEmulated() {
        String region = emulator.region().id();
        assertEquals("arn:aws:sns:" + region + ":" + stack.accountId() + ":fixture-AlarmTopic", stack.ref("AlarmTopic"));
        assertEquals("fixture-DlqAlarm", stack.ref("DlqAlarm"));
        assertEquals("arn:aws:cloudwatch:" + region + ":" + stack.accountId() + ":DlqAlarm",
                stack.getAtt("DlqAlarm", "Arn"));
        stack.override("Api", "ApiEndpoint", "http://localhost:3000");
        assertEquals("http://localhost:3000", stack.intrinsics().resolveString(Map.of("Fn::GetAtt", List.of("Api",
                "ApiEndpoint"))));
    }

    @Test
    void secondRunFindsWhatExistsAndGivesTheSameAnswers() {
        BootstrappedStack again = StackBootstrap.run(emulator, template("bootstrap-stack.yaml"), STACK, Map.of());
        assertEquals(stack.physicalIds(), again.physicalIds());
        assertEquals(stack.streamArn("MainTable"), again.streamArn("MainTable"));
        assertEquals(stack.environment("NotifyFunction"), again.environment("NotifyFunction"));
    }

    @Test
    void functionUsingAnUnsupportedResourceTypeIsRefused() {
        TemplateException error = assertThrows(TemplateException.class,
                () -> StackBootstrap.run(emulator, template("unsupported-stack.yaml"), "unsupported", Map.of()));
        assertTrue(error.getMessage().contains("PublishFunction"), error.getMessage());
        assertTrue(error.getMessage().contains("AWS::SNS::Topic"), error.getMessage());
        assertTrue(error.getMessage().contains("TOPIC_ARN"), error.getMessage());
    }

    @Test
    void parameterOverrideTurnsConditionOn() {
        BootstrappedStack prod = StackBootstrap.run(emulator, template("bootstrap-stack.yaml"), "fixture-prod",
                Map.of("Stage", "prod"));
        assertTrue(prod.exists("ProdOnlyTable"));
        assertEquals("prod-only", prod.environment("NotifyFunction").get("PROD_TABLE"));
        assertTrue(dynamoDb.listTables().tableNames().contains("prod-only"));
    }
}
