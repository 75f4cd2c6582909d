package vn.smartprovince.shared.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.smartprovince.shared.aws.AwsClients;

/**
 * The guard on every client AwsClients builds: while priming, a write never reaches AWS (here a fake
 * that records what reaches it), a read does; outside priming everything goes through as before.
 */
class PrimingGuardTest {
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("REPORT#r1"),
            "sk", AttributeValue.fromS("REPORT"));

    private FakeAws aws;
    private DynamoDbClient dynamo;
    private SqsClient sqs;
    private LogLines logs;

    @BeforeEach
    void start() throws Exception {
        Priming.reset();
        logs = new LogLines();
        aws = new FakeAws();
        dynamo = AwsClients.dynamoDb(aws.env());
        sqs = AwsClients.sqs(aws.env());
    }

    @AfterEach
    void stop() {
        dynamo.close();
        sqs.close();
        aws.close();
        logs.close();
        Priming.reset();
    }

    /** Each call's failure, or null when it went through. */
    private Map<String, Throwable> attempts() {
        Map<String, Throwable> outcomes = new LinkedHashMap<>();
        attempt(outcomes, "PutItem", () -> dynamo.putItem(b -> b.tableName(FakeAws.TABLE).item(KEY)));
        attempt(outcomes, "UpdateItem", () -> dynamo.updateItem(b -> b.tableName(FakeAws.TABLE).key(KEY)
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("ANSWERED")))));
        attempt(outcomes, "TransactWriteItems", () -> dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(FakeAws.TABLE).item(KEY)).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(FakeAws.TABLE).key(KEY)).build())));
        attempt(outcomes, "SendMessage", () -> sqs.sendMessage(b -> b.queueUrl(aws.queueUrl()).messageBody("{}")));
        attempt(outcomes, "GetItem", () -> dynamo.getItem(b -> b.tableName(FakeAws.TABLE).key(KEY)));
        attempt(outcomes, "Query", () -> dynamo.query(b -> b.tableName(FakeAws.TABLE).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("REPORT#r1")))));
        attempt(outcomes, "GetQueueAttributes", () -> sqs.getQueueAttributes(b -> b.queueUrl(aws.queueUrl())));
        return outcomes;
    }

    private static void attempt(Map<String, Throwable> outcomes, String name, Runnable call) {
        try {
            call.run();
            outcomes.put(name, null);
        } catch (RuntimeException e) {
            outcomes.put(name, e);
        }
    }

    @Test
    void whilePrimingWritesAreRefusedBeforeTheyLeaveAndReadsGoThrough() {
        List<Map<String, Throwable>> seen = new ArrayList<>();
        assertTrue(Priming.prime("guard", () -> seen.add(attempts())));
        Map<String, Throwable> outcomes = seen.get(0);

        for (String write : List.of("PutItem", "UpdateItem", "TransactWriteItems", "SendMessage")) {
            Throwable failure = outcomes.get(write);
            assertNotNull(failure, write + " must be refused");
            PrimingRefusedException refused = PrimingRefusedException.in(failure);
            assertNotNull(refused, write + ": " + failure);
            assertTrue(refused.call().endsWith("." + write), refused.call());
        }
        for (String read : List.of("GetItem", "Query", "GetQueueAttributes")) {
            assertNull(outcomes.get(read), read + " goes through: " + outcomes.get(read));
        }
        assertEquals(List.of("GetItem", "Query", "GetQueueAttributes"), aws.operationNames(),
                "only the reads reached AWS");
        // Refused once each: the SDK does not retry a refusal.
        List<String> refused = new ArrayList<>();
        logs.withMessage("primed").get(0).path("refused").forEach(call -> refused.add(call.asText()));
        assertEquals(List.of("DynamoDb.PutItem", "DynamoDb.UpdateItem", "DynamoDb.TransactWriteItems", "Sqs.SendMessage"),
                refused);
    }

    @Test
    void outsidePrimingEverythingGoesThrough() {
        Map<String, Throwable> outcomes = attempts();
        outcomes.forEach((call, failure) -> assertNull(failure, call + ": " + failure));
        assertEquals(List.of("PutItem", "UpdateItem", "TransactWriteItems", "SendMessage", "GetItem", "Query",
                "GetQueueAttributes"), aws.operationNames());
    }

    @Test
    void eachClientsFirstCallIsAReadThatFindsNothing() {
        assertEquals(List.of("DynamoDB client", "SQS client"), Priming.registered());

        Priming.primeAll();

        assertEquals(List.of("GetItem", "GetQueueAttributes"), aws.operationNames());
        JsonNode getItem = aws.bodies.get(0);
        assertEquals(FakeAws.TABLE, getItem.path("TableName").asText());
        assertTrue(getItem.path("Key").path("pk").path("S").asText().startsWith("PRIMING#"), getItem.toString());
        assertEquals(aws.queueUrl(), aws.bodies.get(1).path("QueueUrl").asText());
        assertEquals(2, logs.withMessage("primed").size(), logs.all().toString());
    }
}
