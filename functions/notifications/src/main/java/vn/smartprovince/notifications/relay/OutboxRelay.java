package vn.smartprovince.notifications.relay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.lambda.StreamRecord;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.notify.InvalidNotificationJobException;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;

/**
 * The outbox relay's rule, without AWS: of a batch of main-table stream records, each INSERT of an
 * outbox item ({@code OUTBOX#...}) becomes one message on the notification queue, in stream order;
 * every other record (other items, MODIFY, REMOVE such as TTL deletions) is skipped. Lambda's filter
 * criteria drop those records on AWS already, the local runtime does not filter, and either way this
 * code does not rely on it.
 *
 * <p>Delivery is at least once: a batch that fails is retried from its first failed record, so
 * messages sent after that record in the failed attempt are sent again, and a relay that crashes
 * after sending but before answering repeats the whole batch. The consumer deduplicates by the
 * job's deduplication key (notifications issue). Never at most once: a job is dropped only when it
 * can never be sent (invalid, or refused by the queue for its content), with an ERROR log naming the
 * item, which stays in the table for 7 days.
 */
final class OutboxRelay {
    private final JobQueue queue;

    OutboxRelay(JobQueue queue) {
        this.queue = queue;
    }

    /**
     * What became of a batch.
     *
     * @param failedSequenceNumbers the records to retry ({@code batchItemFailures}), in stream order
     * @param records               records in the batch
     * @param jobs                  outbox INSERTs among them
     * @param sent                  jobs now on the queue
     * @param dropped               jobs that can never be sent (logged as errors)
     */
    record Result(List<String> failedSequenceNumbers, int records, int jobs, int sent, int dropped) {
    }

    Result relay(List<StreamRecord> records) {
        List<StreamRecord> carriers = new ArrayList<>();
        List<JobQueue.Message> messages = new ArrayList<>();
        int jobs = 0;
        int dropped = 0;
        for (StreamRecord record : records) {
            if (!"INSERT".equals(record.eventName()) || !Outbox.isOutboxKey(record.pk())) {
                continue;
            }
            if (record.sequenceNumber() == null) {
                // Cannot happen with Lambda's events; without an id the record cannot be retried alone.
                throw new IllegalArgumentException("a stream record without SequenceNumber");
            }
            jobs++;
            JobQueue.Message message = message(record);
            if (message == null) {
                dropped++;
                continue;
            }
            carriers.add(record);
            messages.add(message);
        }
        List<String> failed = new ArrayList<>();
        int sent = 0;
        if (!messages.isEmpty()) {
            List<JobQueue.Outcome> outcomes = queue.send(messages);
            for (int i = 0; i < messages.size(); i++) {
                switch (outcomes.get(i)) {
                    case SENT -> sent++;
                    case REJECTED -> dropped++;
                    case RETRYABLE -> failed.add(carriers.get(i).sequenceNumber());
                }
            }
        }
        return new Result(List.copyOf(failed), records.size(), jobs, sent, dropped);
    }

    /**
     * The message for an outbox record, or null (logged) when its job can never be sent. A job of a
     * later schema version than this code knows is passed on as it is: the consumer decides.
     */
    static JobQueue.Message message(StreamRecord record) {
        try {
            NotificationJob job = NotificationJob.fromJson(record.newString(Outbox.JOB));
            if (!Outbox.key(job.jobId()).equals(record.pk())) {
                throw new InvalidNotificationJobException(List.of("jobId: does not match the item's key"), false);
            }
            return new JobQueue.Message(job.jobId(), job.type(), job.schemaVersion(), record.newString(Outbox.JOB));
        } catch (InvalidNotificationJobException e) {
            if (e.unsupportedVersion()) {
                JsonNode node = Json.read(record.newString(Outbox.JOB));
                String type = node.path("type").isTextual() ? node.path("type").textValue() : "UNKNOWN";
                return new JobQueue.Message(record.pk().substring(Outbox.KEY_PREFIX.length()), type,
                        node.path("schemaVersion").intValue(), record.newString(Outbox.JOB));
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("pk", record.pk());
            fields.put("sequenceNumber", record.sequenceNumber());
            fields.put("problems", e.problems());
            JsonLog.error("outbox job invalid, not relayed", fields, null);
            return null;
        }
    }
}
