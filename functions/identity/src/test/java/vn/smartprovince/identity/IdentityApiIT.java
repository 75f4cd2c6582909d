package vn.smartprovince.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.zalostub.Endpoint;
import vn.smartprovince.zalostub.ZaloStubClient;
import vn.smartprovince.zalostub.ZaloStubClient.Fault;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;

/**
 * The "Done when", over HTTP through the local runtime (the template's authorizer and
 * routes, the identity zip), the emulator (DynamoDB, Secrets Manager) and the Zalo stub: a demo
 * user signs in with a Zalo token and reads /v1/me; forged tokens get 401; an officer is refused
 * on another agency's route; an admin's grant takes effect at once; Zalo failures are 503; an
 * erased account's token is 401.
 */
class IdentityApiIT {
    static final String FIRST_ADMIN = "8100000000000000001";

    @RegisterExtension
    static LocalApiExtension api = new LocalApiExtension(AwsEmulatorExtension.builder()
            .parameter("FirstAdminZaloId", FIRST_ADMIN).build());

    @BeforeAll
    static void publishTheDemoProvince() {
        new ProvinceConfigStore(api.aws().dynamoDb(), api.aws().tableName("MainTable")).publish(ProvinceConfigLoader.load(
                AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json"))));
    }

    @AfterEach
    void clearFaults() {
        zalo().clearFaults();
    }

    private static ZaloStubClient zalo() {
        return api.zaloStub();
    }

    private static HttpResponse<String> signIn(ZaloStubClient.StubUser user, boolean withPhone) throws Exception {
        String body = withPhone
                ? Json.write(Json.object().put("accessToken", user.accessToken()).put("phoneToken", user.phoneToken()))
                : Json.write(Json.object().put("accessToken", user.accessToken()));
        return api.post("/v1/auth/zalo", body);
    }

    private static String sessionOf(ZaloStubClient.StubUser user) throws Exception {
        HttpResponse<String> response = signIn(user, false);
        assertEquals(200, response.statusCode(), response.body());
        return Json.read(response.body()).path("sessionToken").asText();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return api.get(path, "authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = api.request(path).header("authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("content-type", "application/json");
        }
        return api.send(request.build());
    }

    private static String errorDetail(HttpResponse<String> response) {
        return Json.read(response.body()).path("error").path("details").path(0).path("code").asText();
    }

    @Test
    void aDemoUserSignsInWithZaloAndReadsTheirProfile() throws Exception {
        var user = zalo().createUser(NewUser.named("Phạm Thị Lan").phone("0987654321"));
        HttpResponse<String> signedIn = signIn(user, true);
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        JsonNode session = Json.read(signedIn.body());
        assertEquals("84987654321", session.path("profile").path("phone").asText());
        String token = session.path("sessionToken").asText();

        HttpResponse<String> me = get("/v1/me", token);
        assertEquals(200, me.statusCode(), me.body());
        JsonNode body = Json.read(me.body());
        assertEquals(user.id(), body.path("profile").path("zaloId").asText());
        assertEquals("Phạm Thị Lan", body.path("profile").path("displayName").asText());
        assertEquals("\"1\"", me.headers().firstValue("etag").orElse(""));

        HttpResponse<String> patched = send("PATCH", "/v1/me", token, "{\"birthYear\": 1961, \"expectedVersion\": 1}");
        assertEquals(200, patched.statusCode(), patched.body());
        HttpResponse<String> stale = send("PATCH", "/v1/me", token, "{\"birthYear\": 1962, \"expectedVersion\": 1}");
        assertEquals(409, stale.statusCode());
        assertEquals(1961, Json.read(stale.body()).path("error").path("current").path("profile").path("birthYear").asInt());

        HttpResponse<String> renewed = send("POST", "/v1/auth/session/renew", token, null);
        assertEquals(200, renewed.statusCode(), renewed.body());
        assertEquals(200, get("/v1/me", Json.read(renewed.body()).path("sessionToken").asText()).statusCode());
    }

    @Test
    void forgedAndMissingSessionsAre401() throws Exception {
        var user = zalo().createUser(NewUser.named("Trương Văn Hải"));
        String token = sessionOf(user);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        HttpResponse<String> response = get("/v1/me", forged);
        assertEquals(401, response.statusCode());
        JsonNode error = Json.read(response.body()).path("error");
        assertEquals("UNAUTHORIZED", error.path("code").asText());
        assertEquals("TOKEN_INVALID", error.path("details").path(0).path("code").asText());
        assertTrue(response.headers().firstValue("www-authenticate").orElse("").startsWith("Bearer"));

        assertEquals("TOKEN_INVALID", errorDetail(get("/v1/me", "not-even-a-jwt")));
        HttpResponse<String> missing = api.get("/v1/me");
        assertEquals(401, missing.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", missing.body(), "API Gateway's own answer");

        HttpResponse<String> zaloForged = api.post("/v1/auth/zalo", "{\"accessToken\": \"forged-zalo-token\"}");
        assertEquals(401, zaloForged.statusCode());
        var foreign = zalo().createUser(NewUser.named("Người ngoài").appId("5555555555"));
        assertEquals(401, signIn(foreign, false).statusCode(), "a token of another Zalo app");
    }

    @Test
    void anAdminsGrantTakesEffectAndOfficersStayInTheirAgency() throws Exception {
        var admin = zalo().createUser(NewUser.named("Quản trị").id(FIRST_ADMIN));
        String adminToken = sessionOf(admin);
        var officer = zalo().createUser(NewUser.named("Cán bộ Xây dựng"));
        String officerToken = sessionOf(officer);

        assertEquals(403, get("/v1/agencies/so-xay-dung/officers", officerToken).statusCode(), "a citizen yet");
        HttpResponse<String> byCitizen = send("PUT", "/v1/users/" + officer.id() + "/officer-role", officerToken,
                "{\"agencyId\": \"so-xay-dung\"}");
        assertEquals(403, byCitizen.statusCode());

        HttpResponse<String> unknown = send("PUT", "/v1/users/" + officer.id() + "/officer-role", adminToken,
                "{\"agencyId\": \"so-khong-ton-tai\"}");
        assertEquals(400, unknown.statusCode());
        assertEquals("agencyId", Json.read(unknown.body()).path("error").path("details").path(0).path("field").asText());

        HttpResponse<String> granted = send("PUT", "/v1/users/" + officer.id() + "/officer-role", adminToken,
                "{\"agencyId\": \"so-xay-dung\"}");
        assertEquals(200, granted.statusCode(), granted.body());

        // The same session token: the authorizer reads the roles on every request.
        HttpResponse<String> own = get("/v1/agencies/so-xay-dung/officers", officerToken);
        assertEquals(200, own.statusCode(), own.body());
        HttpResponse<String> other = get("/v1/agencies/ubnd-tan-ninh/officers", officerToken);
        assertEquals(403, other.statusCode());
        assertEquals("FORBIDDEN", Json.read(other.body()).path("error").path("code").asText());
        assertEquals(200, get("/v1/agencies/ubnd-tan-ninh/officers", adminToken).statusCode());
        JsonNode me = Json.read(get("/v1/me", officerToken).body());
        assertEquals("so-xay-dung", me.path("roles").path(1).path("agencyId").asText());

        assertEquals(200, send("DELETE", "/v1/users/" + officer.id() + "/officer-role", adminToken, null).statusCode());
        assertEquals(403, get("/v1/agencies/so-xay-dung/officers", officerToken).statusCode(), "revoked at once");
    }

    @Test
    void zaloRegionRestrictionAndTimeoutsAre503NamingTheCause() throws Exception {
        var user = zalo().createUser(NewUser.named("Đỗ Minh Khoa"));
        zalo().fault(Fault.on(Endpoint.GRAPH_ME).error(-501));
        HttpResponse<String> restricted = signIn(user, false);
        assertEquals(503, restricted.statusCode(), restricted.body());
        JsonNode error = Json.read(restricted.body()).path("error");
        assertEquals("DEPENDENCY_UNAVAILABLE", error.path("code").asText());
        assertTrue(error.path("cause").asText().contains("-501"), error.toString());

        zalo().fault(Fault.on(Endpoint.GRAPH_ME).timeout(Duration.ofSeconds(8)));
        HttpResponse<String> timeout = signIn(user, false);
        assertEquals(503, timeout.statusCode(), timeout.body());
        assertTrue(Json.read(timeout.body()).path("error").path("cause").asText().contains("timeout"));

        assertEquals(200, signIn(user, false).statusCode(), "and it recovers");
    }

    @Test
    void anErasedAccountsTokenIs401AndANewSignInStartsAfresh() throws Exception {
        var user = zalo().createUser(NewUser.named("Hồ Thị Thu").phone("0911222333"));
        HttpResponse<String> first = signIn(user, true);
        String token = Json.read(first.body()).path("sessionToken").asText();
        assertEquals(204, send("DELETE", "/v1/me", token, null).statusCode());

        HttpResponse<String> after = get("/v1/me", token);
        assertEquals(401, after.statusCode());
        assertEquals("SESSION_REVOKED", errorDetail(after));

        HttpResponse<String> again = signIn(user, false);
        assertTrue(Json.read(again.body()).path("firstSignIn").asBoolean());
        assertTrue(Json.read(again.body()).path("profile").path("phone").isMissingNode(), "the old number is gone");
        assertEquals(401, get("/v1/me", token).statusCode(), "the erased account's token stays dead");
        assertNotEquals(token, Json.read(again.body()).path("sessionToken").asText());

        String fresh = Json.read(again.body()).path("sessionToken").asText();
        assertEquals(204, send("DELETE", "/v1/auth/session", fresh, null).statusCode());
        assertEquals("SESSION_REVOKED", errorDetail(get("/v1/me", fresh)), "signed out everywhere");
    }
}
