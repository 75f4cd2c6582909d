package vn.smartprovince.zalostub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.zalostub.StubState.InboxEntry;
import vn.smartprovince.zalostub.StubState.Token;
import vn.smartprovince.zalostub.StubState.TokenKind;
import vn.smartprovince.zalostub.StubState.User;

/**
 * Zalo's endpoints, answering as Zalo does (paths, headers, field names, error codes): see
 * {@link Endpoint} and the README. Every method holds the state's monitor.
 */
final class ZaloApi {
    /** A Vietnamese mobile number in the forms ZNS accepts: 84xxxxxxxxx, 0xxxxxxxxx, +84..., or without the 0. */
    private static final Pattern PHONE = Pattern.compile("(?:\\+?84|0)?([35789][0-9]{8})");

    private final StubState state;
    private final AutoReceipts receipts;

    ZaloApi(StubState state, AutoReceipts receipts) {
        this.state = state;
        this.receipts = receipts;
    }

    Reply handle(Endpoint endpoint, StubRequest request) {
        synchronized (state) {
            return switch (endpoint) {
                case GRAPH_ME -> me(request);
                case GRAPH_ME_INFO -> meInfo(request);
                case ZNS_SEND -> znsSend(request);
                case ZNS_TEMPLATE_INFO -> templateInfo(request);
                case ZBS_UID_SEND -> zbsUidSend(request);
                case OA_MESSAGE_CS -> oaMessage(request, "cs");
                case OA_MESSAGE_TRANSACTION -> oaMessage(request, "transaction");
                case OAUTH_OA_ACCESS_TOKEN -> refresh(request);
            };
        }
    }

    // ---------------------------------------------------------------- graph.zalo.me

    /** The user access token's check shared by both Graph endpoints: -216 unknown, 452 expired or revoked. */
    private Object userToken(StubRequest request) {
        String value = request.header("access_token");
        if (value == null || value.isBlank()) {
            return Reply.zaloError(ZaloErrors.ACCESS_TOKEN_INVALID);
        }
        Token token = state.tokens.get(value);
        if (token == null || token.kind != TokenKind.USER_ACCESS || !state.users.containsKey(token.userId)) {
            return Reply.zaloError(ZaloErrors.ACCESS_TOKEN_INVALID);
        }
        if (!token.usableAt(state.clock.now())) {
            return Reply.zaloError(ZaloErrors.SESSION_KEY_INVALID);
        }
        return token;
    }

    private Reply me(StubRequest request) {
        Object checked = userToken(request);
        if (checked instanceof Reply error) {
            return error;
        }
        Token token = (Token) checked;
        String proof = request.header("appsecret_proof");
        String expected = Signatures.appSecretProof(state.secretOf(token.appId), token.value);
        if (!Signatures.equalsConstantTime(expected, proof)) {
            return Reply.zaloError(ZaloErrors.INVALID_PARAMETER, "Invalid appsecret_proof");
        }
        User user = state.users.get(token.userId);
        Set<String> fields = new LinkedHashSet<>(Arrays.asList(
                request.query().getOrDefault("fields", "id,name").split(",")));
        ObjectNode body = Json.object();
        for (String field : fields) {
            switch (field.trim()) {
                case "id" -> body.put("id", user.id);
                case "name" -> body.put("name", user.name);
                case "picture" -> body.putObject("picture").putObject("data").put("url", user.avatar);
                default -> {
                    // Fields the stub does not model (birthday, gender...) are left out.
                }
            }
        }
        return Reply.ok(body);
    }

    private Reply meInfo(StubRequest request) {
        Object checked = userToken(request);
        if (checked instanceof Reply error) {
            return error;
        }
        Token token = (Token) checked;
        if (!Signatures.equalsConstantTime(state.secretOf(token.appId), request.header("secret_key"))) {
            return Reply.zaloError(ZaloErrors.INVALID_PARAMETER, "Invalid secret_key");
        }
        String code = request.header("code");
        if (code == null || code.isBlank()) {
            return Reply.zaloError(ZaloErrors.INVALID_PARAMETER, "Missing code");
        }
        Token codeToken = state.tokens.get(code);
        if (codeToken == null || !(codeToken.kind == TokenKind.PHONE_CODE || codeToken.kind == TokenKind.LOCATION_CODE)
                || !codeToken.userId.equals(token.userId) || !codeToken.usableAt(state.clock.now())) {
            return Reply.zaloError(ZaloErrors.INVALID_PARAMETER, "Invalid code");
        }
        User user = state.users.get(token.userId);
        ObjectNode body = Json.object();
        ObjectNode data = body.putObject("data");
        if (codeToken.kind == TokenKind.PHONE_CODE) {
            data.put("number", user.phone);
        } else {
            data.put("provider", "gps");
            data.put("latitude", Double.toString(user.latitude));
            data.put("longitude", Double.toString(user.longitude));
            data.put("timestamp", Long.toString(codeToken.issuedAt.toEpochMilli()));
        }
        body.put("error", 0);
        body.put("message", "Success");
        return Reply.ok(body);
    }

    // ---------------------------------------------------------------- business.openapi.zalo.me (ZNS)

    private boolean oaTokenValid(StubRequest request) {
        return state.usable(request.header("access_token"), TokenKind.OA_ACCESS).isPresent();
    }

    private Reply znsSend(StubRequest request) {
        if (!oaTokenValid(request)) {
            return Reply.zaloError(ZaloErrors.ZNS_ACCESS_TOKEN_INVALID);
        }
        JsonNode body = parseObject(request.body());
        if (body == null) {
            return Reply.zaloError(ZaloErrors.ZNS_BODY_INVALID);
        }
        Optional<String> phone = normalisePhone(text(body, "phone"));
        if (phone.isEmpty()) {
            return Reply.zaloError(ZaloErrors.ZNS_PHONE_INVALID);
        }
        Object checked = templateAndData(body, false);
        if (checked instanceof Reply error) {
            return error;
        }
        ZnsTemplate template = (ZnsTemplate) checked;
        Optional<User> user = state.userByPhone(phone.get());
        if (user.isEmpty()) {
            return Reply.zaloError(ZaloErrors.ZNS_NO_ZALO_ACCOUNT);
        }
        String mode = text(body, "mode");
        if ("development".equals(mode) && !user.get().oaAdmin) {
            return Reply.zaloError(ZaloErrors.ZNS_DEVELOPMENT_MODE_ADMIN_ONLY);
        }
        return deliverTemplate("zns", user.get(), phone.get(), user.get().followerId, template, body, mode, "1");
    }

    /**
     * A ZBS Template Message by OA-scoped user id: the ZNS endpoint's token check, body and template
     * validation, sending hours, shared daily quota and error codes, with {@code recipient.user_id}
     * instead of {@code phone}: a missing id answers -201, an id unknown to the OA -118, a template not
     * sendable by user id -135. The user need not follow the OA nor have a phone number.
     */
    private Reply zbsUidSend(StubRequest request) {
        if (!oaTokenValid(request)) {
            return Reply.zaloError(ZaloErrors.ZNS_ACCESS_TOKEN_INVALID);
        }
        JsonNode body = parseObject(request.body());
        if (body == null) {
            return Reply.zaloError(ZaloErrors.ZNS_BODY_INVALID);
        }
        JsonNode recipient = body.get("recipient");
        String followerId = recipient == null || !recipient.isObject() ? null : text(recipient, "user_id");
        if (followerId == null || followerId.isBlank()) {
            return Reply.zaloError(ZaloErrors.OA_INVALID_PARAMETER, "recipient.user_id is required");
        }
        Object checked = templateAndData(body, true);
        if (checked instanceof Reply error) {
            return error;
        }
        ZnsTemplate template = (ZnsTemplate) checked;
        Optional<User> user = state.userByFollowerId(followerId);
        if (user.isEmpty()) {
            return Reply.zaloError(ZaloErrors.ZNS_NO_ZALO_ACCOUNT);
        }
        return deliverTemplate("zbs_uid", user.get(), user.get().phone, followerId, template, body, null, null);
    }

    /**
     * The end both template endpoints share: -114 for a user who does not receive template messages,
     * the sending hours and quota, then the inbox entry (receipts follow) and the success answer.
     */
    private Reply deliverTemplate(String channel, User user, String phone, String followerId, ZnsTemplate template,
                                  JsonNode body, String mode, String sendingMode) {
        if (!user.znsReceivable) {
            return Reply.zaloError(ZaloErrors.ZNS_USER_CANNOT_RECEIVE);
        }
        Reply refused = hoursAndQuota(template);
        if (refused != null) {
            return refused;
        }
        Instant now = state.clock.now();
        String msgId = StubState.randomHex(10);
        InboxEntry sent = new InboxEntry(channel, msgId, phone, user.id, followerId, template.id(),
                body.get("template_data").deepCopy(), text(body, "tracking_id"), mode, null, null, now);
        state.inbox.add(sent);
        receipts.accepted(sent);
        return accepted(msgId, now, sendingMode);
    }

    /**
     * The template and its data, checked as ZNS does (-109, -131, -111, -112), plus -135 when sent by
     * user id and the template may not be: the template, or the error reply.
     */
    private Object templateAndData(JsonNode body, boolean byUserId) {
        String templateId = text(body, "template_id");
        ZnsTemplate template = templateId == null ? null : state.templates.get(templateId);
        if (template == null) {
            return Reply.zaloError(ZaloErrors.ZNS_TEMPLATE_ID_INVALID);
        }
        if (!ZnsTemplate.ENABLE.equals(template.status())) {
            return Reply.zaloError(ZaloErrors.ZNS_TEMPLATE_NOT_APPROVED);
        }
        if (byUserId && !template.byUserId()) {
            return Reply.zaloError(ZaloErrors.ZBS_TEMPLATE_NOT_BY_USER_ID);
        }
        JsonNode data = body.get("template_data");
        if (data == null || !data.isObject() || data.isEmpty()) {
            return Reply.zaloError(ZaloErrors.ZNS_TEMPLATE_DATA_EMPTY);
        }
        for (String param : template.params()) {
            JsonNode value = data.get(param);
            if (value == null || !(value.isTextual() || value.isNumber()) || value.asText().isBlank()) {
                return Reply.zaloError(ZaloErrors.ZNS_TEMPLATE_DATA_INVALID,
                        ZaloErrors.message(ZaloErrors.ZNS_TEMPLATE_DATA_INVALID) + ": " + param);
            }
        }
        return template;
    }

    /** Tags 2 and 3 only inside the sending hours (-133), then one of today's quota (-144); null when sent. */
    private Reply hoursAndQuota(ZnsTemplate template) {
        if (template.tag() != 1) {
            LocalTime local = state.clock.now().atZone(StubClock.VIETNAM).toLocalTime();
            if (local.isBefore(state.config.sendingHoursStart()) || !local.isBefore(state.config.sendingHoursEnd())) {
                return Reply.zaloError(ZaloErrors.ZNS_OUTSIDE_SENDING_HOURS);
            }
        }
        long used = state.znsUsedToday();
        if (used >= state.dailyZnsQuota) {
            return Reply.zaloError(ZaloErrors.ZNS_DAILY_QUOTA_EXCEEDED);
        }
        state.znsUsed.put(state.vietnamDay(), used + 1);
        return null;
    }

    /** A template message's success answer: msg id, sent time, sending mode (when given) and the quota left. */
    private Reply accepted(String msgId, Instant now, String sendingMode) {
        ObjectNode reply = Json.object();
        reply.put("error", 0);
        reply.put("message", "Success");
        ObjectNode out = reply.putObject("data");
        out.put("msg_id", msgId);
        out.put("sent_time", Long.toString(now.toEpochMilli()));
        if (sendingMode != null) {
            out.put("sending_mode", sendingMode);
        }
        ObjectNode quota = out.putObject("quota");
        quota.put("dailyQuota", Long.toString(state.dailyZnsQuota));
        quota.put("remainingQuota", Long.toString(state.dailyZnsQuota - state.znsUsedToday()));
        return Reply.ok(reply);
    }

    private Reply templateInfo(StubRequest request) {
        if (!oaTokenValid(request)) {
            return Reply.zaloError(ZaloErrors.ZNS_ACCESS_TOKEN_INVALID);
        }
        String id = request.query().get("template_id");
        ZnsTemplate template = id == null ? null : state.templates.get(id);
        if (template == null) {
            return Reply.zaloError(ZaloErrors.ZNS_TEMPLATE_ID_INVALID);
        }
        ObjectNode reply = Json.object();
        reply.put("error", 0);
        reply.put("message", "Success");
        ObjectNode data = reply.putObject("data");
        if (template.id().matches("[0-9]{1,18}")) {
            data.put("templateId", Long.parseLong(template.id()));
        } else {
            data.put("templateId", template.id());
        }
        data.put("templateName", template.name());
        data.put("status", template.status());
        var params = data.putArray("listParams");
        for (String name : template.params()) {
            ObjectNode param = params.addObject();
            param.put("name", name);
            param.put("require", true);
            param.put("type", "STRING");
            param.put("maxLength", 100);
            param.put("minLength", 0);
            param.put("acceptNull", false);
        }
        data.putArray("listButtons");
        data.put("timeout", 7_200_000);
        data.put("previewUrl", "https://account.zalo.cloud/znspreview/stub-" + template.id());
        data.put("templateQuality", "UNDEFINED");
        data.put("templateTag", template.tagName());
        data.put("price", "200");
        return Reply.ok(reply);
    }

    // ---------------------------------------------------------------- openapi.zalo.me (OA messages)

    private Reply oaMessage(StubRequest request, String type) {
        if (!oaTokenValid(request)) {
            return Reply.zaloError(ZaloErrors.ACCESS_TOKEN_INVALID);
        }
        JsonNode body = parseObject(request.body());
        if (body == null) {
            return Reply.zaloError(ZaloErrors.OA_INVALID_PARAMETER, "Body is not valid JSON");
        }
        JsonNode recipient = body.get("recipient");
        String followerId = recipient == null ? null : text(recipient, "user_id");
        JsonNode message = body.get("message");
        if (followerId == null || followerId.isBlank() || message == null || !message.isObject() || message.isEmpty()) {
            return Reply.zaloError(ZaloErrors.OA_INVALID_PARAMETER, "recipient.user_id and message are required");
        }
        if (type.equals("transaction")) {
            JsonNode attachment = message.get("attachment");
            String templateType = attachment == null || attachment.get("payload") == null ? null
                    : text(attachment.get("payload"), "template_type");
            if (attachment == null || !"template".equals(text(attachment, "type")) || templateType == null
                    || !templateType.startsWith("transaction_")) {
                return Reply.zaloError(ZaloErrors.OA_INVALID_PARAMETER,
                        "transaction messages need attachment.type \"template\" and a transaction_* template_type");
            }
        }
        Optional<User> user = state.userByFollowerId(followerId);
        if (user.isEmpty() || !user.get().followed) {
            return Reply.zaloError(ZaloErrors.OA_NOT_FOLLOWER);
        }
        Instant now = state.clock.now();
        if (type.equals("cs")) {
            Instant last = user.get().lastInteraction;
            if (last == null || last.isBefore(now.minus(state.config.interactionWindow()))) {
                return Reply.zaloError(ZaloErrors.OA_OUTSIDE_INTERACTION_WINDOW);
            }
        }
        String messageId = StubState.randomHex(16);
        InboxEntry sent = new InboxEntry("oa", messageId, user.get().phone, user.get().id, followerId, null, null, null,
                null, type, message.deepCopy(), now);
        state.inbox.add(sent);
        receipts.accepted(sent);
        ObjectNode reply = Json.object();
        ObjectNode data = reply.putObject("data");
        data.put("message_id", messageId);
        data.put("user_id", followerId);
        reply.put("error", 0);
        reply.put("message", "Success");
        return Reply.ok(reply);
    }

    // ---------------------------------------------------------------- oauth.zaloapp.com

    private Reply refresh(StubRequest request) {
        if (!Signatures.equalsConstantTime(state.config.appSecret(), request.header("secret_key"))) {
            return Reply.oauthError(ZaloErrors.OAUTH_INVALID_SECRET_KEY, "The secret_key header is missing or wrong");
        }
        Map<String, String> form = StubRequest.decodeForm(request.body());
        if (!state.config.appId().equals(form.get("app_id"))) {
            return Reply.oauthError(ZaloErrors.OAUTH_INVALID_APP_ID, "app_id is missing or unknown");
        }
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return Reply.oauthError(ZaloErrors.OAUTH_INVALID_PARAMETER, "grant_type must be refresh_token");
        }
        Optional<Token> refresh = state.usable(form.get("refresh_token"), TokenKind.OA_REFRESH);
        if (refresh.isEmpty()) {
            return Reply.oauthError(ZaloErrors.OAUTH_INVALID_REFRESH_TOKEN,
                    "The refresh token is invalid, expired or already used");
        }
        refresh.get().spent = true;
        Token access = state.issue(TokenKind.OA_ACCESS, state.config.appId(), null, state.config.oaAccessTokenTtl());
        Token next = state.issue(TokenKind.OA_REFRESH, state.config.appId(), null, state.config.oaRefreshTokenTtl());
        state.currentOaAccessToken = access.value;
        state.currentOaRefreshToken = next.value;
        ObjectNode reply = Json.object();
        reply.put("access_token", access.value);
        reply.put("refresh_token", next.value);
        reply.put("expires_in", Long.toString(state.config.oaAccessTokenTtl().toSeconds()));
        return Reply.ok(reply);
    }

    // ---------------------------------------------------------------- helpers

    static Optional<String> normalisePhone(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        var matcher = PHONE.matcher(raw.trim());
        return matcher.matches() ? Optional.of("84" + matcher.group(1)) : Optional.empty();
    }

    private static JsonNode parseObject(String body) {
        try {
            JsonNode node = Json.read(body == null || body.isBlank() ? "null" : body);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A field as text (numbers too), null when absent or not a scalar. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }
}
