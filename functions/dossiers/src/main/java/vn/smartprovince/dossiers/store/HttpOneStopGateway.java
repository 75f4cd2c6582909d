package vn.smartprovince.dossiers.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import vn.smartprovince.dossiers.core.OneStopGateway;
import vn.smartprovince.dossiers.core.RemoteDossier;
import vn.smartprovince.dossiers.core.SyncEvent;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.onestop.OneStopCredentials;
import vn.smartprovince.shared.onestop.OneStopFields;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingRefusedException;
import vn.smartprovince.shared.secrets.Secrets;

/**
 * The one-stop system over HTTPS ({@code java.net.http}): {@code POST {base}/dossier-events} (one
 * event, JSON under the province's field names), {@code GET {base}/dossiers/{id}}. Every request
 * carries {@code Authorization: Bearer <apiKey>}; an event also {@code Idempotency-Key:
 * <dossierId>:<sequence>}. The credentials are the JSON secret {@code {"apiKey", "signingSecret"}}
 * named by {@code ONE_STOP_SECRET_NAME}, read through the project's {@link Secrets} (cached).
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>{@code ONE_STOP_BASE_URL}</td><td>the vendor's base URL; empty: not connected</td></tr>
 *   <tr><td>{@code ONE_STOP_SECRET_NAME}</td><td>the credentials' secret</td></tr>
 *   <tr><td>{@code ONE_STOP_TIMEOUT_MILLIS}</td><td>the request timeout, default 5000 (connect: 2000)</td></tr>
 * </table>
 */
public final class HttpOneStopGateway implements OneStopGateway {
    public static final String BASE_URL = "ONE_STOP_BASE_URL";
    public static final String SECRET_NAME = "ONE_STOP_SECRET_NAME";
    public static final String TIMEOUT_MILLIS = "ONE_STOP_TIMEOUT_MILLIS";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http;
    private final String baseUrl;
    private final Supplier<String> apiKey;
    private final Supplier<OneStopFields> fields;
    private final Duration timeout;

    /**
     * @param apiKey the bearer token, read on each request (a rotated secret is picked up by its cache)
     * @param fields the vendor's field names (the province configuration in force)
     */
    public HttpOneStopGateway(String baseUrl, Supplier<String> apiKey, Supplier<OneStopFields> fields, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.fields = fields;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT.compareTo(timeout) < 0 ? CONNECT_TIMEOUT : timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** From the environment; empty when {@code ONE_STOP_BASE_URL} is empty (not connected). */
    public static Optional<OneStopGateway> fromEnv(Env env, Secrets secrets, Supplier<OneStopFields> fields) {
        String base = env.get(BASE_URL, "").trim();
        if (base.isEmpty()) {
            return Optional.empty();
        }
        String secretName = env.required(SECRET_NAME);
        Duration timeout = Duration.ofMillis(env.number(TIMEOUT_MILLIS, 5_000, 100, 60_000));
        return Optional.of(new HttpOneStopGateway(base, () -> apiKey(secrets.value(secretName)), fields, timeout));
    }

    /** The {@code apiKey} of the credentials' JSON secret ({@link OneStopCredentials#parse}). */
    static String apiKey(String secretJson) {
        try {
            return OneStopCredentials.parse(secretJson).apiKey();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the one-stop secret is malformed: " + e.getMessage(), e);
        }
    }

    @Override
    public Ack send(SyncEvent event) {
        refuseWhilePriming("POST /dossier-events");
        byte[] body = Json.write(event.toJson(fields.get())).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/dossier-events"))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + apiKey.get())
                .header("Idempotency-Key", event.eventId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new Unavailable("TIMEOUT");
        } catch (IOException e) {
            return new Unavailable("UNREACHABLE " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("INTERRUPTED");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Accepted();
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new Refused(status, answerCode(response.body(), status));
        }
        return new Unavailable("HTTP_" + status);
    }

    /** The province's system is never called during SnapStart priming, not even to read. */
    private static void refuseWhilePriming(String call) {
        if (Priming.active()) {
            throw new PrimingRefusedException("one-stop " + call);
        }
    }

    /** The vendor's error code from its answer ({@code code} or {@code error.code}), else {@code HTTP_<status>}. */
    static String answerCode(String body, int status) {
        try {
            JsonNode node = Json.read(body);
            JsonNode code = node.path("error").isObject() ? node.path("error").path("code") : node.path("code");
            if (code.isTextual() && code.textValue().length() <= 100) {
                return code.textValue();
            }
        } catch (RuntimeException e) {
            // not JSON: the status says enough
        }
        return "HTTP_" + status;
    }

    @Override
    public Optional<RemoteDossier> fetch(String dossierId) {
        refuseWhilePriming("GET /dossiers/{id}");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/dossiers/"
                        + URLEncoder.encode(dossierId, StandardCharsets.UTF_8).replace("+", "%20")))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + apiKey.get())
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("one-stop system unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("one-stop system answered HTTP " + response.statusCode());
        }
        return Optional.of(remote(Json.read(response.body()), fields.get()));
    }

    static RemoteDossier remote(JsonNode node, OneStopFields names) {
        return new RemoteDossier(text(node, names.name(OneStopFields.DOSSIER_ID)),
                text(node, names.name(OneStopFields.DOSSIER_CODE)),
                node.path(names.name(OneStopFields.STATUS)).isNumber() ? node.path(names.name(OneStopFields.STATUS)).intValue() : null,
                text(node, names.name(OneStopFields.AGENCY_CODE)), text(node, names.name(OneStopFields.DUE_AT)),
                node.path(names.name(OneStopFields.SEQUENCE)).asInt(0),
                node.path(names.name(OneStopFields.DESK_SEQUENCE)).asInt(0));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isTextual() ? value.textValue() : null;
    }
}
