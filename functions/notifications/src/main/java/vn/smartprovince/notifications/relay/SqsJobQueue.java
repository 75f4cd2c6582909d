package vn.smartprovince.notifications.relay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import vn.smartprovince.shared.log.JsonLog;

/**
 * The notification queue through {@code SendMessageBatch}: up to 10 messages and 256 KiB per request.
 * The body is the job's JSON; message attributes {@code type} (the job's type, so a consumer or a
 * subscription filter can route without parsing) and {@code schemaVersion}.
 */
final class SqsJobQueue implements JobQueue {
    static final int MAX_ENTRIES = 10;
    /** SQS's limit is 262,144 bytes for the whole request's bodies and attributes; keep a margin. */
    static final int MAX_REQUEST_BYTES = 250_000;
    /** SQS's limit for one message (body and attributes). */
    static final int MAX_MESSAGE_BYTES = 262_144;
    static final String TYPE_ATTRIBUTE = "type";
    static final String VERSION_ATTRIBUTE = "schemaVersion";

    private final SqsClient sqs;
    private final String queueUrl;

    SqsJobQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public List<Outcome> send(List<Message> messages) {
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(messages.size(), Outcome.RETRYABLE));
        int from = 0;
        while (from < messages.size()) {
            int to = chunkEnd(messages, from);
            if (!sendChunk(messages, from, to, outcomes)) {
                // Stop at the first failed request: everything after it is retried with it anyway
                // (a stream retries from the first failed record), and sending it now would only
                // deliver it twice.
                break;
            }
            from = to;
        }
        return outcomes;
    }

    /** The end (exclusive) of the request starting at {@code from}: at most 10 entries and the byte limit. */
    static int chunkEnd(List<Message> messages, int from) {
        int to = from;
        int bytes = 0;
        while (to < messages.size() && to - from < MAX_ENTRIES) {
            int size = size(messages.get(to));
            if (to > from && bytes + size > MAX_REQUEST_BYTES) {
                break;
            }
            bytes += size;
            to++;
        }
        return to;
    }

    private static int size(Message message) {
        return message.body().getBytes(StandardCharsets.UTF_8).length
                + TYPE_ATTRIBUTE.length() + message.type().length() + "String".length()
                + VERSION_ATTRIBUTE.length() + Integer.toString(message.schemaVersion()).length() + "Number".length();
    }

    /** @return whether every entry of the request was accepted or refused for good */
    private boolean sendChunk(List<Message> messages, int from, int to, List<Outcome> outcomes) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (size(messages.get(i)) > MAX_MESSAGE_BYTES) {
                // SQS would refuse the whole request, again and again; a valid job is far smaller.
                outcomes.set(i, Outcome.REJECTED);
                JsonLog.error("notification job refused by the queue", Map.of("jobId", messages.get(i).jobId(),
                        "code", "MessageTooLong", "senderFault", true), null);
                continue;
            }
            entries.add(entry(messages.get(i), "m" + i));
        }
        if (entries.isEmpty()) {
            return true;
        }
        SendMessageBatchResponse response;
        try {
            response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        } catch (SdkException e) {
            JsonLog.warn("notification queue unavailable", Map.of("errorType", e.getClass().getName(),
                    "messages", to - from));
            return false;
        }
        response.successful().forEach(ok -> outcomes.set(index(ok.id()), Outcome.SENT));
        boolean allSettled = true;
        for (BatchResultErrorEntry failed : response.failed()) {
            int index = index(failed.id());
            Map<String, Object> fields = new HashMap<>();
            fields.put("jobId", messages.get(index).jobId());
            fields.put("code", failed.code());
            fields.put("senderFault", failed.senderFault());
            if (Boolean.TRUE.equals(failed.senderFault())) {
                outcomes.set(index, Outcome.REJECTED);
                JsonLog.error("notification job refused by the queue", fields, null);
            } else {
                outcomes.set(index, Outcome.RETRYABLE);
                allSettled = false;
                JsonLog.warn("notification job not sent", fields);
            }
        }
        return allSettled;
    }

    static SendMessageBatchRequestEntry entry(Message message, String id) {
        return SendMessageBatchRequestEntry.builder()
                .id(id)
                .messageBody(message.body())
                .messageAttributes(Map.of(
                        TYPE_ATTRIBUTE, MessageAttributeValue.builder().dataType("String").stringValue(message.type()).build(),
                        VERSION_ATTRIBUTE, MessageAttributeValue.builder().dataType("Number")
                                .stringValue(Integer.toString(message.schemaVersion())).build()))
                .build();
    }

    private static int index(String entryId) {
        return Integer.parseInt(entryId.substring(1));
    }
}
