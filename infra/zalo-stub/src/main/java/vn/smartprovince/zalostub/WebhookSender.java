package vn.smartprovince.zalostub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.zalostub.StubState.InboxEntry;
import vn.smartprovince.zalostub.StubState.User;

/**
 * Builds an OA webhook event as Zalo sends it, signs it ({@code X-ZEvent-Signature: mac=<hex
 * sha256(app_id + raw body + timestamp + OA secret key)>}) and POSTs it to a URL, answering what
 * the receiver said. Events change the follower's state as on Zalo (follow, unfollow, a message
 * from the user opens the interaction window).
 */
final class WebhookSender {
    static final String SIGNATURE_HEADER = "X-ZEvent-Signature";

    private final StubState state;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookSender(StubState state) {
        this.state = state;
    }

    /**
     * @param request {@code url} (required), {@code event} (follow, unfollow, user_send_text,
     *                user_received_message), {@code userId} (the app-scoped id) or {@code followerId},
     *                {@code text}, {@code msgId}, {@code timestamp} (ms; default the stub's clock),
     *                {@code signature}: {@code "valid"} (default), {@code "wrong"} or {@code "none"};
     *                {@code body}: a raw body to sign and send instead of a built one
     */
    ObjectNode deliver(JsonNode request) {
        String url = request.path("url").asText(null);
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("\"url\" (http or https) is required");
        }
        String rawBody;
        String timestamp;
        String appId;
        String oaSecret;
        synchronized (state) {
            appId = state.config.appId();
            oaSecret = state.config.oaSecretKey();
            if (request.hasNonNull("body")) {
                rawBody = request.get("body").isTextual() ? request.get("body").asText() : Json.write(request.get("body"));
                JsonNode parsed;
                try {
                    parsed = Json.read(rawBody);
                } catch (RuntimeException e) {
                    parsed = null;
                }
                timestamp = request.hasNonNull("timestamp") ? request.get("timestamp").asText()
                        : parsed != null && parsed.hasNonNull("timestamp") ? parsed.get("timestamp").asText() : "";
            } else {
                timestamp = request.hasNonNull("timestamp") ? request.get("timestamp").asText()
                        : Long.toString(state.clock.now().toEpochMilli());
                rawBody = Json.write(event(request, timestamp));
            }
        }
        return post(url, rawBody, timestamp, request.path("signature").asText("valid"), appId, oaSecret,
                Duration.ofSeconds(request.path("timeoutSeconds").asLong(10)));
    }

    /**
     * Signs {@code rawBody} as Zalo does and POSTs it; answers what was sent and what the receiver said.
     *
     * @param mode {@code "valid"}, {@code "wrong"} (signed with another key) or {@code "none"} (no header)
     */
    ObjectNode post(String url, String rawBody, String timestamp, String mode, String appId, String oaSecret,
                    Duration timeout) {
        String mac = Signatures.webhookMac(appId, rawBody, timestamp, oaSecret);
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8));
        String header = switch (mode) {
            case "valid" -> "mac=" + mac;
            case "wrong" -> "mac=" + Signatures.webhookMac(appId, rawBody, timestamp, oaSecret + "-wrong");
            case "none" -> null;
            default -> throw new IllegalArgumentException("signature must be valid, wrong or none, got " + mode);
        };
        if (header != null) {
            http.header(SIGNATURE_HEADER, header);
        }
        ObjectNode out = Json.object();
        out.put("url", url);
        out.put("sentBody", rawBody);
        out.put("timestamp", timestamp);
        if (header != null) {
            out.put("signature", header);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(http.build(), HttpResponse.BodyHandlers.ofString());
            out.put("status", response.statusCode());
            String body = response.body();
            out.put("responseBody", body.length() > 4000 ? body.substring(0, 4000) : body);
        } catch (IOException e) {
            out.putNull("status");
            out.put("deliveryError", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.putNull("status");
            out.put("deliveryError", "interrupted");
        }
        out.put("latencyMs", (System.nanoTime() - start) / 1_000_000);
        return out;
    }

    /**
     * {@code user_received_message} for one message the stub accepted (caller holds the state): the
     * user's app-scoped id, the OA as sender, the follower id as recipient, {@code message.msg_id}
     * (and, for ZNS, the sender's {@code tracking_id}, which Zalo echoes in delivery events).
     */
    ObjectNode receivedEvent(User user, String msgId, String trackingId, String timestamp) {
        ObjectNode body = Json.object();
        body.put("app_id", state.config.appId());
        body.put("user_id_by_app", user.id);
        body.put("event_name", "user_received_message");
        body.put("timestamp", timestamp);
        body.putObject("sender").put("id", state.config.oaId());
        body.putObject("recipient").put("id", user.followerId);
        ObjectNode message = body.putObject("message");
        message.put("msg_id", msgId);
        if (trackingId != null) {
            message.put("tracking_id", trackingId);
        }
        return body;
    }

    /** The event body, field names as Zalo's; updates the follower (caller holds the state). */
    private ObjectNode event(JsonNode request, String timestamp) {
        String name = request.path("event").asText(null);
        if (name == null) {
            throw new IllegalArgumentException("\"event\" is required: follow, unfollow, user_send_text or"
                    + " user_received_message");
        }
        User user = findUser(request);
        Instant now = state.clock.now();
        ObjectNode body = Json.object();
        body.put("app_id", state.config.appId());
        switch (name) {
            case "follow", "unfollow" -> {
                body.put("oa_id", state.config.oaId());
                body.put("user_id_by_app", user.id);
                body.put("event_name", name);
                body.put("source", request.path("source").asText("oa_profile"));
                body.putObject("follower").put("id", user.followerId);
                body.put("timestamp", timestamp);
                user.followed = name.equals("follow");
                if (user.followed) {
                    user.lastInteraction = now;
                }
            }
            case "user_send_text" -> {
                body.put("user_id_by_app", user.id);
                body.put("event_name", name);
                body.put("timestamp", timestamp);
                body.putObject("sender").put("id", user.followerId);
                body.putObject("recipient").put("id", state.config.oaId());
                ObjectNode message = body.putObject("message");
                message.put("text", request.path("text").asText("Xin chào"));
                message.put("msg_id", request.path("msgId").asText(StubState.randomHex(16)));
                user.lastInteraction = now;
            }
            case "user_received_message" -> {
                String msgId = request.hasNonNull("msgId") ? request.get("msgId").asText()
                        : lastOaMessageTo(user).map(InboxEntry::id).orElseThrow(() -> new IllegalArgumentException(
                                "no OA message was sent to this follower: give msgId"));
                return receivedEvent(user, msgId, null, timestamp);
            }
            default -> throw new IllegalArgumentException("unknown event " + name
                    + "; the stub sends follow, unfollow, user_send_text, user_received_message (or a raw \"body\")");
        }
        return body;
    }

    private User findUser(JsonNode request) {
        if (request.hasNonNull("userId")) {
            User user = state.users.get(request.get("userId").asText());
            if (user == null) {
                throw new IllegalArgumentException("no stub user " + request.get("userId").asText());
            }
            return user;
        }
        if (request.hasNonNull("followerId")) {
            return state.userByFollowerId(request.get("followerId").asText()).orElseThrow(() ->
                    new IllegalArgumentException("no stub user with follower id " + request.get("followerId").asText()));
        }
        throw new IllegalArgumentException("\"userId\" or \"followerId\" is required");
    }

    private Optional<InboxEntry> lastOaMessageTo(User user) {
        for (int i = state.inbox.size() - 1; i >= 0; i--) {
            InboxEntry entry = state.inbox.get(i);
            if (entry.channel().equals("oa") && user.followerId.equals(entry.followerId())) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
