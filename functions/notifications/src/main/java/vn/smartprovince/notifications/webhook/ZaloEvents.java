package vn.smartprovince.notifications.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.smartprovince.notifications.webhook.ZaloEvent.Attachment;
import vn.smartprovince.notifications.webhook.ZaloEvent.CitizenMessage;
import vn.smartprovince.notifications.webhook.ZaloEvent.DeliveryReceipt;
import vn.smartprovince.notifications.webhook.ZaloEvent.FollowChange;
import vn.smartprovince.notifications.webhook.ZaloEvent.MessageKind;
import vn.smartprovince.notifications.webhook.ZaloEvent.Unhandled;

/**
 * Reads Zalo's OA webhook bodies (field names as in {@code ../shared/reference/zalo-platform.md} and
 * the Zalo stub) into {@link ZaloEvent}s:
 *
 * <pre>
 * follow / unfollow        {app_id, oa_id, user_id_by_app?, event_name, source?, follower: {id}, timestamp}
 * user_send_&lt;kind&gt;        {app_id, user_id_by_app?, event_name, timestamp, sender: {id}, recipient: {id},
 *                           message: {msg_id?, text?, attachments?: [{type, payload: {url? | coordinates?}}]}}
 * user_received_message,   {app_id, user_id_by_app?, event_name, timestamp, sender: {id: OA}, recipient: {id},
 * user_seen_message         message: {msg_id} or {msg_ids: [...]}}
 * </pre>
 *
 * Unknown fields are ignored; unknown event names become {@link Unhandled}. A known event missing
 * what the consumer needs is an {@link InvalidZaloEventException} naming the fields.
 */
final class ZaloEvents {
    static final String FOLLOW = "follow";
    static final String UNFOLLOW = "unfollow";
    static final String USER_RECEIVED_MESSAGE = "user_received_message";
    static final String USER_SEEN_MESSAGE = "user_seen_message";
    static final String USER_SEND_PREFIX = "user_send_";
    /** Zalo's limit for a text message is 2,000 characters; longer is cut (and marked). */
    static final int MAX_TEXT = 2000;
    static final int MAX_ATTACHMENTS = 10;
    static final int MAX_URL = 2048;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Pattern MILLIS = Pattern.compile("[0-9]{1,15}");

    private ZaloEvents() {
    }

    static ZaloEvent parse(JsonNode event) {
        List<String> problems = new ArrayList<>();
        if (event == null || !event.isObject()) {
            throw new InvalidZaloEventException(List.of("body: not a JSON object"));
        }
        String name = text(event.get("event_name"));
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("event_name: missing or not a name");
        }
        String millis = text(event.get("timestamp"));
        if (millis == null || !MILLIS.matcher(millis).matches()) {
            problems.add("timestamp: missing or not epoch milliseconds");
        }
        if (!problems.isEmpty()) {
            throw new InvalidZaloEventException(problems);
        }
        Instant at = Instant.ofEpochMilli(Long.parseLong(millis));
        String userId = optionalId(event, "user_id_by_app", problems);
        ZaloEvent parsed;
        if (name.equals(FOLLOW) || name.equals(UNFOLLOW)) {
            String followerId = requiredId(event.path("follower").get("id"), "follower.id", problems);
            String source = text(event.get("source"));
            parsed = new FollowChange(name, at, name.equals(FOLLOW), followerId, userId,
                    source == null || !NAME.matcher(source).matches() ? null : source);
        } else if (name.equals(USER_RECEIVED_MESSAGE) || name.equals(USER_SEEN_MESSAGE)) {
            parsed = new DeliveryReceipt(name, at, name.equals(USER_SEEN_MESSAGE), msgIds(event.path("message"), problems));
        } else if (name.startsWith(USER_SEND_PREFIX) && name.length() > USER_SEND_PREFIX.length()) {
            parsed = citizenMessage(event, name, at, userId, problems);
        } else {
            parsed = new Unhandled(name, at);
        }
        if (!problems.isEmpty()) {
            throw new InvalidZaloEventException(problems);
        }
        return parsed;
    }

    private static List<String> msgIds(JsonNode message, List<String> problems) {
        List<String> ids = new ArrayList<>();
        JsonNode single = message.get("msg_id");
        if (single != null && !single.isNull()) {
            String id = requiredId(single, "message.msg_id", problems);
            if (id != null) {
                ids.add(id);
            }
        }
        JsonNode many = message.get("msg_ids");
        if (many != null && many.isArray()) {
            for (int i = 0; i < many.size(); i++) {
                String id = requiredId(many.get(i), "message.msg_ids[" + i + "]", problems);
                if (id != null && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        if (ids.isEmpty() && problems.isEmpty()) {
            problems.add("message.msg_id: missing (nor message.msg_ids)");
        }
        return ids;
    }

    private static CitizenMessage citizenMessage(JsonNode event, String name, Instant at, String userId,
                                                 List<String> problems) {
        String followerId = requiredId(event.path("sender").get("id"), "sender.id", problems);
        JsonNode message = event.path("message");
        String msgId = optionalId(message, "msg_id", problems);
        String raw = text(message.get("text"));
        String text = null;
        boolean truncated = false;
        if (raw != null) {
            text = clean(raw);
            if (text.codePointCount(0, text.length()) > MAX_TEXT) {
                text = text.substring(0, text.offsetByCodePoints(0, MAX_TEXT));
                truncated = true;
            }
            if (text.isEmpty()) {
                text = null;
            }
        }
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode attachment : message.path("attachments")) {
            if (attachments.size() == MAX_ATTACHMENTS) {
                break;
            }
            Attachment parsed = attachment(attachment);
            if (parsed != null) {
                attachments.add(parsed);
            }
        }
        return new CitizenMessage(name, at, msgId, followerId, userId, MessageKind.of(name), text, truncated, attachments);
    }

    /** A link or a place; null for anything else (nothing to keep). */
    private static Attachment attachment(JsonNode attachment) {
        String type = text(attachment.get("type"));
        type = type == null || !NAME.matcher(type).matches() ? "unknown" : type.toLowerCase(Locale.ROOT);
        JsonNode payload = attachment.path("payload");
        String url = text(payload.get("url"));
        if (url != null && url.length() <= MAX_URL && (url.startsWith("https://") || url.startsWith("http://"))
                && url.chars().noneMatch(c -> c <= 0x20 || c == 0x7f)) {
            return new Attachment(type, url, null, null);
        }
        JsonNode coordinates = payload.path("coordinates");
        Double latitude = number(coordinates.get("latitude"));
        Double longitude = number(coordinates.get("longitude"));
        if (latitude != null && longitude != null && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
            return new Attachment(type, null, latitude, longitude);
        }
        return null;
    }

    /** NFC, line breaks as \n, no control characters but \n and \t, trimmed (conventions, "Text"). */
    static String clean(String text) {
        String normalised = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }

    /** Short, fixed-length identity of a longer text (the ids of a receipt for several messages). */
    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String requiredId(JsonNode node, String field, List<String> problems) {
        String id = text(node);
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(field + ": missing or not an id");
            return null;
        }
        return id;
    }

    private static String optionalId(JsonNode parent, String field, List<String> problems) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.textValue().isEmpty())) {
            return null;
        }
        return requiredId(node, field, problems);
    }

    /** A string, or a number's digits (Zalo writes ids and times as strings, but may not always). */
    private static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return node.isIntegralNumber() ? node.asText() : null;
    }

    private static Double number(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                double value = Double.parseDouble(node.textValue());
                return Double.isFinite(value) ? value : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
