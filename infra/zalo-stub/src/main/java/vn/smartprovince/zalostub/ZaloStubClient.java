package vn.smartprovince.zalostub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import vn.smartprovince.shared.json.Json;

/**
 * Java client of a Zalo stub's control API ({@code /_stub/}), for tests and tools. Works with a
 * stub in this JVM or in another process (e.g. the one {@code infra/bin/start-local} runs).
 *
 * <pre>{@code
 * ZaloStubClient zalo = stub.client();
 * StubUser an = zalo.createUser(NewUser.named("Nguyễn Văn An").phone("84901234567"));
 * zalo.fault(Fault.on(Endpoint.GRAPH_ME).error(ZaloErrors.REGION_RESTRICTED).times(1));
 * List<InboxMessage> sent = zalo.inboxForPhone("84901234567");
 * }</pre>
 *
 * Every method throws {@link IllegalStateException} when the stub refuses the request (with its
 * reason) or cannot be reached. Thread-safe.
 */
public final class ZaloStubClient {
    private final URI baseUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ZaloStubClient(URI baseUri) {
        this.baseUri = Objects.requireNonNull(baseUri);
    }

    public URI baseUri() {
        return baseUri;
    }

    // ---------------------------------------------------------------- users and tokens

    /** A user to create (or, when {@link #id} names an existing one, to update). */
    public static final class NewUser {
        private final ObjectNode body = Json.object();

        private NewUser() {
        }

        private NewUser with(Consumer<ObjectNode> change) {
            change.accept(body);
            return this;
        }

        public static NewUser named(String name) {
            NewUser user = new NewUser();
            user.body.put("name", name);
            return user;
        }

        /** The Zalo user id the mini app sees (digits); default a random one. */
        public NewUser id(String id) {
            return with(b -> b.put("id", id));
        }

        public NewUser avatar(String url) {
            return with(b -> b.put("avatar", url));
        }

        /** {@code 84xxxxxxxxx} (also accepts 0xxxxxxxxx); without a phone no phone token is issued. */
        public NewUser phone(String phone) {
            return with(b -> b.put("phone", phone));
        }

        /** A user of another Zalo App: their tokens fail this app's appsecret_proof and secret_key. */
        public NewUser appId(String appId) {
            return with(b -> b.put("appId", appId));
        }

        /** The user's OA-scoped id (default random). */
        public NewUser followerId(String followerId) {
            follower().put("id", followerId);
            return this;
        }

        /** Follows the OA, last interaction at {@code lastInteraction} (null: never interacted). */
        public NewUser following(Instant lastInteraction) {
            ObjectNode follower = follower();
            follower.put("followed", true);
            if (lastInteraction == null) {
                follower.putNull("lastInteraction");
            } else {
                follower.put("lastInteraction", lastInteraction.toString());
            }
            return this;
        }

        public NewUser notFollowing() {
            follower().put("followed", false);
            return this;
        }

        /** May receive ZNS sent in development mode. */
        public NewUser oaAdmin(boolean admin) {
            return with(b -> b.put("oaAdmin", admin));
        }

        /** False: ZNS to this user's phone answers -114 (the user does not receive ZNS). */
        public NewUser znsReceivable(boolean receivable) {
            return with(b -> b.put("znsReceivable", receivable));
        }

        private ObjectNode follower() {
            return body.has("follower") ? (ObjectNode) body.get("follower") : body.putObject("follower");
        }

        public NewUser location(double latitude, double longitude) {
            return with(b -> b.putObject("location").put("latitude", latitude).put("longitude", longitude));
        }

        public NewUser accessTokenTtl(Duration ttl) {
            return with(b -> b.put("accessTokenTtlSeconds", ttl.toSeconds()));
        }
    }

    /**
     * A stub user with freshly issued tokens (the tokens are null when read with {@link #user}).
     *
     * @param followerId     the OA-scoped id (recipient.user_id of OA messages, sender.id of webhooks)
     * @param accessToken    what the mini app's {@code getAccessToken()} returns
     * @param phoneToken     what {@code getPhoneNumber()} returns (null without a phone)
     * @param locationToken  what {@code getLocation()} returns
     */
    public record StubUser(String id, String appId, String name, String avatar, String phone, String followerId,
                           boolean followed, Instant lastInteraction, String accessToken, Instant accessTokenExpiresAt,
                           String phoneToken, String locationToken) {

        static StubUser from(JsonNode node) {
            JsonNode follower = node.path("follower");
            return new StubUser(node.path("id").asText(), node.path("appId").asText(), node.path("name").asText(),
                    node.path("avatar").asText(), textOrNull(node, "phone"), follower.path("id").asText(),
                    follower.path("followed").asBoolean(), instantOrNull(follower, "lastInteraction"),
                    textOrNull(node, "accessToken"), instantOrNull(node, "accessTokenExpiresAt"),
                    textOrNull(node, "phoneToken"), textOrNull(node, "locationToken"));
        }
    }

    public StubUser createUser(NewUser user) {
        return StubUser.from(send("POST", "/_stub/users", user.body));
    }

    /** New access, phone and location tokens for an existing user (e.g. a demo user). */
    public StubUser issueTokens(String userId) {
        return StubUser.from(send("POST", "/_stub/users/" + encode(userId) + "/tokens", Json.object()));
    }

    public StubUser user(String userId) {
        return StubUser.from(send("GET", "/_stub/users/" + encode(userId), null));
    }

    public List<StubUser> users() {
        return items("/_stub/users", StubUser::from);
    }

    /** The token is refused from now on (Graph answers 452 for a user token). */
    public void revokeToken(String token) {
        send("POST", "/_stub/tokens/revoke", Json.object().put("token", token));
    }

    /** The token expires now (by the stub's clock). */
    public void expireToken(String token) {
        send("POST", "/_stub/tokens/expire", Json.object().put("token", token));
    }

    /** The OA's newest token pair. */
    public record OaTokens(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
                           Instant refreshTokenExpiresAt, boolean refreshTokenUsable) {
        static OaTokens from(JsonNode node) {
            return new OaTokens(node.path("accessToken").asText(), instantOrNull(node, "accessTokenExpiresAt"),
                    node.path("refreshToken").asText(), instantOrNull(node, "refreshTokenExpiresAt"),
                    node.path("refreshTokenUsable").asBoolean());
        }
    }

    public OaTokens oaTokens() {
        return OaTokens.from(send("GET", "/_stub/oa/tokens", null));
    }

    /** Issues a new OA token pair (as if an admin re-authorised the app); older tokens stay valid until they expire. */
    public OaTokens issueOaTokens() {
        return OaTokens.from(send("POST", "/_stub/oa/tokens", Json.object()));
    }

    /**
     * Installs this OA token pair as issued now (by the stub's clock), e.g. the configured first
     * pair again after {@link #setClock} jumped to another day.
     */
    public OaTokens installOaTokens(String accessToken, String refreshToken) {
        return OaTokens.from(send("POST", "/_stub/oa/tokens", Json.object().put("accessToken", accessToken)
                .put("refreshToken", refreshToken)));
    }

    // ---------------------------------------------------------------- templates and quota

    public void template(ZnsTemplate template) {
        ObjectNode body = Json.object().put("id", template.id()).put("name", template.name()).put("tag", template.tag())
                .put("status", template.status()).put("byUserId", template.byUserId());
        template.params().forEach(body.putArray("params")::add);
        send("POST", "/_stub/templates", body);
    }

    /** Sets the OA's daily ZNS quota and how much of today's is used. */
    public void znsQuota(long dailyQuota, long usedToday) {
        send("POST", "/_stub/zns/quota", Json.object().put("dailyQuota", dailyQuota).put("usedToday", usedToday));
    }

    // ---------------------------------------------------------------- inbox and calls

    /**
     * A message the stub accepted. ZNS ({@code channel "zns"}): {@code templateId},
     * {@code templateData}, {@code trackingId}, {@code mode}. A template by user id
     * ({@code "zbs_uid"}): {@code followerId} (the user id it was sent to), {@code templateId},
     * {@code templateData}, {@code trackingId}, and the user's phone only if the stub knows one. OA ({@code "oa"}): {@code messageType}
     * ({@code cs}, {@code transaction}) and {@code message} as sent.
     */
    public record InboxMessage(String channel, String id, String phone, String userId, String followerId,
                               String templateId, Map<String, String> templateData, String trackingId, String mode,
                               String messageType, JsonNode message, Instant sentAt) {
        static InboxMessage from(JsonNode node) {
            Map<String, String> data = null;
            if (node.path("templateData").isObject()) {
                data = new LinkedHashMap<>();
                Map<String, String> target = data;
                node.get("templateData").fields().forEachRemaining(e -> target.put(e.getKey(), e.getValue().asText()));
            }
            return new InboxMessage(node.path("channel").asText(), node.path("id").asText(), textOrNull(node, "phone"),
                    textOrNull(node, "userId"), textOrNull(node, "followerId"), textOrNull(node, "templateId"), data,
                    textOrNull(node, "trackingId"), textOrNull(node, "mode"), textOrNull(node, "messageType"),
                    node.get("message"), instantOrNull(node, "sentAt"));
        }
    }

    public List<InboxMessage> inbox() {
        return inbox("");
    }

    /** ZNS (and OA messages to the user with this phone), oldest first. */
    public List<InboxMessage> inboxForPhone(String phone) {
        return inbox("?phone=" + encode(phone));
    }

    /** OA messages (and ZNS) to this follower, oldest first. */
    public List<InboxMessage> inboxForFollower(String followerId) {
        return inbox("?followerId=" + encode(followerId));
    }

    /** Template messages sent by OA-scoped user id ({@code channel "zbs_uid"}) to this user id, oldest first. */
    public List<InboxMessage> inboxByUserId(String followerId) {
        return inbox("?channel=zbs_uid&followerId=" + encode(followerId));
    }

    private List<InboxMessage> inbox(String query) {
        return items("/_stub/inbox" + query, InboxMessage::from);
    }

    /**
     * A call to a Zalo endpoint. {@code outcome}: {@code ok}, {@code error <code>}, {@code http <status>}
     * or {@code timeout}; {@code fault} when an injected fault answered.
     */
    public record Call(long seq, String endpoint, String method, String path, Instant time, String outcome,
                       Integer error, int httpStatus, boolean fault, long latencyMs) {
        static Call from(JsonNode n) {
            return new Call(n.path("seq").asLong(), n.path("endpoint").asText(), n.path("method").asText(),
                    n.path("path").asText(), instantOrNull(n, "time"), n.path("outcome").asText(),
                    n.hasNonNull("error") ? n.get("error").asInt() : null, n.path("httpStatus").asInt(),
                    n.path("fault").asBoolean(), n.path("latencyMs").asLong());
        }
    }

    public List<Call> calls() {
        return calls("");
    }

    public List<Call> calls(Endpoint endpoint) {
        return calls("?endpoint=" + endpoint.id());
    }

    private List<Call> calls(String query) {
        return items("/_stub/calls" + query, Call::from);
    }

    public void clearCalls() {
        send("DELETE", "/_stub/calls", null);
    }

    // ---------------------------------------------------------------- faults

    /**
     * A fault: {@code Fault.on(Endpoint.ZNS_SEND).error(-124).times(2)},
     * {@code Fault.onAll().httpStatus(503).share(0.3).seed(7)},
     * {@code Fault.on(Endpoint.GRAPH_ME).latency(Duration.ofSeconds(2))},
     * {@code Fault.on(Endpoint.ZNS_SEND).timeout(Duration.ofSeconds(30)).processed()}.
     * Without {@code times} or {@code share} it hits the next call only.
     */
    public static final class Fault {
        private final ObjectNode body = Json.object();

        private Fault(String endpoint) {
            body.put("endpoint", endpoint);
        }

        private Fault with(Consumer<ObjectNode> change) {
            change.accept(body);
            return this;
        }

        public static Fault on(Endpoint endpoint) {
            return new Fault(endpoint.id());
        }

        /** Every Zalo endpoint. */
        public static Fault onAll() {
            return new Fault("*");
        }

        /** Answer this Zalo error code (HTTP 200, Zalo's body), e.g. -501 region restricted. */
        public Fault error(int code) {
            return with(b -> b.put("error", code));
        }

        public Fault error(int code, String message) {
            return with(b -> b.put("error", code).put("message", message));
        }

        /** Answer this HTTP status with a gateway's HTML page. */
        public Fault httpStatus(int status) {
            return with(b -> b.put("httpStatus", status));
        }

        /** Answer after this delay (alone: the normal answer, late). */
        public Fault latency(Duration latency) {
            return with(b -> b.put("latencyMs", latency.toMillis()));
        }

        /** Hold the connection this long without answering (then a 504 nobody waits for). */
        public Fault timeout(Duration hold) {
            return with(b -> b.put("timeout", true).put("holdMs", hold.toMillis()));
        }

        /** With {@link #timeout}: the call takes effect (e.g. the ZNS is sent) although no answer comes. */
        public Fault processed() {
            return with(b -> b.put("process", true));
        }

        public Fault times(int times) {
            return with(b -> b.put("times", times));
        }

        /** Hit each matching call with this probability (unlimited unless {@link #times} is also given). */
        public Fault share(double share) {
            return with(b -> b.put("share", share));
        }

        /** Seed of the share's draws, for a repeatable sequence. */
        public Fault seed(long seed) {
            return with(b -> b.put("seed", seed));
        }
    }

    /** @return the fault's id */
    public long fault(Fault fault) {
        return send("POST", "/_stub/faults", fault.body).path("id").asLong();
    }

    /** Removes every fault and lets held connections go. */
    public void clearFaults() {
        send("DELETE", "/_stub/faults", null);
    }

    // ---------------------------------------------------------------- webhooks

    /** An OA webhook event for the stub to sign and deliver. */
    public static final class WebhookEvent {
        private final ObjectNode body = Json.object();

        private WebhookEvent(String event, String userId) {
            body.put("event", event).put("userId", userId);
        }

        public static WebhookEvent follow(String userId) {
            return new WebhookEvent("follow", userId);
        }

        public static WebhookEvent unfollow(String userId) {
            return new WebhookEvent("unfollow", userId);
        }

        public static WebhookEvent userSendText(String userId, String text) {
            WebhookEvent event = new WebhookEvent("user_send_text", userId);
            event.body.put("text", text);
            return event;
        }

        /** The user received an OA message: {@code msgId} null = the last one the OA sent them. */
        public static WebhookEvent userReceivedMessage(String userId, String msgId) {
            WebhookEvent event = new WebhookEvent("user_received_message", userId);
            if (msgId != null) {
                event.body.put("msgId", msgId);
            }
            return event;
        }

        /** A body of your own, signed with its {@code timestamp} field. */
        public static WebhookEvent raw(String rawBody) {
            WebhookEvent event = new WebhookEvent("raw", null);
            event.body.remove("event");
            event.body.remove("userId");
            event.body.put("body", rawBody);
            return event;
        }

        /** The {@code timestamp} (ms) in the body and the signature (e.g. an old one, for replay checks). */
        public WebhookEvent timestamp(long epochMillis) {
            body.put("timestamp", Long.toString(epochMillis));
            return this;
        }

        /** Sign with a wrong key. */
        public WebhookEvent wrongSignature() {
            body.put("signature", "wrong");
            return this;
        }

        /** Send no signature header. */
        public WebhookEvent unsigned() {
            body.put("signature", "none");
            return this;
        }
    }

    /** What the receiver answered ({@code status} null when it could not be reached: {@code deliveryError}). */
    public record WebhookDelivery(Integer status, String responseBody, String sentBody, String signature,
                                  String timestamp, String deliveryError, long latencyMs) {
    }

    public WebhookDelivery webhook(WebhookEvent event, URI url) {
        ObjectNode body = event.body.deepCopy();
        body.put("url", url.toString());
        JsonNode n = send("POST", "/_stub/webhooks/deliver", body);
        return new WebhookDelivery(n.hasNonNull("status") ? n.get("status").asInt() : null,
                textOrNull(n, "responseBody"), textOrNull(n, "sentBody"), textOrNull(n, "signature"),
                textOrNull(n, "timestamp"), textOrNull(n, "deliveryError"), n.path("latencyMs").asLong());
    }

    // ---------------------------------------------------------------- automatic delivery receipts

    /** One receipt the stub posted by itself ({@code status} null: the webhook could not be reached). */
    public record AutoReceipt(String msgId, String channel, Instant at, Integer status, String error) {
    }

    /** Whether the stub posts receipts, where, how long after a message, how many wait, and those posted. */
    public record AutoReceipts(boolean enabled, URI url, Duration delay, int pending, List<AutoReceipt> deliveries) {
    }

    /**
     * From now until the next reset: {@code delay} after each ZNS or OA message it accepts, the stub
     * posts a signed {@code user_received_message} for it to {@code webhookUrl}.
     */
    public AutoReceipts autoReceipts(URI webhookUrl, Duration delay) {
        return autoReceipts(send("POST", "/_stub/webhooks/auto-receipts", Json.object()
                .put("url", webhookUrl.toString()).put("delayMs", delay.toMillis()).put("enabled", true)));
    }

    public AutoReceipts disableAutoReceipts() {
        return autoReceipts(send("DELETE", "/_stub/webhooks/auto-receipts", null));
    }

    public AutoReceipts autoReceipts() {
        return autoReceipts(send("GET", "/_stub/webhooks/auto-receipts", null));
    }

    private static AutoReceipts autoReceipts(JsonNode n) {
        List<AutoReceipt> deliveries = new ArrayList<>();
        for (JsonNode d : n.path("deliveries")) {
            deliveries.add(new AutoReceipt(textOrNull(d, "msgId"), textOrNull(d, "channel"), instantOrNull(d, "at"),
                    d.hasNonNull("status") ? d.get("status").asInt() : null, textOrNull(d, "error")));
        }
        String url = textOrNull(n, "url");
        return new AutoReceipts(n.path("enabled").asBoolean(), url == null ? null : URI.create(url),
                Duration.ofMillis(n.path("delayMs").asLong()), n.path("pending").asInt(), List.copyOf(deliveries));
    }

    // ---------------------------------------------------------------- clock and reset

    public Instant now() {
        return Instant.parse(send("GET", "/_stub/clock", null).path("now").asText());
    }

    /** Stops the stub's clock at this instant. */
    public void setClock(Instant now) {
        send("POST", "/_stub/clock", Json.object().put("now", now.toString()));
    }

    public void advanceClock(Duration duration) {
        send("POST", "/_stub/clock", Json.object().put("advanceSeconds", duration.toSeconds()));
    }

    /** Follows the system clock again. */
    public void systemClock() {
        send("POST", "/_stub/clock", Json.object().put("system", true));
    }

    /** Back to the configuration: no users, the first OA tokens, no messages, calls or faults, system clock. */
    public void reset() {
        send("POST", "/_stub/reset", null);
    }

    // ---------------------------------------------------------------- plumbing

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("the Zalo stub at " + baseUri + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the Zalo stub", e);
        }
        JsonNode json;
        try {
            json = Json.read(response.body());
        } catch (RuntimeException e) {
            throw new IllegalStateException("the Zalo stub answered " + response.statusCode() + " with a body that is"
                    + " not JSON: " + response.body());
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the Zalo stub refused " + method + " " + path + " ("
                    + response.statusCode() + "): " + json.path("error").asText(response.body()));
        }
        return json;
    }

    /** GETs a list answer ({@code {"items": [...]}}), each item read with {@code from}. */
    private <T> List<T> items(String path, Function<JsonNode, T> from) {
        List<T> items = new ArrayList<>();
        send("GET", path, null).path("items").forEach(n -> items.add(from.apply(n)));
        return items;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instantOrNull(JsonNode node, String field) {
        String text = textOrNull(node, field);
        return text == null ? null : Instant.parse(text);
    }
}
