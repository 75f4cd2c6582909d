package vn.smartprovince.dossiers.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.dossiers.officer.OfficerFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.dossiers.store.DynamoDbDossierStore;
import vn.smartprovince.dossiers.store.DynamoDbParkedDeskUpdates;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;
import vn.smartprovince.testkit.MutableClock;

/**
 * {@code OneStopInboundFunction} on the emulator's table and dead-letter queue, driven by
 * {@code events/one-stop-inbound-sqs.json} and updates made from it: dead letters carry their
 * reason and are acknowledged; parked updates wait on the table and are applied once the gap closes.
 */
class OneStopInboundHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    DynamoDbDossierStore store;
    OneStopInboundHandler handler;
    String dlq;

    @BeforeEach
    void setUp() {
        String table = aws.tableName("MainTable");
        store = new DynamoDbDossierStore(aws.dynamoDb(), table);
        MutableClock clock = new MutableClock(TUESDAY);
        dlq = aws.queueUrl("OneStopInboundDeadLetterQueue");
        aws.sqs().purgeQueue(b -> b.queueUrl(dlq));
        DeskUpdates updates = new DeskUpdates(store, new DynamoDbParkedDeskUpdates(aws.dynamoDb(), table),
                new OfficerActions(store, () -> CONFIG, null, clock), Map::of, clock);
        handler = new OneStopInboundHandler(updates, OneStopInboundHandler.sqsDeadLetters(aws.sqs(), dlq));
    }

    List<Message> deadLetters() {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = aws.sqs().receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
    }

    static ObjectNode batch(String... bodies) {
        ObjectNode sample = (ObjectNode) Json.read(Events.load("one-stop-inbound-sqs.json"));
        ObjectNode template = (ObjectNode) sample.path("Records").get(0);
        ArrayNode records = sample.putArray("Records");
        for (int i = 0; i < bodies.length; i++) {
            ObjectNode record = records.addObject();
            record.setAll(template.deepCopy());
            record.put("messageId", "m" + i).put("body", bodies[i]);
        }
        return sample;
    }

    @Test
    void theSampleBatchIsTwoDeadLettersWithTheirReasonsAndBothAcknowledged() {
        JsonNode answer = Handlers.invoke(handler, Json.read(Events.load("one-stop-inbound-sqs.json")));
        assertEquals(0, answer.path("batchItemFailures").size(), answer.toString());
        List<String> reasons = deadLetters().stream().map(m -> m.messageAttributes().get("reason").stringValue()).sorted().toList();
        assertEquals(List.of("MISSING_FIELD deskSequence", "UNKNOWN_DOSSIER dossierId"), reasons);
    }

    @Test
    void anUpdateBeforeItsGapWaitsOnTheTableAndAMalformedOneBlocksNothing() {
        String id = "dinbound" + System.nanoTime();
        var dossier = registered(id, TUESDAY.minus(Duration.ofDays(1)));
        store.create(dossier, new TimelineEntry(id, 1, dossier.submittedAt(), CITIZEN, ActorRole.APPLICANT,
                DossierAction.SUBMIT, null, DossierStatus.REGISTERED, null, COMMUNE, null, null, null, null),
                List.of(), List.of());
        String second = DeskUpdatesTest.update(id, 2, 4, "");
        JsonNode answer = Handlers.invoke(handler, batch(second, "not json at all"));
        assertEquals(0, answer.path("batchItemFailures").size());
        var parkedItem = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("DOSSIER#" + id), "sk", AttributeValue.fromS("DESK#000002")))).item();
        assertEquals(second, parkedItem.get("rawBody").s());
        assertEquals(DossierStatus.REGISTERED, store.find(id).orElseThrow().status());

        Handlers.invoke(handler, batch(DeskUpdatesTest.update(id, 1, 2, "")));
        var after = store.find(id).orElseThrow();
        assertEquals(DossierStatus.PROCESSING, after.status(), "1 then the parked 2");
        assertEquals(2, after.deskSequence());
        assertTrue(aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("DOSSIER#" + id), "sk", AttributeValue.fromS("DESK#000002"))))
                .item().isEmpty(), "deleted once applied");
        List<Message> dead = deadLetters();
        assertEquals(1, dead.size());
        assertEquals("NOT_JSON body", dead.get(0).messageAttributes().get("reason").stringValue());
        assertEquals("not json at all", dead.get(0).body());
    }
}
