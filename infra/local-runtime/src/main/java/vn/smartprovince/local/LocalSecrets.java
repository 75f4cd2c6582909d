package vn.smartprovince.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import vn.smartprovince.local.demo.DemoData;
import vn.smartprovince.onestopfake.FakeConfig;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.zalostub.StubConfig;
import vn.smartprovince.zalostub.ZnsTemplate;

/**
 * The local stack's secrets ({@code infra/local-secrets.json}: fake, local-only values, secret name
 * -> value) and what is built from them: the emulator's Secrets Manager entries, and the Zalo
 * stub's configuration (same app secret and OA secret key as the functions read, so that
 * appsecret_proof, secret_key and webhook signatures agree).
 */
public final class LocalSecrets {
    public static final Path FILE = Path.of("infra", "local-secrets.json");

    /** The template's secret-name parameters and the purpose that names their per-stage default. */
    public static final String APP_SECRET_PARAMETER = "ZaloAppSecretName";
    public static final String OA_SECRET_PARAMETER = "ZaloOaSecretName";
    public static final String SIGNING_KEY_PARAMETER = "SessionSigningKeySecretName";
    /** The OA token pair the notification dispatcher seeds its stored pair from: the stub's first pair. */
    public static final String OA_TOKENS_PARAMETER = "ZaloOaTokensSecretName";
    /** The one-stop system's credentials ({"apiKey", "signingSecret"}) and where it is. */
    public static final String ONE_STOP_SECRET_PARAMETER = "OneStopSecretName";
    public static final String ONE_STOP_BASE_URL_PARAMETER = "OneStopBaseUrl";

    /** The template's Zalo base-URL parameters, which the local stack points at the stub. */
    public static final List<String> ZALO_BASE_URL_PARAMETERS = List.of("ZaloGraphBaseUrl", "ZaloOpenApiBaseUrl",
            "ZaloBusinessBaseUrl", "ZaloOAuthBaseUrl");

    private static final String DEFAULT_OA_ID = "9000000000000000099";

    private final Path file;
    private final Map<String, String> secrets;
    private final String oaAccessToken;
    private final String oaRefreshToken;

    private LocalSecrets(Path file, Map<String, String> secrets, String oaAccessToken, String oaRefreshToken) {
        this.file = file;
        this.secrets = secrets;
        this.oaAccessToken = oaAccessToken;
        this.oaRefreshToken = oaRefreshToken;
    }

    /** Reads {@code infra/local-secrets.json} of the repository. */
    public static LocalSecrets load(Path repoRoot) {
        Path file = repoRoot.resolve(FILE);
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local secrets " + file, e);
        }
        JsonNode secretsNode = root == null ? null : root.get("secrets");
        if (secretsNode == null || !secretsNode.isObject() || secretsNode.isEmpty()) {
            throw new IllegalStateException(file + " needs an object \"secrets\": {secret name: value}");
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        secretsNode.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual() || e.getValue().asText().isEmpty()) {
                throw new IllegalStateException(file + ": secret " + e.getKey() + " must be a non-empty string");
            }
            secrets.put(e.getKey(), e.getValue().asText());
        });
        JsonNode stub = root.path("zaloStub");
        String access = stub.path("oaAccessToken").asText("");
        String refresh = stub.path("oaRefreshToken").asText("");
        if (access.isEmpty() || refresh.isEmpty()) {
            throw new IllegalStateException(file + " needs zaloStub.oaAccessToken and zaloStub.oaRefreshToken");
        }
        checkOaTokenSeeds(file, secrets, access, refresh);
        return new LocalSecrets(file, Map.copyOf(secrets), access, refresh);
    }

    /**
     * A secret holding an OA token pair ({@code {"accessToken", "refreshToken"}}) must hold the
     * stub's first pair: the dispatcher starts its token chain from it, and the stub issues that
     * pair (usable again) at every reset.
     */
    private static void checkOaTokenSeeds(Path file, Map<String, String> secrets, String access, String refresh) {
        secrets.forEach((name, value) -> {
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(value);
            } catch (IOException | RuntimeException e) {
                return;
            }
            if (node != null && node.isObject() && node.has("refreshToken")
                    && (!access.equals(node.path("accessToken").asText()) || !refresh.equals(node.path("refreshToken").asText()))) {
                throw new IllegalStateException(file + ": secret " + name + " must hold zaloStub.oaAccessToken and"
                        + " zaloStub.oaRefreshToken (the stub's first OA token pair)");
            }
        });
    }

    /** Secret name -> value, every secret of the file. */
    public Map<String, String> secrets() {
        return secrets;
    }

    /**
     * The name a function reads for this parameter, as template.yaml computes it: the parameter's
     * value, or {@code smartprovince/<Stage>/<purpose>} when it is empty.
     */
    public static String secretName(Map<String, String> parameters, String parameter) {
        String name = parameters.getOrDefault(parameter, "");
        if (!name.isBlank()) {
            return name.trim();
        }
        String purpose = switch (parameter) {
            case APP_SECRET_PARAMETER -> "zalo-app-secret";
            case OA_SECRET_PARAMETER -> "zalo-oa-secret";
            case SIGNING_KEY_PARAMETER -> "session-signing-key";
            case OA_TOKENS_PARAMETER -> "zalo-oa-tokens";
            case ONE_STOP_SECRET_PARAMETER -> "one-stop";
            default -> throw new IllegalArgumentException("not a secret-name parameter: " + parameter);
        };
        return "smartprovince/" + parameters.getOrDefault("Stage", "dev") + "/" + purpose;
    }

    /** The value of the secret this parameter names; fails naming the file when it has none. */
    public String valueFor(Map<String, String> parameters, String parameter) {
        String name = secretName(parameters, parameter);
        String value = secrets.get(name);
        if (value == null) {
            throw new IllegalStateException(parameter + " names the secret " + name + ", which " + file
                    + " does not hold; it holds " + secrets.keySet());
        }
        return value;
    }

    /** The session signing key's bytes (base64 in the file; at least 32 bytes). */
    public byte[] sessionSigningKey(Map<String, String> parameters) {
        byte[] key = Base64.getDecoder().decode(valueFor(parameters, SIGNING_KEY_PARAMETER));
        if (key.length < 32) {
            throw new IllegalStateException("the local session signing key must be at least 32 bytes, is "
                    + key.length);
        }
        return key;
    }

    /**
     * Creates every secret of the file in the emulator's Secrets Manager, or sets its value when it
     * exists with another one. Idempotent.
     *
     * @return the names created or changed
     */
    public List<String> seed(SecretsManagerClient client) {
        List<String> changed = new ArrayList<>();
        secrets.forEach((name, value) -> {
            String current;
            try {
                current = client.getSecretValue(b -> b.secretId(name)).secretString();
            } catch (ResourceNotFoundException e) {
                client.createSecret(b -> b.name(name).secretString(value)
                        .description("Local-only value from infra/local-secrets.json"));
                changed.add(name);
                return;
            }
            if (!value.equals(current)) {
                client.putSecretValue(b -> b.secretId(name).secretString(value));
                changed.add(name);
            }
        });
        return changed;
    }

    /**
     * The Zalo stub's configuration for the local stack: the app id of the parameters
     * ({@code ZaloAppId}), the app secret and OA secret key the parameters name, the OA id and ZNS
     * templates of the demo province (tag 1, approved, sendable by user id as {@code sendByUserId} says), and the first OA token pair of the file.
     */
    public StubConfig stubConfig(Map<String, String> parameters, Path repoRoot) {
        String appId = parameters.getOrDefault("ZaloAppId", "").trim();
        if (appId.isEmpty()) {
            throw new IllegalStateException("ZaloAppId has no value: set it in " + LocalParameters.FILE);
        }
        String oaId = DEFAULT_OA_ID;
        List<ZnsTemplate> templates = new ArrayList<>();
        Path province = repoRoot.resolve(DemoData.PROVINCE_FILE);
        if (Files.isRegularFile(province)) {
            try {
                JsonNode root = Json.MAPPER.readTree(Files.readString(province));
                oaId = root.path("zalo").path("oaId").asText(DEFAULT_OA_ID);
                for (JsonNode t : root.path("notificationTemplates")) {
                    if (t.hasNonNull("znsTemplateId")) {
                        List<String> params = new ArrayList<>();
                        t.path("params").forEach(p -> params.add(p.asText()));
                        templates.add(ZnsTemplate.enabled(t.get("znsTemplateId").asText(), t.path("key").asText(),
                                1, params).withByUserId(t.path("sendByUserId").asBoolean(false)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + province, e);
            }
        }
        return StubConfig.of(appId, valueFor(parameters, APP_SECRET_PARAMETER), oaId,
                valueFor(parameters, OA_SECRET_PARAMETER), oaAccessToken, oaRefreshToken).withTemplates(templates);
    }

    /**
     * The one-stop fake's configuration: the apiKey and signing secret of the secret that
     * {@code OneStopSecretName} names, which the dossier functions read too.
     */
    public FakeConfig oneStopConfig(Map<String, String> parameters) {
        return FakeConfig.fromSecretJson(valueFor(parameters, ONE_STOP_SECRET_PARAMETER));
    }

    /**
     * The template parameters pointing every Zalo base URL the template declares at the stub,
     * leaving out those already given (a user's override wins).
     */
    public static Map<String, String> zaloBaseUrls(java.util.Set<String> declared, Map<String, String> given, int port) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String parameter : ZALO_BASE_URL_PARAMETERS) {
            if (declared.contains(parameter) && !given.containsKey(parameter)) {
                urls.put(parameter, "http://localhost:" + port);
            }
        }
        return urls;
    }
}
