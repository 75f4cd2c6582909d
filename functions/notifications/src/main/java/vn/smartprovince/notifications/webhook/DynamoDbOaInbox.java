package vn.smartprovince.notifications.webhook;

import static vn.smartprovince.shared.aws.DynamoDbCalls.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.smartprovince.notifications.webhook.ZaloEvent.Attachment;
import vn.smartprovince.notifications.webhook.ZaloEvent.CitizenMessage;
import vn.smartprovince.shared.auth.UserItems;

/**
 * {@link OaInbox} in the main table, one item per message, written once
 * ({@code attribute_not_exists(pk)}):
 *
 * <pre>
 * pk = OAMSG#&lt;msg id&gt;   sk = MESSAGE      (msg id = Zalo's msg_id, else &lt;followerId&gt;-&lt;epoch ms&gt;)
 *   itemType OA_MESSAGE, msgId?, eventName, kind (TEXT, IMAGE, LOCATION, ...), followerId, zaloId?,
 *   text?, textTruncated?, attachments? [{type, url} | {type, latitude, longitude}], receivedAt (the
 *   event's time), storedAt, expiresAt (TTL, OA_MESSAGE_RETENTION_DAYS, default 90)
 *   the OA's inbox by day:    gsi1pk = OAINBOX#&lt;yyyy-MM-dd, Vietnam&gt;   gsi1sk = &lt;receivedAt&gt;#&lt;msg id&gt;
 *   a citizen's messages:     gsi2pk = USER#&lt;zaloId&gt;#OAMESSAGES          gsi2sk = &lt;receivedAt&gt;#&lt;msg id&gt;
 *                             (ZALOFOLLOWER#&lt;followerId&gt;#OAMESSAGES when Zalo did not name the user)
 * </pre>
 *
 * Read newest first with {@code ScanIndexForward=false}, filtering {@code expiresAt} (TTL deletion
 * lags). The text is a citizen's: it is never logged.
 */
final class DynamoDbOaInbox implements OaInbox {
    static final String KEY_PREFIX = "OAMSG#";
    static final String SORT_KEY = "MESSAGE";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    DynamoDbOaInbox(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
    }

    static String messageId(CitizenMessage message) {
        return message.msgId() != null ? message.msgId() : message.followerId() + "-" + message.at().toEpochMilli();
    }

    static String inboxKey(Instant receivedAt) {
        return "OAINBOX#" + Times.vietnamDay(receivedAt);
    }

    static String citizenKey(CitizenMessage message) {
        return message.userId() != null ? UserItems.userKey(message.userId()) + "#OAMESSAGES"
                : UserItems.followerKey(message.followerId()) + "#OAMESSAGES";
    }

    @Override
    public boolean keep(CitizenMessage message, Instant now) {
        String id = messageId(message);
        String received = Times.iso(message.at());
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(KEY_PREFIX + id));
        item.put("sk", AttributeValue.fromS(SORT_KEY));
        item.put("itemType", AttributeValue.fromS("OA_MESSAGE"));
        if (message.msgId() != null) {
            item.put("msgId", AttributeValue.fromS(message.msgId()));
        }
        item.put("eventName", AttributeValue.fromS(message.name()));
        item.put("kind", AttributeValue.fromS(message.kind().name()));
        item.put("followerId", AttributeValue.fromS(message.followerId()));
        if (message.userId() != null) {
            item.put("zaloId", AttributeValue.fromS(message.userId()));
        }
        if (message.text() != null) {
            item.put("text", AttributeValue.fromS(message.text()));
        }
        if (message.truncated()) {
            item.put("textTruncated", AttributeValue.fromBool(true));
        }
        if (!message.attachments().isEmpty()) {
            List<AttributeValue> attachments = new ArrayList<>();
            for (Attachment attachment : message.attachments()) {
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                map.put("type", AttributeValue.fromS(attachment.type()));
                if (attachment.url() != null) {
                    map.put("url", AttributeValue.fromS(attachment.url()));
                } else {
                    map.put("latitude", AttributeValue.fromN(Double.toString(attachment.latitude())));
                    map.put("longitude", AttributeValue.fromN(Double.toString(attachment.longitude())));
                }
                attachments.add(AttributeValue.fromM(map));
            }
            item.put("attachments", AttributeValue.fromL(attachments));
        }
        item.put("receivedAt", AttributeValue.fromS(received));
        item.put("storedAt", AttributeValue.fromS(Times.iso(now)));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(message.at().plus(retention).getEpochSecond())));
        item.put("gsi1pk", AttributeValue.fromS(inboxKey(message.at())));
        item.put("gsi1sk", AttributeValue.fromS(received + "#" + id));
        item.put("gsi2pk", AttributeValue.fromS(citizenKey(message)));
        item.put("gsi2sk", AttributeValue.fromS(received + "#" + id));
        try {
            call(() -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
