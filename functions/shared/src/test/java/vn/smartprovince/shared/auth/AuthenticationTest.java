package vn.smartprovince.shared.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;

/** The authorizer's verdict as protected handlers read it: 401/503 with our body, or the caller. */
class AuthenticationTest {
    private static final Instant REQUEST_TIME = Instant.parse("2026-11-28T09:30:00Z");
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @BeforeEach
    void captureLogs() {
        JsonLog.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLogs() {
        JsonLog.redirect(System.out);
    }

    private static Caller officer(Instant expiresAt) {
        return new Caller("9000000000000000101", EnumSet.of(Role.CITIZEN, Role.OFFICER), "so-xay-dung",
                "sid-1", expiresAt, REQUEST_TIME.minusSeconds(600));
    }

    private static HttpRequest request(Map<String, ?> context) {
        return new HttpRequest("GET /v1/me", "GET", "/v1/me", Map.of(), Map.of(), Map.of(), List.of(), null,
                "req-1", "1.2.3.4", REQUEST_TIME, new LinkedHashMap<>(context));
    }

    @Test
    void aValidContextGivesTheCallerWithRolesAndAgency() {
        Caller expected = officer(REQUEST_TIME.plusSeconds(3600));
        Caller caller = Authentication.require(request(AuthorizerContext.of(expected)));
        assertEquals(expected, caller);
        assertTrue(caller.isOfficerOf("so-xay-dung"));
        assertFalse(caller.isOfficerOf("ubnd-tan-ninh"));
        assertFalse(caller.isProvinceAdmin());
        assertEquals("CITIZEN,OFFICER", AuthorizerContext.of(expected).get(AuthorizerContext.ROLES));
    }

    @ParameterizedTest
    @EnumSource(value = AuthFailure.class, names = "AUTH_UNAVAILABLE", mode = EnumSource.Mode.EXCLUDE)
    void aRejectedSessionIs401NamingWhy(AuthFailure reason) {
        ApiException e = assertThrows(ApiException.class,
                () -> Authentication.require(request(AuthorizerContext.rejected(reason))));
        assertEquals(ErrorCode.UNAUTHORIZED, e.code());
        assertEquals(reason.name(), e.details().get(0).code());
        assertEquals("Authorization", e.details().get(0).field());
        assertTrue(e.headers().get("WWW-Authenticate").startsWith("Bearer"));
    }

    @Test
    void noContextAtAllIsRefused() {
        ApiException e = assertThrows(ApiException.class, () -> Authentication.require(request(Map.of())));
        assertEquals(ErrorCode.UNAUTHORIZED, e.code());
        assertEquals("TOKEN_MISSING", e.details().get(0).code());
    }

    @Test
    void anUnknownReasonCountsAsAnInvalidToken() {
        ApiException e = assertThrows(ApiException.class, () -> Authentication.require(
                request(Map.of("authenticated", "false", "reason", "SOMETHING_NEW"))));
        assertEquals("TOKEN_INVALID", e.details().get(0).code());
    }

    @Test
    void aMalformedContextIsNeverTrusted() {
        Map<String, String> context = new LinkedHashMap<>(AuthorizerContext.of(officer(REQUEST_TIME.plusSeconds(60))));
        context.put(AuthorizerContext.ROLES, "CITIZEN,KING");
        ApiException e = assertThrows(ApiException.class, () -> Authentication.require(request(context)));
        assertEquals("TOKEN_INVALID", e.details().get(0).code());
        context.put(AuthorizerContext.ROLES, "CITIZEN,OFFICER");
        context.put(AuthorizerContext.AGENCY_ID, "");
        assertThrows(ApiException.class, () -> Authentication.require(request(context)), "officer without agency");
    }

    @Test
    void aSessionThatExpiredSinceTheAuthorizerRanIs401Expired() {
        Caller caller = officer(REQUEST_TIME);
        ApiException e = assertThrows(ApiException.class, () -> Authentication.require(request(AuthorizerContext.of(caller))));
        assertEquals("TOKEN_EXPIRED", e.details().get(0).code());
    }

    @Test
    void anUncheckableSessionIs503WithTheCause() {
        ApiException e = assertThrows(ApiException.class,
                () -> Authentication.require(request(AuthorizerContext.unavailable("dynamodb"))));
        assertEquals(ErrorCode.DEPENDENCY_UNAVAILABLE, e.code());
        assertEquals("dynamodb", e.getMessage());
    }

    @Test
    void roleChecksAnswer403() {
        Caller officer = officer(REQUEST_TIME.plusSeconds(60));
        officer.requireOfficerOf("so-xay-dung");
        officer.requireProvinceAdminOrOfficerOf("so-xay-dung");
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(ApiException.class, () -> officer.requireOfficerOf("ubnd-tan-ninh")).code());
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(ApiException.class, officer::requireProvinceAdmin).code());
        assertEquals(ErrorCode.FORBIDDEN,
                assertThrows(ApiException.class, () -> officer.requireProvinceAdminOrOfficerOf("ubnd-tan-ninh")).code());

        Caller admin = new Caller("9000000000000000900", Set.of(Role.CITIZEN, Role.PROVINCE_ADMIN), null, "sid-2",
                REQUEST_TIME.plusSeconds(60), REQUEST_TIME);
        admin.requireProvinceAdmin();
        admin.requireProvinceAdminOrOfficerOf("ubnd-tan-ninh");
        assertThrows(ApiException.class, () -> admin.requireOfficerOf("ubnd-tan-ninh"),
                "an admin is not an officer of every agency");

        Caller citizen = new Caller("9000000000000000001", Set.of(Role.CITIZEN), "", "sid-3",
                REQUEST_TIME.plusSeconds(60), REQUEST_TIME);
        assertThrows(ApiException.class, citizen::requireProvinceAdmin);
        assertThrows(ApiException.class, () -> citizen.requireProvinceAdminOrOfficerOf("so-xay-dung"));
    }

    @Test
    void anOfficerHasExactlyOneAgencyAndOthersNone() {
        assertThrows(IllegalArgumentException.class, () -> new Caller("1", Set.of(Role.OFFICER), null, "s",
                REQUEST_TIME, REQUEST_TIME));
        assertThrows(IllegalArgumentException.class, () -> new Caller("1", Set.of(Role.CITIZEN), "so-xay-dung", "s",
                REQUEST_TIME, REQUEST_TIME));
        assertThrows(IllegalArgumentException.class, () -> new RoleGrant(Role.OFFICER, null));
        assertThrows(IllegalArgumentException.class, () -> new RoleGrant(Role.PROVINCE_ADMIN, "so-xay-dung"));
    }

    @Test
    void aProtectedHandlerAnswersOurJsonErrorBeforeItsOwnCodeRuns() throws Exception {
        boolean[] ran = {false};
        AuthenticatedFunction function = new AuthenticatedFunction() {
            @Override
            protected HttpResponse handle(HttpRequest request, Caller caller) {
                ran[0] = true;
                return HttpResponse.ok(Map.of("userId", caller.userId()));
            }
        };
        ObjectNode event = Json.object();
        event.put("routeKey", "GET /v1/me");
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "req-9");
        context.put("timeEpoch", REQUEST_TIME.toEpochMilli());
        context.putObject("http").put("method", "GET").put("path", "/v1/me");
        context.putObject("authorizer").putObject("lambda").put("authenticated", "false").put("reason", "WRONG_APP");
        event.putObject("headers").put("accept-language", "en");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
        JsonNode result = Json.read(out.toString(StandardCharsets.UTF_8));
        assertFalse(ran[0]);
        assertEquals(401, result.path("statusCode").asInt());
        assertTrue(result.path("headers").path("WWW-Authenticate").asText().contains("invalid_token"));
        JsonNode body = Json.read(result.path("body").asText());
        assertEquals("UNAUTHORIZED", body.path("error").path("code").asText());
        assertEquals("WRONG_APP", body.path("error").path("details").get(0).path("code").asText());
        assertEquals("The session token was issued for another app.",
                body.path("error").path("details").get(0).path("message").asText());
        assertEquals("req-9", body.path("requestId").asText());
    }
}
