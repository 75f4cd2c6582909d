package vn.smartprovince.shared.zalo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.http.ApiException;

/** Tokens, secrets and phone numbers never reach a log line or an exception message. */
class ZaloSecrecyTest {
    private static final String APP_SECRET = "APPSECRET-k3y-7q9";
    private static final String USER_TOKEN = "USERTOKEN-a1b2c3";
    private static final String PHONE_TOKEN = "PHONETOKEN-d4e5f6";
    private static final String OA_TOKEN = "OATOKEN-g7h8i9";
    private static final String REFRESH_TOKEN = "REFRESHTOKEN-j0k1";
    private static final String NEW_ACCESS = "NEWACCESS-l2m3";
    private static final String NEW_REFRESH = "NEWREFRESH-n4o5";
    private static final String PHONE = "84912345678";
    private static final List<String> SECRETS = List.of(APP_SECRET, USER_TOKEN, PHONE_TOKEN, OA_TOKEN, REFRESH_TOKEN,
            NEW_ACCESS, NEW_REFRESH, PHONE, ZaloClient.appSecretProof(APP_SECRET, USER_TOKEN));

    private FakeZalo zalo;
    private ZaloClient client;
    private LogCapture log;
    private final List<String> said = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        log = new LogCapture();
        zalo = new FakeZalo();
        client = zalo.client(APP_SECRET, Map.of("ZALO_READ_TIMEOUT_MS", "300"));
    }

    @AfterEach
    void stop() {
        zalo.close();
        log.close();
    }

    private final List<Consumer<ZaloClient>> everyOperation = List.of(
            c -> c.user(USER_TOKEN),
            c -> c.phoneNumber(USER_TOKEN, PHONE_TOKEN),
            c -> c.location(USER_TOKEN, PHONE_TOKEN),
            c -> c.sendZns(OA_TOKEN, new ZnsMessage(PHONE, "t1", Map.of("p", "v"), "job-1", false)),
            c -> c.znsTemplate(OA_TOKEN, "t1"),
            c -> c.sendOaText(OA_TOKEN, "2468", "text"),
            c -> c.refreshOaToken(REFRESH_TOKEN));

    private void runAll() {
        for (Consumer<ZaloClient> operation : everyOperation) {
            try {
                operation.accept(client);
            } catch (ZaloException e) {
                record(e);
                ApiException api = e.toApiException();
                said.add(api.getMessage());
                said.add(String.valueOf(api.headers()));
            }
        }
    }

    private void record(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            said.add(t.toString());
            said.add(String.valueOf(t.getMessage()));
            if (t instanceof ZaloException z) {
                said.add(z.reason());
                said.add(z.zaloMessage());
            }
        }
    }

    private void assertNothingSecret() {
        String everything = String.join("\n", said) + "\n" + log.text();
        assertFalse(everything.isBlank());
        for (String secret : SECRETS) {
            assertFalse(everything.contains(secret), "leaked " + secret + " in:\n" + everything);
        }
    }

    @Test
    void zaloErrorsEchoingOurValuesAreScrubbed() {
        // A careless answer quoting back everything it received: every header value and the body.
        zalo.answer(request -> {
            StringBuilder echo = new StringBuilder("Invalid");
            request.headers().forEach((name, values) -> echo.append(' ').append(name).append('=').append(values));
            echo.append(' ').append(request.body()).append(' ').append(request.query());
            return FakeZalo.Answer.json("{\"error\":-216,\"message\":" + vn.smartprovince.shared.json.Json.write(
                    echo.toString()) + "}");
        });
        runAll();
        assertTrue(said.stream().anyMatch(s -> s.contains("Access_token=[***]")), String.join("\n", said));
        assertNothingSecret();
    }

    @Test
    void successesLogNothingSecret() {
        zalo.answer(request -> FakeZalo.Answer.json(switch (request.path()) {
            case "/v2.0/me" -> "{\"id\":\"1\",\"name\":\"A\"}";
            case "/v2.0/me/info" -> "{\"error\":0,\"data\":{\"number\":\"" + PHONE + "\",\"latitude\":1,\"longitude\":2}}";
            case "/message/template" -> "{\"error\":0,\"data\":{\"msg_id\":\"m\"}}";
            case "/template/info/v2" -> "{\"error\":0,\"data\":{\"status\":\"ENABLE\"}}";
            case "/v3.0/oa/message/cs" -> "{\"error\":0,\"data\":{\"message_id\":\"m\"}}";
            default -> "{\"access_token\":\"" + NEW_ACCESS + "\",\"refresh_token\":\"" + NEW_REFRESH
                    + "\",\"expires_in\":\"90000\"}";
        }));
        runAll();
        OaTokens tokens = client.refreshOaToken(REFRESH_TOKEN);
        said.add(tokens.toString());
        said.add(new ZnsMessage(PHONE, "t", Map.of("p", "v"), null, false).toString());
        assertEquals(NEW_ACCESS, tokens.accessToken());
        assertEquals(8, log.lines().size(), "one line per call");
        assertNothingSecret();
    }

    @Test
    void transportFailuresAndHttpErrorsSayNothingSecret() {
        zalo.answer(request -> FakeZalo.Answer.status(502, "text/html", "<p>" + USER_TOKEN + "</p>"));
        runAll();
        zalo.answer(request -> new FakeZalo.Answer(200, "application/json", "{}", 2000));
        runAll();
        zalo.answer(request -> FakeZalo.Answer.status(200, "text/html", APP_SECRET));
        runAll();
        assertNothingSecret();
    }

    @Test
    void malformedTokensAreNotEchoed() {
        String bad = USER_TOKEN + "\r\nX-Injected: 1";
        record(assertThrows(ZaloException.class, () -> client.user(bad)));
        record(assertThrows(ZaloException.class, () -> client.phoneNumber(USER_TOKEN, PHONE_TOKEN + " ")));
        record(assertThrows(ZaloException.class, () -> zalo.client(APP_SECRET + "\n").refreshOaToken(REFRESH_TOKEN)));
        assertEquals(List.of(), zalo.seen);
        assertNothingSecret();
    }
}
