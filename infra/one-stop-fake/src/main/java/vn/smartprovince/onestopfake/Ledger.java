package vn.smartprovince.onestopfake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import vn.smartprovince.shared.json.Json;

/**
 * The fake's books: a copy of each dossier as the one-stop system holds it, the events it received
 * out of order (held until the gap is filled), the event ids seen, and counters. Events of a dossier
 * are applied once and in sequence order; a later event of ours overwrites what the fake's own desk
 * update set (last sequence wins). Thread-safe (one lock: the fake is not a load-test target).
 */
final class Ledger {
    /** A dossier as the one-stop system holds it. */
    static final class Copy {
        final String dossierId;
        String dossierCode;
        Integer status;
        String agencyCode;
        String dueAt;
        int lastSequence;
        int deskSequence;
        String lastEventType;
        String updatedAt;
        final TreeMap<Integer, JsonNode> buffered = new TreeMap<>();
        final List<JsonNode> applied = new ArrayList<>();

        Copy(String dossierId) {
            this.dossierId = dossierId;
        }

        ObjectNode toJson(boolean withEvents) {
            ObjectNode node = Json.object();
            node.put("dossierId", dossierId);
            node.put("dossierCode", dossierCode);
            if (status != null) {
                node.put("status", status);
            }
            node.put("agencyCode", agencyCode);
            node.put("dueAt", dueAt);
            node.put("lastSequence", lastSequence);
            node.put("deskSequence", deskSequence);
            node.put("lastEventType", lastEventType);
            node.put("updatedAt", updatedAt);
            ArrayNode held = node.putArray("bufferedSequences");
            buffered.keySet().forEach(held::add);
            if (withEvents) {
                ArrayNode events = node.putArray("events");
                applied.forEach(events::add);
            }
            return node;
        }

        /** The read API's shape ({@code GET /dossiers/{id}}), default field names. */
        ObjectNode toWire() {
            ObjectNode node = Json.object();
            node.put(Wire.DOSSIER_ID, dossierId);
            node.set(Wire.DOSSIER_CODE, dossierCode == null ? Json.MAPPER.nullNode() : Json.MAPPER.valueToTree(dossierCode));
            node.set(Wire.STATUS, status == null ? Json.MAPPER.nullNode() : Json.MAPPER.valueToTree(status));
            node.set(Wire.AGENCY_CODE, agencyCode == null ? Json.MAPPER.nullNode() : Json.MAPPER.valueToTree(agencyCode));
            node.set(Wire.DUE_AT, dueAt == null ? Json.MAPPER.nullNode() : Json.MAPPER.valueToTree(dueAt));
            node.put(Wire.SEQUENCE, lastSequence);
            node.put(Wire.DESK_SEQUENCE, deskSequence);
            return node;
        }
    }

    /** What became of a received event. */
    enum Outcome { APPLIED, DUPLICATE, BUFFERED }

    private final Map<String, Copy> copies = new LinkedHashMap<>();
    private final Set<String> eventIds = new HashSet<>();
    private final Map<String, Long> counters = new LinkedHashMap<>();

    synchronized void reset() {
        copies.clear();
        eventIds.clear();
        counters.clear();
    }

    synchronized void count(String counter) {
        counters.merge(counter, 1L, Long::sum);
    }

    synchronized Map<String, Long> counters() {
        return new LinkedHashMap<>(counters);
    }

    /**
     * Receives a checked event: applies it when it is the next of its dossier (then any held ones
     * that follow), holds it when an earlier one is missing, ignores a duplicate.
     */
    synchronized Outcome receive(String dossierId, int sequence, String eventId, JsonNode event) {
        Copy copy = copies.computeIfAbsent(dossierId, Copy::new);
        if (sequence <= copy.lastSequence || eventIds.contains(eventId) || copy.buffered.containsKey(sequence)) {
            count("eventsDuplicate");
            return Outcome.DUPLICATE;
        }
        eventIds.add(eventId);
        if (sequence > copy.lastSequence + 1) {
            copy.buffered.put(sequence, event);
            count("eventsBuffered");
            return Outcome.BUFFERED;
        }
        apply(copy, event, sequence);
        while (!copy.buffered.isEmpty() && copy.buffered.firstKey() == copy.lastSequence + 1) {
            var next = copy.buffered.pollFirstEntry();
            apply(copy, next.getValue(), next.getKey());
        }
        return Outcome.APPLIED;
    }

    private void apply(Copy copy, JsonNode event, int sequence) {
        copy.lastSequence = sequence;
        copy.dossierCode = text(event, Wire.DOSSIER_CODE);
        copy.status = event.path(Wire.STATUS).isInt() ? event.get(Wire.STATUS).intValue() : copy.status;
        copy.agencyCode = text(event, Wire.AGENCY_CODE);
        copy.dueAt = text(event, Wire.DUE_AT);
        copy.lastEventType = text(event, Wire.EVENT_TYPE);
        copy.updatedAt = Instant.now().toString();
        copy.applied.add(event);
        count("eventsApplied");
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    synchronized Optional<Copy> copy(String dossierId) {
        return Optional.ofNullable(copies.get(dossierId));
    }

    /**
     * Makes the next desk update of a dossier on the fake's side: its deskSequence, and the copy
     * moved to the target status as the desk sees it. Empty when the fake has no copy.
     *
     * @return the update's deskSequence and the last of our sequences the desk had applied
     */
    synchronized Optional<int[]> deskUpdate(String dossierId, int targetStatus) {
        Copy copy = copies.get(dossierId);
        if (copy == null || copy.lastSequence == 0) {
            return Optional.empty();
        }
        copy.deskSequence++;
        copy.status = targetStatus;
        copy.updatedAt = Instant.now().toString();
        count("deskUpdatesMade");
        return Optional.of(new int[] {copy.deskSequence, copy.lastSequence});
    }

    synchronized List<ObjectNode> list() {
        List<ObjectNode> items = new ArrayList<>();
        copies.values().forEach(c -> items.add(c.toJson(false)));
        return items;
    }

    synchronized ObjectNode json(Copy copy, boolean withEvents) {
        return copy.toJson(withEvents);
    }

    synchronized ObjectNode wire(Copy copy) {
        return copy.toWire();
    }

    synchronized int bufferedEvents() {
        return copies.values().stream().mapToInt(c -> c.buffered.size()).sum();
    }

    synchronized int size() {
        return copies.size();
    }
}
