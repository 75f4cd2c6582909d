package vn.smartprovince.local.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import vn.smartprovince.local.emulator.BootstrappedStack;
import vn.smartprovince.local.lambda.FunctionInvoker;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;

/**
 * One DynamoDB Streams event source of one function, run as Lambda's event source mapping runs
 * it: reads each shard in order (a child shard after its parent), from {@code TRIM_HORIZON} or
 * {@code LATEST} for the shards there at start (new shards from their beginning), up to
 * {@code BatchSize} records gathered within {@code MaximumBatchingWindowInSeconds}, and invokes
 * the function with Lambda's DynamoDB event.
 *
 * <p>A failed batch is retried as it was, with backoff, and blocks its shard meanwhile; when
 * {@code MaximumRetryAttempts} is set (>= 0) the batch is dropped (logged) after that many
 * retries. With {@code ReportBatchItemFailures} the checkpoint moves to the first reported
 * sequence number: the records before it are done, the retry starts there. An unknown or empty
 * identifier fails the whole batch. Not done: BisectBatchOnFunctionError, on-failure
 * destinations, MaximumRecordAgeInSeconds, tumbling windows, filters.
 *
 * <p>One thread polls all shards of the stream, four times a second when idle (as Lambda does).
 *
 * <p>Reading position. Each read takes a fresh iterator {@code AT_SEQUENCE_NUMBER} of the last
 * record read (and drops that record again once its {@code eventID} matches), instead of
 * following {@code NextShardIterator}; {@code LATEST} is turned at start into "after the last
 * record there" by reading the shard to its end. This is for moto 5.2.1, whose
 * {@code TransactWriteItems} writes each item of the transaction (and its stream record) as it
 * goes and, when the transaction is cancelled, puts back a deep copy of the whole table taken
 * before it: the copy has its own stream shard object (same shard id, without the cancelled
 * records), so an iterator handed out earlier stays on the orphaned old shard, sees the cancelled
 * records and nothing written afterwards. Moto also numbers records by position, so the next
 * write reuses the sequence number of the first cancelled record. Reading the live shard on
 * every poll therefore never delivers a cancelled transaction's records (as DynamoDB, where a
 * cancelled transaction writes nothing to the stream) and keeps delivering later writes; a
 * record found at the last read position with another {@code eventID} means the shard was rolled
 * back under us and is delivered as new. Left: a poll that lands inside moto's request, between
 * the transaction's writes and its rollback (a window of microseconds), still delivers those
 * records; moto's stream gives no mark of a transaction to filter them by.
 */
public final class StreamEventSourcePoller implements AutoCloseable {
    private static final long IDLE_POLL_MILLIS = 250;
    private static final long SHARD_REFRESH_MILLIS = 5_000;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final FunctionSpec.StreamEventSource source;
    private final String streamArn;
    private final String region;
    private final DynamoDbStreamsClient streams;
    private final FunctionInvoker invoker;
    private final long firstBackoffMillis;
    private final long closeGraceMillis;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Map<String, ShardState> shards = new LinkedHashMap<>();
    private volatile boolean closed;
    private volatile boolean invoking;
    private Thread thread;
    private long lastRefresh;
    private boolean initialised;

    /** Reading position and unfinished batch of one shard. */
    private static final class ShardState {
        final String shardId;
        final String parentId;
        boolean positioned;
        boolean finished;
        /** Position: the last record read (null: none yet, read from TRIM_HORIZON). */
        String lastSequenceNumber;
        String lastEventId;
        List<Record> pending = new ArrayList<>();
        int attempts;
        long retryAt;
        final ShardIteratorType initialPosition;

        ShardState(String shardId, String parentId, ShardIteratorType initialPosition) {
            this.shardId = shardId;
            this.parentId = parentId;
            this.initialPosition = initialPosition;
        }
    }

    public StreamEventSourcePoller(FunctionSpec.StreamEventSource source, String streamArn, String region,
                                   DynamoDbStreamsClient streams, FunctionInvoker invoker) {
        this(source, streamArn, region, streams, invoker, 200, 10_000);
    }

    /**
     * @param firstBackoffMillis wait before the first retry of a failed batch (doubling to 5 s)
     * @param closeGraceMillis   how long {@link #close()} waits for a batch inside the function
     */
    public StreamEventSourcePoller(FunctionSpec.StreamEventSource source, String streamArn, String region,
                                   DynamoDbStreamsClient streams, FunctionInvoker invoker, long firstBackoffMillis,
                                   long closeGraceMillis) {
        this.source = source;
        this.streamArn = streamArn;
        this.region = region;
        this.streams = streams;
        this.invoker = invoker;
        this.firstBackoffMillis = firstBackoffMillis;
        this.closeGraceMillis = closeGraceMillis;
    }

    /** The poller for {@code source} with the table's real stream ARN taken from the bootstrapped stack. */
    public static StreamEventSourcePoller of(FunctionSpec.StreamEventSource source, BootstrappedStack stack,
                                            DynamoDbStreamsClient streams, FunctionInvoker invoker) {
        return new StreamEventSourcePoller(source, stack.streamArn(source.tableId()), stack.region(), streams, invoker);
    }

    public FunctionSpec.StreamEventSource source() {
        return source;
    }

    /**
     * Starts polling. The starting positions are taken before this returns, so with LATEST
     * everything written after {@code start()} reaches the function.
     */
    public synchronized StreamEventSourcePoller start() {
        if (thread != null || closed) {
            throw new IllegalStateException("already started or closed");
        }
        if (!source.enabled()) {
            JsonLog.info("stream event source disabled", fields());
            return this;
        }
        refreshShards();
        for (ShardState shard : shards.values()) {
            position(shard);
        }
        initialised = true;
        thread = new Thread(this::run, "stream-" + source.functionId() + "-" + source.eventName());
        thread.setDaemon(true);
        thread.start();
        JsonLog.info("stream event source started", PollerSupport.with(fields(), "startingPosition", source.startingPosition(),
                "batchSize", source.batchSize(), "shards", shards.size()));
        return this;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop.countDown();
        Thread running = thread;
        if (running != null) {
            try {
                running.join(invoking ? closeGraceMillis : Math.min(closeGraceMillis, 2_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        JsonLog.info("stream event source stopped", fields());
    }

    // ---------------------------------------------------------------- loop

    private void run() {
        long backoff = 0;
        while (!closed) {
            boolean progressed;
            try {
                if (System.currentTimeMillis() - lastRefresh > SHARD_REFRESH_MILLIS) {
                    refreshShards();
                }
                progressed = pollShards();
                backoff = 0;
            } catch (SdkException e) {
                backoff = backoff == 0 ? 500 : Math.min(backoff * 2, 30_000);
                JsonLog.warn("stream read failed", PollerSupport.with(fields(), "errorType", e.getClass().getName(),
                        "error", String.valueOf(e.getMessage()), "retryInMs", backoff));
                pause(backoff);
                continue;
            }
            if (!progressed) {
                pause(IDLE_POLL_MILLIS);
            }
        }
    }

    private void refreshShards() {
        lastRefresh = System.currentTimeMillis();
        String start = null;
        do {
            String exclusiveStart = start;
            var description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(exclusiveStart))
                    .streamDescription();
            for (Shard shard : description.shards()) {
                // Shards there at start begin at StartingPosition; any later shard from its beginning.
                ShardIteratorType position = initialised ? ShardIteratorType.TRIM_HORIZON
                        : ShardIteratorType.fromValue(source.startingPosition());
                shards.putIfAbsent(shard.shardId(), new ShardState(shard.shardId(), shard.parentShardId(), position));
            }
            start = description.lastEvaluatedShardId();
        } while (start != null);
    }

    /** One pass over the shards; true when records were handled (so no idle pause). */
    private boolean pollShards() {
        boolean progressed = false;
        for (ShardState shard : new ArrayList<>(shards.values())) {
            if (closed) {
                break;
            }
            if (shard.finished || !parentFinished(shard)) {
                continue;
            }
            if (shard.pending.isEmpty()) {
                shard.pending = read(shard);
                if (shard.pending.isEmpty()) {
                    continue;
                }
            } else if (System.currentTimeMillis() < shard.retryAt) {
                continue;
            }
            progressed = true;
            deliver(shard);
        }
        return progressed;
    }

    private boolean parentFinished(ShardState shard) {
        ShardState parent = shard.parentId == null ? null : shards.get(shard.parentId);
        return parent == null || parent.finished;
    }

    /**
     * Takes the starting position: TRIM_HORIZON needs none; LATEST becomes the last record there
     * now (the shard read to its end), so a later read can restart from it with a fresh iterator.
     */
    private void position(ShardState shard) {
        if (shard.positioned) {
            return;
        }
        if (shard.initialPosition == ShardIteratorType.LATEST) {
            String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var response = streams.getRecords(b -> b.shardIterator(current).limit(1000));
                if (response.records().isEmpty()) {
                    break;
                }
                remember(shard, response.records().get(response.records().size() - 1));
                iterator = response.nextShardIterator();
            }
        }
        shard.positioned = true;
    }

    private static void remember(ShardState shard, Record record) {
        shard.lastSequenceNumber = record.dynamodb().sequenceNumber();
        shard.lastEventId = record.eventID();
    }

    /** Up to BatchSize records, gathered within the batching window. */
    private List<Record> read(ShardState shard) {
        position(shard);
        int batchSize = Math.max(1, source.batchSize());
        List<Record> records = new ArrayList<>(getRecords(shard, batchSize));
        if (records.isEmpty() || source.batchingWindowSeconds() <= 0) {
            return records;
        }
        long windowEnd = System.currentTimeMillis() + source.batchingWindowSeconds() * 1000L;
        while (records.size() < batchSize && !shard.finished && !closed && System.currentTimeMillis() < windowEnd) {
            List<Record> more = getRecords(shard, batchSize - records.size());
            records.addAll(more);
            if (more.isEmpty()) {
                pause(Math.min(IDLE_POLL_MILLIS, Math.max(1, windowEnd - System.currentTimeMillis())));
            }
        }
        return records;
    }

    /**
     * Up to {@code limit} records after the position, read from the stream's current shard with a
     * fresh iterator (see the class comment for why NextShardIterator is not followed).
     */
    private List<Record> getRecords(ShardState shard, int limit) {
        String after = shard.lastSequenceNumber;
        String iterator = streams.getShardIterator(b -> {
            b.streamArn(streamArn).shardId(shard.shardId);
            if (after == null) {
                b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                b.shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(after);
            }
        }).shardIterator();
        if (iterator == null) {
            shard.finished = true;
            return List.of();
        }
        int ask = Math.min(limit + (after == null ? 0 : 1), 1000);
        var response = streams.getRecords(b -> b.shardIterator(iterator).limit(ask));
        List<Record> records = response.records();
        if (after != null && !records.isEmpty()) {
            if (records.get(0).eventID() != null && records.get(0).eventID().equals(shard.lastEventId)) {
                records = records.subList(1, records.size());
            } else {
                // Another record at the position read last: the shard was rolled back after that read.
                JsonLog.warn("stream shard rewritten at the last read position", PollerSupport.with(fields(),
                        "shard", shard.shardId, "sequenceNumber", after));
            }
        }
        if (records.size() > limit) {
            records = records.subList(0, limit);
        }
        if (!records.isEmpty()) {
            remember(shard, records.get(records.size() - 1));
        } else if (response.nextShardIterator() == null) {
            shard.finished = true;
        }
        return new ArrayList<>(records);
    }

    private void deliver(ShardState shard) {
        List<Record> batch = shard.pending;
        long started = System.nanoTime();
        byte[] event = Json.write(event(batch)).getBytes(StandardCharsets.UTF_8);
        String error = null;
        int done;
        invoking = true;
        try {
            byte[] result = invoker.invoke(source.functionId(), event);
            if (source.reportBatchItemFailures()) {
                Set<String> ids = new LinkedHashSet<>();
                batch.forEach(r -> ids.add(r.dynamodb().sequenceNumber()));
                BatchItemFailures failures = BatchItemFailures.parse(result, ids);
                if (failures.wholeBatch()) {
                    done = 0;
                    error = "invalid batchItemFailures answer";
                } else {
                    // Checkpoint at the first failed record: everything before it is done.
                    done = batch.size();
                    for (int i = 0; i < batch.size(); i++) {
                        if (failures.identifiers().contains(batch.get(i).dynamodb().sequenceNumber())) {
                            done = i;
                            break;
                        }
                    }
                    if (done < batch.size()) {
                        error = "batchItemFailures from " + batch.get(done).dynamodb().sequenceNumber();
                    }
                }
            } else {
                done = batch.size();
            }
        } catch (FunctionInvoker.FunctionError e) {
            done = 0;
            error = e.kind() + " " + e.errorType();
        } finally {
            invoking = false;
        }
        Map<String, Object> log = PollerSupport.with(fields(), "shard", shard.shardId, "size", batch.size(),
                "failed", batch.size() - done, "latencyMs", (System.nanoTime() - started) / 1_000_000);
        if (done == batch.size()) {
            shard.pending = new ArrayList<>();
            shard.attempts = 0;
            JsonLog.info("stream batch", log);
            return;
        }
        shard.pending = new ArrayList<>(batch.subList(done, batch.size()));
        shard.attempts++;
        log.put("error", error);
        log.put("attempt", shard.attempts);
        if (source.maximumRetryAttempts() >= 0 && shard.attempts > source.maximumRetryAttempts()) {
            log.put("discarded", shard.pending.size());
            JsonLog.warn("stream batch discarded after MaximumRetryAttempts", log);
            shard.pending = new ArrayList<>();
            shard.attempts = 0;
            return;
        }
        long backoff = Math.min(MAX_BACKOFF_MILLIS, firstBackoffMillis << Math.min(shard.attempts - 1, 20));
        shard.retryAt = System.currentTimeMillis() + backoff;
        log.put("retryInMs", backoff);
        JsonLog.warn("stream batch", log);
    }

    // ---------------------------------------------------------------- event

    /** Lambda's DynamoDB event: {@code {"Records": [...]}}. */
    ObjectNode event(List<Record> batch) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        for (Record record : batch) {
            records.add(record(record, streamArn, region));
        }
        return event;
    }

    static ObjectNode record(Record record, String streamArn, String region) {
        ObjectNode node = Json.object();
        node.put("eventID", record.eventID());
        node.put("eventName", record.eventNameAsString());
        node.put("eventVersion", record.eventVersion() == null ? "1.1" : record.eventVersion());
        node.put("eventSource", "aws:dynamodb");
        // moto writes us-east-1 whatever the table's region; Lambda gives the table's region.
        node.put("awsRegion", region);
        StreamRecord data = record.dynamodb();
        ObjectNode dynamodb = node.putObject("dynamodb");
        if (data.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", data.approximateCreationDateTime().getEpochSecond());
        }
        if (data.hasKeys()) {
            dynamodb.set("Keys", AttributeValues.toJson(data.keys()));
        }
        if (data.hasNewImage()) {
            dynamodb.set("NewImage", AttributeValues.toJson(data.newImage()));
        }
        if (data.hasOldImage()) {
            dynamodb.set("OldImage", AttributeValues.toJson(data.oldImage()));
        }
        dynamodb.put("SequenceNumber", data.sequenceNumber());
        if (data.sizeBytes() != null) {
            dynamodb.put("SizeBytes", data.sizeBytes());
        }
        dynamodb.put("StreamViewType", data.streamViewTypeAsString());
        if (record.userIdentity() != null) {
            ObjectNode identity = node.putObject("userIdentity");
            identity.put("type", record.userIdentity().type());
            identity.put("principalId", record.userIdentity().principalId());
        }
        node.put("eventSourceARN", streamArn);
        return node;
    }

    // ---------------------------------------------------------------- helpers

    private void pause(long millis) {
        PollerSupport.pause(stop, millis);
    }

    private Map<String, Object> fields() {
        return PollerSupport.fields(source.functionId(), source.eventName(), "stream", streamArn);
    }
}
