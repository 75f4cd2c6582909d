package vn.smartprovince.shared.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.json.Json;

/** The hashes behind a record: its id (route, caller, key) and its request's fingerprint. */
final class Fingerprints {
    private Fingerprints() {
    }

    /**
     * The record id: SHA-256 of the route, the caller and the key, each length-prefixed so no two
     * triples share an encoding. The key itself never reaches the table or the logs.
     */
    static String recordId(String scope, String callerId, String key) {
        return sha256(scope.length() + ":" + scope + "|" + callerId.length() + ":" + callerId + "|" + key);
    }

    /**
     * What "the same request" means: method, concrete path (with its ids), query parameters in name
     * order, and the body as canonical JSON (object members sorted by name, no insignificant
     * whitespace, numbers as parsed), so a retry that serialises the same JSON differently is still
     * the same request. A body that is not JSON counts as its exact text.
     */
    static String payloadHash(HttpRequest request) {
        StringBuilder text = new StringBuilder();
        text.append(request.method()).append(' ').append(request.path()).append('\n');
        new TreeMap<>(request.queryParameters()).forEach((name, value) ->
                text.append(name).append('=').append(value).append('&'));
        text.append('\n').append(canonicalBody(request.body()));
        return sha256(text.toString());
    }

    static String canonicalBody(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (Exception notJson) {
            return body;
        }
        return node == null ? body : Json.write(canonical(node));
    }

    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = Json.object();
            TreeSet<String> names = new TreeSet<>();
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(names::add);
            for (String name : names) {
                sorted.set(name, canonical(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
