package vn.smartprovince.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import vn.smartprovince.shared.json.Json;

/**
 * Dead-letter queues through the SQS API only (works on AWS and on moto, which has no
 * {@code StartMessageMoveTask}): finding them, their depth, looking at messages without removing
 * them, and moving them back to their source queue in batches of ten (receive, send, delete what
 * was sent).
 */
final class DeadLetterQueues {
    /** A queue: its name, URL and ARN. */
    record Queue(String name, String url, String arn) {
    }

    record Depth(long visible, long inFlight) {
    }

    /** A dead-letter queue of a stack, the queues that send to it and how many messages it holds. */
    record DeadLetterQueue(Queue queue, List<Queue> sources, Depth depth) {
    }

    /**
     * One message looked at.
     *
     * @param receiveCount    receives so far, the failed attempts included (peeking adds one)
     * @param sentAt          when it was first sent to its source queue (kept when it moves to the DLQ)
     * @param firstReceivedAt its first receive, i.e. the first attempt, which failed
     */
    record Peeked(String messageId, int receiveCount, Instant sentAt, Instant firstReceivedAt, MessageSummary summary) {
    }

    /** {@code moved}: on the target and gone from the DLQ; {@code failed}: the target refused them, still in the DLQ. */
    record Redriven(int moved, int failed) {
    }

    private final SqsClient sqs;

    DeadLetterQueues(SqsClient sqs) {
        this.sqs = sqs;
    }

    /**
     * A queue from what an operator typed: a URL; a logical id of template.yaml in {@code stack}
     * (the queue named {@code <stack>-<LogicalId>} locally, {@code <stack>-<LogicalId>-<suffix>} by
     * CloudFormation); or a queue name.
     *
     * @throws IllegalArgumentException naming what was not found or was ambiguous
     */
    Queue resolve(String spec, String stack) {
        if (spec.startsWith("http://") || spec.startsWith("https://")) {
            return describe(spec);
        }
        if (stack != null) {
            String prefix = stack + "-" + spec;
            List<String> matches = new ArrayList<>();
            for (String url : listQueues(prefix)) {
                String name = url.substring(url.lastIndexOf('/') + 1);
                if (name.equals(prefix) || name.startsWith(prefix + "-")) {
                    matches.add(url);
                }
            }
            if (matches.size() == 1) {
                return describe(matches.get(0));
            }
            if (matches.size() > 1) {
                throw new IllegalArgumentException("\"" + spec + "\" matches several queues of stack " + stack + ": "
                        + matches);
            }
        }
        try {
            String url = sqs.getQueueUrl(b -> b.queueName(spec)).queueUrl();
            return describe(url);
        } catch (QueueDoesNotExistException e) {
            throw new IllegalArgumentException("no queue \"" + spec + "\"" + (stack == null ? ""
                    : " (nor a queue of stack " + stack + " with that logical id)"));
        }
    }

    /** Every dead-letter queue of the stack (a queue of the stack named by another's redrive policy). */
    List<DeadLetterQueue> deadLetterQueues(String stack) {
        Map<String, Queue> byArn = new LinkedHashMap<>();
        Map<String, List<Queue>> sources = new LinkedHashMap<>();
        for (String url : listQueues(stack + "-")) {
            Map<String, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNamesWithStrings("QueueArn", "RedrivePolicy")).attributesAsStrings();
            Queue queue = new Queue(url.substring(url.lastIndexOf('/') + 1), url, attributes.get("QueueArn"));
            byArn.put(queue.arn(), queue);
            String policy = attributes.get("RedrivePolicy");
            if (policy != null && !policy.isBlank()) {
                String target = Json.read(policy).path("deadLetterTargetArn").asText();
                sources.computeIfAbsent(target, k -> new ArrayList<>()).add(queue);
            }
        }
        List<DeadLetterQueue> out = new ArrayList<>();
        sources.forEach((arn, from) -> {
            Queue dlq = byArn.get(arn);
            if (dlq != null) {
                out.add(new DeadLetterQueue(dlq, from, depth(dlq)));
            }
        });
        out.sort((a, b) -> a.queue().name().compareTo(b.queue().name()));
        return out;
    }

    /** The queue whose redrive policy names this DLQ (the first, if several do). */
    Optional<Queue> source(Queue dlq) {
        List<String> urls = sqs.listDeadLetterSourceQueues(b -> b.queueUrl(dlq.url())).queueUrls();
        return urls.isEmpty() ? Optional.empty() : Optional.of(describe(urls.get(0)));
    }

    Depth depth(Queue queue) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queue.url()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return new Depth(Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")),
                Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0")));
    }

    /**
     * Up to {@code max} messages, each received once and made visible again right after (they are
     * hidden from other readers for at most {@code hold}, should this process die in between).
     */
    List<Peeked> peek(Queue queue, int max, Duration hold) {
        Map<String, Message> seen = new LinkedHashMap<>();
        try {
            while (seen.size() < max) {
                List<Message> batch = receive(queue, Math.min(10, max - seen.size()), hold);
                int before = seen.size();
                batch.forEach(m -> seen.putIfAbsent(m.messageId(), m));
                if (seen.size() == before) {
                    break;
                }
            }
        } finally {
            release(queue, new ArrayList<>(seen.values()));
        }
        List<Peeked> out = new ArrayList<>();
        for (Message m : seen.values()) {
            Map<MessageSystemAttributeName, String> a = m.attributes();
            MessageAttributeValue type = m.messageAttributes().getOrDefault("type", m.messageAttributes().get("eventName"));
            out.add(new Peeked(m.messageId(), Integer.parseInt(a.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0")),
                    millis(a.get(MessageSystemAttributeName.SENT_TIMESTAMP)),
                    millis(a.get(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP)),
                    MessageSummary.of(m.body(), type == null ? null : type.stringValue(),
                            m.messageAttributes().containsKey("reason") ? m.messageAttributes().get("reason").stringValue()
                                    : null)));
        }
        return out;
    }

    /**
     * Moves up to {@code max} messages from {@code dlq} to {@code target}: each batch is received
     * (hidden for {@code hold}), sent with the same body and message attributes, and deleted from the
     * DLQ once the target took it. A message the target refuses stays in the DLQ (made visible again)
     * and is counted as failed. Stops when the DLQ gives nothing new.
     */
    Redriven redrive(Queue dlq, Queue target, int max, Duration hold) {
        int moved = 0;
        Set<String> refused = new HashSet<>();
        while (moved + refused.size() < max) {
            List<Message> batch = receive(dlq, Math.min(10, max - moved - refused.size()), hold);
            List<Message> fresh = batch.stream().filter(m -> !refused.contains(m.messageId())).toList();
            List<Message> keep = new ArrayList<>(batch.stream().filter(m -> refused.contains(m.messageId())).toList());
            for (List<Message> chunk : bySize(fresh)) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i++) {
                    Message m = chunk.get(i);
                    entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(m.body())
                            .messageAttributes(m.messageAttributes()).build());
                }
                SendMessageBatchResponse sent = sqs.sendMessageBatch(b -> b.queueUrl(target.url()).entries(entries));
                List<DeleteMessageBatchRequestEntry> delete = new ArrayList<>();
                sent.successful().forEach(ok -> delete.add(DeleteMessageBatchRequestEntry.builder().id(ok.id())
                        .receiptHandle(chunk.get(Integer.parseInt(ok.id())).receiptHandle()).build()));
                sent.failed().forEach(no -> {
                    Message m = chunk.get(Integer.parseInt(no.id()));
                    refused.add(m.messageId());
                    keep.add(m);
                });
                if (!delete.isEmpty()) {
                    var deleted = sqs.deleteMessageBatch(b -> b.queueUrl(dlq.url()).entries(delete));
                    moved += deleted.successful().size();
                    // A delete that failed leaves a copy in the DLQ that is also on the target now: it is
                    // delivered twice at worst, which every consumer of these queues tolerates.
                }
            }
            release(dlq, keep);
            if (fresh.isEmpty()) {
                break;
            }
        }
        return new Redriven(moved, refused.size());
    }

    /** Batches SQS takes in one request: up to 10 entries and 256 KiB of bodies and attributes (with a margin). */
    static List<List<Message>> bySize(List<Message> messages) {
        List<List<Message>> chunks = new ArrayList<>();
        List<Message> chunk = new ArrayList<>();
        long bytes = 0;
        for (Message m : messages) {
            long size = m.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1024L;
            if (!chunk.isEmpty() && (chunk.size() == 10 || bytes + size > 250_000)) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(m);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    // ---------------------------------------------------------------- plumbing

    private List<Message> receive(Queue queue, int max, Duration hold) {
        return sqs.receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(max).waitTimeSeconds(1)
                .visibilityTimeout((int) hold.toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    private void release(Queue queue, List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).visibilityTimeout(0).build());
            }
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queue.url()).entries(entries));
        }
    }

    private Queue describe(String url) {
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Queue(url.substring(url.lastIndexOf('/') + 1), url, arn);
    }

    private List<String> listQueues(String prefix) {
        List<String> urls = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = sqs.listQueues(b -> b.queueNamePrefix(prefix).maxResults(1000).nextToken(next));
            urls.addAll(page.queueUrls());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return urls;
    }

    private static Instant millis(String value) {
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value));
    }
}
