package vn.smartprovince.notifications.dispatch.token;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.smartprovince.shared.aws.DynamoDbCalls;

/**
 * The OA token pair as one item of the main table:
 *
 * <pre>
 * pk = ZALO#OA_TOKEN   sk = CURRENT
 *   itemType OA_TOKEN, accessToken, refreshToken, accessTokenExpiresAt? (epoch ms), version,
 *   leaseOwner?, leaseUntil? (epoch ms), seedHash, updatedAt
 * </pre>
 *
 * The table is encrypted with KMS; only the dispatcher's role may read this key (template.yaml).
 */
final class DynamoDbOaTokenStore implements OaTokenStore {
    static final String PK = "ZALO#OA_TOKEN";
    static final String SK = "CURRENT";
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS(PK),
            "sk", AttributeValue.fromS(SK));

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbOaTokenStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Stored> read() {
        var response = call(() -> dynamo.getItem(b -> b.tableName(table).key(KEY).consistentRead(true)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Stored(item.get("accessToken").s(), item.get("refreshToken").s(),
                millis(item, "accessTokenExpiresAt"), Long.parseLong(item.get("version").n()),
                item.containsKey("leaseOwner") ? item.get("leaseOwner").s() : null, millis(item, "leaseUntil"),
                item.containsKey("seedHash") ? item.get("seedHash").s() : null));
    }

    @Override
    public boolean seed(String accessToken, String refreshToken, Instant accessTokenExpiresAt, String seedHash,
                        Instant now) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(KEY);
        item.put("itemType", AttributeValue.fromS("OA_TOKEN"));
        item.put("accessToken", AttributeValue.fromS(accessToken));
        item.put("refreshToken", AttributeValue.fromS(refreshToken));
        if (accessTokenExpiresAt != null) {
            item.put("accessTokenExpiresAt", n(accessTokenExpiresAt.toEpochMilli()));
        }
        item.put("version", n(1));
        item.put("seedHash", AttributeValue.fromS(seedHash));
        item.put("updatedAt", AttributeValue.fromS(now.toString()));
        try {
            call(() -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean lease(long version, String owner, Instant until, Instant now) {
        return update("SET leaseOwner = :owner, leaseUntil = :until",
                "version = :v AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)",
                Map.of(":owner", AttributeValue.fromS(owner), ":until", n(until.toEpochMilli()), ":v", n(version),
                        ":now", n(now.toEpochMilli())));
    }

    @Override
    public void release(long version, String owner) {
        update("REMOVE leaseOwner, leaseUntil", "version = :v AND leaseOwner = :owner",
                Map.of(":v", n(version), ":owner", AttributeValue.fromS(owner)));
    }

    @Override
    public boolean replace(long version, String owner, String accessToken, String refreshToken,
                           Instant accessTokenExpiresAt, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(pair(accessToken, refreshToken, accessTokenExpiresAt, now));
        values.put(":v", n(version));
        values.put(":owner", AttributeValue.fromS(owner));
        return update("SET accessToken = :a, refreshToken = :r, accessTokenExpiresAt = :e, version = version + :one,"
                        + " updatedAt = :now REMOVE leaseOwner, leaseUntil",
                "version = :v AND leaseOwner = :owner", values);
    }

    @Override
    public boolean reseed(long version, String accessToken, String refreshToken, Instant accessTokenExpiresAt,
                          String seedHash, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(pair(accessToken, refreshToken, accessTokenExpiresAt, now));
        values.put(":v", n(version));
        values.put(":seed", AttributeValue.fromS(seedHash));
        return update("SET accessToken = :a, refreshToken = :r, accessTokenExpiresAt = :e, version = version + :one,"
                        + " seedHash = :seed, updatedAt = :now REMOVE leaseOwner, leaseUntil",
                "version = :v", values);
    }

    /** The pair's values; an unknown expiry is stored as 0 (already expired: refresh at first use). */
    private static Map<String, AttributeValue> pair(String accessToken, String refreshToken, Instant expiresAt,
                                                    Instant now) {
        return Map.of(":a", AttributeValue.fromS(accessToken), ":r", AttributeValue.fromS(refreshToken),
                ":e", n(expiresAt == null ? 0 : expiresAt.toEpochMilli()), ":now", AttributeValue.fromS(now.toString()),
                ":one", n(1));
    }

    private boolean update(String update, String condition, Map<String, AttributeValue> values) {
        try {
            call(() -> dynamo.updateItem(b -> b.tableName(table).key(KEY).updateExpression(update)
                    .conditionExpression("attribute_exists(pk) AND " + condition).expressionAttributeValues(values)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static Instant millis(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            return null;
        }
        long ms = Long.parseLong(value.n());
        return ms == 0 ? null : Instant.ofEpochMilli(ms);
    }

    private static <T> T call(Supplier<T> operation) {
        return DynamoDbCalls.call(operation);
    }
}
