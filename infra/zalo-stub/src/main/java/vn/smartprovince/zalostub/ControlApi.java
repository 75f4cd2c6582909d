package vn.smartprovince.zalostub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.zalostub.StubState.Call;
import vn.smartprovince.zalostub.StubState.InboxEntry;
import vn.smartprovince.zalostub.StubState.Token;
import vn.smartprovince.zalostub.StubState.TokenKind;
import vn.smartprovince.zalostub.StubState.User;

/** The control API under {@code /_stub/}: documented in the module's README. */
final class ControlApi {
    static final String PREFIX = "/_stub";

    private final StubState state;
    private final Faults faults;
    private final WebhookSender webhooks;

    ControlApi(StubState state, Faults faults, WebhookSender webhooks) {
        this.state = state;
        this.faults = faults;
        this.webhooks = webhooks;
    }

    Reply handle(StubRequest request) {
        String path = request.path().substring(PREFIX.length());
        if (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        String method = request.method();
        try {
            JsonNode body = body(request);
            if (path.equals("/reset") && method.equals("POST")) {
                return reset();
            }
            if (path.equals("/config") && method.equals("GET")) {
                return config();
            }
            if (path.equals("/users") && method.equals("POST")) {
                return createUser(body);
            }
            if (path.equals("/users") && method.equals("GET")) {
                return listUsers();
            }
            if (path.startsWith("/users/")) {
                String[] parts = path.substring("/users/".length()).split("/");
                if (parts.length == 1 && method.equals("GET")) {
                    return getUser(parts[0]);
                }
                if (parts.length == 2 && parts[1].equals("tokens") && method.equals("POST")) {
                    return issueTokens(parts[0], body);
                }
            }
            if (path.equals("/tokens/revoke") && method.equals("POST")) {
                return changeToken(body, true);
            }
            if (path.equals("/tokens/expire") && method.equals("POST")) {
                return changeToken(body, false);
            }
            if (path.equals("/oa/tokens") && method.equals("GET")) {
                return oaTokens();
            }
            if (path.equals("/oa/tokens") && method.equals("POST")) {
                return installOaTokens(body);
            }
            if (path.equals("/templates") && method.equals("GET")) {
                return listTemplates();
            }
            if (path.equals("/templates") && method.equals("POST")) {
                return putTemplate(body);
            }
            if (path.equals("/zns/quota") && method.equals("POST")) {
                return setQuota(body);
            }
            if (path.equals("/inbox") && method.equals("GET")) {
                return inbox(request.query());
            }
            if (path.equals("/calls") && method.equals("GET")) {
                return calls(request.query());
            }
            if (path.equals("/calls") && method.equals("DELETE")) {
                synchronized (state) {
                    state.calls.clear();
                }
                return Reply.ok(Json.object().put("cleared", true));
            }
            if (path.equals("/faults") && method.equals("POST")) {
                return addFault(body);
            }
            if (path.equals("/faults") && method.equals("GET")) {
                return listFaults();
            }
            if (path.equals("/faults") && method.equals("DELETE")) {
                faults.clear();
                return Reply.ok(Json.object().put("cleared", true));
            }
            if (path.equals("/webhooks/deliver") && method.equals("POST")) {
                return Reply.ok(webhooks.deliver(body));
            }
            if (path.equals("/webhooks/auto-receipts")) {
                return autoReceipts(method, body);
            }
            if (path.equals("/clock") && method.equals("GET")) {
                return clock();
            }
            if (path.equals("/clock") && method.equals("POST")) {
                return setClock(body);
            }
            return Reply.controlError(404, "no control route " + method + " " + request.path()
                    + "; see infra/zalo-stub/README.md");
        } catch (IllegalArgumentException e) {
            return Reply.controlError(400, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- everything

    private Reply reset() {
        synchronized (state) {
            state.reset();
        }
        faults.clear();
        return Reply.ok(Json.object().put("reset", true));
    }

    private Reply config() {
        ObjectNode out = Json.object();
        synchronized (state) {
            out.put("appId", state.config.appId());
            out.put("oaId", state.config.oaId());
            out.put("dailyZnsQuota", state.dailyZnsQuota);
            out.put("now", state.clock.now().toString());
        }
        ArrayNode endpoints = out.putArray("endpoints");
        for (Endpoint e : Endpoint.values()) {
            endpoints.addObject().put("id", e.id()).put("method", e.method()).put("path", e.path())
                    .put("host", e.host().production()).put("parameter", e.host().parameter());
        }
        return Reply.ok(out);
    }

    // ---------------------------------------------------------------- users and tokens

    private Reply createUser(JsonNode body) {
        synchronized (state) {
            String id = optText(body, "id");
            if (id != null && !id.matches("[0-9]{1,32}")) {
                throw new IllegalArgumentException("id must be digits (a Zalo user id), got " + id);
            }
            User user = id == null ? null : state.users.get(id);
            boolean created = user == null;
            if (created) {
                user = new User();
                user.id = id != null ? id : newUserId();
                user.appId = state.config.appId();
                user.followerId = newFollowerId();
                user.name = "Người dùng Zalo " + user.id.substring(user.id.length() - 4);
                user.avatar = "https://s160-ava-talk.zadn.vn/stub/" + user.id + ".jpg";
            }
            String appId = optText(body, "appId");
            if (appId != null) {
                if (!appId.matches("[0-9]{1,32}")) {
                    throw new IllegalArgumentException("appId must be digits, got " + appId);
                }
                user.appId = appId;
                state.secretOf(appId);
            }
            if (optText(body, "name") != null) {
                user.name = optText(body, "name");
            }
            if (optText(body, "avatar") != null) {
                user.avatar = optText(body, "avatar");
            }
            if (body.has("phone")) {
                String phone = optText(body, "phone");
                if (phone == null) {
                    user.phone = null;
                } else {
                    user.phone = ZaloApi.normalisePhone(phone).orElseThrow(() ->
                            new IllegalArgumentException("phone must be a Vietnamese mobile number (84xxxxxxxxx), got "
                                    + phone));
                    for (User other : state.users.values()) {
                        if (other != user && user.phone.equals(other.phone) && other.appId.equals(user.appId)) {
                            throw new IllegalArgumentException("phone " + user.phone + " belongs to user " + other.id);
                        }
                    }
                }
            }
            JsonNode follower = body.get("follower");
            if (follower != null && follower.isObject()) {
                String followerId = optText(follower, "id");
                if (followerId != null) {
                    for (User other : state.users.values()) {
                        if (other != user && followerId.equals(other.followerId)) {
                            throw new IllegalArgumentException("follower id " + followerId + " belongs to user "
                                    + other.id);
                        }
                    }
                    user.followerId = followerId;
                }
                if (follower.has("followed")) {
                    user.followed = follower.get("followed").asBoolean();
                }
                if (follower.has("lastInteraction")) {
                    JsonNode last = follower.get("lastInteraction");
                    user.lastInteraction = last.isNull() ? null : instant(last.asText(), "follower.lastInteraction");
                }
            }
            if (body.has("oaAdmin")) {
                user.oaAdmin = body.get("oaAdmin").asBoolean();
            }
            if (body.has("znsReceivable")) {
                user.znsReceivable = body.get("znsReceivable").asBoolean();
            }
            JsonNode location = body.get("location");
            if (location != null && location.isObject()) {
                user.latitude = location.path("latitude").asDouble(user.latitude);
                user.longitude = location.path("longitude").asDouble(user.longitude);
            }
            state.users.put(user.id, user);
            ObjectNode out = userJson(user);
            putTokens(out, user, body);
            out.put("created", created);
            return Reply.json(created ? 201 : 200, out);
        }
    }

    private Reply issueTokens(String id, JsonNode body) {
        synchronized (state) {
            User user = state.users.get(id);
            if (user == null) {
                return Reply.controlError(404, "no stub user " + id);
            }
            ObjectNode out = userJson(user);
            putTokens(out, user, body);
            return Reply.ok(out);
        }
    }

    private void putTokens(ObjectNode out, User user, JsonNode body) {
        Duration ttl = state.config.userTokenTtl();
        if (body.has("accessTokenTtlSeconds")) {
            ttl = Duration.ofSeconds(body.get("accessTokenTtlSeconds").asLong());
        }
        Token access = state.issue(TokenKind.USER_ACCESS, user.appId, user.id, ttl);
        out.put("accessToken", access.value);
        out.put("accessTokenExpiresAt", access.expiresAt.toString());
        if (user.phone != null) {
            Token phone = state.issue(TokenKind.PHONE_CODE, user.appId, user.id, state.config.codeTokenTtl());
            out.put("phoneToken", phone.value);
        } else {
            out.putNull("phoneToken");
        }
        Token location = state.issue(TokenKind.LOCATION_CODE, user.appId, user.id, state.config.codeTokenTtl());
        out.put("locationToken", location.value);
        out.put("codeTokensExpireAt", location.expiresAt.toString());
    }

    private Reply listUsers() {
        synchronized (state) {
            ObjectNode out = Json.object();
            ArrayNode items = out.putArray("items");
            state.users.values().forEach(u -> items.add(userJson(u)));
            return Reply.ok(out);
        }
    }

    private Reply getUser(String id) {
        synchronized (state) {
            User user = state.users.get(id);
            return user == null ? Reply.controlError(404, "no stub user " + id) : Reply.ok(userJson(user));
        }
    }

    private ObjectNode userJson(User user) {
        ObjectNode out = Json.object();
        out.put("id", user.id);
        out.put("appId", user.appId);
        out.put("name", user.name);
        out.put("avatar", user.avatar);
        if (user.phone != null) {
            out.put("phone", user.phone);
        } else {
            out.putNull("phone");
        }
        ObjectNode follower = out.putObject("follower");
        follower.put("id", user.followerId);
        follower.put("followed", user.followed);
        if (user.lastInteraction != null) {
            follower.put("lastInteraction", user.lastInteraction.toString());
        } else {
            follower.putNull("lastInteraction");
        }
        out.put("oaAdmin", user.oaAdmin);
        out.put("znsReceivable", user.znsReceivable);
        out.putObject("location").put("latitude", user.latitude).put("longitude", user.longitude);
        return out;
    }

    private String newUserId() {
        String id;
        do {
            id = StubState.randomNumericId();
        } while (state.users.containsKey(id));
        return id;
    }

    private String newFollowerId() {
        String id;
        do {
            id = StubState.randomNumericId();
        } while (state.userByFollowerId(id).isPresent());
        return id;
    }

    private Reply changeToken(JsonNode body, boolean revoke) {
        String value = requiredText(body, "token");
        synchronized (state) {
            Token token = state.tokens.get(value);
            if (token == null) {
                return Reply.controlError(404, "the stub never issued this token");
            }
            if (revoke) {
                token.revoked = true;
            } else {
                token.expiresAt = state.clock.now();
            }
            return Reply.ok(Json.object().put("kind", token.kind.name()).put(revoke ? "revoked" : "expired", true));
        }
    }

    private Reply oaTokens() {
        synchronized (state) {
            return Reply.ok(oaTokensJson());
        }
    }

    private ObjectNode oaTokensJson() {
        Token access = state.tokens.get(state.currentOaAccessToken);
        Token refresh = state.tokens.get(state.currentOaRefreshToken);
        ObjectNode out = Json.object();
        out.put("accessToken", access.value);
        out.put("accessTokenExpiresAt", access.expiresAt.toString());
        out.put("refreshToken", refresh.value);
        out.put("refreshTokenExpiresAt", refresh.expiresAt.toString());
        out.put("refreshTokenUsable", refresh.usableAt(state.clock.now()));
        return out;
    }

    private Reply installOaTokens(JsonNode body) {
        synchronized (state) {
            String access = optText(body, "accessToken");
            String refresh = optText(body, "refreshToken");
            if (access == null) {
                access = state.issue(TokenKind.OA_ACCESS, state.config.appId(), null,
                        state.config.oaAccessTokenTtl()).value;
            }
            if (refresh == null) {
                refresh = state.issue(TokenKind.OA_REFRESH, state.config.appId(), null,
                        state.config.oaRefreshTokenTtl()).value;
            }
            if (access.equals(refresh)) {
                throw new IllegalArgumentException("accessToken and refreshToken must differ");
            }
            state.installOaTokens(access, refresh, state.clock.now());
            return Reply.ok(oaTokensJson());
        }
    }

    // ---------------------------------------------------------------- templates and quota

    private Reply listTemplates() {
        synchronized (state) {
            ObjectNode out = Json.object();
            ArrayNode items = out.putArray("items");
            state.templates.values().forEach(t -> items.add(Json.MAPPER.valueToTree(t)));
            return Reply.ok(out);
        }
    }

    private Reply putTemplate(JsonNode body) {
        List<String> params = new ArrayList<>();
        body.path("params").forEach(p -> params.add(p.asText()));
        ZnsTemplate template = new ZnsTemplate(requiredText(body, "id"),
                body.hasNonNull("name") ? body.get("name").asText() : "Template " + body.get("id").asText(),
                body.path("tag").asInt(1), params, optText(body, "status"), body.path("byUserId").asBoolean(true));
        synchronized (state) {
            state.templates.put(template.id(), template);
        }
        return Reply.ok(Json.MAPPER.valueToTree(template));
    }

    private Reply setQuota(JsonNode body) {
        synchronized (state) {
            if (body.has("dailyQuota")) {
                state.dailyZnsQuota = body.get("dailyQuota").asLong();
            }
            if (body.has("usedToday")) {
                state.znsUsed.put(state.vietnamDay(), body.get("usedToday").asLong());
            }
            return Reply.ok(Json.object().put("dailyQuota", state.dailyZnsQuota).put("usedToday", state.znsUsedToday()));
        }
    }

    // ---------------------------------------------------------------- what happened

    private Reply inbox(Map<String, String> query) {
        String phone = query.get("phone");
        String normalised = phone == null ? null : ZaloApi.normalisePhone(phone).orElse(phone);
        Predicate<InboxEntry> filter = e -> (normalised == null || normalised.equals(e.phone()))
                && (query.get("followerId") == null || query.get("followerId").equals(e.followerId()))
                && (query.get("userId") == null || query.get("userId").equals(e.userId()))
                && (query.get("trackingId") == null || query.get("trackingId").equals(e.trackingId()))
                && (query.get("channel") == null || query.get("channel").equals(e.channel()));
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("items");
        synchronized (state) {
            for (InboxEntry e : state.inbox) {
                if (filter.test(e)) {
                    ObjectNode item = items.addObject();
                    item.put("channel", e.channel());
                    item.put("id", e.id());
                    item.put("phone", e.phone());
                    item.put("userId", e.userId());
                    item.put("followerId", e.followerId());
                    item.put("templateId", e.templateId());
                    item.set("templateData", e.templateData());
                    item.put("trackingId", e.trackingId());
                    item.put("mode", e.mode());
                    item.put("messageType", e.messageType());
                    item.set("message", e.message());
                    item.put("sentAt", e.sentAt().toString());
                }
            }
        }
        return Reply.ok(out);
    }

    private Reply calls(Map<String, String> query) {
        String endpoint = query.get("endpoint");
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("items");
        synchronized (state) {
            for (Call c : state.calls) {
                if (endpoint == null || endpoint.equals(c.endpoint())) {
                    ObjectNode item = items.addObject();
                    item.put("seq", c.seq());
                    item.put("endpoint", c.endpoint());
                    item.put("method", c.method());
                    item.put("path", c.path());
                    item.put("time", c.time().toString());
                    item.put("outcome", c.outcome());
                    if (c.error() != null) {
                        item.put("error", c.error());
                    }
                    item.put("httpStatus", c.httpStatus());
                    item.put("fault", c.fault());
                    item.put("latencyMs", c.latencyMs());
                }
            }
        }
        return Reply.ok(out);
    }

    // ---------------------------------------------------------------- automatic delivery receipts

    /**
     * GET: settings, pending receipts and those posted. POST {@code {"url"?, "delayMs"?, "enabled"?}}:
     * changes the fields given (giving a url turns receipts on unless {@code "enabled": false}).
     * DELETE: off. Until the next reset, which restores what the stub was started with.
     */
    private Reply autoReceipts(String method, JsonNode body) {
        synchronized (state) {
            StubState.ReceiptSettings current = state.receipts;
            switch (method) {
                case "GET" -> {
                    return Reply.ok(AutoReceipts.status(state));
                }
                case "POST" -> {
                    String url = body.has("url") ? optText(body, "url") : current.url();
                    Duration delay = body.hasNonNull("delayMs") ? Duration.ofMillis(body.get("delayMs").asLong())
                            : current.delay();
                    boolean enabled = body.has("enabled") ? body.get("enabled").asBoolean()
                            : body.hasNonNull("url") || current.enabled();
                    AutoReceipts.set(state, new StubState.ReceiptSettings(url, delay, enabled), false);
                    return Reply.ok(AutoReceipts.status(state));
                }
                case "DELETE" -> {
                    AutoReceipts.set(state, new StubState.ReceiptSettings(current.url(), current.delay(), false), false);
                    return Reply.ok(AutoReceipts.status(state));
                }
                default -> {
                    return Reply.controlError(404, "no control route " + method + " /_stub/webhooks/auto-receipts");
                }
            }
        }
    }

    // ---------------------------------------------------------------- faults and clock

    private Reply addFault(JsonNode body) {
        Faults.Spec spec = new Faults.Spec(
                body.hasNonNull("endpoint") ? body.get("endpoint").asText() : null,
                body.hasNonNull("times") ? body.get("times").asInt() : null,
                body.hasNonNull("share") ? body.get("share").asDouble() : null,
                body.hasNonNull("seed") ? body.get("seed").asLong() : null,
                body.hasNonNull("error") ? body.get("error").asInt() : null,
                optText(body, "message"),
                body.hasNonNull("httpStatus") ? body.get("httpStatus").asInt() : null,
                body.hasNonNull("latencyMs") ? body.get("latencyMs").asLong() : null,
                body.path("timeout").asBoolean(false),
                body.hasNonNull("holdMs") ? body.get("holdMs").asLong() : null,
                body.path("process").asBoolean(false));
        long id = faults.add(spec);
        return Reply.json(201, Json.object().put("id", id));
    }

    private Reply listFaults() {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("items");
        for (Faults.Active fault : faults.list()) {
            ObjectNode item = Json.MAPPER.valueToTree(fault.spec);
            item.put("id", fault.id);
            item.put("hits", fault.hits);
            if (fault.remaining != null) {
                item.put("remaining", fault.remaining);
            }
            items.add(item);
        }
        return Reply.ok(out);
    }

    private Reply clock() {
        synchronized (state) {
            return Reply.ok(Json.object().put("now", state.clock.now().toString()).put("fixed", state.clock.isFixed()));
        }
    }

    private Reply setClock(JsonNode body) {
        synchronized (state) {
            if (body.path("system").asBoolean(false)) {
                state.clock.release();
            } else if (body.hasNonNull("now")) {
                state.clock.set(instant(body.get("now").asText(), "now"));
            } else if (body.hasNonNull("advanceSeconds")) {
                state.clock.advance(Duration.ofSeconds(body.get("advanceSeconds").asLong()));
            } else {
                throw new IllegalArgumentException("clock needs \"now\" (RFC 3339), \"advanceSeconds\" or \"system\": true");
            }
            return Reply.ok(Json.object().put("now", state.clock.now().toString()).put("fixed", state.clock.isFixed()));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode body(StubRequest request) {
        if (request.body() == null || request.body().isBlank()) {
            return Json.object();
        }
        try {
            JsonNode node = Json.read(request.body());
            if (!node.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return node;
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
    }

    private static String optText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String requiredText(JsonNode body, String field) {
        String value = optText(body, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("\"" + field + "\" is required");
        }
        return value;
    }

    private static Instant instant(String text, String field) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an RFC 3339 instant, got " + text);
        }
    }
}
