package vn.smartprovince.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import vn.smartprovince.local.emulator.BootstrappedStack;
import vn.smartprovince.local.emulator.Emulator;
import vn.smartprovince.local.emulator.StackBootstrap;
import vn.smartprovince.local.emulator.TestEmulator;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.local.template.FunctionSpec.SqsEventSource;
import vn.smartprovince.local.template.Template;

class SqsEventSourcePollerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static Emulator emulator;
    private static BootstrappedStack stack;
    private static SqsClient sqs;
    private static Map<String, SqsEventSource> sources;
    private final List<SqsEventSourcePoller> pollers = new ArrayList<>();

    @BeforeAll
    static void bootstrap() throws Exception {
        emulator = TestEmulator.fresh();
        sqs = emulator.sqs();
        Template template = Template.load(java.nio.file.Path.of(
                SqsEventSourcePollerTest.class.getResource("/fixtures/event-sources-stack.yaml").toURI()));
        stack = StackBootstrap.run(emulator, template, "sqs-events", Map.of());
        sources = FunctionSpec.all(template, stack.intrinsics()).get(0).sqsSources().stream()
                .collect(Collectors.toMap(SqsEventSource::eventName, Function.identity()));
    }

    @AfterAll
    static void closeClient() {
        sqs.close();
    }

    @AfterEach
    void stopPollers() {
        pollers.forEach(SqsEventSourcePoller::close);
    }

    private SqsEventSourcePoller start(SqsEventSource source, FakeInvoker invoker) {
        SqsEventSourcePoller poller = SqsEventSourcePoller.of(source, stack, sqs, invoker);
        pollers.add(poller);
        return poller.start();
    }

    private static void send(String queueId, String... bodies) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(bodies[i]).build());
        }
        var response = sqs.sendMessageBatch(b -> b.queueUrl(stack.queueUrl(queueId)).entries(entries));
        assertEquals(bodies.length, response.successful().size(), response.failed().toString());
    }

    private static boolean queueEmpty(String queueId) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(stack.queueUrl(queueId))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return "0".equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                && "0".equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Test
    void reportedItemFailureRedeliversOnlyThatMessage() {
        AtomicBoolean failedOnce = new AtomicBoolean();
        FakeInvoker invoker = new FakeInvoker(event -> {
            for (JsonNode record : event.get("Records")) {
                if (record.get("body").asText().equals("b") && failedOnce.compareAndSet(false, true)) {
                    return "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + record.get("messageId").asText() + "\"}]}";
                }
            }
            return "{\"batchItemFailures\":[]}";
        });
        send("PartialQueue", "a", "b", "c");
        start(sources.get("Partial"), invoker);

        assertTrue(TestEmulator.await(DEADLINE, () -> Collections.frequency(invoker.bodies(), "b") == 2),
                "b delivered again after its visibility timeout: " + invoker.bodies());
        assertTrue(TestEmulator.await(DEADLINE, () -> queueEmpty("PartialQueue")), "everything deleted in the end");
        assertEquals(1, Collections.frequency(invoker.bodies(), "a"), invoker.bodies().toString());
        assertEquals(1, Collections.frequency(invoker.bodies(), "c"), invoker.bodies().toString());
        JsonNode second = invoker.records().stream().filter(r -> r.get("body").asText().equals("b"))
                .reduce((first, last) -> last).orElseThrow();
        assertEquals("2", second.get("attributes").get("ApproximateReceiveCount").asText());
    }

    @Test
    void unknownItemIdentifierFailsTheWholeBatch() {
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        FakeInvoker invoker = new FakeInvoker(event -> {
            boolean first = true;
            for (JsonNode record : event.get("Records")) {
                first &= seen.merge(record.get("body").asText(), 1, Integer::sum) == 1;
            }
            return first ? "{\"batchItemFailures\":[{\"itemIdentifier\":\"no-such-message\"}]}" : "{}";
        });
        send("InvalidAnswerQueue", "x", "y");
        start(sources.get("InvalidAnswer"), invoker);

        assertTrue(TestEmulator.await(DEADLINE, () -> seen.getOrDefault("x", 0) == 2 && seen.getOrDefault("y", 0) == 2),
                "both messages delivered again: " + seen);
        assertTrue(TestEmulator.await(DEADLINE, () -> queueEmpty("InvalidAnswerQueue")));
    }

    @Test
    void messageThatAlwaysFailsEndsInTheDeadLetterQueue() {
        FakeInvoker invoker = new FakeInvoker(event -> {
            throw FakeInvoker.failure();
        });
        send("FailingQueue", "poison");
        start(sources.get("Failing"), invoker);

        String dlq = stack.queueUrl("FailingDeadLetterQueue");
        List<String> dead = new ArrayList<>();
        assertTrue(TestEmulator.await(DEADLINE, () -> {
            sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages().forEach(m -> dead.add(m.body()));
            return !dead.isEmpty();
        }), "poison message moved to the DLQ");
        assertEquals(List.of("poison"), dead);
        // maxReceiveCount 2: the function saw it twice, then the queue moved it on the third receive.
        assertEquals(List.of("poison", "poison"), invoker.bodies());
        assertEquals("2", invoker.records().get(1).get("attributes").get("ApproximateReceiveCount").asText());
    }

    @Test
    void aVisibilityTheFunctionSetsOnAFailedMessageDecidesWhenItComesBackAndTheDlqStillFollows() {
        String url = stack.queueUrl("DelayedQueue");
        List<Long> receivedAt = new java.util.concurrent.CopyOnWriteArrayList<>();
        FakeInvoker invoker = new FakeInvoker(event -> {
            JsonNode record = event.get("Records").get(0);
            receivedAt.add(System.nanoTime());
            // As the dispatcher does: wait 2 s after the first failure, retry at once after the second.
            int visibility = receivedAt.size() == 1 ? 2 : 0;
            sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(record.get("receiptHandle").asText())
                    .visibilityTimeout(visibility));
            return "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + record.get("messageId").asText() + "\"}]}";
        });
        send("DelayedQueue", "retry me");
        start(sources.get("Delayed"), invoker);

        String dlq = stack.queueUrl("DelayedDeadLetterQueue");
        List<String> dead = new ArrayList<>();
        assertTrue(TestEmulator.await(DEADLINE, () -> {
            sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages().forEach(m -> dead.add(m.body()));
            return !dead.isEmpty();
        }), "moved to the DLQ after maxReceiveCount receives: " + invoker.bodies());
        assertEquals(List.of("retry me"), dead);
        assertEquals(3, receivedAt.size(), "maxReceiveCount 3");
        long firstGapMs = (receivedAt.get(1) - receivedAt.get(0)) / 1_000_000;
        long secondGapMs = (receivedAt.get(2) - receivedAt.get(1)) / 1_000_000;
        assertTrue(firstGapMs >= 1_800 && firstGapMs < 20_000, "back after the 2 s the function set, not the queue's 60 s: "
                + firstGapMs);
        assertTrue(secondGapMs < 1_800, "visibility 0: back at once: " + secondGapMs);
        assertEquals(List.of("1", "2", "3"), invoker.records().stream()
                .map(r -> r.get("attributes").get("ApproximateReceiveCount").asText()).toList());
    }

    @Test
    void batchSizeIsHonoured() {
        FakeInvoker invoker = FakeInvoker.succeeding();
        send("BatchQueue", "1", "2", "3", "4", "5", "6", "7");
        SqsEventSource source = sources.get("Batch");
        assertEquals(3, source.batchSize());
        start(source, invoker);

        assertTrue(TestEmulator.await(DEADLINE, () -> invoker.bodies().size() == 7), invoker.bodies().toString());
        assertTrue(invoker.batchSizes().stream().allMatch(size -> size <= 3), invoker.batchSizes().toString());
        assertEquals(3, Collections.max(invoker.batchSizes()), invoker.batchSizes().toString());
        assertEquals(7, new HashSet<>(invoker.bodies()).size(), "each message once: " + invoker.bodies());
        assertTrue(TestEmulator.await(DEADLINE, () -> queueEmpty("BatchQueue")));
    }

    @Test
    void batchingWindowGathersUpToBatchSizeThenSendsWhatItHas() throws InterruptedException {
        List<Long> invokedAt = Collections.synchronizedList(new ArrayList<>());
        FakeInvoker invoker = new FakeInvoker(event -> {
            invokedAt.add(System.currentTimeMillis());
            return null;
        });
        SqsEventSource window = sources.get("Window");
        assertEquals(3, window.batchingWindowSeconds());
        // One worker, so a single long poll sees every message (ScalingConfig allows 2 and more on AWS).
        SqsEventSource oneWorker = new SqsEventSource(window.eventName(), window.queueId(), window.batchSize(),
                window.batchingWindowSeconds(), false, 1, true, window.functionId());
        start(oneWorker, invoker);

        // Five messages arriving one by one, well within the 3 s window: one batch of five.
        for (int i = 1; i <= 5; i++) {
            send("WindowQueue", "w" + i);
            Thread.sleep(150);
        }
        assertTrue(TestEmulator.await(DEADLINE, () -> invoker.bodies().size() == 5), invoker.bodies().toString());
        assertEquals(List.of(5), invoker.batchSizes());

        // Two messages, fewer than BatchSize: sent as a batch of two once the window has passed.
        long sentAt = System.currentTimeMillis();
        send("WindowQueue", "late1", "late2");
        assertTrue(TestEmulator.await(DEADLINE, () -> invoker.bodies().size() == 7), invoker.bodies().toString());
        assertEquals(List.of(5, 2), invoker.batchSizes());
        long waited = invokedAt.get(1) - sentAt;
        assertTrue(waited >= 2_500, "waited for the window before sending a partial batch: " + waited + " ms");
    }

    @Test
    void eventHasLambdasSqsShape() throws Exception {
        FakeInvoker invoker = FakeInvoker.succeeding();
        String sentId = sqs.sendMessage(b -> b.queueUrl(stack.queueUrl("ShapeQueue")).messageBody("{\"hello\":1}")
                .messageAttributes(Map.of(
                        "kind", MessageAttributeValue.builder().dataType("String").stringValue("report").build(),
                        "count", MessageAttributeValue.builder().dataType("Number").stringValue("5").build(),
                        "raw", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2, 3})).build()))).messageId();
        start(sources.get("Shape"), invoker);
        assertTrue(TestEmulator.await(DEADLINE, () -> invoker.records().size() == 1));

        JsonNode record = invoker.records().get(0);
        assertEquals(sentId, record.get("messageId").asText());
        assertFalse(record.get("receiptHandle").asText().isEmpty());
        assertEquals("{\"hello\":1}", record.get("body").asText());
        JsonNode attributes = record.get("attributes");
        assertEquals("1", attributes.get("ApproximateReceiveCount").asText());
        for (String name : List.of("SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp")) {
            assertNotNull(attributes.get(name), name + " in " + attributes);
        }
        JsonNode kind = record.get("messageAttributes").get("kind");
        assertEquals("report", kind.get("stringValue").asText());
        assertEquals("String", kind.get("dataType").asText());
        assertTrue(kind.get("stringListValues").isArray() && kind.get("stringListValues").isEmpty());
        assertTrue(kind.get("binaryListValues").isArray() && kind.get("binaryListValues").isEmpty());
        assertEquals("Number", record.get("messageAttributes").get("count").get("dataType").asText());
        JsonNode raw = record.get("messageAttributes").get("raw");
        assertEquals(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}), raw.get("binaryValue").asText());
        assertEquals("Binary", raw.get("dataType").asText());
        String md5 = String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5")
                .digest("{\"hello\":1}".getBytes(StandardCharsets.UTF_8))));
        assertEquals(md5, record.get("md5OfBody").asText());
        assertEquals("aws:sqs", record.get("eventSource").asText());
        assertEquals(stack.queueArn("ShapeQueue"), record.get("eventSourceARN").asText());
        assertEquals(Emulator.DEFAULT_REGION, record.get("awsRegion").asText());
    }

    @Test
    void fifoRecordsCarryGroupAndDeduplicationIds() {
        FakeInvoker invoker = FakeInvoker.succeeding();
        sqs.sendMessage(b -> b.queueUrl(stack.queueUrl("ShapeFifoQueue")).messageBody("ordered").messageGroupId("g1"));
        start(sources.get("ShapeFifo"), invoker);
        assertTrue(TestEmulator.await(DEADLINE, () -> invoker.records().size() == 1));

        JsonNode attributes = invoker.records().get(0).get("attributes");
        assertEquals("g1", attributes.get("MessageGroupId").asText());
        assertFalse(attributes.get("MessageDeduplicationId").asText().isEmpty(), attributes.toString());
    }

    @Test
    void closeIsPromptDuringALongPollAndLeavesLaterMessagesInTheQueue() {
        String url = sqs.createQueue(b -> b.queueName("idle-queue")).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        FakeInvoker invoker = FakeInvoker.succeeding();
        SqsEventSource source = new SqsEventSource("Idle", "IdleQueue", 10, 0, false, 2, true, "WorkerFunction");
        SqsEventSourcePoller poller = new SqsEventSourcePoller(source, url, arn, Emulator.DEFAULT_REGION, sqs, invoker);
        poller.start();
        long started = System.nanoTime();
        poller.close();
        long closeMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(closeMillis < 2_000, "close took " + closeMillis + " ms");

        // Long polls still open when close() returned hand back what they get, at once.
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("after close"));
        List<String> received = new ArrayList<>();
        assertTrue(TestEmulator.await(DEADLINE, () -> {
            sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages().forEach(m -> received.add(m.body()));
            return !received.isEmpty();
        }));
        assertEquals(List.of("after close"), received);
        assertTrue(invoker.events.isEmpty(), "a closed poller invokes nothing");
    }
}
