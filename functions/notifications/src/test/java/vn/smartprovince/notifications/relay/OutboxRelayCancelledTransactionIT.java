package vn.smartprovince.notifications.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.notifications.relay.RelayHarness.jobIds;
import static vn.smartprovince.notifications.relay.RelayHarness.job;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/**
 * A change whose transaction is cancelled writes no job, and no job reaches the queue.
 *
 * <p>The relay starts after the writes and reads the stream from its beginning (TRIM_HORIZON, as
 * the template says). Not for convenience: moto (5.x) rolls a cancelled TransactWriteItems back by
 * swapping in a copy of the table, so a stream reader that is already open sees the cancelled
 * writes (here: the cancelled job would be relayed) and then none of the later ones, while a reader
 * opened afterwards sees the table's true history. DynamoDB has neither problem: a cancelled
 * transaction leaves no stream record. Reading after the fact is therefore what tests our code
 * rather than the emulator's rollback.
 */
class OutboxRelayCancelledTransactionIT {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    @Test
    void cancelledTransactionsWriteNoJobAndNothingArrives() {
        try (RelayHarness relay = new RelayHarness(aws)) {
            Outbox outbox = relay.outbox();
            NotificationJob received = job("r1", 1, "REPORT_RECEIVED");
            relay.commit(relay.putReport("r1"), outbox.put(received));

            // Another officer answered first: the version moved on, the whole transaction is cancelled.
            NotificationJob stale = job("r1", 5, "REPORT_ANSWERED");
            TransactionCanceledException versionMoved = assertThrows(TransactionCanceledException.class,
                    () -> relay.commit(relay.answerReport("r1", 5), outbox.put(stale)));
            assertEquals("ConditionalCheckFailed", versionMoved.cancellationReasons().get(0).code());
            assertTrue(relay.item(Outbox.key(stale.jobId()), Outbox.SORT_KEY).isEmpty(), "no job written");

            // A retried change reusing a job id: the job's own condition cancels the change too.
            TransactionCanceledException repeated = assertThrows(TransactionCanceledException.class,
                    () -> relay.commit(relay.answerReport("r1", 1), outbox.put(received)));
            assertEquals("ConditionalCheckFailed", repeated.cancellationReasons().get(1).code());
            assertEquals("ROUTED", relay.item("REPORT#r1", "REPORT").get("status").s(), "no change written");

            NotificationJob answered = job("r1", 1, "REPORT_ANSWERED");
            relay.commit(relay.answerReport("r1", 1), outbox.put(answered));

            relay.start();
            List<String> ids = jobIds(relay.receiveThrough(answered.jobId()));
            assertEquals(List.of(received.jobId(), answered.jobId()), ids,
                    "only the committed transactions' jobs, once each, in order");
        }
    }
}
