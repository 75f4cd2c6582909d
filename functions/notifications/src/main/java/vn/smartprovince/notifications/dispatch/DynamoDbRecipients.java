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
 * Users' contact data: identity's profile ({@code USER#<id>} / {@code PROFILE}: phone, preference)
 * and the webhook consumer's link to the Official Account ({@code USER#<id>} / {@code OA_FOLLOWER}:
 * follower id, following, last interaction), only the attributes the dispatcher needs, both items
 * of 50 users per BatchGetItem, strongly consistent (a preference changed a moment ago counts). A
 * user without a profile is not found (erased, or never used the mini app).
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
        Map<String, Map<String, AttributeValue>> profiles = new HashMap<>();
        Map<String, Map<String, AttributeValue>> followers = new HashMap<>();
        for (int from = 0; from < ids.size(); from += MAX_KEYS / 2) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + MAX_KEYS / 2))) {
                keys.add(Map.of("pk", AttributeValue.fromS(userKey(id)), "sk", AttributeValue.fromS(PROFILE)));
                keys.add(Map.of("pk", AttributeValue.fromS(userKey(id)), "sk", AttributeValue.fromS(OA_FOLLOWER)));
            }
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true)
                    .projectionExpression("pk, sk, #phone, #pref, #follower, #followed, #last")
                    .expressionAttributeNames(Map.of("#phone", PHONE, "#pref", NOTIFICATION_PREFERENCE,
                            "#follower", FOLLOWER_ID, "#followed", FOLLOWED, "#last", LAST_INTERACTION_AT))
                    .build());
            for (int attempt = 1; !request.isEmpty(); attempt++) {
                if (attempt > ATTEMPTS) {
                    throw ApiException.unavailable("dynamodb");
                }
                Map<String, KeysAndAttributes> batch = request;
                var response = DynamoDbCalls.call(() -> dynamo.batchGetItem(b -> b.requestItems(batch)));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    String id = item.get("pk").s().substring("USER#".length());
                    (OA_FOLLOWER.equals(item.get("sk").s()) ? followers : profiles).put(id, item);
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!request.isEmpty()) {
                    pause(attempt);
                }
            }
        }
        Map<String, Recipient> found = new HashMap<>();
        profiles.forEach((id, profile) -> found.put(id, recipient(id, profile, followers.getOrDefault(id, Map.of()))));
        return found;
    }

    static Recipient recipient(String id, Map<String, AttributeValue> profile, Map<String, AttributeValue> follower) {
        AttributeValue followed = follower.get(FOLLOWED);
        return new Recipient(id, text(profile, PHONE), Recipient.Preference.parse(text(profile, NOTIFICATION_PREFERENCE)),
                text(follower, FOLLOWER_ID), followed != null && Boolean.TRUE.equals(followed.bool()),
                instant(text(follower, LAST_INTERACTION_AT)));
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
