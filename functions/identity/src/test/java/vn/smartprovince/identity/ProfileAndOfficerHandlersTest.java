package vn.smartprovince.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.identity.account.DeleteMeHandler;
import vn.smartprovince.identity.account.GetMeHandler;
import vn.smartprovince.identity.account.SignOutHandler;
import vn.smartprovince.identity.account.UpdateMeHandler;
import vn.smartprovince.identity.core.SessionTokens;
import vn.smartprovince.identity.core.Users;
import vn.smartprovince.identity.officers.GrantOfficerHandler;
import vn.smartprovince.identity.officers.ListOfficersHandler;
import vn.smartprovince.identity.officers.RevokeOfficerHandler;
import vn.smartprovince.identity.session.RenewSessionHandler;
import vn.smartprovince.identity.store.DynamoDbUsers;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/**
 * The protected identity handlers with their template environment against the emulator, driven
 * by events/identity-*.json (whose authorizer context is what the session authorizer passes).
 */
class ProfileAndOfficerHandlersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();
    static HandlerKit kit;
    static final String CITIZEN = "9000000000000000001";
    static final String OFFICER = "9000000000000000101";
    static final String ADMIN = "9000000000000000900";
    static final Instant EVENT_TIME = Instant.parse("2026-11-28T09:30:00Z");

    @BeforeAll
    static void start() {
        kit = new HandlerKit();
        new ProvinceConfigStore(aws.dynamoDb(), aws.tableName("MainTable"))
                .publish(ProvinceConfigLoader.load(AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json"))));
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
        Users users = users();
        for (String id : List.of(CITIZEN, OFFICER, ADMIN)) {
            users.delete(id);
        }
        users.create(Fakes.user(CITIZEN));
        users.create(Fakes.user(OFFICER, RoleGrant.officerOf("so-xay-dung")));
        users.create(Fakes.user(ADMIN, RoleGrant.provinceAdmin()));
    }

    private Env env(String function) {
        return kit.env(aws, function);
    }

    @Test
    void getMeShowsTheOwnersFullProfileWithItsVersion() {
        JsonNode result = HandlerKit.invoke(new GetMeHandler(env("GetMeFunction")), HandlerKit.event("identity-me-get.json"));
        assertEquals(200, result.path("statusCode").asInt(), result.toString());
        assertEquals("\"1\"", result.path("headers").path("etag").asText());
        JsonNode profile = result.path("json").path("profile");
        assertEquals(CITIZEN, profile.path("zaloId").asText());
        assertEquals("84900000001", profile.path("phone").asText(), "the owner sees the full number");
        assertEquals("ZALO_OA", profile.path("notificationPreference").asText());
        assertEquals("CITIZEN", result.path("json").path("roles").get(0).path("role").asText());
    }

    @Test
    void patchMeChangesOnceAndThenConflictsWithTheCurrentState() {
        UpdateMeHandler handler = new UpdateMeHandler(env("UpdateMeFunction"), HandlerKit.secrets(env("UpdateMeFunction")));
        JsonNode first = HandlerKit.invoke(handler, HandlerKit.event("identity-me-patch.json"));
        assertEquals(200, first.path("statusCode").asInt(), first.toString());
        assertEquals("Anh An", first.path("json").path("profile").path("displayName").asText());
        assertEquals(1978, first.path("json").path("profile").path("birthYear").asInt());
        assertEquals("\"2\"", first.path("headers").path("etag").asText());

        JsonNode again = HandlerKit.invoke(handler, HandlerKit.event("identity-me-patch.json"));
        assertEquals(409, again.path("statusCode").asInt());
        assertEquals("CONFLICT", again.path("json").path("error").path("code").asText());
        assertEquals(2, again.path("json").path("error").path("current").path("profile").path("version").asInt());

        JsonNode invalid = HandlerKit.invoke(handler, HandlerKit.event("identity-me-patch.json",
                e -> HandlerKit.body(e, Map.of("phone", "0912345678", "displayName", "x".repeat(101)))));
        assertEquals(400, invalid.path("statusCode").asInt());
        assertEquals(2, invalid.path("json").path("error").path("details").size());
    }

    @Test
    void deleteMeErasesTheItemAndTheLinkToTheOfficialAccount() {
        java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> follower = java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(vn.smartprovince.shared.auth.UserItems.userKey(CITIZEN)),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(vn.smartprovince.shared.auth.UserItems.OA_FOLLOWER),
                "followerId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("8000000000000000001"));
        aws.dynamoDb().putItem(b -> b.tableName(aws.tableName("MainTable")).item(follower));
        JsonNode result = HandlerKit.invoke(new DeleteMeHandler(env("DeleteMeFunction")), HandlerKit.event("identity-me-delete.json"));
        assertEquals(204, result.path("statusCode").asInt());
        var gone = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).key(DynamoDbUsers.key(CITIZEN))
                .consistentRead(true));
        assertFalse(gone.hasItem() && !gone.item().isEmpty(), "the profile and its contact data are gone");
        var link = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).consistentRead(true)
                .key(java.util.Map.of("pk", follower.get("pk"), "sk", follower.get("sk"))));
        assertFalse(link.hasItem() && !link.item().isEmpty(), "the OA follower id goes with it");
        JsonNode after = HandlerKit.invoke(new GetMeHandler(env("GetMeFunction")), HandlerKit.event("identity-me-get.json"));
        assertEquals(401, after.path("statusCode").asInt());
        assertEquals("SESSION_REVOKED", after.path("json").path("error").path("details").get(0).path("code").asText());
    }

    @Test
    void renewIssuesAFreshTokenForTheSameSessionAndSignOutEndsThemAll() {
        Env env = env("RenewSessionFunction");
        Clock atEvent = Clock.fixed(EVENT_TIME, ZoneOffset.UTC);
        JsonNode renewed = HandlerKit.invoke(new RenewSessionHandler(env, HandlerKit.secrets(env), atEvent),
                HandlerKit.event("identity-session-renew.json"));
        assertEquals(200, renewed.path("statusCode").asInt(), renewed.toString());
        assertEquals(EVENT_TIME.plusSeconds(3600).toString(), renewed.path("json").path("expiresAt").asText());
        String token = renewed.path("json").path("sessionToken").asText();
        SessionTokens tokens = new SessionTokens(Fakes.keys(HandlerKit.SIGNING_KEY), Wiring.issuer(env), env.required("ZALO_APP_ID"));
        var claims = ((SessionTokens.Valid) tokens.verify(token, EVENT_TIME)).claims();
        assertEquals("c2Vzc2lvbi1zYW1wbGUtMDAx", claims.sessionId(), "the same session");
        assertEquals(CITIZEN, claims.subject());

        long before = users().find(CITIZEN).orElseThrow().sessionVersion();
        JsonNode out = HandlerKit.invoke(new SignOutHandler(env("SignOutFunction")), HandlerKit.event("identity-sign-out.json"));
        assertEquals(204, out.path("statusCode").asInt());
        assertTrue(users().find(CITIZEN).orElseThrow().sessionVersion() > before);
    }

    @Test
    void anAdminGrantsAnOfficerRoleWhichShowsInTheAgencysList() {
        JsonNode granted = HandlerKit.invoke(new GrantOfficerHandler(env("GrantOfficerFunction")),
                HandlerKit.event("identity-officer-grant.json"));
        assertEquals(200, granted.path("statusCode").asInt(), granted.toString());
        assertEquals("84*****0001", granted.path("json").path("phone").asText(), "masked for the admin");
        Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable"))
                .key(DynamoDbUsers.key(CITIZEN)).consistentRead(true)).item();
        assertEquals("AGENCY#ubnd-tan-ninh#OFFICERS", item.get("gsi1pk").s());

        ObjectNode list = HandlerKit.event("identity-officers-list.json", e -> {
            ((ObjectNode) e.path("pathParameters")).put("agencyId", "ubnd-tan-ninh");
            ((ObjectNode) e.path("requestContext").path("authorizer").path("lambda"))
                    .put("userId", ADMIN).put("roles", "CITIZEN,PROVINCE_ADMIN").put("agencyId", "");
        });
        JsonNode officers = HandlerKit.invoke(new ListOfficersHandler(env("ListOfficersFunction")), list);
        assertEquals(200, officers.path("statusCode").asInt(), officers.toString());
        assertEquals(CITIZEN, officers.path("json").path("items").get(0).path("zaloId").asText());

        JsonNode unknown = HandlerKit.invoke(new GrantOfficerHandler(env("GrantOfficerFunction")),
                HandlerKit.event("identity-officer-grant.json", e -> HandlerKit.body(e, Map.of("agencyId", "so-khong-co"))));
        assertEquals(400, unknown.path("statusCode").asInt());
        assertEquals("agencyId", unknown.path("json").path("error").path("details").get(0).path("field").asText());

        JsonNode revoked = HandlerKit.invoke(new RevokeOfficerHandler(env("RevokeOfficerFunction")),
                HandlerKit.event("identity-officer-revoke.json"));
        assertEquals(200, revoked.path("statusCode").asInt(), revoked.toString());
        assertEquals(1, revoked.path("json").path("roles").size());
    }

    @Test
    void anOfficerSeesTheirAgencyButNotAnother() {
        ListOfficersHandler handler = new ListOfficersHandler(env("ListOfficersFunction"));
        JsonNode own = HandlerKit.invoke(handler, HandlerKit.event("identity-officers-list.json"));
        assertEquals(200, own.path("statusCode").asInt(), own.toString());
        assertEquals(OFFICER, own.path("json").path("items").get(0).path("zaloId").asText());

        JsonNode other = HandlerKit.invoke(handler, HandlerKit.event("identity-officers-list.json",
                e -> ((ObjectNode) e.path("pathParameters")).put("agencyId", "ubnd-tan-ninh")));
        assertEquals(403, other.path("statusCode").asInt());
        assertEquals("FORBIDDEN", other.path("json").path("error").path("code").asText());

        JsonNode grant = HandlerKit.invoke(new GrantOfficerHandler(env("GrantOfficerFunction")),
                HandlerKit.event("identity-officer-grant.json", e -> ((ObjectNode) e.path("requestContext").path("authorizer")
                        .path("lambda")).put("userId", OFFICER).put("roles", "CITIZEN,OFFICER").put("agencyId", "so-xay-dung")));
        assertEquals(403, grant.path("statusCode").asInt(), "officers do not grant roles");

        JsonNode badCursor = HandlerKit.invoke(handler, HandlerKit.event("identity-officers-list.json",
                e -> ((ObjectNode) e.path("queryStringParameters")).put("cursor", "eyJ0YW1wZXJlZCI6dHJ1ZX0")));
        assertEquals("INVALID_CURSOR", badCursor.path("json").path("error").path("code").asText());
    }

    private static java.util.function.Consumer<ObjectNode> as(String userId, String roles, String agencyId) {
        return e -> ((ObjectNode) e.path("requestContext").path("authorizer").path("lambda"))
                .put("userId", userId).put("roles", roles).put("agencyId", agencyId);
    }

    private static java.util.function.Consumer<ObjectNode> query(String agencyId, String limit, String cursor) {
        return e -> {
            ((ObjectNode) e.path("pathParameters")).put("agencyId", agencyId);
            e.putObject("queryStringParameters").put("limit", limit).put("cursor", cursor);
            e.put("rawQueryString", "limit=" + limit + "&cursor=" + cursor);
        };
    }

    @Test
    void aCallerWithoutTheRightHears403Or404BeforeAnyProblemWithTheRequest() {
        GrantOfficerHandler grant = new GrantOfficerHandler(env("GrantOfficerFunction"));
        for (String body : List.of("{\"agencyId\": ", "[1]", "{\"agencyId\": 7, \"extra\": true}")) {
            JsonNode byOfficer = HandlerKit.invoke(grant, HandlerKit.event("identity-officer-grant.json",
                    as(OFFICER, "CITIZEN,OFFICER", "so-xay-dung").andThen(e -> HandlerKit.body(e, body))));
            assertEquals(403, byOfficer.path("statusCode").asInt(), body);
            assertEquals("FORBIDDEN", byOfficer.path("json").path("error").path("code").asText());
            JsonNode byCitizen = HandlerKit.invoke(grant, HandlerKit.event("identity-officer-grant.json",
                    as(CITIZEN, "CITIZEN", "").andThen(e -> HandlerKit.body(e, body))));
            assertEquals(403, byCitizen.path("statusCode").asInt(), body);
        }
        JsonNode malformedByAdmin = HandlerKit.invoke(grant, HandlerKit.event("identity-officer-grant.json",
                e -> HandlerKit.body(e, "{\"agencyId\": ")));
        assertEquals(400, malformedByAdmin.path("statusCode").asInt(), "the admin hears what is wrong with the body");
        assertEquals("MALFORMED_JSON", malformedByAdmin.path("json").path("error").path("code").asText());

        JsonNode revoke = HandlerKit.invoke(new RevokeOfficerHandler(env("RevokeOfficerFunction")),
                HandlerKit.event("identity-officer-revoke.json", as(OFFICER, "CITIZEN,OFFICER", "so-xay-dung")
                        .andThen(e -> ((ObjectNode) e.path("pathParameters")).put("zaloId", "not-a-zalo-id"))));
        assertEquals(403, revoke.path("statusCode").asInt(), "an officer revoking, even with a malformed id");

        ListOfficersHandler list = new ListOfficersHandler(env("ListOfficersFunction"));
        JsonNode otherAgency = HandlerKit.invoke(list, HandlerKit.event("identity-officers-list.json",
                query("ubnd-tan-ninh", "1000", "!!")));
        assertEquals(403, otherAgency.path("statusCode").asInt(), otherAgency.toString());
        JsonNode noSuchAgency = HandlerKit.invoke(list, HandlerKit.event("identity-officers-list.json",
                as(ADMIN, "CITIZEN,PROVINCE_ADMIN", "").andThen(query("so-khong-co", "0", "!!"))));
        assertEquals(404, noSuchAgency.path("statusCode").asInt(), noSuchAgency.toString());
        JsonNode badQuery = HandlerKit.invoke(list, HandlerKit.event("identity-officers-list.json",
                as(ADMIN, "CITIZEN,PROVINCE_ADMIN", "").andThen(query("ubnd-tan-ninh", "0", "!!"))));
        assertEquals(400, badQuery.path("statusCode").asInt(), "an admin of a real agency hears the query's problem");
        assertEquals("limit", badQuery.path("json").path("error").path("details").get(0).path("field").asText());
    }
}
