package vn.smartprovince.notifications.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.notifications.core.Channel;
import vn.smartprovince.notifications.core.Delivery;
import vn.smartprovince.notifications.core.DeliveryState;
import vn.smartprovince.notifications.store.DynamoDbDeliveryStore;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;
import vn.smartprovince.zalostub.Endpoint;
import vn.smartprovince.zalostub.ZaloStubClient.Fault;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * NotificationDispatcherFunction's handler with the template's environment against the emulator and the
 * Zalo stub, driven by events/notifications-dispatch-sqs.json (two jobs for citizen 9000000000000000001).
 */
class DispatcherHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final String CITIZEN = "9000000000000000001";
    static final String PHONE = "84901234501";

    @BeforeAll
    static void province() {
        Fixtures.publishDemoProvince(aws);
    }

    DispatcherHandler handler() {
        return new DispatcherHandler(aws.env("NotificationDispatcherFunction"));
    }

    static JsonNode invoke(DispatcherHandler handler, byte[] event) {
        return Handlers.invoke(handler, event, Fixtures.context(Duration.ofSeconds(30)));
    }

    @Test
    void theSampleBatchSendsTwoZnsOnceEachAndRecordsThem() throws Exception {
        ZaloStubClient zalo = aws.zaloStub();
        zalo.createUser(NewUser.named("Nguyễn Thị Mai").phone(PHONE));
        Fixtures.citizen(aws, CITIZEN, PHONE, "ZNS", null, null);
        byte[] event = Events.bytes("notifications-dispatch-sqs.json");
        DispatcherHandler handler = handler();

        assertEquals("{\"batchItemFailures\":[]}", Json.write(invoke(handler, event)));
        List<ZaloStubClient.InboxMessage> inbox = zalo.inboxForPhone(PHONE);
        Set<String> keys = Set.of("REPORT#rabcdefghijklmnopqrstuvwx#v1#RECEIVED#9000000000000000001",
                "REPORT#rabcdefghijklmnopqrstuvwx#v4#ANSWERED#9000000000000000001");
        assertEquals(keys, inbox.stream().map(ZaloStubClient.InboxMessage::trackingId).collect(Collectors.toSet()));
        assertEquals(Map.of("report_code", "K7M4-QX9P", "status_name", "Đã trả lời", "agency_name", "UBND phường Tân Ninh"),
                inbox.stream().filter(m -> m.templateId().equals("900002")).findFirst().orElseThrow().templateData());

        DynamoDbDeliveryStore store = new DynamoDbDeliveryStore(aws.dynamoDb(), aws.tableName("MainTable"));
        for (String key : keys) {
            Delivery d = store.find(key).orElseThrow();
            assertEquals(DeliveryState.SENT, d.state());
            assertEquals(Channel.ZNS, d.channel());
            assertTrue(inbox.stream().anyMatch(m -> m.id().equals(d.zaloMsgId())));
        }

        assertEquals("{\"batchItemFailures\":[]}", Json.write(invoke(handler(), event)), "delivered again by SQS");
        assertEquals(2, zalo.inboxForPhone(PHONE).size(), "never twice");
    }

    @Test
    void aCitizenWithoutAPhoneGetsTheTemplateByUserIdAndARefusedIdFallsBackToThePhone() throws Exception {
        ZaloStubClient zalo = aws.zaloStub();
        // Follows the OA but never wrote to it, no phone: REPORT_STATUS_CHANGED may go by user id.
        zalo.createUser(NewUser.named("Phạm Văn Hùng").followerId("4400000000000000061").notFollowing());
        Fixtures.citizen(aws, "9000000000000000061", null, null, "4400000000000000061",
                Instant.now().minus(Duration.ofDays(30)));
        DispatcherHandler handler = handler();
        assertEquals("{\"batchItemFailures\":[]}", Json.write(invoke(handler, event(job("z1", "9000000000000000061")))));
        List<ZaloStubClient.InboxMessage> inbox = zalo.inboxByUserId("4400000000000000061");
        assertEquals(1, inbox.size());
        assertEquals("900002", inbox.get(0).templateId());
        assertEquals("REPORT#z1", inbox.get(0).trackingId());
        DynamoDbDeliveryStore store = new DynamoDbDeliveryStore(aws.dynamoDb(), aws.tableName("MainTable"));
        Delivery byUid = store.find("REPORT#z1").orElseThrow();
        assertEquals(Channel.ZBS_UID, byUid.channel());
        assertEquals(inbox.get(0).id(), byUid.zaloMsgId());

        // A user id the OA does not know (-118), but a phone: sent by phone in the same attempt.
        zalo.createUser(NewUser.named("Đỗ Thị Hạnh").phone("84901234562"));
        Fixtures.citizen(aws, "9000000000000000062", "84901234562", "ZNS", "4400000000000000999",
                Instant.now().minus(Duration.ofDays(30)));
        zalo.clearCalls();
        assertEquals("{\"batchItemFailures\":[]}", Json.write(invoke(handler, event(job("z2", "9000000000000000062")))));
        assertEquals(List.of("error -118"), zalo.calls(Endpoint.ZBS_UID_SEND).stream().map(ZaloStubClient.Call::outcome)
                .toList());
        assertEquals(List.of("ok"), zalo.calls(Endpoint.ZNS_SEND).stream().map(ZaloStubClient.Call::outcome).toList());
        assertEquals(Channel.ZNS, store.find("REPORT#z2").orElseThrow().channel());
        assertEquals(1, zalo.inboxForPhone("84901234562").size());
    }

    @Test
    void anExpiredOaTokenIsRefreshedOnceAndTheMessageGoesOut() throws Exception {
        ZaloStubClient zalo = aws.zaloStub();
        String phone = "84901234502";
        zalo.createUser(NewUser.named("Trần Văn Bình").phone(phone));
        Fixtures.citizen(aws, "9000000000000000002", phone, "ZNS", null, null);
        DispatcherHandler handler = handler();
        invoke(handler, event(job("t1", "9000000000000000002")));
        zalo.clearCalls();
        // Zalo invalidates the stored token early (revoked); the dispatcher's cached one is now refused.
        zalo.revokeToken(zalo.oaTokens().accessToken());
        assertEquals("{\"batchItemFailures\":[]}", Json.write(invoke(handler, event(job("t2", "9000000000000000002")))));
        assertEquals(1, zalo.calls(Endpoint.OAUTH_OA_ACCESS_TOKEN).size());
        assertEquals(List.of("error -124", "ok"), zalo.calls(Endpoint.ZNS_SEND).stream().map(ZaloStubClient.Call::outcome).toList());
        assertEquals(2, zalo.inboxForPhone(phone).size());
    }

    @Test
    void aTransientFailureKeepsTheMessageWithAVisibilityDelayAndAPermanentOneDoesNot() throws Exception {
        ZaloStubClient zalo = aws.zaloStub();
        String phone = "84901234503";
        zalo.createUser(NewUser.named("Lê Thị Cúc").phone(phone));
        Fixtures.citizen(aws, "9000000000000000003", phone, "ZNS", null, null);
        Fixtures.citizen(aws, "9000000000000000004", "84909999999", "ZNS", null, null);   // no Zalo account
        String queue = aws.queueUrl("NotificationQueue");
        for (NotificationJob job : List.of(job("f1", "9000000000000000003"), job("f2", "9000000000000000004"))) {
            aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(job.toJson()));
        }
        var received = aws.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(2)
                .messageSystemAttributeNamesWithStrings("All")).messages();
        assertEquals(2, received.size());
        zalo.fault(Fault.on(Endpoint.ZNS_SEND).httpStatus(503).times(1));
        // The 503 hits whichever send comes first: one message at a time keeps that deterministic.
        var first = received.stream().filter(m -> m.body().contains("\"f1\"") || m.body().contains("REPORT#f1")).findFirst().orElseThrow();
        var second = received.stream().filter(m -> m != first).findFirst().orElseThrow();
        List<String> kept = Fixtures.invoke(handler(), Fixtures.event(List.of(first), aws.queueArn("NotificationQueue")),
                Duration.ofSeconds(30));
        assertEquals(List.of(first.messageId()), kept);
        List<String> none = Fixtures.invoke(handler(), Fixtures.event(List.of(second), aws.queueArn("NotificationQueue")),
                Duration.ofSeconds(30));
        assertEquals(List.of(), none, "-118 is permanent: not kept");
        aws.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(second.receiptHandle()));   // as the event source does
        DynamoDbDeliveryStore store = new DynamoDbDeliveryStore(aws.dynamoDb(), aws.tableName("MainTable"));
        assertEquals("ZALO_-118", store.find("REPORT#f2").orElseThrow().reason().code());
        Delivery queued = store.find("REPORT#f1").orElseThrow();
        assertEquals(DeliveryState.QUEUED, queued.state());
        assertEquals("ZALO_HTTP_503", queued.reason().code());
        // Its visibility is now the first backoff (30-60 s), not 0: nothing to receive for now.
        assertTrue(aws.sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)).messages().isEmpty());
        Map<QueueAttributeName, String> counts = aws.sqs().getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        assertEquals("1", counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Test
    void theTemplateKeepsTheQueueAndTheFunctionInStep() {
        FunctionSpec dispatcher = FunctionSpec.all(aws.stack().template(), aws.intrinsics()).stream()
                .filter(f -> f.logicalId().equals("NotificationDispatcherFunction")).findFirst().orElseThrow();
        FunctionSpec.SqsEventSource source = dispatcher.sqsSources().get(0);
        assertEquals("NotificationQueue", source.queueId());
        assertTrue(source.reportBatchItemFailures());
        Map<QueueAttributeName, String> queue = aws.sqs().getQueueAttributes(b -> b.queueUrl(aws.queueUrl("NotificationQueue"))
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.REDRIVE_POLICY)).attributes();
        assertTrue(Integer.parseInt(queue.get(QueueAttributeName.VISIBILITY_TIMEOUT)) >= 6 * dispatcher.timeoutSeconds(),
                "AWS's rule: the queue's visibility timeout at least 6 x the function's timeout");
        int maxReceiveCount = Json.read(queue.get(QueueAttributeName.REDRIVE_POLICY)).path("maxReceiveCount").asInt();
        assertEquals(Integer.toString(maxReceiveCount),
                aws.env("NotificationDispatcherFunction").required("NOTIFICATION_MAX_RECEIVE_COUNT"));
        Dispatcher.Settings settings = DispatchWiring.settings(aws.env("NotificationDispatcherFunction"), Duration.ofSeconds(4));
        assertTrue(settings.startBudget().toSeconds() < dispatcher.timeoutSeconds(), "a job can start at all");
        assertTrue(source.batchSize() <= 2 * settings.concurrency(), "a batch takes at most two rounds of sends");
    }

    static NotificationJob job(String key, String recipient) {
        return new NotificationJob(1, "job-" + key, "REPORT_ANSWERED", recipient, "REPORT_STATUS_CHANGED",
                Map.of("report_code", "K7M4-" + key, "status_name", "Đã trả lời", "agency_name", "UBND phường Tân Ninh"),
                "REPORT#" + key, Instant.now(), "req-" + key);
    }

    static byte[] event(NotificationJob job) {
        String body = Json.write(Json.object().set("Records", Json.MAPPER.createArrayNode().add(Json.object()
                .put("messageId", "m-" + job.jobId()).put("receiptHandle", "rh-" + job.jobId()).put("body", job.toJson()))));
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
