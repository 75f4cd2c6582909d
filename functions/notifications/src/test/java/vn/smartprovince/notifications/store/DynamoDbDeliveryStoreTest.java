package vn.smartprovince.notifications.store;

import vn.smartprovince.shared.stats.NotificationCounterKeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.notifications.core.Channel;
import vn.smartprovince.notifications.core.Delivery;
import vn.smartprovince.notifications.core.DeliveryState;
import vn.smartprovince.notifications.core.DeliveryStore.ReceiptOutcome;
import vn.smartprovince.notifications.core.DeliveryStore;
import vn.smartprovince.notifications.core.Reason;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/** Delivery records on the template's MainTable in the emulator: the conditions, the indexes, the item layout. */
class DynamoDbDeliveryStoreTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final Instant T = Instant.parse("2026-11-28T03:00:00Z");

    DynamoDbDeliveryStore store() {
        return new DynamoDbDeliveryStore(aws.dynamoDb(), aws.tableName("MainTable"));
    }

    static NotificationJob job(String key, String recipient, Instant createdAt) {
        return new NotificationJob(1, "job-" + key, "REPORT_ANSWERED", recipient, "REPORT_STATUS_CHANGED",
                Map.of("report_code", "K7M4-QX9P"), "REPORT#" + key, createdAt, "req-1");
    }

    static DeliveryStore.Attempt claimed(DeliveryStore.Claim claim) {
        return assertInstanceOf(DeliveryStore.Claimed.class, claim).attempt();
    }

    Map<String, AttributeValue> item(String pk, String sk) {
        return aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }

    @Test
    void aClaimCreatesTheRecordInTheAgreedLayoutAndASecondClaimWaitsForTheLease() {
        DynamoDbDeliveryStore store = store();
        NotificationJob job = job("a1", "9000000000000000001", T);
        var first = assertInstanceOf(DeliveryStore.Claimed.class, store.claim(job, "owner-1", T.plusSeconds(35), T));
        assertEquals(1, first.attempt().number());
        assertNull(first.previous());
        Map<String, AttributeValue> item = item("NOTIFICATION#REPORT#a1", "DELIVERY");
        assertEquals("NOTIFICATION_DELIVERY", item.get("itemType").s());
        assertEquals("job-a1", item.get("jobId").s());
        assertEquals("9000000000000000001", item.get("recipientId").s());
        assertEquals("REPORT_ANSWERED", item.get("type").s());
        assertEquals("REPORT_STATUS_CHANGED", item.get("templateKey").s());
        assertEquals("SENDING", item.get("state").s());
        assertEquals("1", item.get("attempts").n());
        assertEquals(T.toString(), item.get("createdAt").s());
        assertEquals("NOTIFICATIONS#9000000000000000001", item.get("gsi1pk").s());
        assertEquals(T + "#job-a1", item.get("gsi1sk").s());
        assertFalse(item.containsKey("gsi2pk"));

        var busy = assertInstanceOf(DeliveryStore.Busy.class, store.claim(job, "owner-2", T.plusSeconds(40), T.plusSeconds(1)));
        assertEquals(T.plusSeconds(35), busy.until());
        var takeover = assertInstanceOf(DeliveryStore.Claimed.class,
                store.claim(job, "owner-3", T.plusSeconds(80), T.plusSeconds(36)));
        assertEquals(2, takeover.attempt().number());
        assertEquals(DeliveryState.SENDING, takeover.previous());
        store.failed(first.attempt(), Channel.ZNS, new Reason("X", "late"), false, null, T.plusSeconds(37));
        assertEquals(DeliveryState.SENDING, store.find(job.deduplicationKey()).orElseThrow().state(),
                "the first owner lost its lease: its outcome is not written");
    }

    @Test
    void sentIsIndexedByMessageIdAndReceiptsMarkItDeliveredOnce() {
        DynamoDbDeliveryStore store = store();
        NotificationJob job = job("a2", "9000000000000000001", T);
        var a = claimed(store.claim(job, "o", T.plusSeconds(35), T));
        assertTrue(store.sent(a, Channel.ZNS, "msg-a2", "Xin chào", T.plusSeconds(1)));
        Map<String, AttributeValue> item = item("NOTIFICATION#REPORT#a2", "DELIVERY");
        assertEquals("SENT", item.get("state").s());
        assertEquals("ZNS", item.get("channel").s());
        assertEquals("msg-a2", item.get("zaloMsgId").s());
        assertEquals("ZALOMSG#msg-a2", item.get("gsi2pk").s());
        assertEquals("DELIVERY", item.get("gsi2sk").s());
        assertFalse(item.containsKey("leaseOwner"));
        assertInstanceOf(DeliveryStore.Settled.class, store.claim(job, "again", T.plusSeconds(90), T.plusSeconds(60)));

        assertEquals(ReceiptOutcome.DELIVERED, store.markDelivered("msg-a2", T.plusSeconds(5)));
        assertEquals(ReceiptOutcome.ALREADY_DELIVERED, store.markDelivered("msg-a2", T.plusSeconds(6)));
        Delivery d = store.find(job.deduplicationKey()).orElseThrow();
        assertEquals(DeliveryState.DELIVERED, d.state());
        assertEquals(T.plusSeconds(5), d.deliveredAt());
        assertFalse(store.sent(a, Channel.ZNS, "msg-other", null, T.plusSeconds(7)),
                "a later send of the same notification does not overwrite the first");
    }

    @Test
    void aReceiptBeforeTheSentWriteOrForAnUnknownIdIsKeptAndAppliedWhenTheIdIsRecorded() {
        DynamoDbDeliveryStore store = store();
        assertEquals(ReceiptOutcome.KEPT_FOR_LATER, store.markDelivered("msg-early", T.plusSeconds(2)));
        assertEquals(ReceiptOutcome.KEPT_FOR_LATER, store.markDelivered("msg-never-ours", T.plusSeconds(2)));
        NotificationJob job = job("a3", "9000000000000000001", T);
        store.sent(claimed(store.claim(job, "o", T.plusSeconds(35), T)), Channel.OA, "msg-early", null, T.plusSeconds(3));
        assertEquals(DeliveryState.SENT, store.find(job.deduplicationKey()).orElseThrow().state());
        assertEquals(1, store.applyEarlyReceipts(Map.of("msg-early", job.deduplicationKey(), "msg-a3-none", "x")),
                "what the dispatcher does after each batch");
        Delivery d = store.find(job.deduplicationKey()).orElseThrow();
        assertEquals(DeliveryState.DELIVERED, d.state());
        assertEquals(T.plusSeconds(2), d.deliveredAt());
        assertTrue(item("ZALO_RECEIPT#msg-early", "RECEIPT").isEmpty(), "applied, then removed");
        assertFalse(item("ZALO_RECEIPT#msg-never-ours", "RECEIPT").isEmpty(), "kept (7-day TTL)");
    }

    @Test
    void retryDeferralAndExhaustionFollowTheStateMachine() {
        DynamoDbDeliveryStore store = store();
        NotificationJob job = job("a4", "9000000000000000001", T);
        store.retrying(claimed(store.claim(job, "o1", T.plusSeconds(35), T)), Channel.ZNS, new Reason("ZALO_HTTP_503", "zalo unavailable"),
                T.plusSeconds(60), T.plusSeconds(1));
        Delivery queued = store.find(job.deduplicationKey()).orElseThrow();
        assertEquals(DeliveryState.QUEUED, queued.state());
        assertEquals("ZALO_HTTP_503", queued.reason().code());
        assertNull(queued.leaseOwner());

        var second = claimed(store.claim(job, "o2", T.plusSeconds(95), T.plusSeconds(60)));
        Instant seven = Instant.parse("2026-11-29T00:00:00Z");
        store.deferred(second, Channel.ZNS, new Reason(Reason.OUTSIDE_SENDING_HOURS, "wait"), seven,
                T.plusSeconds(61));
        var notYet = assertInstanceOf(DeliveryStore.NotYet.class, store.claim(job, "o3", T.plusSeconds(200), T.plusSeconds(100)));
        assertEquals(seven, notYet.notBefore());
        var fourth = claimed(store.claim(job, "o4", seven.plusSeconds(35), seven));

        store.failed(fourth, Channel.ZNS, new Reason(Reason.RETRIES_EXHAUSTED, "after 5"), true, null,
                seven.plusSeconds(1));
        assertTrue(store.find(job.deduplicationKey()).orElseThrow().redrivable());
        var redriven = assertInstanceOf(DeliveryStore.Claimed.class, store.claim(job, "o5", seven.plusSeconds(90), seven.plusSeconds(60)));
        assertEquals(4, redriven.attempt().number());
        store.failed(redriven.attempt(), Channel.ZNS, new Reason("ZALO_-108", "phone"), false, null, seven.plusSeconds(61));
        var settled = assertInstanceOf(DeliveryStore.Settled.class, store.claim(job, "o6", seven.plusSeconds(200), seven.plusSeconds(100)));
        assertEquals("ZALO_-108", settled.delivery().reason().code());
        assertFalse(settled.delivery().redrivable());
    }

    @Test
    void anOutcomeRewritesTheWholeRecordKeepingTheFirstJobsIdentity() {
        DynamoDbDeliveryStore store = store();
        NotificationJob job = job("a5", "9000000000000000001", T);
        var first = claimed(store.claim(job, "o1", T.plusSeconds(35), T));
        store.retrying(first, Channel.ZNS, new Reason("ZALO_HTTP_503", "x"), T.plusSeconds(60), T.plusSeconds(1));
        NotificationJob twin = job.withJobId("job-a5-twin");
        var second = claimed(store.claim(twin, "o2", T.plusSeconds(95), T.plusSeconds(60)));
        assertEquals("job-a5", second.recordJobId());
        store.sent(second, Channel.ZNS, "msg-a5", null, T.plusSeconds(61));
        Map<String, AttributeValue> item = item("NOTIFICATION#REPORT#a5", "DELIVERY");
        assertEquals("job-a5", item.get("jobId").s());
        assertEquals(T + "#job-a5", item.get("gsi1sk").s());
        assertEquals("2", item.get("attempts").n());
        assertFalse(item.containsKey("reason") || item.containsKey("retryAt") || item.containsKey("leaseOwner"),
                "nothing left of the retry: " + item.keySet());
        assertEquals(Map.of("REPORT#a5", DeliveryState.SENT), Map.of("REPORT#a5",
                store.findAll(List.of("REPORT#a5", "REPORT#none")).get("REPORT#a5").state()));
        assertEquals(1, store.findAll(List.of("REPORT#a5", "REPORT#none")).size());
    }

    @Test
    void aRecipientsPagesAreNewestFirstAndOnlyTheirs() {
        DynamoDbDeliveryStore store = store();
        String me = "9000000000000000011";
        for (int i = 0; i < 5; i++) {
            NotificationJob job = job("p" + i, me, T.plusSeconds(i));
            store.undeliverable(claimed(store.claim(job, "o", T.plusSeconds(100), T)), new Reason(Reason.NO_CHANNEL, "none"), T);
        }
        store.claim(job("other", "9000000000000000012", T.plusSeconds(9)), "o", T.plusSeconds(100), T);
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            DeliveryStore.Page page = store.forRecipient(me, after, 2);
            page.items().forEach(d -> seen.add(d.jobId()));
            after = page.lastSortKey();
            pages++;
        } while (after != null);
        assertEquals(List.of("job-p4", "job-p3", "job-p2", "job-p1", "job-p0"), seen);
        assertEquals(3, pages);
        assertEquals(Map.of("report_code", "K7M4-QX9P"), store.forRecipient(me, null, 1).items().get(0).parameters());
    }

    @Test
    void aCampaignsOutcomesAreCountedOnItsProgressItemAndItsStatusIsRead() {
        DynamoDbDeliveryStore store = store();
        String campaign = "ALERT#t" + System.nanoTime();
        NotificationJob sent = job(campaign + "#1", "9000000000000000001", T).withCampaignId(campaign);
        NotificationJob optedOut = job(campaign + "#2", "9000000000000000002", T).withCampaignId(campaign);
        NotificationJob plain = job("plain" + System.nanoTime(), "9000000000000000003", T);
        assertTrue(store.sent(claimed(store.claim(sent, "o1", T.plusSeconds(35), T)), Channel.ZNS, "zm-" + campaign, null, T));
        store.undeliverable(claimed(store.claim(optedOut, "o2", T.plusSeconds(35), T)),
                new Reason(Reason.OPTED_OUT, "no"), T);
        store.sent(claimed(store.claim(plain, "o3", T.plusSeconds(35), T)), Channel.ZNS, "zm-plain-" + campaign, null, T);
        assertEquals(ReceiptOutcome.DELIVERED, store.markDelivered("zm-" + campaign, T.plusSeconds(5)));
        assertEquals(ReceiptOutcome.ALREADY_DELIVERED, store.markDelivered("zm-" + campaign, T.plusSeconds(6)));
        Map<String, AttributeValue> progress = item(campaign, "PROGRESS");
        assertEquals("1", progress.get("sent").n());
        assertEquals("1", progress.get("delivered").n(), "a repeated receipt counts once");
        assertEquals("1", progress.get("undeliverable#OPTED_OUT").n());
        assertEquals(campaign, item("NOTIFICATION#" + sent.deduplicationKey(), "DELIVERY").get("campaignId").s());

        assertFalse(store.campaignCancelled(campaign), "no status item: not cancelled");
        aws.dynamoDb().putItem(b -> b.tableName(aws.tableName("MainTable")).item(Map.of(
                "pk", AttributeValue.fromS(campaign), "sk", AttributeValue.fromS("ALERT"),
                "status", AttributeValue.fromS("CANCELLED"))));
        assertFalse(store.campaignCancelled(campaign), "the answer is kept a few seconds per instance");
        assertTrue(store().campaignCancelled(campaign), "a fresh instance reads it");
    }

    long counter(String sk, String field) {
        Map<String, AttributeValue> item = item("STATS#NOTIFY", sk);
        return item == null || !item.containsKey(field) ? 0 : Long.parseLong(item.get(field).n());
    }

    @Test
    void settledOutcomesAndReceiptsMoveTheCountersPerChannelAndVietnamMonth() {
        DynamoDbDeliveryStore store = store();
        // 2026-11-30 23:30 UTC is 1 December 06:30 in Vietnam: the December item.
        Instant lateNovemberUtc = Instant.parse("2026-11-30T23:30:00Z");
        String month = NotificationCounterKeys.month(lateNovemberUtc);
        assertEquals("MONTH#2026-12", month);
        long totalSent = counter("TOTAL", "ZBS_UID#sent");
        long monthSent = counter(month, "ZBS_UID#sent");

        var sent = claimed(store.claim(job("c1", "9000000000000000001", T), "o1", T.plusSeconds(100), T));
        assertTrue(store.sent(sent, Channel.ZBS_UID, "msg-c1", null, lateNovemberUtc));
        assertEquals(totalSent + 1, counter("TOTAL", "ZBS_UID#sent"));
        assertEquals(monthSent + 1, counter(month, "ZBS_UID#sent"));
        assertEquals("STATS_NOTIFY", item("STATS#NOTIFY", "TOTAL").get("itemType").s());

        long delivered = counter(month, "ZBS_UID#delivered");
        assertEquals(ReceiptOutcome.DELIVERED, store.markDelivered("msg-c1", lateNovemberUtc.plusSeconds(3)));
        assertEquals(ReceiptOutcome.ALREADY_DELIVERED, store.markDelivered("msg-c1", lateNovemberUtc.plusSeconds(4)));
        assertEquals(delivered + 1, counter(month, "ZBS_UID#delivered"), "a repeated receipt counts once");

        long failed = counter("TOTAL", "ZNS#failed");
        var failing = claimed(store.claim(job("c2", "9000000000000000001", T), "o2", T.plusSeconds(100), T));
        store.failed(failing, Channel.ZNS, new Reason("ZALO_-108", "phone invalid"), false, null, T);
        assertEquals(failed + 1, counter("TOTAL", "ZNS#failed"));

        long undeliverable = counter("TOTAL", "NONE#undeliverable");
        var nobody = claimed(store.claim(job("c3", "9000000000000000001", T), "o3", T.plusSeconds(100), T));
        store.undeliverable(nobody, new Reason(Reason.OPTED_OUT, "off"), T);
        assertEquals(undeliverable + 1, counter("TOTAL", "NONE#undeliverable"));

        long retried = counter("TOTAL", "ZNS#failed");
        var retrying = claimed(store.claim(job("c4", "9000000000000000001", T), "o4", T.plusSeconds(100), T));
        store.retrying(retrying, Channel.ZNS, new Reason("ZALO_-144", "quota"), T.plusSeconds(60), T);
        assertEquals(retried, counter("TOTAL", "ZNS#failed"), "a retry is not an outcome");
    }
}
