package vn.smartprovince.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.zalostub.ZaloStubClient;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;

/**
 * Notifications end to end through the local runtime, as deployed: a citizen signs in with Zalo
 * (identity's zip), a change commits its job to the outbox, OutboxRelayFunction relays it to
 * NotificationQueue, NotificationDispatcherFunction (the local SQS event source) sends it through
 * the Zalo stub, and the citizen reads it with {@code GET /v1/me/notifications}.
 */
class NotificationsApiIT {
    @RegisterExtension
    static LocalApiExtension api = new LocalApiExtension();

    @BeforeAll
    static void province() {
        new ProvinceConfigStore(api.aws().dynamoDb(), api.aws().tableName("MainTable")).publish(ProvinceConfigLoader.load(
                AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json"))));
    }

    record Citizen(String id, String token, String phone) {
    }

    static Citizen signIn(String name, String phone) throws Exception {
        ZaloStubClient.StubUser user = api.zaloStub().createUser(phone == null ? NewUser.named(name)
                : NewUser.named(name).phone(phone));
        var body = Json.object().put("accessToken", user.accessToken());
        if (user.phoneToken() != null) {
            body.put("phoneToken", user.phoneToken());
        }
        HttpResponse<String> response = api.post("/v1/auth/zalo", Json.write(body));
        assertEquals(200, response.statusCode(), response.body());
        return new Citizen(user.id(), Json.read(response.body()).path("sessionToken").asText(), phone);
    }

    static JsonNode notifications(Citizen citizen) throws Exception {
        HttpResponse<String> response = api.get("/v1/me/notifications", "authorization", "Bearer " + citizen.token());
        assertEquals(200, response.statusCode(), response.body());
        return Json.read(response.body());
    }

    /** The citizen's list once {@code until} holds, polling up to 60 s (relay, queue, dispatcher). */
    static JsonNode awaitNotifications(Citizen citizen, Predicate<JsonNode> until) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode list = notifications(citizen);
        while (!until.test(list) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            list = notifications(citizen);
        }
        assertTrue(until.test(list), "not reached: " + list);
        return list;
    }

    static NotificationJob job(String id, Citizen to, String status) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("report_code", "K7M4-" + id);
        params.put("status_name", status);
        params.put("agency_name", "UBND phường Tân Ninh");
        return new NotificationJob(1, "it-" + id, "REPORT_ANSWERED", to.id(), "REPORT_STATUS_CHANGED", params,
                "REPORT#it-" + id + "#" + to.id(), Instant.now().truncatedTo(ChronoUnit.MILLIS), "it");
    }

    /** A change and its job in one transaction, as the reports functions write them. */
    static void commit(NotificationJob job) {
        Outbox outbox = Outbox.fromEnv(api.aws().env("OutboxRelayFunction"));
        TransactWriteItem change = TransactWriteItem.builder().put(p -> p.tableName(outbox.tableName())
                .item(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("IT#" + job.jobId()),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CHANGE")))).build();
        api.aws().dynamoDb().transactWriteItems(b -> b.transactItems(change, outbox.put(job)));
    }

    static boolean queueEmpty() {
        Map<QueueAttributeName, String> a = api.aws().sqs().getQueueAttributes(b -> b.queueUrl(api.aws().queueUrl(
                "NotificationQueue")).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return a.values().stream().allMatch("0"::equals);
    }

    @Test
    void aJobReachesTheCitizensPhoneOnceAndTheirListShowsIt() throws Exception {
        Citizen mai = signIn("Nguyễn Thị Mai", "84905550001");
        Citizen other = signIn("Trần Văn Bình", "84905550002");
        NotificationJob answered = job("a1", mai, "Đã trả lời");
        commit(answered);

        JsonNode list = awaitNotifications(mai, l -> l.path("items").size() == 1
                && l.path("items").get(0).path("state").asText().equals("SENT"));
        JsonNode item = list.path("items").get(0);
        assertEquals("it-a1", item.path("id").asText());
        assertEquals("ZNS", item.path("channel").asText(), "not a follower: ZNS to the phone from the sign-in");
        assertEquals("Phản ánh K7M4-a1 đã chuyển sang trạng thái «Đã trả lời» (UBND phường Tân Ninh).",
                item.path("text").asText());
        assertEquals(answered.createdAt().toString(), item.path("createdAt").asText());
        List<ZaloStubClient.InboxMessage> inbox = api.zaloStub().inboxForPhone(mai.phone());
        assertEquals(1, inbox.size());
        assertEquals(answered.deduplicationKey(), inbox.get(0).trackingId());

        // The same fact announced again (a retried change, a relay delivering twice): nothing new is sent.
        commit(answered.withJobId("it-a1-again"));
        long deadline = System.currentTimeMillis() + 30_000;
        Thread.sleep(1_000);
        while (!queueEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(300);
        }
        assertTrue(queueEmpty());
        assertEquals(1, api.zaloStub().inboxForPhone(mai.phone()).size(), "never twice");
        assertEquals(1, notifications(mai).path("items").size());

        assertEquals(0, notifications(other).path("items").size(), "only the caller's own");
        assertEquals(401, api.get("/v1/me/notifications").statusCode());
    }

    @Test
    void aCitizenWhoTurnedNotificationsOffSeesWhyNothingCame() throws Exception {
        Citizen lan = signIn("Lê Thị Lan", "84905550003");
        HttpResponse<String> me = api.get("/v1/me", "authorization", "Bearer " + lan.token());
        long version = Json.read(me.body()).path("profile").path("version").asLong();
        HttpResponse<String> off = api.send(api.request("/v1/me").header("authorization", "Bearer " + lan.token())
                .header("content-type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"notificationPreference\": \"NONE\", \"expectedVersion\": " + version + "}")).build());
        assertEquals(200, off.statusCode(), off.body());
        commit(job("n1", lan, "Đang xử lý"));

        JsonNode item = awaitNotifications(lan, l -> l.path("items").size() == 1
                && l.path("items").get(0).path("state").asText().equals("UNDELIVERABLE")).path("items").get(0);
        assertEquals("OPTED_OUT", item.path("reasonCode").asText());
        assertTrue(api.zaloStub().inboxForPhone(lan.phone()).isEmpty());
    }

    static long notifyCounter(String sk, String field) {
        var item = api.aws().dynamoDb().getItem(b -> b.tableName(api.aws().tableName("MainTable")).consistentRead(true)
                .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("STATS#NOTIFY"),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(sk)))).item();
        return item == null || !item.containsKey(field) ? 0 : Long.parseLong(item.get(field).n());
    }

    @Test
    void aCitizenWhoNeverSharedAPhoneGetsTheTemplateByUserIdAndTheCountersMove() throws Exception {
        // Signs in without sharing a phone and follows the OA (the webhook records the OA-scoped id)
        // but never wrote to it: no OA text (outside the interaction window) and no phone, yet
        // REPORT_STATUS_CHANGED may go by user id (tay-ninh.json). Default preference.
        ZaloStubClient.StubUser stubUser = api.zaloStub().createUser(NewUser.named("Phạm Văn Hùng")
                .followerId("4400000000000000555"));
        HttpResponse<String> signedIn = api.post("/v1/auth/zalo",
                Json.write(Json.object().put("accessToken", stubUser.accessToken())));
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        Citizen hung = new Citizen(stubUser.id(), Json.read(signedIn.body()).path("sessionToken").asText(), null);
        var follow = api.zaloStub().webhook(ZaloStubClient.WebhookEvent.follow(hung.id()), api.zaloWebhookUrl());
        assertEquals(200, follow.status(), follow.responseBody());
        long followDeadline = System.currentTimeMillis() + 30_000;
        while (api.aws().dynamoDb().getItem(b -> b.tableName(api.aws().tableName("MainTable")).consistentRead(true)
                .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("USER#" + hung.id()),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("OA_FOLLOWER"))))
                .item().isEmpty() && System.currentTimeMillis() < followDeadline) {
            Thread.sleep(300);
        }
        api.zaloStub().autoReceipts(api.zaloWebhookUrl(), java.time.Duration.ZERO);
        String month = vn.smartprovince.shared.stats.NotificationCounterKeys.month(Instant.now());
        long sentBefore = notifyCounter("TOTAL", "ZBS_UID#sent");
        long monthSentBefore = notifyCounter(month, "ZBS_UID#sent");
        long deliveredBefore = notifyCounter(month, "ZBS_UID#delivered");

        NotificationJob answered = job("u1", hung, "Đã trả lời");
        commit(answered);

        JsonNode item = awaitNotifications(hung, l -> l.path("items").size() == 1
                && l.path("items").get(0).path("state").asText().equals("DELIVERED")).path("items").get(0);
        assertEquals("ZBS_UID", item.path("channel").asText(), "the template went by user id");
        List<ZaloStubClient.InboxMessage> inbox = api.zaloStub().inboxByUserId("4400000000000000555");
        assertEquals(1, inbox.size(), "one template message by user id in the stub's inbox");
        assertEquals("zbs_uid", inbox.get(0).channel());
        assertEquals("900002", inbox.get(0).templateId());
        assertEquals("K7M4-u1", inbox.get(0).templateData().get("report_code"));
        assertEquals(answered.deduplicationKey(), inbox.get(0).trackingId());
        assertEquals(null, inbox.get(0).phone(), "no phone was ever shared");

        assertEquals(sentBefore + 1, notifyCounter("TOTAL", "ZBS_UID#sent"));
        assertEquals(monthSentBefore + 1, notifyCounter(month, "ZBS_UID#sent"));
        assertEquals(deliveredBefore + 1, notifyCounter(month, "ZBS_UID#delivered"));
    }
}
