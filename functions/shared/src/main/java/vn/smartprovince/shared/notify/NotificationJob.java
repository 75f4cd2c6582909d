package vn.smartprovince.shared.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.smartprovince.shared.json.Json;

/**
 * A notification job, version 1 of the format on the notification queue: what to tell whom, not how
 * (the dispatcher picks the channel, ZNS or OA, from the citizen's preference and the province's
 * template mapping). The message body on SQS is {@link #toJson()}:
 *
 * <pre>{@code
 * {"schemaVersion": 1,
 *  "jobId": "0b6f…",                        // unique per job; the outbox item's key
 *  "type": "REPORT_ANSWERED",               // what happened, UPPER_SNAKE_CASE
 *  "recipientId": "9000000000000000123",    // the citizen's user id (Zalo id), never a phone number
 *  "templateKey": "REPORT_STATUS_CHANGED",  // a key of the province configuration's notificationTemplates
 *  "parameters": {"report_code": "TN-7Q4K2", "status_name": "Đã trả lời"},
 *  "deduplicationKey": "REPORT#01J…#v4#ANSWERED#9000000000000000123",
 *  "createdAt": "2026-11-28T02:30:00.123Z",
 *  "correlationId": "req-abc",              // the request (or event) that caused it, for the logs
 *  "campaignId": "ALERT#al…"}               // optional: the campaign (an urgent alert) it belongs to
 * }</pre>
 *
 * The deduplication key names the fact being announced: two jobs with the same key are the same
 * notification, and the dispatcher sends at most one (it also travels as ZNS {@code tracking_id}).
 * Derive it from the change (entity, version, kind, recipient), never from the time or a random id.
 *
 * <p>Rules (checked on construction and on reading): schemaVersion 1; jobId 1-200 of
 * {@code A-Z a-z 0-9 . _ : # -}; type UPPER_SNAKE_CASE up to 64; recipientId 1-64 of
 * {@code A-Z a-z 0-9 _ -}; templateKey UPPER_SNAKE_CASE up to 40 (as the province configuration);
 * up to 30 parameters named like the configuration's params, values up to 1,000 characters without
 * control characters (a line break is allowed); deduplicationKey and correlationId 1-200 printable
 * ASCII without spaces; campaignId, when present, 1-200 printable ASCII without spaces (the dispatcher
 * skips the job when the campaign is cancelled and counts its outcome on the campaign). Unknown fields are ignored when reading, so version 1 can grow optional
 * fields; anything that changes a field's meaning is version 2.
 */
public record NotificationJob(int schemaVersion, String jobId, String type, String recipientId, String templateKey,
                              Map<String, String> parameters, String deduplicationKey, Instant createdAt,
                              String correlationId, String campaignId) {

    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_PARAMETERS = 30;
    public static final int MAX_PARAMETER_LENGTH = 1_000;

    static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9._:#-]{1,200}");
    static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    static final Pattern RECIPIENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern TEMPLATE_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,49}");
    static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{1,200}");

    public NotificationJob {
        Map<String, String> copy = parameters == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        List<String> problems = problems(schemaVersion, jobId, type, recipientId, templateKey, copy, deduplicationKey,
                createdAt, correlationId);
        if (campaignId != null && !TOKEN.matcher(campaignId).matches()) {
            problems.add("campaignId: 1-200 printable ASCII characters, no spaces");
        }
        if (!problems.isEmpty()) {
            throw new InvalidNotificationJobException(problems, schemaVersion > SCHEMA_VERSION);
        }
        parameters = copy;
    }

    /** A job of no campaign (every notification but an alert's). */
    public NotificationJob(int schemaVersion, String jobId, String type, String recipientId, String templateKey,
                           Map<String, String> parameters, String deduplicationKey, Instant createdAt,
                           String correlationId) {
        this(schemaVersion, jobId, type, recipientId, templateKey, parameters, deduplicationKey, createdAt,
                correlationId, null);
    }

    /** The same job, part of a campaign (e.g. {@code ALERT#<alertId>}). */
    public NotificationJob withCampaignId(String campaign) {
        return new NotificationJob(schemaVersion, jobId, type, recipientId, templateKey, parameters, deduplicationKey,
                createdAt, correlationId, campaign);
    }

    /**
     * A new job with a random id, created now (to the millisecond).
     *
     * @param deduplicationKey the fact announced, e.g. {@code REPORT#<id>#v<version>#ANSWERED#<recipient>}
     * @param correlationId    the request id (or event id) that caused it
     */
    public static NotificationJob create(String type, String recipientId, String templateKey,
                                         Map<String, String> parameters, String deduplicationKey,
                                         String correlationId, Clock clock) {
        return new NotificationJob(SCHEMA_VERSION, UUID.randomUUID().toString(), type, recipientId, templateKey,
                parameters, deduplicationKey, clock.instant().truncatedTo(ChronoUnit.MILLIS), correlationId);
    }

    /** The same job under another id (e.g. one derived from the change, so a retried write cannot add a second job). */
    public NotificationJob withJobId(String id) {
        return new NotificationJob(schemaVersion, id, type, recipientId, templateKey, parameters, deduplicationKey,
                createdAt, correlationId, campaignId);
    }

    /** The message body: compact JSON, fields in the documented order. */
    public String toJson() {
        ObjectNode node = Json.object();
        node.put("schemaVersion", schemaVersion);
        node.put("jobId", jobId);
        node.put("type", type);
        node.put("recipientId", recipientId);
        node.put("templateKey", templateKey);
        ObjectNode params = node.putObject("parameters");
        parameters.forEach(params::put);
        node.put("deduplicationKey", deduplicationKey);
        node.put("createdAt", createdAt.toString());
        node.put("correlationId", correlationId);
        if (campaignId != null) {
            node.put("campaignId", campaignId);
        }
        return Json.write(node);
    }

    /**
     * Reads and validates a job.
     *
     * @throws InvalidNotificationJobException naming every problem (never a value), with
     *                                         {@code unsupportedVersion()} for a version above 1
     */
    public static NotificationJob fromJson(String json) {
        JsonNode node;
        try {
            node = json == null ? null : Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new InvalidNotificationJobException(List.of("body: not JSON"), false);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidNotificationJobException(List.of("body: not a JSON object"), false);
        }
        List<String> problems = new ArrayList<>();
        JsonNode version = node.get("schemaVersion");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new InvalidNotificationJobException(List.of("schemaVersion: required, an integer"), false);
        }
        if (version.intValue() != SCHEMA_VERSION) {
            throw new InvalidNotificationJobException(List.of("schemaVersion: " + version.intValue()
                    + " is not supported (this code reads " + SCHEMA_VERSION + ")"), version.intValue() > SCHEMA_VERSION);
        }
        String jobId = text(node, "jobId", problems);
        String type = text(node, "type", problems);
        String recipientId = text(node, "recipientId", problems);
        String templateKey = text(node, "templateKey", problems);
        String deduplicationKey = text(node, "deduplicationKey", problems);
        String correlationId = text(node, "correlationId", problems);
        String created = text(node, "createdAt", problems);
        String campaignId = null;
        if (node.hasNonNull("campaignId")) {
            campaignId = text(node, "campaignId", problems);
        }
        Instant createdAt = null;
        if (created != null) {
            try {
                createdAt = java.time.OffsetDateTime.parse(created).toInstant();
            } catch (DateTimeParseException e) {
                problems.add("createdAt: must be an RFC 3339 instant");
            }
        }
        Map<String, String> parameters = null;
        JsonNode params = node.get("parameters");
        if (params == null || !params.isObject()) {
            problems.add("parameters: required, an object of strings");
        } else {
            parameters = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = params.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isTextual()) {
                    problems.add("parameters." + printable(field.getKey()) + ": must be a string");
                } else {
                    parameters.put(field.getKey(), field.getValue().textValue());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidNotificationJobException(problems, false);
        }
        return new NotificationJob(version.intValue(), jobId, type, recipientId, templateKey, parameters,
                deduplicationKey, createdAt, correlationId, campaignId);
    }

    private static String text(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            problems.add(field + ": required");
            return null;
        }
        if (!value.isTextual()) {
            problems.add(field + ": must be a string");
            return null;
        }
        return value.textValue();
    }

    static List<String> problems(int schemaVersion, String jobId, String type, String recipientId, String templateKey,
                                 Map<String, String> parameters, String deduplicationKey, Instant createdAt,
                                 String correlationId) {
        List<String> problems = new ArrayList<>();
        if (schemaVersion != SCHEMA_VERSION) {
            problems.add("schemaVersion: must be " + SCHEMA_VERSION);
        }
        check(problems, "jobId", jobId, JOB_ID, "1-200 of A-Z a-z 0-9 . _ : # -");
        check(problems, "type", type, TYPE, "UPPER_SNAKE_CASE, at most 64 characters");
        check(problems, "recipientId", recipientId, RECIPIENT, "a user id: 1-64 of A-Z a-z 0-9 _ -");
        check(problems, "templateKey", templateKey, TEMPLATE_KEY, "UPPER_SNAKE_CASE, at most 40 characters");
        check(problems, "deduplicationKey", deduplicationKey, TOKEN, "1-200 printable ASCII characters, no spaces");
        check(problems, "correlationId", correlationId, TOKEN, "1-200 printable ASCII characters, no spaces");
        if (createdAt == null) {
            problems.add("createdAt: required");
        }
        if (parameters == null) {
            problems.add("parameters: required (may be empty)");
        } else {
            if (parameters.size() > MAX_PARAMETERS) {
                problems.add("parameters: at most " + MAX_PARAMETERS);
            }
            parameters.forEach((name, value) -> {
                if (name == null || !PARAMETER_NAME.matcher(name).matches()) {
                    problems.add("parameters." + printable(name)
                            + ": a name is letters, digits or '_', starting with a letter, at most 50");
                } else if (value == null) {
                    problems.add("parameters." + name + ": required (use an empty string)");
                } else if (value.length() > MAX_PARAMETER_LENGTH) {
                    problems.add("parameters." + name + ": at most " + MAX_PARAMETER_LENGTH + " characters");
                } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
                    problems.add("parameters." + name + ": control characters are not allowed");
                }
            });
        }
        return problems;
    }

    private static void check(List<String> problems, String field, String value, Pattern pattern, String rule) {
        if (value == null) {
            problems.add(field + ": required");
        } else if (!pattern.matcher(value).matches()) {
            problems.add(field + ": must be " + rule);
        }
    }

    /** A parameter name in a problem: only when it is harmless to show (names are ours, not citizens'). */
    private static String printable(String name) {
        return name != null && name.length() <= 50 && name.chars().allMatch(c -> c > 0x20 && c < 0x7F) ? name : "?";
    }
}
