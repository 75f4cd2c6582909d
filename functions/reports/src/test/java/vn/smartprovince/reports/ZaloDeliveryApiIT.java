package vn.smartprovince.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.reports.ReportsApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.testkit.ApiClient.Person;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * The notifications issue's local story, whole: a citizen's report is answered by an officer ->
 * the outbox job goes through the relay, NotificationQueue and the dispatcher -> the Zalo stub's
 * inbox holds the ZNS message for the citizen's phone -> the stub's delivery receipt comes back
 * through POST /v1/zalo/webhook and the consumer -> the citizen's GET /v1/me/notifications says
 * DELIVERED.
 */
class ZaloDeliveryApiIT {
    static final String FIRST_ADMIN = "8100000000000000066";

    @RegisterExtension
    static LocalApiExtension api = ReportsApiClient.localApi(FIRST_ADMIN);
    static final ReportsApiClient client = new ReportsApiClient(api);

    static Person admin;

    @BeforeAll
    static void publishTheDemoProvinceAndSignInTheAdmin() throws Exception {
        admin = client.demoProvinceWithAdmin(FIRST_ADMIN);
    }

    /** The citizen's notifications once one of {@code type} reaches {@code state}, polling up to 60 s. */
    private static JsonNode await(Person citizen, String type, String state) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonNode items = ok(client.send("GET", "/v1/me/notifications", citizen, null)).path("items");
            for (JsonNode item : items) {
                if (type.equals(item.path("type").asText()) && state.equals(item.path("state").asText())) {
                    return item;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no " + type + " " + state + " in " + items);
            }
            Thread.sleep(500);
        }
    }

    @Test
    void anOfficersAnswerReachesTheCitizensPhoneAndZalosReceiptMarksItDelivered() throws Exception {
        api.zaloStub().autoReceipts(api.zaloWebhookUrl(), Duration.ofMillis(200));
        String phone = "84905556677";
        Person mai = client.signIn(NewUser.named("Nguyễn Thị Mai").phone(phone));
        Person builder = client.officer("Cán bộ Sở Xây dựng", "so-xay-dung", admin);
        JsonNode submitted = client.submit(mai, ReportsApiClient.submission("ROAD_DAMAGE", "Ổ gà trước số 12.", Map.of()));
        String id = submitted.path("id").asText();
        ok(client.send("POST", "/v1/reports/" + id + "/answer", builder,
                "{\"text\": \"Đã vá ổ gà.\", \"expectedVersion\": 1}"));

        JsonNode delivered = await(mai, "REPORT_ANSWERED", "DELIVERED");
        assertEquals("ZNS", delivered.path("channel").asText(), "not an OA follower: ZNS to the phone she shared");
        assertTrue(delivered.path("text").asText().contains(submitted.path("trackingCode").asText()),
                delivered.toString());

        List<ZaloStubClient.InboxMessage> inbox = api.zaloStub().inboxForPhone(phone);
        List<ZaloStubClient.InboxMessage> answers = inbox.stream()
                .filter(m -> m.trackingId() != null && m.trackingId().contains(id + "#v2#ANSWERED")).toList();
        assertEquals(1, answers.size(), "one message for the answer: " + inbox);
        assertEquals(submitted.path("trackingCode").asText(), answers.get(0).templateData().get("report_code"));
        assertEquals("Sở Xây dựng", answers.get(0).templateData().get("agency_name"));
        await(mai, "REPORT_RECEIVED", "DELIVERED");
    }
}
