package vn.smartprovince.notifications.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import vn.smartprovince.notifications.core.Delivery;
import vn.smartprovince.notifications.core.DeliveryState;
import vn.smartprovince.notifications.core.Reason;
import vn.smartprovince.notifications.store.DynamoDbDeliveryStore;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.zalo.ZnsMessage;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.zalostub.Endpoint;
import vn.smartprovince.zalostub.ZaloStubClient.Fault;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * 1,000 notifications through the real handler, the emulator's NotificationQueue (with its DLQ) and
 * the Zalo stub, with 30% of ZNS sends failing transiently, OA messages failing every time until a
 * fix, a sandbox dying in the middle of a batch, duplicates on the queue, and jobs that can never be
 * delivered. Exactly 1,000 messages reach the stub's inbox, none twice.
 */
class ThousandJobsTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final int ZNS_RECIPIENTS = 100;
    static final int ZNS_JOBS = 990;
    static final int OA_JOBS = 10;
    static final int NO_ACCOUNT = 20;
    static final int OPTED_OUT = 10;
    static final int BAD_TEMPLATE = 5;
    static final int DUPLICATES = 50;

    /** A sandbox whose process dies at its 25th send (in its second batch): every call after that fails too. */
    static final class DyingSandbox implements ZaloGateway {
        static final class Died extends Error {
            Died() {
                super("the sandbox died", null, false, false);
            }
        }

        private final ZaloGateway zalo;
        private final AtomicInteger sends = new AtomicInteger();
        private final AtomicBoolean dead = new AtomicBoolean();

        DyingSandbox(ZaloGateway zalo) {
            this.zalo = zalo;
        }

        private void check() {
            if (dead.get() || sends.incrementAndGet() == 25) {
                dead.set(true);
                throw new Died();
            }
        }

        @Override
        public String sendZns(String token, ZnsMessage message) {
            check();
            return zalo.sendZns(token, message);
        }

        @Override
        public String sendZbsByUserId(String token, vn.smartprovince.shared.zalo.ZbsUidMessage message) {
            check();
            return zalo.sendZbsByUserId(token, message);
        }

        @Override
        public String sendOaText(String token, String followerId, String text) {
            check();
            return zalo.sendOaText(token, followerId, text);
        }

        @Override
        public String templateTag(String token, String templateId) {
            if (dead.get()) {
                throw new Died();
            }
            return zalo.templateTag(token, templateId);
        }
    }

    static String znsRecipient(int i) {
        return String.format("91000000000000%05d", i);
    }

    static NotificationJob job(String key, String recipient, Map<String, String> params) {
        return new NotificationJob(1, "job-" + key, "REPORT_ANSWERED", recipient, "REPORT_STATUS_CHANGED", params,
                "REPORT#" + key + "#" + recipient, Instant.now(), "bulk");
    }

    static Map<String, String> params(String code) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("report_code", code);
        params.put("status_name", "Đã trả lời");
        params.put("agency_name", "UBND phường Tân Ninh");
        return params;
    }

    void send(List<String> bodies) {
        String url = aws.queueUrl("NotificationQueue");
        for (int from = 0; from < bodies.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(bodies.size(), from + 10); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(bodies.get(i)).build());
            }
            assertEquals(entries.size(), aws.sqs().sendMessageBatch(b -> b.queueUrl(url).entries(entries)).successful().size());
        }
    }

    List<Message> drainDeadLetters() {
        String dlq = aws.queueUrl("NotificationDeadLetterQueue");
        List<Message> dead = new ArrayList<>();
        for (int empty = 0; empty < 2; ) {
            List<Message> batch = aws.sqs().receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10)
                    .visibilityTimeout(300)).messages();
            dead.addAll(batch);
            empty = batch.isEmpty() ? empty + 1 : 0;
        }
        return dead;
    }

    @Test
    void thousandJobsWithTransientFailuresAndACrashReachTheInboxExactlyOnce() throws Exception {
        long started = System.nanoTime();
        ZaloStubClient zalo = aws.zaloStub();
        Fixtures.publishDemoProvince(aws);
        Instant now = Instant.now();
        List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> users = new ArrayList<>();
        for (int i = 0; i < ZNS_RECIPIENTS; i++) {
            String phone = String.format("8491%07d", i);
            zalo.createUser(NewUser.named("Công dân " + i).phone(phone));
            // Half prefer ZNS; the other half keep the default (OA) but follow nobody: ZNS is their fallback.
            users.addAll(Fixtures.citizenItems(znsRecipient(i), phone, i % 2 == 0 ? "ZNS" : null, null, null));
        }
        for (int i = 0; i < OA_JOBS; i++) {
            String follower = String.format("44000000000000%05d", i);
            zalo.createUser(NewUser.named("Người theo dõi " + i).followerId(follower).following(now.minusSeconds(3600)));
            users.addAll(Fixtures.citizenItems(String.format("92000000000000%05d", i), null, null, follower,
                    now.minusSeconds(3600)));
        }
        for (int i = 0; i < NO_ACCOUNT; i++) {
            users.addAll(Fixtures.citizenItems(String.format("93000000000000%05d", i), String.format("8498%07d", i), "ZNS",
                    null, null));
        }
        for (int i = 0; i < OPTED_OUT; i++) {
            users.addAll(Fixtures.citizenItems(String.format("94000000000000%05d", i), String.format("8497%07d", i), "NONE",
                    null, null));
        }
        Fixtures.citizens(aws, users);

        Set<String> znsKeys = new HashSet<>();
        Set<String> oaKeys = new HashSet<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < ZNS_JOBS; i++) {
            NotificationJob job = job("z" + i, znsRecipient(i % ZNS_RECIPIENTS), params(String.format("ZNS-%04d", i)));
            znsKeys.add(job.deduplicationKey());
            bodies.add(job.toJson());
        }
        for (int i = 0; i < OA_JOBS; i++) {
            NotificationJob job = job("o" + i, String.format("92000000000000%05d", i), params(String.format("OA-%04d", i)));
            oaKeys.add(job.deduplicationKey());
            bodies.add(job.toJson());
        }
        List<String> permanent = new ArrayList<>();
        for (int i = 0; i < NO_ACCOUNT; i++) {
            NotificationJob job = job("n" + i, String.format("93000000000000%05d", i), params("NA-" + i));
            permanent.add(job.deduplicationKey());
            bodies.add(job.toJson());
        }
        List<String> optedOut = new ArrayList<>();
        for (int i = 0; i < OPTED_OUT; i++) {
            NotificationJob job = job("x" + i, String.format("94000000000000%05d", i), params("OUT-" + i));
            optedOut.add(job.deduplicationKey());
            bodies.add(job.toJson());
        }
        List<String> badTemplate = new ArrayList<>();
        for (int i = 0; i < BAD_TEMPLATE; i++) {
            Map<String, String> extra = params("BAD-" + i);
            extra.put("agency_id", "so-xay-dung");
            NotificationJob job = job("b" + i, znsRecipient(i), extra);
            badTemplate.add(job.deduplicationKey());
            bodies.add(job.toJson());
        }
        Set<String> twins = new HashSet<>();
        for (int i = 0; i < DUPLICATES; i++) {
            // The relay delivers twice; or another job announces the same fact.
            NotificationJob again = NotificationJob.fromJson(bodies.get(i * 19));
            twins.add(again.deduplicationKey());
            bodies.add((i % 2 == 0 ? again : again.withJobId("twin-" + i)).toJson());
        }
        java.util.Collections.shuffle(bodies, new java.util.Random(5));
        // OA jobs early: their five failing receives then overlap the rest instead of trailing it.
        bodies.sort(java.util.Comparator.comparing(b -> b.contains("\"jobId\":\"job-o") ? 0 : 1));

        // moto's SQS now and then answers 500 to concurrent requests after marking the messages received (they
        // stay in flight, counted as received, seen by no worker). One pump worker sends no concurrent requests;
        // should it still happen, the messages come back after the queue's visibility timeout: 20 s here
        // instead of the template's 180 s (the dispatcher sets its own visibility for every message it keeps).
        aws.sqs().setQueueAttributes(b -> b.queueUrl(aws.queueUrl("NotificationQueue"))
                .attributesWithStrings(Map.of("VisibilityTimeout", "20")));
        zalo.fault(Fault.on(Endpoint.ZNS_SEND).httpStatus(503).share(0.3).seed(42));
        zalo.fault(Fault.on(Endpoint.OA_MESSAGE_CS).httpStatus(502).share(1.0));
        zalo.clearCalls();

        Map<String, String> overrides = Map.of("RETRY_BASE_SECONDS", "1", "RETRY_MAX_SECONDS", "2",
                "DEFER_SPREAD_SECONDS", "0", "ZALO_READ_TIMEOUT_MS", "1000", "DISPATCH_CONCURRENCY", "10");
        Env env = aws.env("NotificationDispatcherFunction", overrides);
        AtomicInteger sandboxes = new AtomicInteger();
        // No SDK retries for the pump: an emulator error shows (pump.errors) instead of being retried away.
        software.amazon.awssdk.services.sqs.SqsClient pumpSqs = aws.emulator().configure(
                software.amazon.awssdk.services.sqs.SqsClient.builder()).overrideConfiguration(c -> c.retryPolicy(
                        software.amazon.awssdk.core.retry.RetryPolicy.none())).build();
        QueuePump pump = new QueuePump(pumpSqs, aws.queueUrl("NotificationQueue"), aws.queueArn("NotificationQueue"),
                () -> new DispatcherHandler(DispatchWiring.dispatcher(env, Clock.systemUTC(),
                        // The first sandbox dies in the middle of its second batch; the others live.
                        gateway -> sandboxes.incrementAndGet() == 1 ? new DyingSandbox(gateway) : gateway),
                        Clock.systemUTC()),
                Duration.ofSeconds(15), Duration.ofSeconds(2));
        assertTrue(pump.run(1, Duration.ofSeconds(120), bodies, 30), () -> "the queue did not drain: " + stuck(pump, znsKeys, oaKeys));
        assertEquals(1, pump.crashes.get(), "one sandbox died");

        DynamoDbDeliveryStore store = new DynamoDbDeliveryStore(aws.dynamoDb(), aws.tableName("MainTable"));
        // The DLQ holds exactly the jobs that ran out of retries: every OA job, and ZNS jobs unlucky five times.
        List<Message> dead = drainDeadLetters();
        Set<String> deadKeys = dead.stream().map(m -> NotificationJob.fromJson(m.body()).deduplicationKey())
                .collect(Collectors.toSet());
        assertEquals(dead.size(), deadKeys.size(), "no job twice in the DLQ");
        assertTrue(deadKeys.containsAll(oaKeys), "OA failed every time");
        Set<String> exhausted = new HashSet<>();
        Map<String, Delivery> records = store.findAll(union(znsKeys, oaKeys, permanent, badTemplate, optedOut));
        for (String key : permanent) {
            // The 30% of failing sends hit these too: five in a row, and they went to the DLQ first.
            if (records.get(key).reason().code().equals(Reason.RETRIES_EXHAUSTED)) {
                exhausted.add(key);
            }
        }
        for (String key : union(znsKeys, oaKeys)) {
            Delivery d = records.get(key);
            if (d.state() == DeliveryState.FAILED) {
                assertEquals(Reason.RETRIES_EXHAUSTED, d.reason().code(), key);
                assertTrue(d.redrivable());
                // Not always 5: a receive that found the lease of the dead sandbox made no attempt, and a
                // twin message adds its own.
                assertTrue(d.attempts() >= 1, key);
                exhausted.add(key);
            } else {
                assertEquals(DeliveryState.SENT, d.state(), key);
            }
        }
        assertTrue(deadKeys.containsAll(exhausted), "every job that ran out of retries is in the DLQ");
        // A message in the DLQ whose job is not FAILED ran out of retries while a twin message (the same
        // fact, delivered twice to the queue) went on and sent it: a redrive drops it as a duplicate.
        for (String key : deadKeys) {
            if (!exhausted.contains(key)) {
                assertTrue(twins.contains(key), key + " is in the DLQ without having run out of retries");
                assertEquals(DeliveryState.SENT, records.get(key).state(), key);
            }
        }
        for (String key : badTemplate) {
            assertEquals(Reason.TEMPLATE_PARAMS, records.get(key).reason().code());
        }
        for (String key : optedOut) {
            Delivery d = records.get(key);
            assertEquals(DeliveryState.UNDELIVERABLE, d.state());
            assertEquals(Reason.OPTED_OUT, d.reason().code());
        }
        List<ZaloStubClient.InboxMessage> firstPass = zalo.inbox();
        Set<String> exhaustedDeliverable = new HashSet<>(exhausted);
        exhaustedDeliverable.retainAll(union(znsKeys, oaKeys));
        assertEquals(ZNS_JOBS + OA_JOBS - exhaustedDeliverable.size(), firstPass.size());
        assertTrue(firstPass.stream().noneMatch(m -> exhausted.contains(m.trackingId())));

        // The fix, then the operator's redrive from the DLQ.
        zalo.clearFaults();
        send(dead.stream().map(Message::body).toList());
        dead.forEach(m -> aws.sqs().deleteMessage(b -> b.queueUrl(aws.queueUrl("NotificationDeadLetterQueue"))
                .receiptHandle(m.receiptHandle())));
        assertTrue(pump.run(1, Duration.ofSeconds(30)), "the redrive drained");
        assertTrue(drainDeadLetters().isEmpty());

        List<ZaloStubClient.InboxMessage> inbox = zalo.inbox();
        assertEquals(1000, inbox.size(), "exactly 1,000 messages");
        List<String> tracking = inbox.stream().filter(m -> m.channel().equals("zns")).map(ZaloStubClient.InboxMessage::trackingId)
                .toList();
        assertEquals(ZNS_JOBS, tracking.size());
        assertEquals(znsKeys, new HashSet<>(tracking), "each ZNS job once (tracking_id = deduplicationKey)");
        Map<String, Integer> oaTexts = new HashMap<>();
        inbox.stream().filter(m -> m.channel().equals("oa"))
                .forEach(m -> oaTexts.merge(m.message().path("text").asText(), 1, Integer::sum));
        assertEquals(OA_JOBS, oaTexts.size());
        assertTrue(oaTexts.values().stream().allMatch(n -> n == 1), "each OA job once");
        store.findAll(union(znsKeys, oaKeys)).forEach((key, d) -> assertEquals(DeliveryState.SENT, d.state(), key));
        assertEquals(ZNS_JOBS + OA_JOBS, store.findAll(union(znsKeys, oaKeys)).size());
        // Permanent failures are recorded with Zalo's reason and never retried (after a redrive too).
        store.findAll(permanent).forEach((key, d) -> {
            assertEquals(DeliveryState.FAILED, d.state(), key);
            assertEquals("ZALO_-118", d.reason().code(), key);
            assertFalse(d.redrivable(), key);
        });
        assertEquals(1, zalo.calls(Endpoint.OAUTH_OA_ACCESS_TOKEN).size(), "one token refresh for all sandboxes");
        System.out.printf("1,000 jobs: %d invocations, %d in the DLQ then redriven, %.1f s; emulator errors %s%n",
                pump.invocations.get(), deadKeys.size(), (System.nanoTime() - started) / 1e9, pump.errors);
    }

    /** What is left when the queue does not drain: the records not settled, the queues, the pump. */
    String stuck(QueuePump pump, Set<String> znsKeys, Set<String> oaKeys) {
        Map<String, Integer> states = new java.util.TreeMap<>();
        List<String> open = new ArrayList<>();
        DynamoDbDeliveryStore store = new DynamoDbDeliveryStore(aws.dynamoDb(), aws.tableName("MainTable"));
        Map<String, Delivery> records = store.findAll(union(znsKeys, oaKeys));
        for (String key : union(znsKeys, oaKeys)) {
            Delivery d = records.get(key);
            String state = d == null ? "NONE" : d.state().name();
            states.merge(state, 1, Integer::sum);
            if (d == null || !d.state().settled()) {
                String seen = pump.lastSeen.entrySet().stream().filter(e -> e.getKey().contains("\"deduplicationKey\":\""
                        + key + "\"")).map(Map.Entry::getValue).toList().toString();
                open.add(key + "=" + (d == null ? "none" : d.state() + " attempts " + d.attempts() + " lease "
                        + d.leaseUntil() + " reason " + d.reason()) + " pump " + seen);
            }
        }
        return "states " + states + "; open " + open.subList(0, Math.min(20, open.size())) + "; queue "
                + aws.sqs().getQueueAttributes(b -> b.queueUrl(aws.queueUrl("NotificationQueue"))
                        .attributeNamesWithStrings("All")).attributes() + "; pump invocations " + pump.invocations
                + " crashes " + pump.crashes + " errors " + pump.errors + " at " + Instant.now();
    }

    @SafeVarargs
    static Set<String> union(java.util.Collection<String>... parts) {
        Set<String> all = new HashSet<>();
        for (java.util.Collection<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
