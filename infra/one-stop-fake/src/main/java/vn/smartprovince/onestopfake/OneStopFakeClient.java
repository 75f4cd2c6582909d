package vn.smartprovince.onestopfake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.smartprovince.shared.json.Json;

/**
 * The Java client of a fake's control API ({@code /_fake/}), for tests and the ops command.
 * Works against an in-process fake ({@link OneStopFake#client()}) or one started by start-local
 * ({@code new OneStopFakeClient(URI.create("http://127.0.0.1:3002"))}). Thread-safe.
 */
public final class OneStopFakeClient {
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public OneStopFakeClient(URI base) {
        this.base = base;
    }

    public URI baseUri() {
        return base;
    }

    /** A dossier as the fake holds it (control API names). */
    public record Copy(String dossierId, String dossierCode, Integer status, String agencyCode, String dueAt,
                       int lastSequence, int deskSequence, List<Integer> bufferedSequences) {
        static Copy of(JsonNode node) {
            List<Integer> buffered = new ArrayList<>();
            node.path("bufferedSequences").forEach(n -> buffered.add(n.intValue()));
            return new Copy(node.path("dossierId").asText(), text(node, "dossierCode"),
                    node.path("status").isInt() ? node.get("status").intValue() : null, text(node, "agencyCode"),
                    text(node, "dueAt"), node.path("lastSequence").asInt(), node.path("deskSequence").asInt(),
                    List.copyOf(buffered));
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    /**
     * A desk update to make: target status and what it needs (comment for 3/5/8, amount for 6).
     * {@code unchecked} sends it even when the fake would not (e.g. to test our refusal).
     */
    public record DeskUpdate(int status, String comment, Long amount, List<String> items, String delivery,
                             String officerName, boolean unchecked) {
        public static DeskUpdate to(int status) {
            return new DeskUpdate(status, null, null, null, null, null, false);
        }

        public DeskUpdate comment(String text) {
            return new DeskUpdate(status, text, amount, items, delivery, officerName, unchecked);
        }

        public DeskUpdate amount(long vnd) {
            return new DeskUpdate(status, comment, vnd, items, delivery, officerName, unchecked);
        }

        public DeskUpdate officer(String name) {
            return new DeskUpdate(status, comment, amount, items, delivery, name, unchecked);
        }

        public DeskUpdate delivery(String how) {
            return new DeskUpdate(status, comment, amount, items, how, officerName, unchecked);
        }

        ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("status", status);
            node.put("comment", comment);
            if (amount != null) {
                node.put("amount", amount);
            }
            if (items != null) {
                items.forEach(node.putArray("items")::add);
            }
            node.put("delivery", delivery);
            node.put("officerName", officerName);
            if (unchecked) {
                node.put("unchecked", true);
            }
            return node;
        }
    }

    /** Every copy the fake holds. */
    public List<Copy> dossiers() {
        List<Copy> copies = new ArrayList<>();
        call("GET", "/dossiers", null, 200).path("items").forEach(n -> copies.add(Copy.of(n)));
        return copies;
    }

    public Optional<Copy> dossier(String dossierId) {
        HttpResponse<String> response = send("GET", "/dossiers/" + dossierId, null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(Copy.of(check(response, 200)));
    }

    /** The events the fake applied to a dossier, in order, as received. */
    public List<JsonNode> events(String dossierId) {
        List<JsonNode> events = new ArrayList<>();
        call("GET", "/dossiers/" + dossierId, null, 200).path("events").forEach(events::add);
        return events;
    }

    /** Makes a desk update and pushes it; answers its deskSequence. */
    public int push(String dossierId, DeskUpdate update) {
        return call("POST", "/dossiers/" + dossierId + "/desk-updates", Json.write(update.toJson()), 202)
                .path("deskSequence").asInt();
    }

    /** Same probability for every fault of both directions, seeded. */
    public JsonNode faults(double share, long seed) {
        ObjectNode body = Json.object();
        body.put("share", share);
        body.put("seed", seed);
        return call("POST", "/faults", Json.write(body), 200);
    }

    /** The control API's own body ({@code {"seed", "inbound": {...}, "outbound": {...}}}). */
    public JsonNode faults(JsonNode body) {
        return call("POST", "/faults", Json.write(body), 200);
    }

    public JsonNode clearFaults() {
        return call("DELETE", "/faults", null, 200);
    }

    /** {@code quiet}, {@code pendingPushes}, {@code bufferedEvents}, {@code counters}, {@code faults}. */
    public JsonNode status() {
        return call("GET", "/status", null, 200);
    }

    public Map<String, Long> counters() {
        Map<String, Long> counters = new java.util.LinkedHashMap<>();
        status().path("counters").fields().forEachRemaining(e -> counters.put(e.getKey(), e.getValue().asLong()));
        return counters;
    }

    public JsonNode pushes() {
        return call("GET", "/pushes", null, 200).path("items");
    }

    public void pushUrl(URI url) {
        call("POST", "/push-url", Json.write(Json.object().put("url", url.toString())), 200);
    }

    public void reset() {
        call("POST", "/reset", "", 200);
    }

    /** Waits until no desk update is pending; false at the deadline. */
    public boolean awaitNoPendingPushes(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (status().path("pendingPushes").asInt() == 0) {
                return true;
            }
            sleep(100);
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode call(String method, String path, String body, int expected) {
        return check(send(method, path, body), expected);
    }

    private static JsonNode check(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException("one-stop fake answered " + response.statusCode() + " to "
                    + response.request().method() + " " + response.request().uri() + ": " + response.body());
        }
        return Json.read(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(OneStopFake.CONTROL_PREFIX + path))
                .timeout(Duration.ofSeconds(10)).header("content-type", "application/json");
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("one-stop fake at " + base + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
