package vn.smartprovince.dossiers.onestop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.smartprovince.shared.json.Json;

/**
 * The body of a message on OneStopOutboundQueue: {@code {"dossierId": "...", "sequence": n}}, a new
 * timeline entry of a dossier. A message is a nudge, not the event: the connector sends every entry
 * the one-stop system has not acknowledged up to the latest, so a lost or late message loses nothing.
 */
record OutboundMessage(String dossierId, int sequence) {
    static final String EVENT_PREFIX = "EVENT#";
    static final String DOSSIER_PREFIX = "DOSSIER#";

    String toJson() {
        ObjectNode body = Json.object();
        body.put("dossierId", dossierId);
        body.put("sequence", sequence);
        return Json.write(body);
    }

    /** The message for a timeline entry's keys, or null when the keys are not one's. */
    static OutboundMessage ofKeys(String pk, String sk) {
        if (pk == null || sk == null || !pk.startsWith(DOSSIER_PREFIX) || !sk.startsWith(EVENT_PREFIX)
                || pk.length() == DOSSIER_PREFIX.length()) {
            return null;
        }
        try {
            int sequence = Integer.parseInt(sk.substring(EVENT_PREFIX.length()));
            return sequence >= 1 ? new OutboundMessage(pk.substring(DOSSIER_PREFIX.length()), sequence) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @throws IllegalArgumentException when the body is not a valid message */
    static OutboundMessage parse(String body) {
        JsonNode node;
        try {
            node = Json.read(body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON");
        }
        JsonNode id = node.path("dossierId");
        JsonNode sequence = node.path("sequence");
        if (!id.isTextual() || id.textValue().isBlank()) {
            throw new IllegalArgumentException("dossierId missing");
        }
        if (!sequence.canConvertToInt() || !sequence.isIntegralNumber() || sequence.intValue() < 1) {
            throw new IllegalArgumentException("sequence missing or not a positive integer");
        }
        return new OutboundMessage(id.textValue(), sequence.intValue());
    }
}
