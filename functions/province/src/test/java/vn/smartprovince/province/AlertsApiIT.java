package vn.smartprovince.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.testkit.ApiClient.ok;
import static vn.smartprovince.testkit.ApiClient.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.auth.UserItems;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.ApiClient;
import vn.smartprovince.testkit.ApiClient.Person;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;

/**
 * The issue's "an alert reaches each opted-in citizen of its communes once", over HTTP through the
 * local runtime: citizens choose their communes, a sender (ALERT_SENDER, written on the user item as
 * an admin's grant would) posts an alert to two communes; the fan-out and the dispatcher run from
 * their queues; the Zalo stub's inbox shows one message to each citizen of those communes (one to the
 * citizen subscribed to both), none to a third commune's, none to one who disabled alerts or chose
 * notification preference NONE; the progress counts say the same.
 */
class AlertsApiIT {
    static final String FIRST_ADMIN = "8100000000000000071";
    static final String HOME = "DEMO-P01";
    static final String PARENTS = "DEMO-P02";
    static final String ELSEWHERE = "DEMO-P03";
    static final String ALERT_TEMPLATE_ID = "900031";   // ALERT_ISSUED in infra/demo/tay-ninh.json

    @RegisterExtension
    static LocalApiExtension api = ApiClient.localApi(FIRST_ADMIN);
    static final ApiClient client = new ApiClient(api);

    @BeforeAll
    static void publishTheDemoProvince() throws Exception {
        client.demoProvinceWithAdmin(FIRST_ADMIN);
    }

    /** A signed-in citizen with a phone, a notification preference and a choice of alert communes. */
    static Person citizen(String name, String phone, String preference, String home, List<String> others,
                          boolean enabled) throws Exception {
        Person person = client.signIn(NewUser.named(name).phone(phone));
        ok(client.send("PATCH", "/v1/me", person, Json.write(Json.object().put("notificationPreference", preference)
                .put("expectedVersion", 1))));   // a citizen who just signed in for the first time
        ObjectNode choice = Json.object().put("homeAreaCode", home).put("enabled", enabled);
        others.forEach(choice.putArray("areaCodes")::add);
        JsonNode chosen = ok(client.send("PUT", "/v1/me/alert-areas", person, Json.write(choice)));
        assertEquals(enabled, chosen.path("enabled").asBoolean());
        return person;
    }

    /** The admin's grant of ALERT_SENDER, written on the user item (the roles route comes with the directory work). */
    static void grantAlertSender(Person person) {
        client.api().aws().dynamoDb().updateItem(b -> b.tableName(client.table())
                .key(Map.of("pk", AttributeValue.fromS(UserItems.userKey(person.id())),
                        "sk", AttributeValue.fromS(UserItems.PROFILE)))
                .updateExpression("SET #r = list_append(if_not_exists(#r, :none), :grant)")
                .expressionAttributeNames(Map.of("#r", UserItems.ROLES))
                .expressionAttributeValues(Map.of(":none", AttributeValue.fromL(List.of()),
                        ":grant", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                                "role", AttributeValue.fromS("ALERT_SENDER"))))))));
    }

    static long messages(String phone) {
        return api.zaloStub().inboxForPhone(phone).stream().filter(m -> ALERT_TEMPLATE_ID.equals(m.templateId())).count();
    }

    @Test
    void anAlertToTwoCommunesReachesTheirOptedInCitizensOnce() throws Exception {
        Person home = citizen("Trần Văn Hòa", "84905550701", "ZNS", HOME, List.of(), true);
        Person both = citizen("Lê Thị Mai", "84905550702", "ZNS", PARENTS, List.of(HOME), true);
        citizen("Phạm Văn Nam", "84905550703", "ZNS", ELSEWHERE, List.of(), true);
        citizen("Võ Thị Hạnh", "84905550704", "ZNS", HOME, List.of(), false);
        Person optedOut = citizen("Đỗ Văn Long", "84905550705", "NONE", HOME, List.of(), true);
        Person sender = client.citizen("Cán bộ trực cảnh báo");
        grantAlertSender(sender);

        String body = Json.write(Json.object().put("kind", "FLOOD").put("severity", "DANGER")
                .put("title", "Lũ trên sông Vàm Cỏ Đông")
                .put("message", "Nước sông dâng cao đêm nay. Di chuyển tài sản lên cao, theo hướng dẫn của xã.")
                .put("validUntil", Instant.now().plusSeconds(86_400).toString())
                .set("areaCodes", Json.MAPPER.valueToTree(List.of(HOME, PARENTS))));
        status(403, client.send("POST", "/v1/alerts", home, body, "idempotency-key", "alert-it-citizen-1"));
        JsonNode alert = status(202, client.send("POST", "/v1/alerts", sender, body, "idempotency-key", "alert-it-0001"));
        String id = alert.path("id").asText();

        Set<String> keys = Set.of("ALERT#" + id + "#" + home.id(), "ALERT#" + id + "#" + both.id(),
                "ALERT#" + id + "#" + optedOut.id());
        assertEquals(keys, client.dispatched(keys, 90), "the fan-out and the dispatcher settled every job");
        assertEquals(1, messages("84905550701"));
        assertEquals(1, messages("84905550702"), "subscribed to both communes: one message");
        assertEquals(0, messages("84905550703"), "a third commune");
        assertEquals(0, messages("84905550704"), "alerts disabled");
        assertEquals(0, messages("84905550705"), "notification preference NONE");

        JsonNode progress = null;
        for (int i = 0; i < 40; i++) {
            progress = ok(client.send("GET", "/v1/alerts/" + id + "/progress", sender, null));
            if ("SENT".equals(progress.path("status").asText()) && progress.path("pending").asLong() == 0) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(3, progress.path("queued").asLong(), progress.toString());
        assertEquals(2, progress.path("sent").asLong(), progress.toString());
        assertEquals(1, progress.path("undeliverable").path("OPTED_OUT").asLong(), progress.toString());
        assertEquals("SENT", progress.path("status").asText());

        JsonNode banner = ok(client.send("GET", "/v1/alerts?areaCode=" + PARENTS, null, null));
        assertTrue(banner.path("items").findValuesAsText("id").contains(id), banner.toString());
        assertTrue(ok(client.send("GET", "/v1/alerts?areaCode=" + ELSEWHERE, null, null)).path("items")
                .findValuesAsText("id").isEmpty());
        // Strangers to sending (a citizen who received it, a caller without a session) cannot cancel
        // it, whatever the body; reports' StrangerAccessApiIT cannot walk this route (it runs before
        // this module's zip exists in a clean build), so this test does.
        for (String junk : new String[] {null, "{not json", "{\"reason\": 1}"}) {
            assertEquals(403, client.send("POST", "/v1/alerts/" + id + "/cancel", home, junk).statusCode());
        }
        assertEquals(401, client.send("POST", "/v1/alerts/" + id + "/cancel", null, "{}").statusCode());
        assertEquals("SENT", ok(client.send("GET", "/v1/alerts/" + id + "/progress", sender, null))
                .path("status").asText(), "still in force");
        assertEquals("CANCELLED", ok(client.send("POST", "/v1/alerts/" + id + "/cancel", sender, null))
                .path("status").asText());
        assertTrue(ok(client.send("GET", "/v1/alerts?areaCode=" + PARENTS, null, null)).path("items")
                .findValuesAsText("id").isEmpty(), "a cancelled alert leaves the banner");
        assertEquals(0, messages("84905550703") + messages("84905550704") + messages("84905550705"));
    }
}
