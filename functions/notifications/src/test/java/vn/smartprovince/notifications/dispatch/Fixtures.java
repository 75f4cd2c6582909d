package vn.smartprovince.notifications.dispatch;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import vn.smartprovince.shared.auth.UserItems;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Handlers;

/** What the dispatcher's integration tests set up: the demo province, citizens, SQS events, a Lambda context. */
final class Fixtures {
    private Fixtures() {
    }

    static void publishDemoProvince(AwsEmulatorExtension aws) {
        new ProvinceConfigStore(aws.dynamoDb(), aws.tableName("MainTable")).publish(ProvinceConfigLoader.load(
                AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json"))));
    }

    /** A user item as identity writes it, plus the OA follower item the webhook consumer writes. */
    static void citizen(AwsEmulatorExtension aws, String id, String phone, String preference, String followerId,
                        Instant lastInteraction) {
        citizens(aws, citizenItems(id, phone, preference, followerId, lastInteraction));
    }

    /** Many items, 25 to a BatchWriteItem. */
    static void citizens(AwsEmulatorExtension aws, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> writes = items.subList(from,
                    Math.min(items.size(), from + 25)).stream().map(item -> software.amazon.awssdk.services.dynamodb.model
                    .WriteRequest.builder().putRequest(p -> p.item(item)).build()).toList();
            aws.dynamoDb().batchWriteItem(b -> b.requestItems(Map.of(aws.tableName("MainTable"), writes)));
        }
    }

    /** The profile item, and the OA follower item when {@code followerId} is given. */
    static List<Map<String, AttributeValue>> citizenItems(String id, String phone, String preference, String followerId,
                                                          Instant lastInteraction) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS(UserItems.userKey(id)));
        item.put("sk", AttributeValue.fromS(UserItems.PROFILE));
        item.put("itemType", AttributeValue.fromS(UserItems.ITEM_TYPE));
        item.put(UserItems.ZALO_ID, AttributeValue.fromS(id));
        item.put(UserItems.ZALO_NAME, AttributeValue.fromS("Công dân " + id.substring(id.length() - 4)));
        if (phone != null) {
            item.put(UserItems.PHONE, AttributeValue.fromS(phone));
        }
        if (preference != null) {
            item.put(UserItems.NOTIFICATION_PREFERENCE, AttributeValue.fromS(preference));
        }
        item.put(UserItems.VERSION, AttributeValue.fromN("1"));
        if (followerId == null) {
            return List.of(item);
        }
        Map<String, AttributeValue> link = new LinkedHashMap<>();
        link.put("pk", AttributeValue.fromS(UserItems.userKey(id)));
        link.put("sk", AttributeValue.fromS(UserItems.OA_FOLLOWER));
        link.put("itemType", AttributeValue.fromS(UserItems.OA_FOLLOWER_ITEM_TYPE));
        link.put(UserItems.FOLLOWER_ID, AttributeValue.fromS(followerId));
        link.put(UserItems.FOLLOWED, AttributeValue.fromBool(true));
        link.put(UserItems.LAST_INTERACTION_AT, AttributeValue.fromS(lastInteraction.toString()));
        return List.of(item, link);
    }

    /** Lambda's SQS event for received messages (as the event source mapping builds it). */
    static byte[] event(List<Message> messages, String queueArn) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", m.messageId());
            record.put("receiptHandle", m.receiptHandle());
            record.put("body", m.body());
            record.putObject("attributes").put("ApproximateReceiveCount",
                    m.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
        }
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    /** Invokes the handler; the answer's batchItemFailures identifiers. */
    static List<String> invoke(DispatcherHandler handler, byte[] event, Duration timeLeft) {
        List<String> failures = new ArrayList<>();
        Handlers.invoke(handler, event, context(timeLeft)).path("batchItemFailures")
                .forEach(f -> failures.add(f.path("itemIdentifier").asText()));
        return failures;
    }

    /** A Lambda context whose remaining time counts down from {@code timeLeft}. */
    static Context context(Duration timeLeft) {
        long deadline = System.currentTimeMillis() + timeLeft.toMillis();
        String requestId = UUID.randomUUID().toString();
        return new Context() {
            public String getAwsRequestId() {
                return requestId;
            }

            public String getLogGroupName() {
                return "/smartprovince/test/notification-dispatcher";
            }

            public String getLogStreamName() {
                return "test";
            }

            public String getFunctionName() {
                return "NotificationDispatcherFunction";
            }

            public String getFunctionVersion() {
                return "$LATEST";
            }

            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:ap-southeast-1:000000000000:function:NotificationDispatcherFunction";
            }

            public CognitoIdentity getIdentity() {
                return null;
            }

            public ClientContext getClientContext() {
                return null;
            }

            public int getRemainingTimeInMillis() {
                return (int) Math.max(0, deadline - System.currentTimeMillis());
            }

            public int getMemoryLimitInMB() {
                return 1024;
            }

            public LambdaLogger getLogger() {
                return null;
            }
        };
    }
}
