package vn.smartprovince.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.identity.authorizer.SessionAuthorizerHandler;
import vn.smartprovince.identity.core.SessionTokens;
import vn.smartprovince.identity.signin.SignInHandler;
import vn.smartprovince.identity.store.DynamoDbUsers;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.zalostub.Endpoint;
import vn.smartprovince.zalostub.ZaloStubClient.Fault;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * SignInFunction and SessionAuthorizerFunction with their template environment, against the
 * emulator and the Zalo stub, driven by events/identity-sign-in.json and identity-authorizer.json.
 */
class SignInAndAuthorizerHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();
    static HandlerKit kit;
    static ZaloStubClient zalo;
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @BeforeAll
    static void startStub() {
        kit = new HandlerKit();
        zalo = kit.stub.client();
    }

    @AfterAll
    static void stopStub() {
        kit.close();
    }

    @AfterEach
    void clearFaults() {
        zalo.clearFaults();
        JsonLog.redirect(System.out);
    }

    private JsonNode signIn(String accessToken, String phoneToken) {
        Env env = kit.env(aws, "SignInFunction");
        ObjectNode event = HandlerKit.event("identity-sign-in.json");
        ObjectNode body = Json.object().put("accessToken", accessToken);
        if (phoneToken != null) {
            body.put("phoneToken", phoneToken);
        }
        HandlerKit.body(event, body);
        return HandlerKit.invoke(new SignInHandler(env, HandlerKit.secrets(env), Clock.systemUTC()), event);
    }

    private JsonNode authorize(String header) {
        Env env = kit.env(aws, "SessionAuthorizerFunction");
        ObjectNode event = HandlerKit.event("identity-authorizer.json");
        event.putArray("identitySource").add(header);
        ((ObjectNode) event.path("headers")).put("authorization", header);
        return HandlerKit.invoke(new SessionAuthorizerHandler(env, HandlerKit.secrets(env), Clock.systemUTC()), event);
    }

    @Test
    void aZaloUserSignsInAndTheAuthorizerKnowsThem() {
        JsonLog.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
        var user = zalo.createUser(NewUser.named("Nguyễn Thị Mai").phone("0912345678"));
        JsonNode result = signIn(user.accessToken(), user.phoneToken());
        assertEquals(200, result.path("statusCode").asInt(), result.toString());
        assertEquals("no-store", result.path("headers").path("cache-control").asText());
        JsonNode body = result.path("json");
        assertEquals("Bearer", body.path("tokenType").asText());
        assertTrue(body.path("firstSignIn").asBoolean());
        assertEquals(user.id(), body.path("profile").path("zaloId").asText());
        assertEquals("Nguyễn Thị Mai", body.path("profile").path("displayName").asText());
        assertEquals("84912345678", body.path("profile").path("phone").asText());
        assertEquals("CITIZEN", body.path("roles").get(0).path("role").asText());
        long expiresIn = body.path("expiresIn").asLong();
        assertTrue(expiresIn > 3500 && expiresIn <= 3600, "an hour by the template's default");

        Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable"))
                .key(DynamoDbUsers.key(user.id()))).item();
        assertEquals("USER", item.get("itemType").s());
        assertEquals("84912345678", item.get("phone").s());
        assertEquals("1", item.get("version").n());

        String token = body.path("sessionToken").asText();
        JsonNode answer = authorize("Bearer " + token);
        assertTrue(answer.path("isAuthorized").asBoolean());
        JsonNode context = answer.path("context");
        assertEquals("true", context.path("authenticated").asText());
        assertEquals(user.id(), context.path("userId").asText());
        assertEquals("CITIZEN", context.path("roles").asText());

        JsonNode forged = authorize("Bearer " + token.substring(0, token.length() - 3) + "abc").path("context");
        assertEquals("false", forged.path("authenticated").asText());
        assertEquals("TOKEN_INVALID", forged.path("reason").asText());

        String everything = logs.toString(StandardCharsets.UTF_8);
        for (String secret : new String[] {token, user.accessToken(), user.phoneToken(), "84912345678", "0912345678",
                "Nguyễn Thị Mai", HandlerKit.APP_SECRET}) {
            assertFalse(everything.contains(secret), "logs must not hold " + secret);
        }
        assertTrue(everything.contains("\"outcome\":\"AUTHENTICATED\""));
    }

    @Test
    void aTokenZaloRefusesOrOfAnotherAppIs401() {
        JsonNode forged = signIn("not-a-zalo-token", null);
        assertEquals(401, forged.path("statusCode").asInt());
        assertEquals("UNAUTHORIZED", forged.path("json").path("error").path("code").asText());
        assertEquals("accessToken", forged.path("json").path("error").path("details").get(0).path("field").asText());

        var foreign = zalo.createUser(NewUser.named("Khách").appId("5555555555"));
        assertEquals(401, signIn(foreign.accessToken(), null).path("statusCode").asInt(),
                "appsecret_proof of our app does not fit another app's token");
    }

    @Test
    void zaloRegionRestrictionOrTimeoutIs503NamingTheCause() {
        var user = zalo.createUser(NewUser.named("Lê Văn Tâm"));
        zalo.fault(Fault.on(Endpoint.GRAPH_ME).error(-501));
        JsonNode restricted = signIn(user.accessToken(), null);
        assertEquals(503, restricted.path("statusCode").asInt());
        assertEquals("DEPENDENCY_UNAVAILABLE", restricted.path("json").path("error").path("code").asText());
        assertTrue(restricted.path("json").path("error").path("cause").asText().contains("-501"));

        zalo.fault(Fault.on(Endpoint.GRAPH_ME).timeout(Duration.ofSeconds(5)));
        JsonNode timeout = signIn(user.accessToken(), null);
        assertEquals(503, timeout.path("statusCode").asInt());
        assertTrue(timeout.path("json").path("error").path("cause").asText().contains("timeout"),
                timeout.path("json").toString());

        zalo.fault(Fault.on(Endpoint.GRAPH_ME).httpStatus(502));
        assertEquals(503, signIn(user.accessToken(), null).path("statusCode").asInt());
    }

    @Test
    void malformedBodiesAre400WithFieldDetails() {
        Env env = kit.env(aws, "SignInFunction");
        SignInHandler handler = new SignInHandler(env, HandlerKit.secrets(env), Clock.systemUTC());
        JsonNode missing = HandlerKit.invoke(handler, HandlerKit.event("identity-sign-in.json", e -> HandlerKit.body(e, "{}")));
        assertEquals(400, missing.path("statusCode").asInt());
        assertEquals("accessToken", missing.path("json").path("error").path("details").get(0).path("field").asText());
        JsonNode notJson = HandlerKit.invoke(handler, HandlerKit.event("identity-sign-in.json", e -> HandlerKit.body(e, "{oops")));
        assertEquals("MALFORMED_JSON", notJson.path("json").path("error").path("code").asText());
        JsonNode control = HandlerKit.invoke(handler, HandlerKit.event("identity-sign-in.json",
                e -> HandlerKit.body(e, "{\"accessToken\": \"a\\u0000b\"}")));
        assertEquals("INVALID_FORMAT", control.path("json").path("error").path("details").get(0).path("code").asText());
    }

    @Test
    void anAuthorizerWithoutItsSigningKeySaysSoInsteadOfRefusing() {
        Env env = kit.env(aws, "SessionAuthorizerFunction");
        var handler = new SessionAuthorizerHandler(env, vn.smartprovince.shared.secrets.Secrets.of(Map.of()), Clock.systemUTC());
        ObjectNode event = HandlerKit.event("identity-authorizer.json");
        JsonNode context = HandlerKit.invoke(handler, event).path("context");
        assertEquals("false", context.path("authenticated").asText());
        assertEquals("TOKEN_INVALID", context.path("reason").asText(), "the sample's placeholder is no token");
        event.putArray("identitySource").add("Bearer a.b.c");
        // A syntactically possible token needs the key: the key is missing, so the session cannot be checked.
        String header = "Bearer " + Fakes.tokens().issue(new SessionTokens.Claims("1", "s", Fakes.NOW, Fakes.NOW, Fakes.NOW, 1));
        event.putArray("identitySource").add(header);
        event.set("identitySource", Json.MAPPER.createArrayNode().add(header));
        JsonNode unavailable = HandlerKit.invoke(handler, event).path("context");
        assertEquals("AUTH_UNAVAILABLE", unavailable.path("reason").asText());
        assertEquals("session-signing-key", unavailable.path("cause").asText());
    }
}
