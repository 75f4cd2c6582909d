package vn.smartprovince.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.identity.account.GetMeHandler;
import vn.smartprovince.identity.core.Users;
import vn.smartprovince.identity.officers.GrantRoleHandler;
import vn.smartprovince.identity.officers.RevokeRoleHandler;
import vn.smartprovince.identity.store.DynamoDbUsers;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/** {@code PUT/DELETE /v1/users/{zaloId}/roles/{role}} against the emulator, driven by events/identity-role-*.json. */
class RoleGrantHandlersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();
    static HandlerKit kit;
    static final String CITIZEN = "9000000000000000001";
    static final String ADMIN = "9000000000000000900";
    static final String NEVER_SIGNED_IN = "9000000000000000777";

    @BeforeAll
    static void start() {
        kit = new HandlerKit();
    }

    @AfterAll
    static void stop() {
        kit.close();
    }

    private Users users() {
        return new DynamoDbUsers(aws.dynamoDb(), aws.tableName("MainTable"));
    }

    @BeforeEach
    void seedUsers() {
        for (String id : List.of(CITIZEN, ADMIN, NEVER_SIGNED_IN)) {
            users().delete(id);
        }
        users().create(Fakes.user(CITIZEN));
        users().create(Fakes.user(ADMIN, RoleGrant.provinceAdmin()));
    }

    private Env env(String function) {
        return kit.env(aws, function);
    }

    private JsonNode grant(Consumer<ObjectNode> change) {
        return HandlerKit.invoke(new GrantRoleHandler(env("GrantRoleFunction")), HandlerKit.event("identity-role-grant.json", change));
    }

    private JsonNode revoke(Consumer<ObjectNode> change) {
        return HandlerKit.invoke(new RevokeRoleHandler(env("RevokeRoleFunction")), HandlerKit.event("identity-role-revoke.json", change));
    }

    private static List<String> roles(JsonNode person) {
        List<String> names = new ArrayList<>();
        person.path("roles").forEach(role -> names.add(role.path("role").asText()));
        return names;
    }

    @Test
    void anAdminGrantsEditorAndAlertSenderOnceAndTheUserSeesThemInMe() {
        JsonNode editor = grant(e -> { });
        assertEquals(200, editor.path("statusCode").asInt(), editor.toString());
        assertEquals(List.of("CITIZEN", "EDITOR"), roles(editor.path("json")));
        assertEquals("84*****0001", editor.path("json").path("phone").asText(), "masked for the admin");
        long version = editor.path("json").path("version").asLong();

        JsonNode again = grant(e -> { });
        assertEquals(200, again.path("statusCode").asInt());
        assertEquals(version, again.path("json").path("version").asLong(), "idempotent: nothing changed the second time");

        JsonNode sender = grant(role("ALERT_SENDER"));
        assertEquals(List.of("CITIZEN", "EDITOR", "ALERT_SENDER"), roles(sender.path("json")));
        assertTrue(users().find(CITIZEN).orElseThrow().has(Role.ALERT_SENDER));

        JsonNode me = HandlerKit.invoke(new GetMeHandler(env("GetMeFunction")), HandlerKit.event("identity-me-get.json"));
        assertEquals(List.of("CITIZEN", "EDITOR", "ALERT_SENDER"), roles(me.path("json")));

        JsonNode revoked = revoke(e -> { });
        assertEquals(200, revoked.path("statusCode").asInt(), revoked.toString());
        assertEquals(List.of("CITIZEN", "ALERT_SENDER"), roles(revoked.path("json")));
        JsonNode revokedAgain = revoke(e -> { });
        assertEquals(200, revokedAgain.path("statusCode").asInt(), "idempotent revoke");
        assertEquals(List.of("CITIZEN", "ALERT_SENDER"), roles(revokedAgain.path("json")));
    }

    @Test
    void otherRoleNamesAreRefusedNamingTheField() {
        for (String name : List.of("OFFICER", "PROVINCE_ADMIN", "CITIZEN", "editor", "SUPERUSER", "")) {
            JsonNode refused = grant(role(name));
            assertEquals(400, refused.path("statusCode").asInt(), name + ": " + refused);
            assertEquals("role", refused.path("json").path("error").path("details").get(0).path("field").asText());
            JsonNode refusedRevoke = revoke(role(name));
            assertEquals(400, refusedRevoke.path("statusCode").asInt(), name);
        }
        assertEquals(List.of(RoleGrant.citizen()), users().find(CITIZEN).orElseThrow().roles());
    }

    @Test
    void nonAdminsHear403BeforeAnythingIsReadAndUnknownUsers404() {
        Consumer<ObjectNode> citizen = as(CITIZEN, "CITIZEN,EDITOR");
        JsonNode byCitizen = grant(citizen.andThen(role("NONSENSE")).andThen(zaloId("not-digits")));
        assertEquals(403, byCitizen.path("statusCode").asInt(), byCitizen.toString());
        assertEquals("FORBIDDEN", byCitizen.path("json").path("error").path("code").asText());
        assertEquals(403, revoke(as(CITIZEN, "CITIZEN,ALERT_SENDER")).path("statusCode").asInt());
        assertEquals(403, grant(as(CITIZEN, "CITIZEN,OFFICER").andThen(e -> ((ObjectNode) e.path("requestContext")
                .path("authorizer").path("lambda")).put("agencyId", "so-xay-dung"))).path("statusCode").asInt());

        JsonNode unknown = grant(zaloId(NEVER_SIGNED_IN));
        assertEquals(404, unknown.path("statusCode").asInt(), unknown.toString());
        assertEquals("zaloId", unknown.path("json").path("error").path("details").get(0).path("field").asText());
        JsonNode malformed = grant(zaloId("abc"));
        assertEquals(400, malformed.path("statusCode").asInt());
        assertEquals("zaloId", malformed.path("json").path("error").path("details").get(0).path("field").asText());
    }

    private static Consumer<ObjectNode> role(String role) {
        return e -> ((ObjectNode) e.path("pathParameters")).put("role", role);
    }

    private static Consumer<ObjectNode> zaloId(String zaloId) {
        return e -> ((ObjectNode) e.path("pathParameters")).put("zaloId", zaloId);
    }

    private static Consumer<ObjectNode> as(String userId, String roles) {
        return e -> ((ObjectNode) e.path("requestContext").path("authorizer").path("lambda"))
                .put("userId", userId).put("roles", roles).put("agencyId", "");
    }
}
