package vn.smartprovince.ops.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import vn.smartprovince.ops.secrets.SecretRules.Kind;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/** {@code infra/bin/secrets} against moto: creates, refuses, rotates; never prints a value. */
class CreateSecretsTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = AwsEmulatorExtension.withoutTemplate();

    static final String VALUES = """
            {"zaloAppSecret": "AppSecretFromZalo123", "zaloOaSecretKey": "OaSecretKeyFromZalo456",
             "oaAccessToken": "oa-access-token-789", "oaRefreshToken": "oa-refresh-token-012",
             "oaAccessTokenExpiresAt": "2026-12-31T10:00:00+07:00"}""";
    static final List<String> TYPED = List.of("AppSecretFromZalo123", "OaSecretKeyFromZalo456", "oa-access-token-789",
            "oa-refresh-token-012");

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void clean() {
        for (String purpose : List.of("zalo-app-secret", "zalo-oa-secret", "session-signing-key", "zalo-oa-tokens",
                "one-stop")) {
            try {
                aws.secretsManager().deleteSecret(b -> b.secretId("smartprovince/prod/" + purpose)
                        .forceDeleteWithoutRecovery(true));
            } catch (ResourceNotFoundException ignored) {
                // not there
            }
        }
    }

    int run(String stdin, String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of("--endpoint", aws.endpoint().toString(), "--region", aws.region()));
        all.addAll(List.of(args));
        return CreateSecrets.run(all.toArray(String[]::new), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), null, new SecureRandom());
    }

    String value(String purpose) {
        return aws.secretsManager().getSecretValue(b -> b.secretId("smartprovince/prod/" + purpose)).secretString();
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    void assertNothingSecretPrinted(String... more) {
        List<String> values = new ArrayList<>(TYPED);
        values.addAll(List.of(more));
        for (String v : values) {
            assertFalse(printed().contains(v), "printed a value: " + printed());
        }
    }

    @Test
    void createsTheFourSecretsWithAGeneratedSigningKey() {
        assertEquals(0, run(VALUES, "--stage", "prod", "--from-file", "-"), printed());
        assertEquals("AppSecretFromZalo123", value("zalo-app-secret"));
        assertEquals("OaSecretKeyFromZalo456", value("zalo-oa-secret"));
        var pair = Json.read(value("zalo-oa-tokens"));
        assertEquals("oa-access-token-789", pair.get("accessToken").asText());
        assertEquals("oa-refresh-token-012", pair.get("refreshToken").asText());
        assertEquals("2026-12-31T10:00:00+07:00", pair.get("accessTokenExpiresAt").asText());
        String key = value("session-signing-key");
        assertTrue(SecretRules.problem(Kind.SIGNING_KEY, key).isEmpty());
        assertTrue(java.util.Base64.getDecoder().decode(key).length >= 32);
        assertTrue(printed().contains("created  smartprovince/prod/session-signing-key"), printed());
        assertNothingSecretPrinted(key);
        // No one-stop system asked for: its secret is neither prompted for nor made.
        assertFalse(printed().contains("one-stop"), printed());
        assertThrowsNotFound("one-stop");
    }

    @Test
    void theOneStopCredentialsAreMadeOnlyWhenAskedFor() {
        String credentials = "{\"oneStopApiKey\": \"vendor-issued-key-345\", \"oneStopSigningSecret\": \"vendor-hmac-678\"}";
        assertEquals(0, run(credentials, "--stage", "prod", "--from-file", "-", "--only", "one-stop"), printed());
        var secret = vn.smartprovince.shared.onestop.OneStopCredentials.parse(value("one-stop"));
        assertEquals("vendor-issued-key-345", secret.apiKey());
        assertEquals("vendor-hmac-678", secret.signingSecret());
        assertTrue(printed().contains("created  smartprovince/prod/one-stop"), printed());
        assertNothingSecretPrinted("vendor-issued-key-345", "vendor-hmac-678");
        assertThrowsNotFound("zalo-app-secret");

        assertEquals(1, run(credentials, "--stage", "prod", "--from-file", "-", "--only", "one-stop"));
        assertTrue(printed().contains("smartprovince/prod/one-stop exists"), printed());
        assertEquals(2, run("", "--stage", "prod", "--only", "one-stop", "--rotate"));
        assertTrue(printed().contains("no terminal"), printed());
    }

    @Test
    void anEmptySigningSecretIsGeneratedAndPrintedOnceForTheVendor() {
        String withOneStop = VALUES.replace("}", ", \"oneStopApiKey\": \"vendor-issued-key-345\", \"oneStopSigningSecret\": \"\"}");
        assertEquals(0, run(withOneStop, "--stage", "prod", "--from-file", "-"), printed());
        var secret = vn.smartprovince.shared.onestop.OneStopCredentials.parse(value("one-stop"));
        String generated = secret.signingSecret();
        assertEquals(32, java.util.Base64.getUrlDecoder().decode(generated).length);
        assertTrue(generated.matches("[A-Za-z0-9_-]{43}"), "base64url without padding");
        String printed = printed();
        assertEquals(printed.indexOf(generated), printed.lastIndexOf(generated), "printed more than once: " + printed);
        assertTrue(printed.contains("one-stop signing secret (generated): " + generated), printed);
        assertTrue(printed.contains("give it to the one-stop vendor"), printed);
        assertNothingSecretPrinted("vendor-issued-key-345", value("session-signing-key"));
        assertEquals("AppSecretFromZalo123", value("zalo-app-secret"));
    }

    @Test
    void aMalformedOneStopApiKeyIsRefusedAndNothingIsWritten() {
        for (String apiKey : List.of("two words-345", "k".repeat(4097), "")) {
            String bad = VALUES.replace("}", ", \"oneStopApiKey\": \"" + apiKey + "\", \"oneStopSigningSecret\": \"s-678\"}");
            assertEquals(2, run(bad, "--stage", "prod", "--from-file", "-"), printed());
            assertTrue(printed().contains("one-stop system's credentials (smartprovince/prod/one-stop): \"apiKey\""),
                    printed());
            assertNothingSecretPrinted("s-678", apiKey.isEmpty() ? "s-678" : apiKey);
            assertThrowsNotFound("one-stop");
            assertThrowsNotFound("zalo-app-secret");
        }
    }

    @Test
    void refusesToOverwriteWithoutRotateAndWritesNothing() {
        assertEquals(0, run(VALUES, "--stage", "prod", "--from-file", "-"));
        String key = value("session-signing-key");
        String other = VALUES.replace("AppSecretFromZalo123", "AnotherAppSecret999");
        assertEquals(1, run(other, "--stage", "prod", "--from-file", "-"));
        assertTrue(printed().contains("refused, nothing written"), printed());
        assertEquals("AppSecretFromZalo123", value("zalo-app-secret"));
        assertEquals(key, value("session-signing-key"));

        assertEquals(0, run(other, "--stage", "prod", "--from-file", "-", "--rotate"), printed());
        assertEquals("AnotherAppSecret999", value("zalo-app-secret"));
        assertFalse(key.equals(value("session-signing-key")));
        assertTrue(printed().contains("rotated  smartprovince/prod/zalo-app-secret"));
        assertNothingSecretPrinted(key, "AnotherAppSecret999", value("session-signing-key"));
    }

    @Test
    void rotatesOnlyTheOaTokenPair() {
        assertEquals(0, run(VALUES, "--stage", "prod", "--from-file", "-"));
        String key = value("session-signing-key");
        String pair = "{\"oaAccessToken\": \"new-access-token-1\", \"oaRefreshToken\": \"new-refresh-token-1\"}";
        assertEquals(0, run(pair, "--stage", "prod", "--from-file", "-", "--rotate", "--only", "oa-tokens"), printed());
        assertEquals("new-access-token-1", Json.read(value("zalo-oa-tokens")).get("accessToken").asText());
        assertEquals(key, value("session-signing-key"));
        assertEquals("AppSecretFromZalo123", value("zalo-app-secret"));
    }

    @Test
    void aMalformedValueIsRefusedNamingItAndNothingIsWritten() {
        String bad = VALUES.replace("AppSecretFromZalo123", "two words").replace("\"oa-refresh-token-012\"", "\"\"");
        assertEquals(2, run(bad, "--stage", "prod", "--from-file", "-"));
        assertTrue(printed().contains("Zalo App's secret key"), printed());
        assertTrue(printed().contains("refreshToken"), printed());
        assertFalse(printed().contains("two words"));
        assertThrowsNotFound("zalo-oa-secret");
        assertThrowsNotFound("session-signing-key");
    }

    @Test
    void badUsageIsExplained() {
        assertEquals(2, run("", "--from-file", "-"));
        assertTrue(printed().contains("--stage S"), printed());
        assertEquals(2, run("", "--stage", "qa"));
        assertTrue(printed().contains("dev, staging or prod"));
        assertEquals(2, run("", "--stage", "prod"));
        assertTrue(printed().contains("no terminal"), printed());
        assertEquals(2, run("{\"zaloAppSecret\": 1, \"typo\": \"x\"}", "--stage", "prod", "--from-file", "-"));
        assertTrue(printed().contains("typo"), printed());
        assertEquals(2, run("", "--stage", "prod", "--only", "everything"));
        assertTrue(printed().contains("--only takes"), printed());
    }

    private void assertThrowsNotFound(String purpose) {
        try {
            value(purpose);
        } catch (ResourceNotFoundException e) {
            return;
        }
        throw new AssertionError(purpose + " was written");
    }
}
