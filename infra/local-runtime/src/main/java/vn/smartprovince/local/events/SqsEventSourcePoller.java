package vn.smartprovince.local.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import vn.smartprovince.local.emulator.BootstrappedStack;
import vn.smartprovince.local.lambda.FunctionInvoker;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;

/**
 * One SQS event source of one function, run as Lambda's event source mapping runs it:
 * long-polls the queue, gathers up to {@code BatchSize} messages within
 * {@code MaximumBatchingWindowInSeconds}, invokes the function with Lambda's SQS event, and then
 * <ul>
 *   <li>on success deletes the batch; with {@code ReportBatchItemFailures} all but the reported
 *       {@code batchItemFailures[].itemIdentifier}s (an unknown, empty or missing identifier, or an
 *       answer that is not such an object, fails the whole batch, as on Lambda);</li>
 *   <li>on a {@link FunctionInvoker.FunctionError} deletes nothing: the messages come back after
 *       the queue's visibility timeout and the queue's RedrivePolicy moves them to the DLQ after
 *       {@code maxReceiveCount} receives.</li>
 * </ul>
 * At most {@code ScalingConfig.MaximumConcurrency} batches are in the function at once (one
 * polling worker each). {@link #close()} returns promptly: it waits (bounded) for batches being
 * processed, not for long polls; messages a long poll still returns after close are made visible
 * again at once.
 */
public final class SqsEventSourcePoller implements AutoCloseable {
    /** SQS's longest long poll. */
    public static final int MAX_WAIT_SECONDS = 20;

    private final FunctionSpec.SqsEventSource source;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final SqsClient sqs;
    private final FunctionInvoker invoker;
    private final int waitSeconds;
    private final long closeGraceMillis;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param queueUrl the queue's URL in the emulator ({@code !Ref Queue})
     * @param queueArn the queue's ARN ({@code eventSourceARN} of every record)
     * @param region   {@code awsRegion} of every record
     * @param sqs      a client whose socket timeout exceeds the 20 s long poll, such as
     *                 {@code Emulator.sqs()} (30 s); {@code AwsClients.sqs} (10 s) would time out
     */
    public SqsEventSourcePoller(FunctionSpec.SqsEventSource source, String queueUrl, String queueArn, String region,
                                SqsClient sqs, FunctionInvoker invoker) {
        this(source, queueUrl, queueArn, region, sqs, invoker, MAX_WAIT_SECONDS, 10_000);
    }

    /**
     * @param waitSeconds      long-poll wait of each receive, 0..20
     * @param closeGraceMillis how long {@link #close()} waits for batches inside the function
     */
    public SqsEventSourcePoller(FunctionSpec.SqsEventSource source, String queueUrl, String queueArn, String region,
                                SqsClient sqs, FunctionInvoker invoker, int waitSeconds, long closeGraceMillis) {
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw new IllegalArgumentException("waitSeconds must be 0..20");
        }
        this.source = source;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        this.sqs = sqs;
        this.invoker = invoker;
        this.waitSeconds = waitSeconds;
        this.closeGraceMillis = closeGraceMillis;
    }

    /** The poller for {@code source} with the queue's URL and ARN taken from the bootstrapped stack. */
    public static SqsEventSourcePoller of(FunctionSpec.SqsEventSource source, BootstrappedStack stack, SqsClient sqs,
                                         FunctionInvoker invoker) {
        return new SqsEventSourcePoller(source, stack.queueUrl(source.queueId()), stack.queueArn(source.queueId()),
                stack.region(), sqs, invoker);
    }

    public FunctionSpec.SqsEventSource source() {
        return source;
    }

    /** Starts the polling workers (none when the event source is disabled). Call once. */
    public synchronized SqsEventSourcePoller start() {
        if (!workers.isEmpty() || closed) {
            throw new IllegalStateException("already started or closed");
        }
        if (!source.enabled()) {
            JsonLog.info("sqs event source disabled", fields());
            return this;
        }
        warnIfVisibilityTimeoutIsShort();
        int concurrency = Math.max(1, source.maximumConcurrency());
        for (int i = 0; i < concurrency; i++) {
            Thread worker = new Thread(this::run, "sqs-" + source.functionId() + "-" + source.eventName() + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        JsonLog.info("sqs event source started", Map.of("function", source.functionId(), "source", source.eventName(),
                "queue", queueArn, "batchSize", source.batchSize(),
                "batchingWindowSeconds", source.batchingWindowSeconds(), "concurrency", concurrency,
                "reportBatchItemFailures", source.reportBatchItemFailures()));
        return this;
    }

    /** As Lambda advises: a visibility timeout shorter than the batching window hands messages out twice. */
    private void warnIfVisibilityTimeoutIsShort() {
        if (source.batchingWindowSeconds() <= 0) {
            return;
        }
        try {
            String visibility = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes()
                    .get(QueueAttributeName.VISIBILITY_TIMEOUT);
            if (visibility != null && Integer.parseInt(visibility) <= source.batchingWindowSeconds()) {
                JsonLog.warn("queue visibility timeout is not longer than the batching window; messages may be"
                        + " delivered twice", PollerSupport.with(fields(), "visibilityTimeout", Integer.parseInt(visibility),
                        "batchingWindowSeconds", source.batchingWindowSeconds()));
            }
        } catch (SdkException | NumberFormatException e) {
            // Only a hint; the receive loop reports a missing queue.
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop.countDown();
        long deadline = System.currentTimeMillis() + closeGraceMillis;
        while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        JsonLog.info("sqs event source stopped", Map.of("function", source.functionId(), "source", source.eventName(),
                "unfinishedBatches", inFlight.get()));
    }

    // ---------------------------------------------------------------- worker

    private void run() {
        long backoff = 0;
        while (!closed) {
            List<Message> batch;
            try {
                batch = gather();
                backoff = 0;
            } catch (SdkException e) {
                backoff = backoff == 0 ? 500 : Math.min(backoff * 2, 30_000);
                if (!closed) {
                    JsonLog.warn("sqs receive failed", PollerSupport.with(fields(), "errorType", e.getClass().getName(),
                            "error", String.valueOf(e.getMessage()), "retryInMs", backoff));
                }
                pause(backoff);
                continue;
            }
            if (batch.isEmpty()) {
                continue;
            }
            if (closed) {
                release(batch);
                return;
            }
            inFlight.incrementAndGet();
            try {
                process(batch);
            } catch (RuntimeException e) {
                JsonLog.error("sqs batch handling failed", fields(), e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    /** One receive (long poll), then more within the batching window until BatchSize. */
    private List<Message> gather() {
        int batchSize = Math.max(1, source.batchSize());
        List<Message> batch = new ArrayList<>(receive(Math.min(10, batchSize), waitSeconds));
        if (batch.isEmpty() || source.batchingWindowSeconds() <= 0) {
            return batch;
        }
        long windowEnd = System.currentTimeMillis() + source.batchingWindowSeconds() * 1000L;
        while (batch.size() < batchSize && !closed) {
            long remaining = windowEnd - System.currentTimeMillis();
            if (remaining <= 0) {
                break;
            }
            int wait = (int) Math.min(MAX_WAIT_SECONDS, remaining / 1000);
            List<Message> more;
            try {
                more = receive(Math.min(10, batchSize - batch.size()), wait);
            } catch (SdkException e) {
                // Keep what we have: it is processed now and the error shows on the next poll.
                break;
            }
            for (Message message : more) {
                // Seen again within the window (its visibility timeout is shorter than the window):
                // keep one copy, with the newest receipt handle, the only one SQS still accepts.
                batch.removeIf(earlier -> earlier.messageId().equals(message.messageId()));
                batch.add(message);
            }
            if (more.isEmpty() && wait == 0) {
                pause(Math.min(100, remaining));
            }
        }
        return batch;
    }

    private List<Message> receive(int max, int wait) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                .maxNumberOfMessages(max)
                .waitTimeSeconds(wait)
                .messageSystemAttributeNamesWithStrings("All")
                .messageAttributeNames("All")).messages();
    }

    private void process(List<Message> batch) {
        long started = System.nanoTime();
        byte[] event = Json.write(event(batch)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Set<String> failed;
        String error = null;
        try {
            byte[] result = invoker.invoke(source.functionId(), event);
            if (source.reportBatchItemFailures()) {
                Set<String> ids = new LinkedHashSet<>();
                batch.forEach(m -> ids.add(m.messageId()));
                BatchItemFailures failures = BatchItemFailures.parse(result, ids);
                failed = failures.wholeBatch() ? ids : failures.identifiers();
                if (failures.wholeBatch()) {
                    error = "invalid batchItemFailures answer";
                }
            } else {
                failed = Set.of();
            }
        } catch (FunctionInvoker.FunctionError e) {
            failed = null;
            error = e.kind() + " " + e.errorType();
        }
        List<Message> done = new ArrayList<>();
        if (failed != null) {
            for (Message message : batch) {
                if (!failed.contains(message.messageId())) {
                    done.add(message);
                }
            }
        }
        int deleted = delete(done);
        Map<String, Object> log = PollerSupport.with(fields(), "size", batch.size(), "failed", batch.size() - done.size(),
                "deleted", deleted, "latencyMs", (System.nanoTime() - started) / 1_000_000);
        if (error != null) {
            log.put("error", error);
            JsonLog.warn("sqs batch", log);
        } else {
            JsonLog.info("sqs batch", log);
        }
    }

    /** Deletes in chunks of ten (SQS's limit); returns how many were deleted. */
    private int delete(List<Message> messages) {
        int deleted = 0;
        for (int from = 0; from < messages.size(); from += 10) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            try {
                var response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                deleted += response.successful().size();
                if (!response.failed().isEmpty()) {
                    JsonLog.warn("sqs delete failed for some messages", PollerSupport.with(fields(), "failed",
                            response.failed().stream().map(f -> f.code()).toList()));
                }
            } catch (SdkException e) {
                JsonLog.warn("sqs delete failed", PollerSupport.with(fields(), "errorType", e.getClass().getName(),
                        "error", String.valueOf(e.getMessage())));
            }
        }
        return deleted;
    }

    /** Messages received after close: visible again at once instead of after the visibility timeout. */
    private void release(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
            try {
                sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(
                        java.util.stream.IntStream.range(0, chunk.size()).mapToObj(i -> software.amazon.awssdk.services.sqs
                                .model.ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                                .receiptHandle(chunk.get(i).receiptHandle()).visibilityTimeout(0).build()).toList()));
            } catch (RuntimeException e) {
                // The client may be closed already; the messages come back after their visibility timeout.
            }
        }
    }

    // ---------------------------------------------------------------- event

    /** Lambda's SQS event: {@code {"Records": [...]}}. */
    ObjectNode event(List<Message> batch) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        for (Message message : batch) {
            records.add(record(message, queueArn, region));
        }
        return event;
    }

    static ObjectNode record(Message message, String queueArn, String region) {
        ObjectNode record = Json.object();
        record.put("messageId", message.messageId());
        record.put("receiptHandle", message.receiptHandle());
        record.put("body", message.body());
        ObjectNode attributes = record.putObject("attributes");
        // Lambda's order; only what the queue reported.
        for (String name : List.of("ApproximateReceiveCount", "SentTimestamp", "SenderId",
                "ApproximateFirstReceiveTimestamp", "SequenceNumber", "MessageGroupId", "MessageDeduplicationId",
                "AWSTraceHeader")) {
            String value = message.attributesAsStrings().get(name);
            if (value != null) {
                attributes.put(name, value);
            }
        }
        ObjectNode messageAttributes = record.putObject("messageAttributes");
        message.messageAttributes().forEach((name, value) -> messageAttributes.set(name, messageAttribute(value)));
        if (message.md5OfMessageAttributes() != null) {
            record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
        }
        record.put("md5OfBody", message.md5OfBody());
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", queueArn);
        record.put("awsRegion", region);
        return record;
    }

    /** {@code {stringValue, binaryValue (base64), stringListValues, binaryListValues, dataType}}. */
    static ObjectNode messageAttribute(MessageAttributeValue value) {
        ObjectNode node = Json.object();
        if (value.stringValue() != null) {
            node.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            node.put("binaryValue", base64(value.binaryValue()));
        }
        ArrayNode strings = node.putArray("stringListValues");
        value.stringListValues().forEach(strings::add);
        ArrayNode binaries = node.putArray("binaryListValues");
        value.binaryListValues().forEach(b -> binaries.add(base64(b)));
        node.put("dataType", value.dataType());
        return node;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    // ---------------------------------------------------------------- helpers

    private void pause(long millis) {
        PollerSupport.pause(stop, millis);
    }

    private Map<String, Object> fields() {
        return PollerSupport.fields(source.functionId(), source.eventName(), "queue", queueArn);
    }
}
