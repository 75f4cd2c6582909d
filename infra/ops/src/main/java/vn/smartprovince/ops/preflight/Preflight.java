package vn.smartprovince.ops.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import vn.smartprovince.ops.secrets.SecretRules;
import vn.smartprovince.ops.secrets.SecretRules.Kind;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.NotificationTemplate;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.shared.zalo.ZaloClient;
import vn.smartprovince.shared.zalo.ZaloConfig;
import vn.smartprovince.shared.zalo.ZaloException;
import vn.smartprovince.shared.zalo.ZnsTemplate;

/**
 * The checks of {@code infra/bin/preflight}, in the order an operator fixes things: secrets,
 * province configuration, Zalo, the API, alarms. Each check gives one {@link CheckResult}; a check
 * that cannot run because an earlier one failed fails too, naming that one. Every line goes
 * through {@link Redaction} with every secret value read, so even a bug here cannot print one.
 */
public final class Preflight {
    /** The origins Zalo serves mini app pages from (docs: zalo-platform.md, "Mini app to backend"). */
    public static final List<String> MINI_APP_ORIGINS = List.of("https://h5.zdn.vn", "zbrowser://h5.zdn.vn");
    /**
     * Sent as the refresh token to Zalo's OA token endpoint to see whether Zalo accepts the app
     * secret without spending the real refresh token (single use): Zalo checks the secret_key
     * header first (-14002 when wrong) and then refuses this token (-14014).
     */
    static final String PROBE_REFRESH_TOKEN = "smartprovince-preflight-probe-not-a-refresh-token";
    /** A ZNS template id no template has: asked about when the configuration names none, to try the OA token. */
    static final String PROBE_TEMPLATE_ID = "0";
    static final Duration WEBHOOK_PROBE_AGE = Duration.ofDays(1);
    static final String OA_TOKEN_PK = "ZALO#OA_TOKEN";

    private final Deployment stack;
    private final SecretsManagerClient secretsManager;
    private final DynamoDbClient dynamoDb;
    private final SnsClient sns;
    private final HttpClient http;
    private final Clock clock;
    private final Redaction redaction = new Redaction();

    private final Map<Kind, String> secretValues = new EnumMap<>(Kind.class);
    private final Set<Kind> wellFormed = java.util.EnumSet.noneOf(Kind.class);
    private ProvinceConfig config;
    private ZaloConfig zaloConfig;
    private String zaloConfigProblem;
    private ZaloAnswer refreshProbe;

    public Preflight(Deployment stack, SecretsManagerClient secretsManager, DynamoDbClient dynamoDb, SnsClient sns,
                     HttpClient http, Clock clock) {
        this.stack = stack;
        this.secretsManager = secretsManager;
        this.dynamoDb = dynamoDb;
        this.sns = sns;
        this.http = http;
        this.clock = clock;
    }

    /** Runs every check; {@code sink} gets each line as soon as it is known (already redacted). */
    public List<CheckResult> run(java.util.function.Consumer<String> sink) {
        List<CheckResult> results = new ArrayList<>();
        java.util.function.Consumer<CheckResult> emit = r -> {
            CheckResult safe = redaction.scrub(r);
            results.add(safe);
            sink.accept(safe.line());
        };
        for (Kind kind : Kind.values()) {
            emit.accept(guard("secret " + kind.parameter, () -> secret(kind)));
        }
        emit.accept(guard("province configuration in force", this::configuration));
        emit.accept(guard("notification templates", this::templates));
        emit.accept(guard("egress to Zalo", this::egress));
        emit.accept(guard("Zalo accepts the app secret", this::appSecretAccepted));
        emit.accept(guard("OA access token", this::oaToken));
        emit.accept(guard("webhook URL", this::webhook));
        emit.accept(guard("CORS for the mini app", this::cors));
        emit.accept(guard("alarm subscribers", this::alarms));
        return results;
    }

    public Redaction redaction() {
        return redaction;
    }

    private interface Body {
        CheckResult run() throws Exception;
    }

    /** A check that throws fails with the exception's type and a safe message, never a stack trace. */
    private CheckResult guard(String name, Body body) {
        try {
            CheckResult result = body.run();
            return new CheckResult(result.status(), name, result.detail(), result.todo());
        } catch (SdkException e) {
            return CheckResult.fail(name, "AWS refused or could not be reached: " + e.getClass().getSimpleName()
                    + ": " + firstLine(e.getMessage()), "check your AWS credentials, --region and the IAM permissions"
                    + " (docs/going-live.md, prerequisites)");
        } catch (IOException e) {
            return CheckResult.fail(name, "no answer: " + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()),
                    "check the URL and that the service is up");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail(name, "interrupted", "run it again");
        } catch (Exception e) {
            return CheckResult.fail(name, "the check itself failed: " + e.getClass().getSimpleName(),
                    "report this with the command you ran");
        }
    }

    // ---------------------------------------------------------------- secrets

    private CheckResult secret(Kind kind) {
        String name = stack.secretName(kind);
        String value;
        try {
            value = secretsManager.getSecretValue(b -> b.secretId(name)).secretString();
        } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException e) {
            if (!kind.required && stack.parameter("OneStopBaseUrl").isEmpty()) {
                return CheckResult.skip(null, name + " does not exist: only a province with a one-stop system"
                        + " (OneStopBaseUrl) needs " + kind.description);
            }
            return CheckResult.fail(null, name + " does not exist (" + kind.description + ")",
                    "create it: infra/bin/secrets " + secretsOption() + (kind.required ? "" : " --only one-stop"));
        }
        if (value == null) {
            return CheckResult.fail(null, name + " holds binary, not text", "store it as text: infra/bin/secrets "
                    + secretsOption() + " --rotate");
        }
        secretValues.put(kind, value);
        redaction.add(value);
        if (kind == Kind.OA_TOKENS || kind == Kind.ONE_STOP) {
            JsonNode node = tryJson(value);
            if (node != null) {
                for (String field : List.of("accessToken", "refreshToken", "apiKey", "signingSecret")) {
                    redaction.add(node.path(field).asText(""));
                }
            }
        }
        Optional<String> problem = SecretRules.problem(kind, value);
        if (problem.isPresent()) {
            return CheckResult.fail(null, name + " is malformed: " + problem.get(),
                    "put the right value: infra/bin/secrets " + secretsOption() + " --rotate");
        }
        wellFormed.add(kind);
        return CheckResult.pass(null, name + " exists and is well formed");
    }

    private String secretsOption() {
        return stack.local() ? "--endpoint URL" : "--stack " + stack.stackName();
    }

    // ---------------------------------------------------------------- province configuration

    private CheckResult configuration() {
        String code = stack.provinceCode();
        if (code.isEmpty()) {
            return CheckResult.fail(null, "the stack has no ProvinceCode parameter",
                    "deploy with --parameter-overrides ProvinceCode=<province.code of your file>");
        }
        String table = stack.output("MainTableName").orElse(null);
        if (table == null) {
            return CheckResult.fail(null, "the stack has no MainTableName output", "deploy the stack (sam deploy)");
        }
        Optional<ProvinceConfigStore.Stored> current;
        try {
            current = new ProvinceConfigStore(dynamoDb, table).current(code);
        } catch (ResourceNotFoundException e) {
            return CheckResult.fail(null, "table " + table + " does not exist", "deploy the stack (sam deploy)");
        } catch (RuntimeException e) {
            if (e instanceof SdkException sdk) {
                throw sdk;
            }
            return CheckResult.fail(null, "the configuration in force for " + code + " cannot be read ("
                    + e.getClass().getSimpleName() + ")", "apply a valid file: infra/bin/province apply FILE "
                    + stack.stackOption());
        }
        if (current.isEmpty()) {
            return CheckResult.fail(null, "no configuration in force for province " + code + " in " + table,
                    "infra/bin/province validate FILE, then infra/bin/province apply FILE " + stack.stackOption());
        }
        config = current.get().config();
        return CheckResult.pass(null, code + " version " + current.get().version() + ", published "
                + current.get().publishedAt());
    }

    private CheckResult templates() {
        if (config == null) {
            return CheckResult.fail(null, "no configuration in force (above)", "apply one first");
        }
        List<String> missing = NotificationTemplates.KEYS.stream()
                .filter(key -> config.notificationTemplate(key).isEmpty()).toList();
        if (!missing.isEmpty()) {
            return CheckResult.fail(null, "no template for " + String.join(", ", missing)
                            + " (the code sends " + String.join(", ", NotificationTemplates.KEYS) + ")",
                    "add them to notificationTemplates in the province file, then infra/bin/province apply FILE "
                            + stack.stackOption());
        }
        return CheckResult.pass(null, "all " + NotificationTemplates.KEYS.size() + " the code sends: "
                + String.join(", ", NotificationTemplates.KEYS));
    }

    // ---------------------------------------------------------------- Zalo

    /** Zalo's answer to a call: the result, or the classified failure. */
    private record ZaloAnswer(Object value, ZaloException error) {
        boolean reachedZalo() {
            return error == null || (error.zaloCode() != 0 && error.zaloCode() != -501);
        }

        boolean regionRestricted() {
            return error != null && error.zaloCode() == -501;
        }
    }

    private ZaloConfig zaloConfig() {
        if (zaloConfig == null && zaloConfigProblem == null) {
            try {
                zaloConfig = ZaloConfig.from(stack.zaloEnv());
            } catch (IllegalStateException e) {
                zaloConfigProblem = e.getMessage();
            }
        }
        return zaloConfig;
    }

    private ZaloClient zaloClient(String appSecret) {
        return new ZaloClient(zaloConfig(), () -> appSecret, ZaloClient.httpClient(zaloConfig()));
    }

    /** The OA token endpoint with a refresh token that is none: needs the app secret, spends nothing. */
    private ZaloAnswer refreshProbe() {
        if (refreshProbe == null) {
            // Without a usable secret the call still shows whether Zalo answers at all (egress).
            String secret = wellFormed.contains(Kind.APP_SECRET) ? secretValues.get(Kind.APP_SECRET)
                    : "preflight-no-app-secret";
            try {
                zaloClient(secret).refreshOaToken(PROBE_REFRESH_TOKEN);
                refreshProbe = new ZaloAnswer("tokens", null);
            } catch (ZaloException e) {
                refreshProbe = new ZaloAnswer(null, e);
            }
        }
        return refreshProbe;
    }

    private String proxyText() {
        return zaloConfig().egressProxy().map(p -> "through the egress proxy " + p).orElse("directly (no ZaloEgressProxyUrl)");
    }

    private CheckResult egress() {
        if (zaloConfig() == null) {
            return CheckResult.fail(null, zaloConfigProblem, "fix the stack's Zalo parameters and deploy again");
        }
        ZaloAnswer answer = refreshProbe();
        String where = stack.parameter("ZaloOAuthBaseUrl");
        if (answer.regionRestricted()) {
            return CheckResult.fail(null, "Zalo answered -501 (region restricted) to a call " + proxyText(),
                    zaloConfig().egressProxy().isPresent()
                            ? "the proxy must leave from a Vietnamese IP address: fix it or point ZaloEgressProxyUrl at one"
                            : "set ZaloEgressProxyUrl to a forward proxy in Vietnam (sam deploy --parameter-overrides)");
        }
        if (!answer.reachedZalo()) {
            return CheckResult.fail(null, "no answer from Zalo (" + where + ") " + proxyText() + ": "
                            + answer.error().reason(),
                    zaloConfig().egressProxy().isPresent()
                            ? "check that the proxy is up and admits this machine's address (it admits by source address)"
                            : "check the network; outside Vietnam Zalo needs ZaloEgressProxyUrl");
        }
        return CheckResult.pass(null, "Zalo (" + where + ") answered " + proxyText());
    }

    private CheckResult appSecretAccepted() {
        if (!wellFormed.contains(Kind.APP_SECRET)) {
            return CheckResult.fail(null, "cannot ask Zalo: the app secret is missing or malformed (above)",
                    "fix the secret " + stack.secretName(Kind.APP_SECRET) + " first");
        }
        if (zaloConfig() == null) {
            return CheckResult.fail(null, zaloConfigProblem, "fix the stack's Zalo parameters and deploy again");
        }
        ZaloAnswer answer = refreshProbe();
        if (answer.error() == null) {
            // Cannot happen with a token that is none; say so rather than pretend.
            return CheckResult.fail(null, "Zalo accepted a refresh token that is not one", "report this: the probe"
                    + " is no longer harmless");
        }
        int code = answer.error().zaloCode();
        return switch (code) {
            case -14014 -> CheckResult.pass(null, "the OA token endpoint took the secret_key and refused only the"
                    + " probe's refresh token (-14014); app id " + zaloConfig().appId());
            case -14002, -104 -> CheckResult.fail(null, "Zalo refused the app secret (" + code + ")",
                    "copy the app's secret key from Zalo for Developers (app > Settings) into "
                            + stack.secretName(Kind.APP_SECRET) + ": infra/bin/secrets " + secretsOption() + " --rotate");
            case -14001, -101, -102, -103 -> CheckResult.fail(null, "Zalo does not know app id " + zaloConfig().appId()
                    + " (" + code + ")", "deploy with ZaloAppId = the id in Zalo for Developers");
            case -501 -> CheckResult.fail(null, "region restricted (-501), see egress above", "fix the egress first");
            default -> answer.reachedZalo()
                    ? CheckResult.fail(null, "unexpected answer: " + answer.error().reason(), "check ZaloOAuthBaseUrl and ZaloAppId")
                    : CheckResult.fail(null, "no answer: " + answer.error().reason(), "fix the egress first");
        };
    }

    /** The OA access token the dispatcher would use now: the table's pair, unless the secret holds a newer seed. */
    private record OaToken(String accessToken, Instant expiresAt, String source) {
    }

    private OaToken currentOaToken() {
        String secret = secretValues.get(Kind.OA_TOKENS);
        JsonNode seed = tryJson(secret);
        OaToken fromSecret = new OaToken(seed.path("accessToken").asText().strip(),
                instant(seed.path("accessTokenExpiresAt").asText(null)), "the secret " + stack.secretName(Kind.OA_TOKENS));
        String table = stack.output("MainTableName").orElse(null);
        if (table == null) {
            return fromSecret;
        }
        Map<String, AttributeValue> item;
        try {
            item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                    "pk", AttributeValue.fromS(OA_TOKEN_PK), "sk", AttributeValue.fromS("CURRENT")))).item();
        } catch (ResourceNotFoundException e) {
            return fromSecret;
        }
        if (item == null || item.isEmpty() || !item.containsKey("accessToken")) {
            return fromSecret;
        }
        String stored = item.get("accessToken").s();
        redaction.add(stored);
        if (item.containsKey("refreshToken")) {
            redaction.add(item.get("refreshToken").s());
        }
        // The dispatcher starts again from the secret when its value changed (seedHash differs).
        String seedHash = item.containsKey("seedHash") ? item.get("seedHash").s() : null;
        if (seedHash != null && !seedHash.equals(sha256(secret))) {
            return fromSecret;
        }
        Instant expires = item.containsKey("accessTokenExpiresAt")
                ? Instant.ofEpochMilli(Long.parseLong(item.get("accessTokenExpiresAt").n())) : null;
        return new OaToken(stored, expires, "the main table (the dispatcher's current pair)");
    }

    private CheckResult oaToken() {
        if (!wellFormed.contains(Kind.OA_TOKENS)) {
            return CheckResult.fail(null, "cannot try it: the OA token secret is missing or malformed (above)",
                    "fix the secret " + stack.secretName(Kind.OA_TOKENS) + " first");
        }
        if (zaloConfig() == null) {
            return CheckResult.fail(null, zaloConfigProblem, "fix the stack's Zalo parameters and deploy again");
        }
        OaToken token = currentOaToken();
        List<String> templateIds = config == null ? List.of() : config.notificationTemplates().stream()
                .map(NotificationTemplate::znsTemplateId).filter(id -> id != null && !id.isBlank()).distinct().toList();
        ZaloClient client = zaloClient(wellFormed.contains(Kind.APP_SECRET) ? secretValues.get(Kind.APP_SECRET) : "-");
        String probeId = templateIds.isEmpty() ? PROBE_TEMPLATE_ID : templateIds.get(0);
        try {
            client.znsTemplate(token.accessToken(), probeId);
        } catch (ZaloException e) {
            if (e.kind() == ZaloException.Kind.INVALID_TOKEN) {
                boolean expired = token.expiresAt() != null && token.expiresAt().isBefore(clock.instant());
                return CheckResult.fail(null, "Zalo refused the OA access token from " + token.source() + " ("
                                + e.zaloCode() + (expired ? ", expired " + token.expiresAt() : "") + ")",
                        expired && token.source().startsWith("the main table")
                                ? "the dispatcher refreshes it at its next send; if that fails, re-authorise the OA and"
                                        + " store the new pair: infra/bin/secrets " + secretsOption() + " --rotate"
                                : "re-authorise the OA (Zalo for Developers > Official Account) and store the new pair:"
                                        + " infra/bin/secrets " + secretsOption() + " --rotate");
            }
            if (e.zaloCode() != -109) {
                return CheckResult.fail(null, "Zalo did not answer the OA call: " + e.reason(),
                        e.zaloCode() == -501 || e.zaloCode() == 0 ? "fix the egress first" : "check the OA's link to the app");
            }
            // -109: the token was accepted, the template id is unknown.
        }
        List<String> notApproved = new ArrayList<>();
        for (String id : templateIds) {
            try {
                ZnsTemplate template = client.znsTemplate(token.accessToken(), id);
                if (!"ENABLE".equals(template.status())) {
                    notApproved.add(id + " is " + template.status());
                }
            } catch (ZaloException e) {
                notApproved.add(id + (e.zaloCode() == -109 ? " is unknown to Zalo" : ": " + e.reason()));
            }
        }
        if (!notApproved.isEmpty()) {
            return CheckResult.fail(null, "the OA token works, but ZNS template " + String.join("; ", notApproved),
                    "have Zalo approve the templates, or fix znsTemplateId in the province file and apply it");
        }
        return CheckResult.pass(null, "Zalo accepted the access token from " + token.source()
                + (templateIds.isEmpty() ? " (no ZNS template configured)"
                        : "; ZNS templates " + String.join(", ", templateIds) + " are ENABLE"));
    }

    // ---------------------------------------------------------------- the API

    private CheckResult webhook() throws IOException, InterruptedException {
        String url = stack.output("ZaloWebhookUrl").orElse(null);
        if (url == null) {
            return CheckResult.fail(null, "the stack has no ZaloWebhookUrl output", "deploy the stack (sam deploy)");
        }
        String appId = stack.parameter("ZaloAppId");
        boolean signed = wellFormed.contains(Kind.OA_SECRET);
        // A correctly signed event whose timestamp is a day old: the function checks the signature,
        // then refuses it as stale (401 TIMESTAMP_STALE), so nothing is queued. A wrong OA secret
        // or app id fails the signature first (SIGNATURE_INVALID).
        String timestamp = Long.toString(clock.instant().minus(WEBHOOK_PROBE_AGE).toEpochMilli());
        String body = "{\"app_id\":\"" + appId + "\",\"event_name\":\"preflight_probe\",\"timestamp\":\""
                + timestamp + "\"}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signed) {
            request.header("X-ZEvent-Signature", "mac=" + sha256(appId + body + timestamp + secretValues.get(Kind.OA_SECRET)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode error = Optional.ofNullable(tryJson(response.body())).map(n -> n.path("error")).orElse(null);
        String detailCode = error == null ? "" : error.path("details").path(0).path("code").asText("");
        String enter = "enter " + url + " as the OA's webhook URL";
        if (response.statusCode() == 404) {
            return CheckResult.fail(null, "POST " + url + " answered 404: no webhook route",
                    "deploy the notifications stack; the URL is the stack output ZaloWebhookUrl");
        }
        if (response.statusCode() != 401 || error == null || !error.isObject()) {
            return CheckResult.fail(null, "POST " + url + " answered " + response.statusCode()
                    + " without our JSON error (expected 401)", "check that the route is POST /v1/zalo/webhook"
                    + " without an authorizer (functions/notifications/template.yaml) and that ApiUrl is this stack's");
        }
        if (!signed) {
            return CheckResult.fail(null, "the route is there (401 " + detailCode + " to an unsigned probe) but the"
                    + " OA secret is missing or malformed (above), so signatures cannot be checked", enter
                    + " once the OA secret is fixed");
        }
        return switch (detailCode) {
            case "TIMESTAMP_STALE" -> CheckResult.pass(null, url + " verified a probe signed with the OA secret key"
                    + " and app id (refused it as stale, nothing queued); " + enter);
            case "SIGNATURE_INVALID" -> CheckResult.fail(null, "the webhook refused a probe signed with the OA secret"
                    + " key of " + stack.secretName(Kind.OA_SECRET) + " and app id " + appId,
                    "the function reads another OA secret or app id: check ZaloOaSecretName / ZaloAppId of the stack");
            default -> CheckResult.fail(null, "the webhook answered 401 " + detailCode + " (expected TIMESTAMP_STALE)",
                    "check the clock of this machine and ZaloWebhookMaxAgeSeconds");
        };
    }

    private CheckResult cors() throws IOException, InterruptedException {
        String api = stack.output("ApiUrl").orElse(null);
        if (api == null) {
            return CheckResult.fail(null, "the stack has no ApiUrl output", "deploy the stack (sam deploy)");
        }
        List<String> refused = new ArrayList<>();
        for (String origin : MINI_APP_ORIGINS) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/v1/health")).timeout(Duration.ofSeconds(15))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization")
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String allowed = response.headers().firstValue("access-control-allow-origin").orElse("");
            if (!(allowed.equals(origin) || allowed.equals("*"))) {
                refused.add(origin + " (HTTP " + response.statusCode() + ", allow-origin \"" + allowed + "\")");
            }
        }
        if (!refused.isEmpty()) {
            return CheckResult.fail(null, "a preflight from " + String.join(", ", refused) + " is not allowed by " + api,
                    "deploy with AllowedOrigins including " + String.join(",", MINI_APP_ORIGINS));
        }
        return CheckResult.pass(null, String.join(" and ", MINI_APP_ORIGINS) + " are allowed by " + api);
    }

    // ---------------------------------------------------------------- alarms

    private CheckResult alarms() {
        Optional<String> topic = stack.output("AlarmTopicArn");
        if (topic.isEmpty()) {
            return stack.local()
                    ? CheckResult.skip(null, "start-local creates no SNS topic (its bootstrap makes the template's"
                            + " tables, queues and buckets only); give --alarm-topic ARN to check one")
                    : CheckResult.fail(null, "the stack has no AlarmTopicArn output", "deploy the stack (sam deploy)");
        }
        List<Subscription> subscriptions = new ArrayList<>();
        sns.listSubscriptionsByTopicPaginator(b -> b.topicArn(topic.get())).subscriptions().forEach(subscriptions::add);
        Set<String> confirmed = new LinkedHashSet<>();
        int pending = 0;
        for (Subscription s : subscriptions) {
            if ("PendingConfirmation".equals(s.subscriptionArn())) {
                pending++;
            } else {
                confirmed.add(s.protocol());
            }
        }
        if (confirmed.isEmpty()) {
            return CheckResult.fail(null, topic.get() + " has no confirmed subscriber"
                            + (pending > 0 ? " (" + pending + " waiting for confirmation)" : ""),
                    pending > 0 ? "click the link in the mail from AWS Notifications"
                            : "aws sns subscribe --topic-arn " + topic.get() + " --protocol email --notification-endpoint"
                                    + " oncall@your-province.gov.vn, then confirm the mail");
        }
        return CheckResult.pass(null, topic.get() + " has " + (subscriptions.size() - pending) + " subscriber(s): "
                + String.join(", ", confirmed));
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode tryJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
