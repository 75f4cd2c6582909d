package vn.smartprovince.notifications.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lambda's SQS event source, played by the test so that the handler is driven directly (fast, and a
 * sandbox can be made to die): {@code workers} pollers, each with its own handler instance (a
 * sandbox), receive up to 20 messages (two receives), invoke, and delete all but the reported
 * {@code batchItemFailures}. An invocation that throws (the sandbox died) deletes nothing: its
 * messages come back after {@code crashVisibility} (the queue's visibility timeout, shortened) and
 * the worker gets a new sandbox. Runs until the queue is empty (messages that ran out of receives
 * are moved to the DLQ by the queue itself).
 *
 * <p>Jobs to send are fed in as the queue empties, at most {@code backlog} visible at a time, as the
 * outbox relay feeds the real queue: moto's SQS handles each request in time proportional to the
 * messages the queue holds (a receive from 1,000 messages took 2 s here, from 50 a tenth of that).
 */
final class QueuePump {
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final Supplier<DispatcherHandler> sandboxes;
    private final Duration timeLeft;
    private final Duration crashVisibility;
    final AtomicInteger invocations = new AtomicInteger();
    final AtomicInteger crashes = new AtomicInteger();
    final AtomicInteger deleted = new AtomicInteger();
    /** Requests to the emulator that failed (retried); shown when a run does not drain. */
    final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What happened last to each message body (diagnostics of a run that does not drain). */
    final Map<String, String> lastSeen = new java.util.concurrent.ConcurrentHashMap<>();

    QueuePump(SqsClient sqs, String queueUrl, String queueArn, Supplier<DispatcherHandler> sandboxes, Duration timeLeft,
              Duration crashVisibility) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.sandboxes = sandboxes;
        this.timeLeft = timeLeft;
        this.crashVisibility = crashVisibility;
    }

    /** Pumps until the queue is empty or {@code limit} passed; false on the limit. */
    boolean run(int workers, Duration limit) throws InterruptedException {
        return run(workers, limit, List.of(), 0);
    }

    /**
     * Feeds {@code bodies} (the first {@code backlog} at once, then more whenever a receive comes back
     * short), pumps until everything is handled and the queue is empty.
     */
    boolean run(int workers, Duration limit, List<String> bodies, int backlog) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        AtomicInteger fed = new AtomicInteger();
        feed(bodies, fed, backlog);
        AtomicInteger busy = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                DispatcherHandler handler = sandboxes.get();
                while (!finished.get() && System.nanoTime() < deadline) {
                    List<Message> batch = List.of();
                    busy.incrementAndGet();
                    try {
                        // Short polls (moto's long poll spins, taking the CPU its DynamoDB needs); two of them
                        // make a batch of up to 20, the template's BatchSize.
                        batch = new ArrayList<>(receive());
                        if (batch.size() == 10) {
                            for (Message more : receive()) {
                                if (batch.stream().noneMatch(m -> m.messageId().equals(more.messageId()))) {
                                    batch.add(more);
                                }
                            }
                        }
                        if (!batch.isEmpty()) {
                            handler = invoke(handler, batch);
                        }
                        if (batch.size() < 20 && fed.get() < bodies.size()) {
                            feed(bodies, fed, 20);
                        }
                    } catch (RuntimeException e) {
                        // The emulator refused or timed out (it is slow under load): as Lambda's poller, try again.
                        errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    } finally {
                        busy.decrementAndGet();
                    }
                    if (batch.isEmpty()) {
                        pause(150);
                    }
                }
            }, "pump-" + w);
            threads.add(thread);
            thread.start();
        }
        try {
            while (System.nanoTime() < deadline) {
                Thread.sleep(500);
                if (fed.get() == bodies.size() && busy.get() == 0 && empty()) {
                    Thread.sleep(200);
                    if (busy.get() == 0 && empty()) {
                        return true;
                    }
                }
            }
            return false;
        } finally {
            finished.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    private DispatcherHandler invoke(DispatcherHandler handler, List<Message> batch) {
        int invocation = invocations.incrementAndGet();
        String thread = Thread.currentThread().getName();
        batch.forEach(m -> lastSeen.put(m.body(), "received in invocation " + invocation + " by " + thread + " at "
                + java.time.Instant.now() + " count " + m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)));
        List<String> failed;
        try {
            failed = Fixtures.invoke(handler, Fixtures.event(batch, queueArn), timeLeft);
        } catch (Throwable sandboxDied) {
            crashes.incrementAndGet();
            batch.forEach(m -> lastSeen.computeIfPresent(m.body(), (k, v) -> v + " crashed"));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id("c" + i)
                        .receiptHandle(batch.get(i).receiptHandle()).visibilityTimeout((int) crashVisibility.toSeconds())
                        .build());
            }
            for (int from = 0; from < entries.size(); from += 10) {
                List<ChangeMessageVisibilityBatchRequestEntry> chunk = entries.subList(from, Math.min(entries.size(), from + 10));
                sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(chunk));
            }
            return sandboxes.get();
        }
        Set<String> keep = new HashSet<>(failed);
        batch.forEach(m -> lastSeen.computeIfPresent(m.body(), (k, v) -> v + (keep.contains(m.messageId()) ? " kept" : " done")));
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (!keep.contains(batch.get(i).messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id("d" + i).receiptHandle(batch.get(i).receiptHandle())
                        .build());
            }
        }
        for (int from = 0; from < done.size(); from += 10) {
            List<DeleteMessageBatchRequestEntry> chunk = done.subList(from, Math.min(done.size(), from + 10));
            deleted.addAndGet(sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(chunk)).successful().size());
        }
        return handler;
    }

    private synchronized void feed(List<String> bodies, AtomicInteger fed, int count) {
        int from = fed.get();
        int to = Math.min(bodies.size(), from + Math.max(0, count));
        for (int i = from; i < to; i += 10) {
            List<software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int j = i; j < Math.min(to, i + 10); j++) {
                entries.add(software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder().id("e" + j)
                        .messageBody(bodies.get(j)).build());
            }
            var sent = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!sent.failed().isEmpty()) {
                throw new IllegalStateException("the queue refused " + sent.failed());
            }
        }
        fed.set(to);
    }

    private List<Message> receive() {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean empty() {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return a.values().stream().allMatch("0"::equals);
    }
}
