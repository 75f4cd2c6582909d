package vn.smartprovince.notifications.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.stats.NotificationCounterKeys;

/**
 * One DynamoDB table in memory behind the SDK's own {@link DynamoDbClient}: this is the client's HTTP
 * transport, answering DynamoDB's JSON protocol. So the adapters under measurement run unchanged, and
 * so does the SDK (marshalling, signing, error mapping); only the network and the service are gone.
 *
 * <p>It models what the dispatcher's sending path asks, nothing more: PutItem, UpdateItem
 * ({@code SET a = :v}, {@code ADD n :v}, {@code REMOVE a}), GetItem, BatchGetItem and DeleteItem on
 * {@code pk}/{@code sk}; the condition expressions listed in {@link #CONDITIONS}. Anything else is a
 * ValidationException, so a benchmark cannot silently measure a path this table does not understand.
 *
 * <p>Counts every call by operation and key shape (ids elided: {@code PutItem NOTIFICATION#…/DELIVERY}),
 * and the CPU time spent here (the fake's own work, which the benchmark subtracts from the process's).
 */
final class InMemoryDynamoDb implements SdkHttpClient {
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A condition expression the dispatcher writes, and what it means. */
    @FunctionalInterface
    private interface Condition {
        boolean holds(ObjectNode item, JsonNode names, JsonNode values);
    }

    private static final Map<String, Condition> CONDITIONS = Map.of(
            // A delivery record's claim (create), the OA token's seed.
            "attribute_not_exists(pk)", (item, names, values) -> item == null,
            // A delivery record's SENT.
            "attribute_exists(pk) AND NOT (#state IN (:sent, :delivered))", (item, names, values) -> item != null
                    && !attribute(item, names, "#state").equals(values.path(":sent"))
                    && !attribute(item, names, "#state").equals(values.path(":delivered")),
            // Any other outcome of an attempt holding the lease.
            "#owner = :owner", (item, names, values) -> item != null
                    && attribute(item, names, "#owner").equals(values.path(":owner")));

    private final Map<String, ObjectNode> items = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder cpuNanos = new LongAdder();

    /** A client as the functions build theirs (region, static credentials), over this table. */
    DynamoDbClient client() {
        return DynamoDbClient.builder().region(Region.AP_SOUTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .endpointOverride(URI.create("http://dynamodb.in-memory"))
                .httpClient(this)
                .build();
    }

    /** Puts an item directly (set-up, not counted). */
    void put(Map<String, AttributeValue> item) {
        ObjectNode node = Json.object();
        item.forEach((name, value) -> node.set(name, wire(value)));
        items.put(key(node), node);
    }

    /** Calls by operation and key shape since the last reset. */
    Map<String, Long> calls() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** CPU time of this thread spent answering calls since the last reset. */
    long cpuNanos() {
        return cpuNanos.sum();
    }

    void resetCounts() {
        calls.clear();
        cpuNanos.reset();
    }

    int size() {
        return items.size();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                long started = THREADS.getCurrentThreadCpuTime();
                try {
                    String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
                    byte[] body;
                    try (InputStream in = request.contentStreamProvider().orElseThrow().newStream()) {
                        body = in.readAllBytes();
                    }
                    return answer(target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target,
                            (ObjectNode) Json.MAPPER.readTree(body));
                } finally {
                    cpuNanos.add(THREADS.getCurrentThreadCpuTime() - started);
                }
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public void close() {
    }

    @Override
    public String clientName() {
        return "in-memory-dynamodb";
    }

    private HttpExecuteResponse answer(String operation, ObjectNode request) {
        try {
            return ok(switch (operation) {
                case "PutItem" -> putItem(request);
                case "UpdateItem" -> updateItem(request);
                case "GetItem" -> getItem(request);
                case "BatchGetItem" -> batchGetItem(request);
                case "DeleteItem" -> deleteItem(request);
                default -> throw new Refused("ValidationException", "the in-memory table does not do " + operation);
            });
        } catch (Refused e) {
            count(operation + " refused: " + e.type);
            ObjectNode error = Json.object();
            error.put("__type", "com.amazonaws.dynamodb.v20120810#" + e.type);
            error.put("message", e.getMessage());
            return response(400, error);
        }
    }

    private ObjectNode putItem(ObjectNode request) {
        ObjectNode item = (ObjectNode) request.get("Item");
        String key = key(item);
        String label = "PutItem " + shape(item);
        if (item.has("state")) {
            label += " state=" + item.path("state").path("S").asText();
        }
        count(label);
        items.compute(key, (k, old) -> {
            check(request, old);
            return item;
        });
        return Json.object();
    }

    private ObjectNode updateItem(ObjectNode request) {
        ObjectNode keyNode = (ObjectNode) request.get("Key");
        count("UpdateItem " + shape(keyNode));
        JsonNode names = request.path("ExpressionAttributeNames");
        JsonNode values = request.path("ExpressionAttributeValues");
        ObjectNode[] before = new ObjectNode[1];
        ObjectNode after = items.compute(key(keyNode), (k, old) -> {
            check(request, old);
            before[0] = old;
            ObjectNode item = old == null ? keyNode.deepCopy() : old.deepCopy();
            apply(request.path("UpdateExpression").asText(), item, names, values);
            return item;
        });
        ObjectNode response = Json.object();
        switch (request.path("ReturnValues").asText("NONE")) {
            case "ALL_NEW" -> response.set("Attributes", after);
            case "ALL_OLD" -> {
                if (before[0] != null) {
                    response.set("Attributes", before[0]);
                }
            }
            case "NONE" -> {
            }
            default -> throw new Refused("ValidationException", "ReturnValues " + request.path("ReturnValues"));
        }
        return response;
    }

    private ObjectNode getItem(ObjectNode request) {
        ObjectNode keyNode = (ObjectNode) request.get("Key");
        count("GetItem " + shape(keyNode));
        ObjectNode item = items.get(key(keyNode));
        ObjectNode response = Json.object();
        if (item != null) {
            response.set("Item", project(item, request.path("ProjectionExpression").asText(null),
                    request.path("ExpressionAttributeNames")));
        }
        return response;
    }

    private ObjectNode batchGetItem(ObjectNode request) {
        ObjectNode responses = Json.object();
        Iterator<Map.Entry<String, JsonNode>> tables = request.path("RequestItems").fields();
        while (tables.hasNext()) {
            Map.Entry<String, JsonNode> table = tables.next();
            JsonNode keys = table.getValue().path("Keys");
            count("BatchGetItem " + (keys.isEmpty() ? "(no keys)" : shape((ObjectNode) keys.get(0))));
            ArrayNode found = responses.putArray(table.getKey());
            for (JsonNode keyNode : keys) {
                ObjectNode item = items.get(key((ObjectNode) keyNode));
                if (item != null) {
                    found.add(project(item, table.getValue().path("ProjectionExpression").asText(null),
                            table.getValue().path("ExpressionAttributeNames")));
                }
            }
        }
        ObjectNode response = Json.object();
        response.set("Responses", responses);
        response.putObject("UnprocessedKeys");
        return response;
    }

    private ObjectNode deleteItem(ObjectNode request) {
        ObjectNode keyNode = (ObjectNode) request.get("Key");
        count("DeleteItem " + shape(keyNode));
        items.compute(key(keyNode), (k, old) -> {
            check(request, old);
            return null;
        });
        return Json.object();
    }

    private static void check(ObjectNode request, ObjectNode item) {
        JsonNode expression = request.get("ConditionExpression");
        if (expression == null) {
            return;
        }
        Condition condition = CONDITIONS.get(expression.asText());
        if (condition == null) {
            throw new Refused("ValidationException", "the in-memory table does not know the condition "
                    + expression.asText());
        }
        if (!condition.holds(item, request.path("ExpressionAttributeNames"), request.path("ExpressionAttributeValues"))) {
            throw new Refused("ConditionalCheckFailedException", "The conditional request failed");
        }
    }

    /** {@code SET a = :v, b = :w ADD n :one REMOVE c, d}: plain names or #names, values only. */
    private static void apply(String expression, ObjectNode item, JsonNode names, JsonNode values) {
        for (String part : expression.trim().split("\\s+(?=(SET|ADD|REMOVE)\\s)")) {
            String[] split = part.trim().split("\\s+", 2);
            String clause = split[0];
            for (String action : split[1].split(",")) {
                String[] t = action.trim().split("\\s*=\\s*|\\s+");
                switch (clause) {
                    case "SET" -> {
                        requireValue(t, 2);
                        item.set(name(t[0], names), values.get(t[1]));
                    }
                    case "ADD" -> {
                        requireValue(t, 2);
                        String name = name(t[0], names);
                        JsonNode add = values.get(t[1]);
                        if (!add.has("N")) {
                            throw new Refused("ValidationException", "ADD of a non-number: " + action);
                        }
                        BigDecimal old = item.has(name) ? new BigDecimal(item.get(name).path("N").asText()) : BigDecimal.ZERO;
                        item.putObject(name).put("N", old.add(new BigDecimal(add.get("N").asText())).toPlainString());
                    }
                    case "REMOVE" -> item.remove(name(t[0], names));
                    default -> throw new Refused("ValidationException", "update expression " + expression);
                }
            }
        }
    }

    private static void requireValue(String[] tokens, int length) {
        if (tokens.length != length || !tokens[tokens.length - 1].startsWith(":")) {
            throw new Refused("ValidationException", "the in-memory table takes only `name = :value` and"
                    + " `name :value` actions, not " + String.join(" ", tokens));
        }
    }

    private static ObjectNode project(ObjectNode item, String projection, JsonNode names) {
        if (projection == null) {
            return item;
        }
        ObjectNode projected = Json.object();
        for (String name : projection.split(",")) {
            String attribute = name(name.trim(), names);
            if (item.has(attribute)) {
                projected.set(attribute, item.get(attribute));
            }
        }
        return projected;
    }

    private static String name(String token, JsonNode names) {
        return token.startsWith("#") ? names.path(token).asText() : token;
    }

    private static JsonNode attribute(ObjectNode item, JsonNode names, String token) {
        return item.path(name(token, names));
    }

    private static String key(ObjectNode item) {
        return item.path("pk").path("S").asText() + "\u0000" + item.path("sk").path("S").asText();
    }

    /** The key with its ids elided: {@code NOTIFICATION#…/DELIVERY}, {@code STATS#NOTIFY/MONTH#…}. */
    static String shape(ObjectNode key) {
        return elide(key.path("pk").path("S").asText()) + "/" + elide(key.path("sk").path("S").asText());
    }

    private static String elide(String key) {
        if (key.equals(NotificationCounterKeys.PK) || key.equals("ZALO#OA_TOKEN") || key.equals("CONFIG#CURRENT")) {
            return key;
        }
        int hash = key.indexOf('#');
        return hash < 0 ? key : key.substring(0, hash + 1) + "…";
    }

    private void count(String label) {
        calls.computeIfAbsent(label, l -> new LongAdder()).increment();
    }

    private static HttpExecuteResponse ok(ObjectNode body) {
        return response(200, body);
    }

    private static HttpExecuteResponse response(int status, ObjectNode body) {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(status)
                        .putHeader("Content-Type", "application/x-amz-json-1.0")
                        .putHeader("Content-Length", Integer.toString(bytes.length))
                        .putHeader("x-amzn-RequestId", "in-memory")
                        .build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                .build();
    }

    /** An attribute value in DynamoDB's JSON ({@code {"S": "…"}}), for set-up items. */
    private static JsonNode wire(AttributeValue value) {
        ObjectNode node = Json.object();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case BOOL -> node.put("BOOL", value.bool());
            case M -> {
                ObjectNode map = node.putObject("M");
                value.m().forEach((k, v) -> map.set(k, wire(v)));
            }
            default -> throw new IllegalArgumentException("set-up items take S, N, BOOL and M, not " + value.type());
        }
        return node;
    }

    /** An error DynamoDB would answer (its {@code __type}). */
    private static final class Refused extends RuntimeException {
        final String type;

        Refused(String type, String message) {
            super(message, null, false, false);
            this.type = type;
        }
    }
}
