package vn.smartprovince.health.store;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.health.core.Heartbeats;

/** Heartbeats stored in the main table under their own partition, removed by the table's TTL. */
public final class DynamoDbHeartbeats implements Heartbeats {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbHeartbeats(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public String writeAndRead(String id, String value, Instant expiresAt) {
        Map<String, AttributeValue> key = Map.of(
                "pk", AttributeValue.fromS("HEALTH"),
                "sk", AttributeValue.fromS("HEARTBEAT#" + id));
        var item = new java.util.HashMap<>(key);
        item.put("value", AttributeValue.fromS(value));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        dynamoDb.putItem(b -> b.tableName(table).item(item));
        var read = dynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        return read.hasItem() && read.item().containsKey("value") ? read.item().get("value").s() : null;
    }
}
