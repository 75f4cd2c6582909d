package vn.smartprovince.notifications.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.smartprovince.notifications.relay.RelayHarness.jobIds;
import static vn.smartprovince.notifications.relay.RelayHarness.job;
import static vn.smartprovince.notifications.relay.RelayHarness.n;
import static vn.smartprovince.notifications.relay.RelayHarness.s;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/**
 * The outbox end to end with the relay running while the changes are written (see
 * {@link RelayHarness}). Absence is shown without sleeping: after the writes that must produce
 * nothing, a marker job is committed; the stream delivers in order, so once the marker arrives
 * anything the earlier writes produced would have arrived before it. Cancelled transactions are in
 * {@link OutboxRelayCancelledTransactionIT}.
 */
class OutboxRelayIT {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    private static RelayHarness relay;

    @BeforeAll
    static void startRelay() {
        relay = new RelayHarness(aws).start();
    }

    @AfterAll
    static void stopRelay() {
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void aChangeAndItsJobCommittedTogetherPutTheJobOnTheQueue() {
        NotificationJob received = job("r1", 1, "REPORT_RECEIVED");
        relay.commit(relay.putReport("r1"), relay.outbox().put(received));

        List<Message> messages = relay.receiveThrough(received.jobId());
        assertEquals(List.of(received.jobId()), jobIds(messages));
        Message message = messages.get(0);
        assertEquals(received.toJson(), message.body());
        assertEquals(received, NotificationJob.fromJson(message.body()));
        assertEquals("REPORT_RECEIVED", message.messageAttributes().get("type").stringValue());
        assertEquals("1", message.messageAttributes().get("schemaVersion").stringValue());
    }

    @Test
    void aTransitionWithJobsForSeveralPeopleSendsEachInOrder() {
        relay.commit(relay.putReport("r2"));
        NotificationJob citizen = job("r2", 1, "REPORT_ANSWERED");
        NotificationJob officer = job("r2", 1, "REPORT_ANSWERED").withJobId("r2-officer");
        relay.commit(relay.answerReport("r2", 1), relay.outbox().put(citizen), relay.outbox().put(officer));
        assertEquals(List.of(citizen.jobId(), officer.jobId()), jobIds(relay.receiveThrough(officer.jobId())));
    }

    @Test
    void otherItemsAndChangesToOutboxItemsProduceNothing() {
        NotificationJob first = job("r4", 1, "REPORT_RECEIVED");
        relay.commit(relay.putReport("r4"), relay.outbox().put(first));
        assertEquals(List.of(first.jobId()), jobIds(relay.receiveThrough(first.jobId())));

        // A user item, a report change, an outbox item modified and then deleted (as TTL would).
        String table = relay.outbox().tableName();
        aws.dynamoDb().putItem(b -> b.tableName(table)
                .item(Map.of("pk", s("USER#9000000000000000123"), "sk", s("PROFILE"), "version", n(1))));
        relay.commit(relay.answerReport("r4", 1));
        Map<String, AttributeValue> key = Map.of("pk", s(Outbox.key(first.jobId())), "sk", s(Outbox.SORT_KEY));
        aws.dynamoDb().updateItem(b -> b.tableName(table).key(key)
                .updateExpression("SET inspectedBy = :who").expressionAttributeValues(Map.of(":who", s("ops"))));
        aws.dynamoDb().deleteItem(b -> b.tableName(table).key(key));
        // An item whose key only looks like an outbox key to a careless prefix check.
        aws.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", s("OUTBOXES#x"), "sk", s("JOB"))));

        NotificationJob marker = job("r4-marker", 1, "REPORT_RECEIVED");
        relay.commit(relay.outbox().put(marker));
        List<String> ids = jobIds(relay.receiveThrough(marker.jobId()));
        assertEquals(List.of(marker.jobId()), ids);
        assertFalse(ids.contains(first.jobId()), "a MODIFY or REMOVE of a job is not a new job");
    }
}
