package vn.smartprovince.shared.priming;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;

/**
 * The synthetic events priming feeds the handlers, shaped as Lambda delivers them (the samples in
 * {@code events/}), built when priming runs. Everything they name is fictitious: the caller
 * {@value #CALLER_ID} (Zalo ids are long digit strings), ids and keys starting with
 * {@value #ID}; whatever a handler tries to do with them beyond reading is refused by the guards.
 */
public final class PrimingEvents {
    /** The synthetic caller's Zalo id: no Zalo account has it. */
    public static final String CALLER_ID = "0";
    /** The synthetic caller's agency, and the prefix of every synthetic id. */
    public static final String ID = "PRIMING";
    /** Every role: the routes' checks pass, so priming goes as far as their use cases. */
    static final String ROLES = "CITIZEN,OFFICER,PROVINCE_ADMIN,EDITOR,ALERT_SENDER";
    private static final String REGION = "ap-southeast-1";
    private static final String ACCOUNT = "000000000000";

    private PrimingEvents() {
    }

    /**
     * An API Gateway HTTP API request (payload 2.0) from the synthetic caller, as the session
     * authorizer passes it on a protected route (a public route ignores the context): JSON, Vietnamese,
     * an {@code Idempotency-Key}.
     *
     * @param routeKey       e.g. {@code POST /v1/reports}; the path's {@code {names}} take {@code pathParameters}
     * @param pathParameters the route's path parameters
     * @param body           the body, or null for none
     */
    public static byte[] http(String routeKey, Map<String, String> pathParameters, String body) {
        int space = routeKey.indexOf(' ');
        String method = space > 0 ? routeKey.substring(0, space) : "GET";
        String path = space > 0 ? routeKey.substring(space + 1) : routeKey;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        Instant now = Instant.now();
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.putObject("headers")
                .put("accept", "application/json")
                .put("accept-language", "vi-VN,vi;q=0.9")
                .put("content-type", "application/json")
                .put("host", "priming.invalid")
                .put("idempotency-key", ID + "-idempotency-key")
                .put("user-agent", "SnapStart priming")
                .put("x-forwarded-for", "127.0.0.1")
                .put("x-forwarded-proto", "https");
        if (!pathParameters.isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            pathParameters.forEach(parameters::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", ACCOUNT).put("apiId", "priming").put("domainName", "priming.invalid")
                .put("requestId", ID).put("routeKey", routeKey).put("stage", "$default")
                .put("timeEpoch", now.toEpochMilli());
        context.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1").put("userAgent", "SnapStart priming");
        context.putObject("authorizer").putObject("lambda")
                .put("authenticated", "true")
                .put("userId", CALLER_ID)
                .put("roles", ROLES)
                .put("agencyId", ID)
                .put("sessionId", ID)
                .put("sessionExpiresAt", Long.toString(now.plusSeconds(3600).getEpochSecond()))
                .put("authTime", Long.toString(now.getEpochSecond()));
        if (body != null) {
            event.put("body", body);
            event.put("isBase64Encoded", false);
        }
        return bytes(event);
    }

    /** The session authorizer's event (REQUEST, payload 2.0) carrying {@code authorization}. */
    public static byte[] authorizer(String authorization) {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("type", "REQUEST");
        event.put("routeArn", "arn:aws:execute-api:" + REGION + ":" + ACCOUNT + ":priming/$default/GET/v1/me");
        event.putArray("identitySource").add(authorization);
        event.put("routeKey", "GET /v1/me");
        event.put("rawPath", "/v1/me");
        event.putObject("headers").put("authorization", authorization).put("user-agent", "SnapStart priming");
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", ACCOUNT).put("apiId", "priming").put("requestId", ID).put("routeKey", "GET /v1/me")
                .put("stage", "$default").put("timeEpoch", Instant.now().toEpochMilli());
        context.putObject("http").put("method", "GET").put("path", "/v1/me").put("sourceIp", "127.0.0.1");
        return bytes(event);
    }

    /** An SQS event source's batch of one message with this body, received for the first time. */
    public static byte[] sqs(String body) {
        ObjectNode event = Json.object();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("messageId", ID + "-message");
        record.put("receiptHandle", ID + "-receipt-handle");
        record.put("body", body);
        long now = Instant.now().toEpochMilli();
        record.putObject("attributes").put("ApproximateReceiveCount", "1").put("SentTimestamp", Long.toString(now))
                .put("ApproximateFirstReceiveTimestamp", Long.toString(now));
        record.putObject("messageAttributes");
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + ID);
        record.put("awsRegion", REGION);
        return bytes(event);
    }

    /**
     * A DynamoDB stream batch of one record of the main table.
     *
     * @param eventName INSERT, MODIFY or REMOVE
     * @param image     the item's string attributes (pk and sk among them): the new image, or the old one of a REMOVE
     */
    public static byte[] stream(String eventName, Map<String, String> image) {
        ObjectNode event = Json.object();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("eventID", ID);
        record.put("eventName", eventName);
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", REGION);
        ObjectNode data = record.putObject("dynamodb");
        data.put("ApproximateCreationDateTime", Instant.now().getEpochSecond());
        ObjectNode keys = data.putObject("Keys");
        keys.putObject("pk").put("S", image.get("pk"));
        keys.putObject("sk").put("S", image.get("sk"));
        ObjectNode item = data.putObject("REMOVE".equals(eventName) ? "OldImage" : "NewImage");
        image.forEach((name, value) -> item.putObject(name).put("S", value));
        data.put("SequenceNumber", "1");
        data.put("SizeBytes", 100);
        data.put("StreamViewType", "NEW_AND_OLD_IMAGES");
        record.put("eventSourceARN", "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + ID + "/stream/" + ID);
        return bytes(event);
    }

    /** An EventBridge rule's scheduled event. */
    public static byte[] schedule() {
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", ID + "-schedule");
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", ACCOUNT);
        event.put("time", Instant.now().toString());
        event.put("region", REGION);
        ArrayNode resources = event.putArray("resources");
        resources.add("arn:aws:events:" + REGION + ":" + ACCOUNT + ":rule/" + ID);
        event.putObject("detail");
        return bytes(event);
    }

    /** A notification job to the synthetic caller (as the outbox holds it and the notification queue carries it). */
    public static String notificationJob() {
        return new NotificationJob(NotificationJob.SCHEMA_VERSION, ID + "-job", ID, CALLER_ID, ID, Map.of(),
                ID + "#job", Instant.now().truncatedTo(ChronoUnit.MILLIS), ID).toJson();
    }

    private static byte[] bytes(ObjectNode event) {
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }
}
