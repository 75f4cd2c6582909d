package vn.smartprovince.notifications.dispatch;

import static vn.smartprovince.shared.auth.UserItems.*;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import vn.smartprovince.shared.aws.DynamoDbCalls;
import vn.smartprovince.shared.http.ApiException;

/**
 * Users' contact data from identity's user items ({@code USER#<id>} / {@code PROFILE}), only the
 * attributes the dispatcher needs, 100 keys per BatchGetItem, strongly consistent (a preference
 * changed a moment ago counts).
 */
final class DynamoDbRecipients implements Recipients {
    private static final int MAX_KEYS = 100;
    private static final int ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbRecipients(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<String, Recipient> find(Collection<String> userIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(userIds));
        Map<String, Recipient> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += MAX_KEYS) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + MAX_KEYS))) {
                keys.add(Map.of("pk", AttributeValue.fromS(userKey(id)), "sk", AttributeValue.fromS(PROFILE)));
            }
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true)
                    .projectionExpression("pk, #phone, #pref, #follower, #following, #last")
                    .expressionAttributeNames(Map.of("#phone", PHONE, "#pref", NOTIFICATION_PREFERENCE,
                            "#follower", OA_FOLLOWER_ID, "#following", OA_FOLLOWING, "#last", OA_LAST_INTERACTION_AT))
                    .build());
            for (int attempt = 1; !request.isEmpty(); attempt++) {
                if (attempt > ATTEMPTS) {
                    throw ApiException.unavailable("dynamodb");
                }
                Map<String, KeysAndAttributes> batch = request;
                var response = DynamoDbCalls.call(() -> dynamo.batchGetItem(b -> b.requestItems(batch)));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    Recipient recipient = recipient(item);
                    found.put(recipient.userId(), recipient);
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!request.isEmpty()) {
                    pause(attempt);
                }
            }
        }
        return found;
    }

    static Recipient recipient(Map<String, AttributeValue> item) {
        String id = item.get("pk").s().substring("USER#".length());
        AttributeValue following = item.get(OA_FOLLOWING);
        return new Recipient(id, text(item, PHONE), Recipient.Preference.parse(text(item, NOTIFICATION_PREFERENCE)),
                text(item, OA_FOLLOWER_ID), following != null && Boolean.TRUE.equals(following.bool()),
                instant(text(item, OA_LAST_INTERACTION_AT)));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null || value.s().isBlank() ? null : value.s();
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("dynamodb");
        }
    }
}
