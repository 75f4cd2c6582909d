package vn.smartprovince.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import vn.smartprovince.local.emulator.BootstrappedStack;
import vn.smartprovince.shared.json.Json;

/** {@code @ExtendWith} with parameters, on the repository's own template.yaml. */
@ExtendWith(AwsEmulatorExtension.class)
class ExtendWithRepoTemplateTest {

    @Test
    void repoRootHoldsTheTemplate() {
        assertTrue(Files.isRegularFile(AwsEmulatorExtension.repoRoot().resolve("template.yaml")));
    }

    @Test
    void tablesAndQueuesOfTemplateYamlExist(AwsEmulatorExtension aws, DynamoDbClient dynamoDb, SqsClient sqs) {
        String table = aws.tableName("MainTable");
        assertTrue(dynamoDb.listTables().tableNames().contains(table), table);
        String redrive = sqs.getQueueAttributes(b -> b.queueUrl(aws.queueUrl("NotificationQueue"))
                .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY);
        assertTrue(Json.read(redrive).get("deadLetterTargetArn").asText().endsWith(":" + AwsEmulatorExtension.DEFAULT_STACK_NAME
                + "-NotificationDeadLetterQueue"), redrive);
    }

    @Test
    void functionsSeeTheirResolvedEnvironment(AwsEmulatorExtension aws, BootstrappedStack stack) {
        var env = aws.env("HealthFunction");
        assertEquals(aws.tableName("MainTable"), env.required("MAIN_TABLE"));
        assertEquals(aws.queueUrl("NotificationQueue"), env.required("NOTIFICATION_QUEUE_URL"));
    }

    @Test
    void sampleEventsComeFromTheRepositorysEventsFolder() {
        assertEquals("GET /v1/health", Json.read(Events.load("health-get.json")).get("routeKey").asText());
        assertEquals(Events.load("health-get.json"), new String(Events.bytes("health-get.json"),
                java.nio.charset.StandardCharsets.UTF_8));
    }
}
