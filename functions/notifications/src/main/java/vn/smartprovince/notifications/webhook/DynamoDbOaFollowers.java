package vn.smartprovince.notifications.webhook;

import static vn.smartprovince.shared.auth.UserItems.*;
import static vn.smartprovince.shared.aws.DynamoDbCalls.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.smartprovince.notifications.webhook.ZaloEvent.FollowChange;

/**
 * {@link OaFollowers} as the {@code USER#<zaloId>} / {@code OA_FOLLOWER} item of
 * {@link vn.smartprovince.shared.auth.UserItems}. Each change is one conditional {@code UpdateItem}
 * (created if absent): a follow or unfollow only if its event time is after the recorded
 * {@code followChangedAt} (Zalo's events may arrive out of order, and a late duplicate must not undo
 * a newer change); an interaction only if later than the recorded one. Both conditions are on their
 * own attributes, so the two kinds of update never undo each other.
 */
final class DynamoDbOaFollowers implements OaFollowers {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbOaFollowers(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static Map<String, AttributeValue> key(String zaloId) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", AttributeValue.fromS(userKey(zaloId)));
        key.put("sk", AttributeValue.fromS(OA_FOLLOWER));
        return key;
    }

    @Override
    public boolean record(FollowChange change, Instant now) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>(link(change.userId(), change.followerId(), now, names, values));
        names.put("#followed", FOLLOWED);
        names.put("#changed", FOLLOW_CHANGED_AT);
        names.put("#since", FOLLOWED_SINCE);
        names.put("#unfollowed", UNFOLLOWED_AT);
        values.put(":followed", AttributeValue.fromBool(change.follows()));
        values.put(":at", AttributeValue.fromS(Times.iso(change.at())));
        set.add("#followed = :followed");
        set.add("#changed = :at");
        List<String> remove = new ArrayList<>();
        if (change.follows()) {
            set.add("#since = :at");
            remove.add("#unfollowed");
            names.put("#source", FOLLOW_SOURCE);
            if (change.source() != null) {
                values.put(":source", AttributeValue.fromS(change.source()));
                set.add("#source = :source");
            } else {
                remove.add("#source");
            }
        } else {
            set.add("#unfollowed = :at");
            remove.add("#since");
        }
        String expression = "SET " + String.join(", ", set) + " REMOVE " + String.join(", ", remove);
        try {
            call(() -> dynamo.updateItem(b -> b.tableName(table).key(key(change.userId()))
                    .updateExpression(expression)
                    .conditionExpression("attribute_not_exists(#changed) OR #changed < :at")
                    .expressionAttributeNames(names).expressionAttributeValues(values)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void interacted(String userId, String followerId, Instant at, Instant now) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>(link(userId, followerId, now, names, values));
        names.put("#last", LAST_INTERACTION_AT);
        names.put("#followed", FOLLOWED);
        values.put(":last", AttributeValue.fromS(Times.iso(at)));
        values.put(":false", AttributeValue.fromBool(false));
        set.add("#last = :last");
        // Writing to an OA does not make one a follower; a recorded follow stays as it is.
        set.add("#followed = if_not_exists(#followed, :false)");
        try {
            call(() -> dynamo.updateItem(b -> b.tableName(table).key(key(userId))
                    .updateExpression("SET " + String.join(", ", set))
                    .conditionExpression("attribute_not_exists(#last) OR #last < :last")
                    .expressionAttributeNames(names).expressionAttributeValues(values)));
        } catch (ConditionalCheckFailedException e) {
            // A later interaction is recorded already.
        }
    }

    /** The attributes every write sets: what the item is, whose, the follower id and its index entry. */
    private static List<String> link(String zaloId, String followerId, Instant now, Map<String, String> names,
                                     Map<String, AttributeValue> values) {
        names.put("#itemType", "itemType");
        names.put("#zaloId", ZALO_ID);
        names.put("#followerId", FOLLOWER_ID);
        names.put("#updatedAt", UPDATED_AT);
        values.put(":itemType", AttributeValue.fromS(OA_FOLLOWER_ITEM_TYPE));
        values.put(":zaloId", AttributeValue.fromS(zaloId));
        values.put(":followerId", AttributeValue.fromS(followerId));
        values.put(":now", AttributeValue.fromS(Times.iso(now)));
        values.put(":gsi1pk", AttributeValue.fromS(followerKey(followerId)));
        values.put(":gsi1sk", AttributeValue.fromS(userKey(zaloId)));
        return List.of("#itemType = :itemType", "#zaloId = :zaloId", "#followerId = :followerId",
                "#updatedAt = :now", "gsi1pk = :gsi1pk", "gsi1sk = :gsi1sk");
    }
}
