package vn.smartprovince.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.smartprovince.shared.json.Json;

/**
 * What an operator may see of a parked message: what kind of message it is and the ids that find
 * it in the logs and the table. Never the body itself, a job's parameters, a phone number or a
 * citizen's text.
 *
 * <ul>
 *   <li>notification job ({@code NotificationQueue}): {@code type}, {@code jobId},
 *       {@code deduplicationKey}, {@code schemaVersion};</li>
 *   <li>Zalo OA event ({@code ZaloEventQueue}): {@code event_name}, the message id(s), the event's time;</li>
 *   <li>one-stop nudge ({@code OneStopOutboundQueue}): the dossier id and the event's sequence;</li>
 *   <li>alert fan-out page ({@code AlertFanOutQueue}): the alert id, the partition (commune) and the page;</li>
 *   <li>desk update ({@code OneStopInboundQueue}): the update's id, the dossier id, its desk sequence,
 *       the status asked for, and why it was dead-lettered (the {@code reason} attribute), with the
 *       national default field names (a province that renamed them sees "unknown" and the reason);</li>
 *   <li>anything else: its size, and the message attribute naming its type if there is one.</li>
 * </ul>
 */
record MessageSummary(String kind, List<String> facts) {

    static MessageSummary of(String body, String typeAttribute) {
        return of(body, typeAttribute, null);
    }

    static MessageSummary of(String body, String typeAttribute, String reasonAttribute) {
        JsonNode json = null;
        try {
            json = body == null ? null : Json.read(body);
        } catch (RuntimeException e) {
            // not JSON: unknown below
        }
        List<String> facts = new ArrayList<>();
        if (json != null && json.isObject() && json.has("jobId")) {
            add(facts, "type", json.get("type"));
            add(facts, "jobId", json.get("jobId"));
            add(facts, "dedup", json.get("deduplicationKey"));
            add(facts, "v", json.get("schemaVersion"));
            return new MessageSummary("job", facts);
        }
        if (json != null && json.isObject() && json.has("event_name")) {
            add(facts, "event", json.get("event_name"));
            JsonNode message = json.path("message");
            add(facts, "msgId", message.get("msg_id"));
            JsonNode many = message.get("msg_ids");
            if (many != null && many.isArray()) {
                facts.add("msgIds=" + many.size());
            }
            JsonNode timestamp = json.get("timestamp");
            if (timestamp != null && timestamp.asText().matches("[0-9]{1,15}")) {
                facts.add("at=" + Instant.ofEpochMilli(Long.parseLong(timestamp.asText())));
            }
            return new MessageSummary("zalo", facts);
        }
        if (json != null && json.isObject() && json.has("alertId") && json.has("areaCode")) {
            add(facts, "alertId", json.get("alertId"));
            add(facts, "areaCode", json.get("areaCode"));
            add(facts, "page", json.get("page"));
            return new MessageSummary("alert-fan-out", facts);
        }
        if (json != null && json.isObject() && json.size() == 2 && json.has("dossierId") && json.has("sequence")) {
            add(facts, "dossierId", json.get("dossierId"));
            add(facts, "sequence", json.get("sequence"));
            return new MessageSummary("one-stop-event", facts);
        }
        if (json != null && json.isObject() && (json.has("MaCapNhat") || json.has("IdHoSoNguon"))) {
            add(facts, "updateId", json.get("MaCapNhat"));
            add(facts, "dossierId", json.get("IdHoSoNguon"));
            add(facts, "deskSequence", json.get("SoThuTuCapNhat"));
            add(facts, "status", json.get("TrangThaiHoSo"));
            if (reasonAttribute != null) {
                facts.add("reason=" + safe(reasonAttribute.replace(' ', '_')));
            }
            return new MessageSummary("desk-update", facts);
        }
        facts.add("bytes=" + (body == null ? 0 : body.length()));
        if (reasonAttribute != null) {
            facts.add("reason=" + safe(reasonAttribute.replace(' ', '_')));
        }
        if (typeAttribute != null) {
            facts.add("type=" + safe(typeAttribute));
        }
        return new MessageSummary("unknown", facts);
    }

    @Override
    public String toString() {
        return kind + " " + String.join(" ", facts);
    }

    private static void add(List<String> facts, String name, JsonNode value) {
        if (value != null && value.isValueNode() && !value.isNull()) {
            facts.add(name + "=" + safe(value.asText()));
        }
    }

    /** Printable ASCII, at most 200 characters: ids and keys, nothing that could hide a line break. */
    static String safe(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 200; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x21 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
