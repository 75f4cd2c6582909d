package vn.smartprovince.shared.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.json.Json;

/**
 * Records in the template's IdempotencyTable (key {@code id}, TTL attribute {@code expiration}).
 *
 * <pre>
 * id                hex SHA-256 of (route, caller, Idempotency-Key)
 * status            INPROGRESS | COMPLETED
 * expiration        epoch seconds (TTL; readers treat a past value as absent)
 * inProgressExpiry  epoch milliseconds: an INPROGRESS record older than this is abandoned
 * payloadHash       hex SHA-256 of the normalised request
 * executionId       which execution wrote it
 * response          COMPLETED only: {"status", "headers", "cookies", "body"} as JSON text
 * </pre>
 *
 * One conditional PutItem takes a key (returning the blocking record with
 * {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}, so a duplicate costs one request), one
 * PutItem completes it, one conditional DeleteItem releases it. DynamoDB unreachable or throttling
 * is a 503 naming {@code dynamodb}.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {
    static final String ID = "id";
    static final String STATUS = "status";
    static final String EXPIRATION = "expiration";
    static final String IN_PROGRESS_EXPIRY = "inProgressExpiry";
    static final String PAYLOAD_HASH = "payloadHash";
    static final String EXECUTION_ID = "executionId";
    static final String RESPONSE = "response";

    /** {@code status} and others are reserved words in DynamoDB expressions: every name goes through #. */
    static final String PUT_CONDITION = "attribute_not_exists(#id) OR #expiration < :now"
            + " OR (#status = :inprogress AND #inProgressExpiry < :nowMs)";
    static final String RELEASE_CONDITION = "#status = :inprogress AND #executionId = :executionId";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbIdempotencyStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public Optional<IdempotencyRecord> putIfReplaceable(IdempotencyRecord record, Instant now) {
        try {
            call(() -> dynamoDb.putItem(b -> b.tableName(tableName).item(item(record))
                    .conditionExpression(PUT_CONDITION)
                    .expressionAttributeNames(Map.of("#id", ID, "#expiration", EXPIRATION, "#status", STATUS,
                            "#inProgressExpiry", IN_PROGRESS_EXPIRY))
                    .expressionAttributeValues(Map.of(
                            ":now", number(now.getEpochSecond()),
                            ":nowMs", number(now.toEpochMilli()),
                            ":inprogress", AttributeValue.fromS(IdempotencyRecord.Status.INPROGRESS.name())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            if (e.hasItem() && !e.item().isEmpty()) {
                return Optional.of(record(e.item()));
            }
            // An emulator without ALL_OLD: read it (consistently). Gone again? Then it is replaceable:
            // the caller puts once more.
            Map<String, AttributeValue> item = call(() -> dynamoDb.getItem(b -> b.tableName(tableName)
                    .key(Map.of(ID, AttributeValue.fromS(record.id()))).consistentRead(true))).item();
            if (item == null || item.isEmpty()) {
                return Optional.of(new IdempotencyRecord(record.id(), IdempotencyRecord.Status.INPROGRESS, 0, 0,
                        record.payloadHash(), "vanished", null));
            }
            return Optional.of(record(item));
        }
    }

    @Override
    public void complete(IdempotencyRecord record) {
        call(() -> dynamoDb.putItem(b -> b.tableName(tableName).item(item(record))));
    }

    @Override
    public void release(IdempotencyRecord record) {
        try {
            call(() -> dynamoDb.deleteItem(b -> b.tableName(tableName)
                    .key(Map.of(ID, AttributeValue.fromS(record.id())))
                    .conditionExpression(RELEASE_CONDITION)
                    .expressionAttributeNames(Map.of("#status", STATUS, "#executionId", EXECUTION_ID))
                    .expressionAttributeValues(Map.of(
                            ":inprogress", AttributeValue.fromS(IdempotencyRecord.Status.INPROGRESS.name()),
                            ":executionId", AttributeValue.fromS(record.executionId())))));
        } catch (ConditionalCheckFailedException alreadyGoneOrNotOurs) {
            // Completed, taken over after this execution was abandoned, or expired and gone: leave it.
        }
    }

    /** The stored record, expired or not, for tests and operations. */
    public Optional<IdempotencyRecord> get(String id) {
        Map<String, AttributeValue> item = call(() -> dynamoDb.getItem(b -> b.tableName(tableName)
                .key(Map.of(ID, AttributeValue.fromS(id))).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(record(item));
    }

    static Map<String, AttributeValue> item(IdempotencyRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, AttributeValue.fromS(record.id()));
        item.put(STATUS, AttributeValue.fromS(record.status().name()));
        item.put(EXPIRATION, number(record.expiration()));
        item.put(IN_PROGRESS_EXPIRY, number(record.inProgressExpiryMillis()));
        item.put(PAYLOAD_HASH, AttributeValue.fromS(record.payloadHash()));
        item.put(EXECUTION_ID, AttributeValue.fromS(record.executionId()));
        if (record.response() != null) {
            item.put(RESPONSE, AttributeValue.fromS(responseJson(record.response())));
        }
        return item;
    }

    static IdempotencyRecord record(Map<String, AttributeValue> item) {
        AttributeValue response = item.get(RESPONSE);
        return new IdempotencyRecord(
                text(item, ID),
                IdempotencyRecord.Status.valueOf(text(item, STATUS)),
                longValue(item, EXPIRATION),
                longValue(item, IN_PROGRESS_EXPIRY),
                text(item, PAYLOAD_HASH),
                Objects.requireNonNullElse(text(item, EXECUTION_ID), ""),
                response == null || response.s() == null ? null : response(response.s()));
    }

    static String responseJson(HttpResponse response) {
        ObjectNode node = Json.object();
        node.put("status", response.status());
        ObjectNode headers = node.putObject("headers");
        response.headers().forEach(headers::put);
        var cookies = node.putArray("cookies");
        response.cookies().forEach(cookies::add);
        if (response.body() != null) {
            node.put("body", response.body());
        }
        return Json.write(node);
    }

    static HttpResponse response(String json) {
        JsonNode node = Json.read(json);
        Map<String, String> headers = new LinkedHashMap<>();
        node.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        List<String> cookies = new ArrayList<>();
        node.path("cookies").forEach(c -> cookies.add(c.asText()));
        JsonNode body = node.get("body");
        return new HttpResponse(node.path("status").asInt(), headers, List.copyOf(cookies),
                body == null || body.isNull() ? null : body.asText());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static long longValue(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    /** DynamoDB unreachable or throttling: 503 {@code dynamodb}; anything else is a bug and surfaces. */
    static <T> T call(Supplier<T> operation) {
        return vn.smartprovince.shared.aws.DynamoDbCalls.call(operation);
    }
}
