package vn.smartprovince.shared.notify;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import vn.smartprovince.shared.config.Env;

/**
 * The transactional outbox: a notification job is an item of the main table, written in the SAME
 * {@code TransactWriteItems} as the change it announces, so the job exists exactly when the change
 * does (a request failing half-way, or a transaction cancelled by its conditions, leaves neither).
 * The relay ({@code functions/notifications}, {@code OutboxRelayHandler}) reads the table's stream and
 * puts each new job on the notification queue; {@code functions/notifications/README.md} explains why.
 *
 * <pre>
 * pk = OUTBOX#&lt;jobId&gt;   sk = JOB
 *   itemType NOTIFICATION_JOB, jobId, jobType, job (the job's JSON, what goes on the queue),
 *   createdAt, expiresAt (TTL: 7 days after createdAt; the stream keeps 24 h, the item is
 *   left for inspection and manual redrive)
 * </pre>
 *
 * Usage, next to the change's own items:
 * <pre>{@code
 * Outbox outbox = Outbox.fromEnv(env);                                  // MAIN_TABLE
 * NotificationJob job = NotificationJob.create("REPORT_ANSWERED", report.citizenId(), "REPORT_STATUS_CHANGED",
 *         Map.of("report_code", report.trackingCode()), "REPORT#" + id + "#v" + version + "#ANSWERED",
 *         request.requestId(), clock);
 * dynamoDb.transactWriteItems(b -> b.transactItems(updateReportWithVersionCondition, putHistory, outbox.put(job)));
 * }</pre>
 * The function's policy needs {@code dynamodb:PutItem} for the {@code OUTBOX#*} leading key (a
 * transaction checks each item's action). At most 100 items per transaction.
 */
public final class Outbox {
    public static final String KEY_PREFIX = "OUTBOX#";
    public static final String SORT_KEY = "JOB";
    public static final String ITEM_TYPE = "NOTIFICATION_JOB";
    /** The attribute holding the job's JSON: what the relay sends. */
    public static final String JOB = "job";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    private final String tableName;
    private final Duration retention;

    public Outbox(String tableName) {
        this(tableName, DEFAULT_RETENTION);
    }

    public Outbox(String tableName, Duration retention) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            // The item must outlive the stream record (24 h) so a stuck relay can still be redriven.
            throw new IllegalArgumentException("an outbox item lives at least a day");
        }
        this.retention = retention;
    }

    /** The main table named by the function's {@code MAIN_TABLE} (template Globals). */
    public static Outbox fromEnv(Env env) {
        return new Outbox(env.required("MAIN_TABLE"));
    }

    public String tableName() {
        return tableName;
    }

    /** {@code OUTBOX#<jobId>} */
    public static String key(String jobId) {
        return KEY_PREFIX + jobId;
    }

    public static boolean isOutboxKey(String pk) {
        return pk != null && pk.startsWith(KEY_PREFIX);
    }

    /** The job's item, for a Put of one's own making (prefer {@link #put}, which adds the condition). */
    public Map<String, AttributeValue> item(NotificationJob job) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS(key(job.jobId())));
        item.put("sk", AttributeValue.fromS(SORT_KEY));
        item.put("itemType", AttributeValue.fromS(ITEM_TYPE));
        item.put("jobId", AttributeValue.fromS(job.jobId()));
        item.put("jobType", AttributeValue.fromS(job.type()));
        item.put(JOB, AttributeValue.fromS(job.toJson()));
        item.put("createdAt", AttributeValue.fromS(job.createdAt().toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(job.createdAt().plus(retention).getEpochSecond())));
        return item;
    }

    /**
     * The Put of the job's item with {@code attribute_not_exists(pk)}: a job id is written once, so a
     * transaction that would write it again (a retried change with a job id derived from it) is
     * cancelled as a whole rather than silently overwriting the first job.
     */
    public Put putRequest(NotificationJob job) {
        return Put.builder().tableName(tableName).item(item(job))
                .conditionExpression("attribute_not_exists(pk)").build();
    }

    /** {@link #putRequest} as one item of {@code TransactWriteItems}. */
    public TransactWriteItem put(NotificationJob job) {
        return TransactWriteItem.builder().put(putRequest(job)).build();
    }

    /**
     * The job an outbox item holds.
     *
     * @throws InvalidNotificationJobException when the item is not an outbox job or its JSON is invalid
     */
    public static NotificationJob jobOf(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get("pk");
        AttributeValue json = item.get(JOB);
        if (pk == null || !isOutboxKey(pk.s())) {
            throw new InvalidNotificationJobException(List.of("pk: not an outbox item"), false);
        }
        if (json == null || json.s() == null) {
            throw new InvalidNotificationJobException(List.of(JOB + ": missing"), false);
        }
        NotificationJob job = NotificationJob.fromJson(json.s());
        if (!key(job.jobId()).equals(pk.s())) {
            throw new InvalidNotificationJobException(List.of("jobId: does not match the item's key"), false);
        }
        return job;
    }
}
