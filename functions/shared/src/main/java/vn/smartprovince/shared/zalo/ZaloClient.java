package vn.smartprovince.shared.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingRefusedException;
import vn.smartprovince.shared.province.PhoneNumbers;
import vn.smartprovince.shared.secrets.Secrets;
import vn.smartprovince.shared.zalo.ZaloException.Kind;

/**
 * The one way every function calls Zalo: Graph (user, phone and location tokens), ZNS, OA
 * messages and the OA token refresh. Built once per function instance (in its constructor) over
 * the JDK's {@link HttpClient}: HTTP/1.1 with pooled connections, the configured connect timeout,
 * a per-request timeout, no redirects, and every call through {@code ZALO_EGRESS_PROXY_URL} when
 * it is set (HTTPS tunnelled with CONNECT, so TLS stays end to end with Zalo).
 *
 * <p>Every failure is a {@link ZaloException} classified by {@link ZaloErrors}; every call writes
 * one JSON log line with the endpoint's name, the HTTP status (0 when none), Zalo's error code
 * (0 when none) and the latency, and nothing else. Tokens and secrets travel in headers and form
 * bodies only, never in URLs, logs or exception messages. Thread-safe. While SnapStart priming
 * runs ({@link Priming#active()}) every call is refused before it is sent.
 */
public final class ZaloClient {
    private static final int MAX_TOKEN_LENGTH = 4096;
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]+");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{9,}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}]");
    private static final int MAX_ZALO_MESSAGE = 200;

    private final ZaloConfig config;
    private final Supplier<String> appSecret;
    private final HttpClient http;

    /**
     * A client with its own {@link HttpClient} built from the configuration.
     *
     * @param appSecret the Zalo App secret key, asked for on each call that needs it (so a
     *                  time-limited {@link Secrets} cache picks up a rotation)
     */
    public ZaloClient(ZaloConfig config, Supplier<String> appSecret) {
        this(config, appSecret, httpClient(config));
    }

    /** A client over the given transport (tests: a client without proxy pointed at a fake server). */
    public ZaloClient(ZaloConfig config, Supplier<String> appSecret, HttpClient http) {
        this.config = Objects.requireNonNull(config, "config");
        this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * The client a function builds in its constructor: {@link ZaloConfig#from(Env)}, and the app
     * secret read through {@code secrets} under the name in {@code ZALO_APP_SECRET_NAME}.
     */
    public static ZaloClient create(Env env, Secrets secrets) {
        ZaloConfig config = ZaloConfig.from(env);
        String secretName = env.required(ZaloConfig.APP_SECRET_NAME);
        return new ZaloClient(config, () -> secrets.value(secretName));
    }

    /** The JDK client for a configuration: timeouts, no redirects, HTTP/1.1, the egress proxy or none. */
    public static HttpClient httpClient(ZaloConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        builder.proxy(config.proxyAddress().map(ProxySelector::of).orElse(HttpClient.Builder.NO_PROXY));
        return builder.build();
    }

    /** {@code appsecret_proof}: lowercase hex HMAC-SHA256 with the app secret as key over the access token. */
    public static String appSecretProof(String appSecret, String accessToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public ZaloConfig config() {
        return config;
    }

    // ------------------------------------------------------------------ Graph: the mini app user

    /** {@code GET /v2.0/me?fields=id,name,picture} with {@code access_token} and {@code appsecret_proof}. */
    public ZaloUser user(String accessToken) {
        ZaloEndpoint endpoint = ZaloEndpoint.GRAPH_ME;
        checkToken(endpoint, accessToken, "access token");
        String secret = secret(endpoint);
        String proof = appSecretProof(secret, accessToken);
        HttpRequest.Builder request = request(endpoint, "/v2.0/me?fields=id,name,picture")
                .header("access_token", accessToken)
                .header("appsecret_proof", proof)
                .GET();
        return call(endpoint, request, List.of(accessToken, secret, proof), json -> new ZaloUser(
                required(json, "id"), optionalText(json.path("name")),
                optionalText(json.path("picture").path("data").path("url"))));
    }

    /**
     * Decodes a {@code getPhoneNumber} token: {@code GET /v2.0/me/info} with headers
     * {@code access_token}, {@code code} and {@code secret_key}. Returns {@code 84xxxxxxxxx} (a
     * Vietnamese mobile number in another notation is normalised; any other number is returned
     * as Zalo sent it).
     */
    public String phoneNumber(String accessToken, String phoneToken) {
        return meInfo(accessToken, phoneToken, data -> {
            String number = required(data, "number", "data.number");
            return PhoneNumbers.mobile(number).orElse(number.strip());
        });
    }

    /** Decodes a {@code getLocation} token through the same {@code GET /v2.0/me/info}. */
    public ZaloLocation location(String accessToken, String locationToken) {
        return meInfo(accessToken, locationToken, data -> new ZaloLocation(number(data, "latitude"),
                number(data, "longitude"), optionalText(data.path("provider")), epochMillis(data.path("timestamp"))));
    }

    private <T> T meInfo(String accessToken, String code, Parser<T> parser) {
        ZaloEndpoint endpoint = ZaloEndpoint.GRAPH_ME_INFO;
        checkToken(endpoint, accessToken, "access token");
        checkToken(endpoint, code, "code");
        String secret = secret(endpoint);
        HttpRequest.Builder request = request(endpoint, "/v2.0/me/info")
                .header("access_token", accessToken)
                .header("code", code)
                .header("secret_key", secret)
                .GET();
        return call(endpoint, request, List.of(accessToken, code, secret), json -> {
            JsonNode data = json.path("data");
            if (!data.isObject()) {
                throw new MissingField("data");
            }
            return parser.parse(data);
        });
    }

    // ------------------------------------------------------------------ ZNS

    /** {@code POST /message/template} with the OA access token. */
    public ZnsSent sendZns(String oaAccessToken, ZnsMessage message) {
        ZaloEndpoint endpoint = ZaloEndpoint.ZNS_TEMPLATE_SEND;
        checkToken(endpoint, oaAccessToken, "OA access token");
        ObjectNode body = Json.object();
        body.put("phone", message.phone());
        body.put("template_id", message.templateId());
        ObjectNode data = body.putObject("template_data");
        message.templateData().forEach(data::put);
        if (message.trackingId() != null) {
            body.put("tracking_id", message.trackingId());
        }
        if (message.development()) {
            body.put("mode", "development");
        }
        HttpRequest.Builder request = request(endpoint, "/message/template")
                .header("access_token", oaAccessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        return call(endpoint, request, List.of(oaAccessToken), json -> znsSent(json.path("data"),
                required(json.path("data"), "msg_id", "data.msg_id")));
    }

    /**
     * A ZBS Template Message by user id: {@code POST <ZALO_ZBS_BASE_URL><ZALO_ZBS_UID_PATH>} (default
     * {@code https://openapi.zalo.me/v3.0/oa/message/template}) with the OA access token, body
     * {@code recipient.user_id}, {@code template_id}, {@code template_data}, {@code tracking_id}.
     * Zalo's message id is read from {@code data.msg_id} (as ZNS answers) or {@code data.message_id}
     * (as the OA API answers): the sources disagree, docs/notifications-zbs.md.
     */
    public ZnsSent sendZbsByUserId(String oaAccessToken, ZbsUidMessage message) {
        ZaloEndpoint endpoint = ZaloEndpoint.ZBS_TEMPLATE_UID_SEND;
        checkToken(endpoint, oaAccessToken, "OA access token");
        ObjectNode body = Json.object();
        body.putObject("recipient").put("user_id", message.userId());
        body.put("template_id", message.templateId());
        ObjectNode data = body.putObject("template_data");
        message.templateData().forEach(data::put);
        if (message.trackingId() != null) {
            body.put("tracking_id", message.trackingId());
        }
        HttpRequest.Builder request = request(endpoint, config.zbsUidPath())
                .header("access_token", oaAccessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        return call(endpoint, request, List.of(oaAccessToken), json -> {
            JsonNode result = json.path("data");
            return znsSent(result, result.hasNonNull("msg_id") ? required(result, "msg_id", "data.msg_id")
                    : required(result, "message_id", "data.msg_id"));
        });
    }

    /** A template send's answer ({@code data}): sent time, sending mode and quota when present. */
    private static ZnsSent znsSent(JsonNode result, String msgId) {
        JsonNode quota = result.path("quota");
        return new ZnsSent(msgId, epochMillis(result.path("sent_time")), optionalText(result.path("sending_mode")),
                quota.isObject() ? new ZnsSent.Quota(optionalLong(quota.path("dailyQuota")),
                        optionalLong(quota.path("remainingQuota"))) : null);
    }

    /** {@code GET /template/info/v2?template_id=…}: status ({@code ENABLE} once approved) and parameters. */
    public ZnsTemplate znsTemplate(String oaAccessToken, String templateId) {
        ZaloEndpoint endpoint = ZaloEndpoint.ZNS_TEMPLATE_INFO;
        checkToken(endpoint, oaAccessToken, "OA access token");
        Objects.requireNonNull(templateId, "templateId");
        HttpRequest.Builder request = request(endpoint, "/template/info/v2?template_id=" + encode(templateId))
                .header("access_token", oaAccessToken)
                .GET();
        return call(endpoint, request, List.of(oaAccessToken), json -> {
            JsonNode data = json.path("data");
            List<ZnsTemplate.Param> params = new ArrayList<>();
            for (JsonNode param : data.path("listParams")) {
                params.add(new ZnsTemplate.Param(optionalText(param.path("name")),
                        param.path("require").asBoolean(false), optionalText(param.path("type")),
                        optionalLong(param.path("maxLength")) == null ? null
                                : optionalLong(param.path("maxLength")).intValue()));
            }
            String id = optionalText(data.path("templateId"));
            return new ZnsTemplate(id == null ? templateId : id, optionalText(data.path("templateName")),
                    required(data, "status", "data.status"), optionalText(data.path("templateTag")), params);
        });
    }

    // ------------------------------------------------------------------ OA messages

    /**
     * {@code POST /v3.0/oa/message/cs} or {@code /transaction}:
     * {@code {"recipient":{"user_id":…},"message":…}}.
     *
     * @param message the {@code message} object (a Map, a Jackson node or a record), written as JSON
     */
    public OaSent sendOaMessage(String oaAccessToken, OaMessageType type, String userId, Object message) {
        ZaloEndpoint endpoint = type.endpoint;
        checkToken(endpoint, oaAccessToken, "OA access token");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(message, "message");
        ObjectNode body = Json.object();
        body.putObject("recipient").put("user_id", userId);
        body.set("message", Json.MAPPER.valueToTree(message));
        HttpRequest.Builder request = request(endpoint, "/v3.0/oa/message/" + type.path)
                .header("access_token", oaAccessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        return call(endpoint, request, List.of(oaAccessToken), json -> {
            JsonNode data = json.path("data");
            return new OaSent(required(data, "message_id", "data.message_id"), optionalText(data.path("user_id")));
        });
    }

    /** A consultation text message: {@code message: {"text": …}}. */
    public OaSent sendOaText(String oaAccessToken, String userId, String text) {
        return sendOaMessage(oaAccessToken, OaMessageType.CS, userId, Map.of("text", text));
    }

    // ------------------------------------------------------------------ OA token refresh

    /**
     * {@code POST /v4/oa/access_token}, header {@code secret_key}, form {@code refresh_token},
     * {@code app_id}, {@code grant_type=refresh_token}. The refresh token is spent by this call
     * whatever happens next: store the new pair before anything else.
     */
    public OaTokens refreshOaToken(String refreshToken) {
        ZaloEndpoint endpoint = ZaloEndpoint.OAUTH_OA_ACCESS_TOKEN;
        checkToken(endpoint, refreshToken, "refresh token");
        String secret = secret(endpoint);
        String form = "refresh_token=" + encode(refreshToken) + "&app_id=" + encode(config.appId())
                + "&grant_type=refresh_token";
        HttpRequest.Builder request = request(endpoint, "/v4/oa/access_token")
                .header("secret_key", secret)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        return call(endpoint, request, List.of(refreshToken, encode(refreshToken), secret), json -> {
            Long seconds = optionalLong(json.path("expires_in"));
            if (seconds == null || seconds <= 0) {
                throw new MissingField("expires_in");
            }
            return new OaTokens(required(json, "access_token"), required(json, "refresh_token"),
                    Duration.ofSeconds(seconds));
        });
    }

    // ------------------------------------------------------------------ the call

    @FunctionalInterface
    private interface Parser<T> {
        T parse(JsonNode json);
    }

    /** A field a successful answer must carry is missing: reported by name, never by value. */
    private static final class MissingField extends RuntimeException {
        MissingField(String field) {
            super(field, null, false, false);
        }
    }

    private HttpRequest.Builder request(ZaloEndpoint endpoint, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(config.baseUrl(endpoint) + pathAndQuery))
                .timeout(config.readTimeout())
                .header("Accept", "application/json");
    }

    private <T> T call(ZaloEndpoint endpoint, HttpRequest.Builder builder, List<String> secrets, Parser<T> parser) {
        if (Priming.active()) {
            // Even a read spends something at Zalo (a token, quota) or tells it about a user: never during priming.
            throw new PrimingRefusedException("Zalo " + endpoint.logName);
        }
        HttpRequest request = builder.build();
        long start = System.nanoTime();
        int status = 0;
        try {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw ZaloErrors.fromTransport(endpoint, config, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ZaloErrors.interrupted(endpoint, e);
            }
            status = response.statusCode();
            JsonNode json = readObject(response.body());
            int code = json == null ? 0 : errorCode(json);
            if (code != 0) {
                throw ZaloErrors.fromZaloCode(endpoint, config, status, code, sanitize(zaloMessage(json), secrets));
            }
            if (status / 100 != 2) {
                throw ZaloErrors.fromHttpStatus(endpoint, config, status);
            }
            if (json == null) {
                throw ZaloErrors.unexpected(endpoint, status, "not a JSON object");
            }
            T result;
            try {
                result = parser.parse(json);
            } catch (MissingField e) {
                throw ZaloErrors.unexpected(endpoint, status, "no " + e.getMessage());
            }
            log(endpoint, null, status, 0, start);
            return result;
        } catch (ZaloException e) {
            log(endpoint, e, e.httpStatus() == 0 ? status : e.httpStatus(), e.zaloCode(), start);
            throw e;
        }
    }

    private static void log(ZaloEndpoint endpoint, ZaloException failure, int status, int zaloCode, long start) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("endpoint", endpoint.logName);
        fields.put("status", status);
        fields.put("zaloError", zaloCode);
        fields.put("latencyMs", (System.nanoTime() - start) / 1_000_000);
        if (failure == null) {
            JsonLog.info("zalo call", fields);
        } else if (failure.kind() == Kind.MISCONFIGURED) {
            JsonLog.error("zalo call failed: " + failure.reason(), fields, null);
        } else {
            JsonLog.warn("zalo call failed: " + failure.reason(), fields);
        }
    }

    private String secret(ZaloEndpoint endpoint) {
        String secret = appSecret.get();
        if (secret == null || secret.length() > MAX_TOKEN_LENGTH || !TOKEN.matcher(secret).matches()) {
            throw ZaloErrors.malformedSecret(endpoint);
        }
        return secret;
    }

    /**
     * A token with spaces or control characters cannot be a Zalo token, and the JDK would quote it
     * in its exception message when refusing the header: refuse it here, without echoing it.
     */
    private static void checkToken(ZaloEndpoint endpoint, String token, String which) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH || !TOKEN.matcher(token).matches()) {
            throw ZaloErrors.malformedToken(endpoint, which);
        }
    }

    // ------------------------------------------------------------------ reading answers

    private static JsonNode readObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Zalo's {@code error}: a number (or a numeric string), or an object with a {@code code}. */
    private static int errorCode(JsonNode json) {
        JsonNode error = json.path("error");
        if (error.isObject()) {
            error = error.path("code");
        }
        if (error.isIntegralNumber()) {
            return error.intValue();
        }
        if (error.isTextual()) {
            try {
                return Integer.parseInt(error.textValue().strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static String zaloMessage(JsonNode json) {
        JsonNode error = json.path("error");
        if (error.isObject() && error.path("message").isTextual()) {
            return error.path("message").textValue();
        }
        for (String field : List.of("message", "error_description", "error_reason", "error_name")) {
            if (json.path(field).isTextual()) {
                return json.path(field).textValue();
            }
        }
        return null;
    }

    /** Zalo's message with every value of the call that is secret blanked, long digit runs (phones) masked, bounded. */
    static String sanitize(String message, List<String> secrets) {
        if (message == null) {
            return null;
        }
        String text = message;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                text = text.replace(secret, "***");
            }
        }
        text = LONG_DIGITS.matcher(text).replaceAll("***");
        text = CONTROL.matcher(text).replaceAll(" ").strip();
        return text.length() > MAX_ZALO_MESSAGE ? text.substring(0, MAX_ZALO_MESSAGE) + "…" : text;
    }

    private static String required(JsonNode node, String field) {
        return required(node, field, field);
    }

    private static String required(JsonNode node, String field, String path) {
        String value = optionalText(node.path(field));
        if (value == null) {
            throw new MissingField(path);
        }
        return value;
    }

    /** A scalar as text (Zalo sends ids and numbers as strings or numbers); null when absent or empty. */
    private static String optionalText(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText();
        return text.isEmpty() ? null : text;
    }

    private static Long optionalLong(JsonNode node) {
        String text = optionalText(node);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double number(JsonNode data, String field) {
        String text = optionalText(data.path(field));
        if (text != null) {
            try {
                return Double.parseDouble(text.strip());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new MissingField("data." + field);
    }

    private static Instant epochMillis(JsonNode node) {
        Long millis = optionalLong(node);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
