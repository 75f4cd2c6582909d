package vn.smartprovince.dossiers.onestop;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.smartprovince.shared.aws.DynamoDbCalls;

/**
 * Each accepted signature is claimed once: {@code ONESTOP_SIGNATURE#<hex> / SEEN}, written only if
 * absent, with {@code expiresAt} (TTL) twice the verifier's window away, after which the timestamp
 * check alone refuses the same request. A second delivery of the very same signed request is a replay.
 */
class SignatureClaims {
    private final DynamoDbClient dynamo;
    private final String table;

    SignatureClaims(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String key(String signature) {
        return "ONESTOP_SIGNATURE#" + signature;
    }

    /** True when this is the first time the signature is seen. */
    boolean claim(String signature, Instant now, Duration keepFor) {
        Map<String, AttributeValue> item = Map.of(
                "pk", AttributeValue.fromS(key(signature)),
                "sk", AttributeValue.fromS("SEEN"),
                "itemType", AttributeValue.fromS("ONESTOP_SIGNATURE"),
                "seenAt", AttributeValue.fromS(now.toString()),
                "expiresAt", AttributeValue.fromN(Long.toString(now.plus(keepFor).getEpochSecond())));
        try {
            DynamoDbCalls.call(() -> dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)")));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
