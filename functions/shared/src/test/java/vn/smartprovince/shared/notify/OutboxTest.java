package vn.smartprovince.shared.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import vn.smartprovince.shared.config.Env;

/** The outbox item of a job and the Put that writes it inside a transaction. */
class OutboxTest {
    private final Outbox outbox = new Outbox("smartprovince-test-MainTable");

    @Test
    void theItemIsKeyedByTheJobAndExpiresAfterSevenDays() {
        NotificationJob job = NotificationJobTest.job();
        Map<String, AttributeValue> item = outbox.item(job);
        assertEquals("OUTBOX#" + job.jobId(), item.get("pk").s());
        assertEquals("JOB", item.get("sk").s());
        assertEquals("NOTIFICATION_JOB", item.get("itemType").s());
        assertEquals("REPORT_ANSWERED", item.get("jobType").s());
        assertEquals(job.toJson(), item.get("job").s());
        assertEquals(job.createdAt().plus(Duration.ofDays(7)).getEpochSecond(), Long.parseLong(item.get("expiresAt").n()));
        assertFalse(item.containsKey("gsi1pk"), "no index entries: nothing reads outbox items but the stream");
        assertEquals(job, Outbox.jobOf(item));
    }

    @Test
    void thePutOnlyEverCreates() {
        NotificationJob job = NotificationJobTest.job();
        TransactWriteItem write = outbox.put(job);
        Put put = write.put();
        assertEquals("smartprovince-test-MainTable", put.tableName());
        assertEquals("attribute_not_exists(pk)", put.conditionExpression());
        assertEquals(outbox.item(job), put.item());
        assertEquals(put, outbox.putRequest(job));
    }

    @Test
    void keysAndConfiguration() {
        assertEquals("OUTBOX#abc", Outbox.key("abc"));
        assertTrue(Outbox.isOutboxKey("OUTBOX#abc"));
        assertFalse(Outbox.isOutboxKey("REPORT#abc"));
        assertFalse(Outbox.isOutboxKey(null));
        assertEquals("t1", Outbox.fromEnv(new Env(Map.of("MAIN_TABLE", "t1"))).tableName());
        assertThrows(IllegalStateException.class, () -> Outbox.fromEnv(new Env(Map.of())));
        assertThrows(IllegalArgumentException.class, () -> new Outbox("t", Duration.ofHours(23)));
        NotificationJob job = NotificationJobTest.job();
        assertEquals(job.createdAt().plus(Duration.ofDays(3)).getEpochSecond(),
                Long.parseLong(new Outbox("t", Duration.ofDays(3)).item(job).get("expiresAt").n()));
    }

    @Test
    void readingAnItemChecksItIsAJob() {
        NotificationJob job = NotificationJobTest.job();
        Map<String, AttributeValue> item = new HashMap<>(outbox.item(job));
        item.put("pk", AttributeValue.fromS("OUTBOX#someone-else"));
        assertThrows(InvalidNotificationJobException.class, () -> Outbox.jobOf(item));
        item.put("pk", AttributeValue.fromS("REPORT#1"));
        assertThrows(InvalidNotificationJobException.class, () -> Outbox.jobOf(item));
        Map<String, AttributeValue> noJob = new HashMap<>(outbox.item(job));
        noJob.remove("job");
        assertEquals("job: missing", assertThrows(InvalidNotificationJobException.class,
                () -> Outbox.jobOf(noJob)).problems().get(0));
    }
}
