package vn.smartprovince.province.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.province.core.Alert;
import vn.smartprovince.province.core.AlertPrefs;
import vn.smartprovince.province.store.DynamoDbAlertSubscriptions;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Handlers;

/** An erased citizen (their profile deleted by DELETE /v1/me) leaves every alert partition; a TTL deletion does nothing. */
class ForgetErasedSubscribersHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static ObjectNode removal(String userId, String sk, boolean ttl) {
        ObjectNode record = Json.object().put("eventName", "REMOVE");
        ObjectNode keys = record.putObject("dynamodb").put("SequenceNumber", "100" + userId.length()).putObject("Keys");
        keys.putObject("pk").put("S", "USER#" + userId);
        keys.putObject("sk").put("S", sk);
        if (ttl) {
            record.putObject("userIdentity").put("type", "Service").put("principalId", "dynamodb.amazonaws.com");
        }
        return record;
    }

    @Test
    void anErasedCitizensChoiceAndSubscriptionsGoATtlDeletionDoesNothing() {
        DynamoDbAlertSubscriptions subscriptions = new DynamoDbAlertSubscriptions(aws.dynamoDb(), aws.tableName("MainTable"));
        String erased = "er" + System.nanoTime();
        String expired = "ex" + System.nanoTime();
        for (String user : List.of(erased, expired)) {
            subscriptions.save(new AlertPrefs(user, "DEMO-P01", List.of("DEMO-P02"), true, 1, Instant.now()), null);
        }
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        records.add(removal(erased, "PROFILE", false));
        records.add(removal(expired, "PROFILE", true));
        records.add(removal(expired, "OA_FOLLOWER", false));
        JsonNode answer = Handlers.invoke(new ForgetErasedSubscribersHandler(aws.env("AlertForgetErasedFunction")), event);
        assertEquals(0, answer.path("batchItemFailures").size(), answer.toString());

        assertTrue(subscriptions.prefs(erased).isEmpty());
        for (String partition : List.of("DEMO-P01", "DEMO-P02", Alert.PROVINCE)) {
            List<String> ids = subscriptions.page(partition, null, 1000).items().stream()
                    .map(s -> s.userId()).toList();
            assertTrue(!ids.contains(erased), partition);
            assertTrue(ids.contains(expired), "a TTL deletion or another item is not an erasure: " + partition);
        }
    }
}
