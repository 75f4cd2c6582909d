package vn.smartprovince.province.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;

/**
 * The alert handlers with the template's environment against the emulator, driven by
 * events/alerts-*.json: a citizen chooses communes, a sender sends (403 for anyone else, 400 for a
 * link), the fan-out function puts the jobs on NotificationQueue, the public reads it, the sender
 * follows and cancels it.
 */
class AlertHandlersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final String CITIZEN = "9000000000000000001";

    @BeforeAll
    static void publish() {
        new ProvinceConfigStore(aws.dynamoDb(), aws.tableName("MainTable")).publish(AlertFanOutTest.DEMO);
    }

    static ObjectNode event(String name) {
        return (ObjectNode) Json.read(Events.load(name));
    }

    static ObjectNode withBody(ObjectNode event, JsonNode body) {
        event.put("body", Json.write(body));
        return event;
    }

    static ObjectNode as(ObjectNode event, String userId, String roles) {
        ObjectNode lambda = (ObjectNode) event.path("requestContext").path("authorizer").path("lambda");
        lambda.put("userId", userId).put("roles", roles);
        return event;
    }

    static ObjectNode withAlertId(ObjectNode event, String id) {
        ((ObjectNode) event.path("pathParameters")).put("alertId", id);
        return event;
    }

    static String tomorrow() {
        return Instant.now().plusSeconds(86_400).toString();
    }

    List<NotificationJob> drainNotifications() {
        String url = aws.queueUrl("NotificationQueue");
        List<NotificationJob> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<Message> messages = aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                break;
            }
            for (Message m : messages) {
                jobs.add(NotificationJob.fromJson(m.body()));
                aws.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return jobs;
    }

    /** Runs the fan-out function on what AlertFanOutQueue holds, until it is empty. */
    void runFanOut() {
        String url = aws.queueUrl("AlertFanOutQueue");
        AlertFanOutHandler handler = new AlertFanOutHandler(aws.env("AlertFanOutFunction"));
        for (int i = 0; i < 50; i++) {
            List<Message> messages = aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1)).messages();
            if (messages.isEmpty()) {
                return;
            }
            ObjectNode sqsEvent = event("alerts-fanout-sqs.json");
            ObjectNode record = (ObjectNode) sqsEvent.path("Records").get(0);
            record.put("messageId", messages.get(0).messageId()).put("body", messages.get(0).body());
            JsonNode answer = Handlers.invoke(handler, sqsEvent);
            assertEquals(0, answer.path("batchItemFailures").size(), answer.toString());
            aws.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(messages.get(0).receiptHandle()));
        }
    }

    @Test
    void aCitizenChoosesCommunesAndAnAlertReachesThemOnce() {
        drainNotifications();
        String citizen = "90000000000" + (System.nanoTime() % 100_000_000L);
        GetAlertAreasHandler get = new GetAlertAreasHandler(aws.env("AlertAreasGetFunction"));
        ObjectNode before = Handlers.invokeHttp(get, as(event("alerts-areas-get.json"), citizen, "CITIZEN"));
        assertEquals(200, before.path("statusCode").asInt(), before.toString());
        assertFalse(before.path("json").path("chosen").asBoolean(), "never chose: no alerts");

        PutAlertAreasHandler put = new PutAlertAreasHandler(aws.env("AlertAreasPutFunction"));
        ObjectNode chosen = Handlers.invokeHttp(put, as(event("alerts-areas-put.json"), citizen, "CITIZEN"));
        assertEquals(200, chosen.path("statusCode").asInt(), chosen.toString());
        assertEquals("DEMO-P01", chosen.path("json").path("homeAreaCode").asText());
        assertEquals(2, chosen.path("json").path("areas").size());
        ObjectNode unknown = Handlers.invokeHttp(put, withBody(as(event("alerts-areas-put.json"), citizen, "CITIZEN"),
                Json.object().put("homeAreaCode", "NOPE")));
        assertEquals(400, unknown.path("statusCode").asInt());
        assertEquals("homeAreaCode", unknown.path("json").path("error").path("details").get(0).path("field").asText());

        SendAlertHandler send = new SendAlertHandler(aws.env("AlertSendFunction"));
        ObjectNode byCitizen = Handlers.invokeHttp(send, as(event("alerts-send.json"), citizen, "CITIZEN"));
        assertEquals(403, byCitizen.path("statusCode").asInt(), "a citizen may not send");
        ObjectNode sendEvent = event("alerts-send.json");
        ObjectNode body = (ObjectNode) Json.read(sendEvent.path("body").asText());
        body.put("validUntil", tomorrow());
        body.putArray("areaCodes").add("DEMO-P02");
        ObjectNode link = body.deepCopy().put("message", "Xem chi tiết tại https://tayninh.gov.vn/bao-lu");
        ObjectNode refused = Handlers.invokeHttp(send, withBody(event("alerts-send.json"), link));
        assertEquals(400, refused.path("statusCode").asInt());
        assertEquals("LINK_NOT_ALLOWED", refused.path("json").path("error").path("details").get(0).path("code").asText());
        ObjectNode phone = body.deepCopy().put("message", "Liên hệ 0901 234 567 khi cần.");
        assertEquals("PHONE_NOT_ALLOWED", Handlers.invokeHttp(send, withBody(event("alerts-send.json"), phone))
                .path("json").path("error").path("details").get(0).path("code").asText());

        ((ObjectNode) sendEvent.path("headers")).put("idempotency-key", "alert-test-" + System.nanoTime());
        withBody(sendEvent, body);
        ObjectNode sent = Handlers.invokeHttp(send, sendEvent);
        assertEquals(202, sent.path("statusCode").asInt(), sent.toString());
        String id = sent.path("json").path("id").asText();
        assertEquals("SENDING", sent.path("json").path("status").asText());
        ObjectNode replay = Handlers.invokeHttp(send, sendEvent);
        assertEquals(202, replay.path("statusCode").asInt());
        assertEquals(id, replay.path("json").path("id").asText());
        assertEquals("true", replay.path("headers").path("idempotent-replayed").asText());

        runFanOut();
        List<NotificationJob> jobs = drainNotifications().stream()
                .filter(j -> ("ALERT#" + id).equals(j.campaignId())).toList();
        assertEquals(1, jobs.stream().filter(j -> j.recipientId().equals(citizen)).map(NotificationJob::deduplicationKey)
                .distinct().count(), "the citizen (parents' commune DEMO-P02) is queued once");

        ListAlertsHandler list = new ListAlertsHandler(aws.env("AlertListFunction"));
        ObjectNode listEvent = event("alerts-list.json");
        ((ObjectNode) listEvent.path("queryStringParameters")).put("areaCode", "DEMO-P02");
        listEvent.put("rawQueryString", "areaCode=DEMO-P02");
        ObjectNode inForce = Handlers.invokeHttp(list, listEvent);
        assertEquals(200, inForce.path("statusCode").asInt(), inForce.toString());
        assertEquals("public, max-age=60", inForce.path("headers").path("cache-control").asText());
        assertTrue(inForce.path("json").path("items").findValuesAsText("id").contains(id));

        GetAlertHandler one = new GetAlertHandler(aws.env("AlertGetFunction"));
        ObjectNode shown = Handlers.invokeHttp(one, withAlertId(event("alerts-get.json"), id));
        assertEquals(200, shown.path("statusCode").asInt(), shown.toString());
        assertEquals("SENT", shown.path("json").path("status").asText(), "the fan-out finished");
        assertFalse(shown.toString().contains("9000000000000000009"), "never who sent it");
        assertEquals(404, Handlers.invokeHttp(one, event("alerts-get.json")).path("statusCode").asInt());

        AlertProgressHandler progress = new AlertProgressHandler(aws.env("AlertProgressFunction"));
        assertEquals(403, Handlers.invokeHttp(progress, as(withAlertId(event("alerts-progress.json"), id), citizen,
                "CITIZEN")).path("statusCode").asInt());
        ObjectNode counts = Handlers.invokeHttp(progress, withAlertId(event("alerts-progress.json"), id));
        assertEquals(200, counts.path("statusCode").asInt(), counts.toString());
        assertTrue(counts.path("json").path("queued").asLong() >= 1);

        CancelAlertHandler cancel = new CancelAlertHandler(aws.env("AlertCancelFunction"));
        ObjectNode cancelled = Handlers.invokeHttp(cancel, withAlertId(event("alerts-cancel.json"), id));
        assertEquals(200, cancelled.path("statusCode").asInt(), cancelled.toString());
        assertEquals("CANCELLED", cancelled.path("json").path("status").asText());
        assertFalse(Handlers.invokeHttp(list, listEvent).path("json").path("items").findValuesAsText("id").contains(id),
                "a cancelled alert leaves the banner");
    }
}
