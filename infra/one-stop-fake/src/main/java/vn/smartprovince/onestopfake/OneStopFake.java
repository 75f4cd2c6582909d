package vn.smartprovince.onestopfake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;

/**
 * The fake one-stop system: the vendor side of both wire formats on one port (127.0.0.1 only).
 * <ul>
 * <li>{@code POST /dossier-events} (Bearer apiKey, else 401): one event of ours; applied to the
 *     fake's copy once and in order per dossier (an early one is held until the gap fills);
 *     {@code {"accepted": true}} also for a duplicate; 400 for a payload it cannot read.</li>
 * <li>{@code GET /dossiers/{dossierId}} (Bearer apiKey): the read API, 200 or 404.</li>
 * <li>desk updates: made through the control API, pushed signed to the configured URL
 *     ({@link DeskPusher}).</li>
 * <li>the control API under {@code /_fake/} ({@link #handleControl}).</li>
 * </ul>
 *
 * <pre>{@code
 * try (OneStopFake fake = OneStopFake.start(FakeConfig.of(apiKey, signingSecret), 0)) {
 *     fake.pushTo(URI.create(api + "/v1/one-stop/updates"));
 *     OneStopFakeClient control = fake.client();
 * }
 * }</pre>
 */
public final class OneStopFake implements AutoCloseable {
    public static final String CONTROL_PREFIX = "/_fake";
    public static final int DEFAULT_PORT = 3002;
    private static final int MAX_BODY = 1 << 20;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** The desk's target statuses: receive, refuse, start, supplement, fees, stop, finish, return. */
    static final Set<Integer> DESK_STATUSES = Set.of(2, 3, 4, 5, 6, 8, 9, 10);

    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final FakeConfig config;
    private final Ledger ledger = new Ledger();
    private final FaultPlan faults = new FaultPlan();
    private final DeskPusher pusher;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final OneStopFakeClient client;

    private OneStopFake(FakeConfig config, int port) throws IOException {
        this.config = config;
        this.pusher = new DeskPusher(config, faults, ledger);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "one-stop-fake-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.client = new OneStopFakeClient(baseUri);
    }

    /** Starts a fake; port 0 picks a free one. */
    public static OneStopFake start(FakeConfig config, int port) throws IOException {
        return new OneStopFake(config, port);
    }

    /** The one-stop base URL our connector is given (template parameter OneStopBaseUrl). */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    public OneStopFakeClient client() {
        return client;
    }

    /** Where desk updates go from now on (kept across resets): our {@code /v1/one-stop/updates}. */
    public void pushTo(URI url) {
        pusher.target(url);
    }

    public URI pushUrl() {
        return pusher.target();
    }

    /** Desk updates not yet settled (delivered, refused or abandoned). */
    public int pendingPushes() {
        return pusher.pending();
    }

    @Override
    public void close() {
        pusher.close();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ dispatch

    private record Reply(int status, JsonNode body) {
        static Reply error(int status, String code, String message) {
            ObjectNode body = Json.object();
            body.put("accepted", false);
            body.put("code", code);
            body.put("message", message);
            return new Reply(status, body);
        }
    }

    /** Thrown to drop the connection without an answer (the "down" fault). */
    private static final class Drop extends RuntimeException {
        Drop() {
            super(null, null, false, false);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readNBytes(MAX_BODY);
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            Reply reply;
            if (path.equals(CONTROL_PREFIX) || path.startsWith(CONTROL_PREFIX + "/")) {
                try {
                    reply = handleControl(method, path.substring(CONTROL_PREFIX.length()), body);
                } catch (IllegalArgumentException e) {
                    reply = Reply.error(400, "BAD_REQUEST", e.getMessage());
                }
            } else if (path.equals("/dossier-events")) {
                reply = method.equals("POST") ? receiveEvent(exchange, body)
                        : Reply.error(405, "METHOD_NOT_ALLOWED", "POST only");
            } else if (path.startsWith("/dossiers/") && path.length() > "/dossiers/".length()) {
                reply = method.equals("GET") ? readDossier(exchange, path.substring("/dossiers/".length()))
                        : Reply.error(405, "METHOD_NOT_ALLOWED", "GET only");
            } else {
                reply = Reply.error(404, "NOT_FOUND", "no such path: " + path);
            }
            send(exchange, reply);
        } catch (Drop drop) {
            // Close without answering, as a server that has gone away.
        } catch (RuntimeException e) {
            JsonLog.error("one-stop fake failed", Map.of("path", exchange.getRequestURI().getPath()), e);
            try {
                send(exchange, Reply.error(500, "FAKE_ERROR", e.getClass().getSimpleName()));
            } catch (IOException ignored) {
                // The caller has gone.
            }
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = Json.write(reply.body()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private boolean authorised(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Bearer " + config.apiKey();
        return header != null && java.security.MessageDigest.isEqual(header.strip().getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ the vendor's API

    private Reply receiveEvent(HttpExchange exchange, String body) {
        ledger.count("eventsReceived");
        if (!authorised(exchange)) {
            ledger.count("eventsUnauthorised");
            return Reply.error(401, "UNAUTHORISED", "Bearer apiKey missing or wrong");
        }
        FaultPlan.InboundFault fault = faults.drawInbound();
        if (fault == FaultPlan.InboundFault.DOWN) {
            ledger.count("eventFaultDown");
            // Half the outages close the connection, half answer as a gateway with nothing behind it.
            if (ledger.counters().getOrDefault("eventFaultDown", 0L) % 2 == 0) {
                throw new Drop();
            }
            return Reply.error(503, "UNAVAILABLE", "service unavailable (fault)");
        }
        JsonNode event;
        try {
            event = Json.read(body);
        } catch (RuntimeException e) {
            ledger.count("eventsRefused");
            return Reply.error(400, "NOT_JSON", "the body is not JSON");
        }
        Optional<String> problem = problem(event);
        if (problem.isPresent()) {
            ledger.count("eventsRefused");
            JsonLog.warn("one-stop fake refused an event", Map.of("problem", problem.get()));
            return Reply.error(400, "INVALID_EVENT", problem.get());
        }
        String dossierId = event.get(Wire.DOSSIER_ID).asText();
        int sequence = event.get(Wire.SEQUENCE).intValue();
        Ledger.Outcome outcome = ledger.receive(dossierId, sequence, event.get(Wire.EVENT_ID).asText(), event);
        if (fault == FaultPlan.InboundFault.SLOW) {
            ledger.count("eventFaultSlow");
            sleep(faults.inbound().slowMs());
        } else if (fault == FaultPlan.InboundFault.ERROR_AFTER_APPLY) {
            ledger.count("eventFaultErrorAfterApply");
            return Reply.error(500, "INTERNAL_ERROR", "internal error after applying (fault)");
        }
        ObjectNode answer = Json.object();
        answer.put("accepted", true);
        answer.put("outcome", outcome.name());
        return new Reply(200, answer);
    }

    /** What makes an event unreadable for the one-stop system, if anything. */
    static Optional<String> problem(JsonNode event) {
        if (event == null || !event.isObject()) {
            return Optional.of("the body must be a JSON object");
        }
        for (String field : new String[] {Wire.EVENT_ID, Wire.DOSSIER_ID, Wire.EVENT_TYPE}) {
            if (!event.path(field).isTextual() || event.get(field).asText().isBlank()) {
                return Optional.of("MISSING_FIELD " + field);
            }
        }
        if (!event.path(Wire.SEQUENCE).isInt() || event.get(Wire.SEQUENCE).intValue() < 1) {
            return Optional.of("INVALID_FIELD " + Wire.SEQUENCE + " (an integer >= 1)");
        }
        if (!event.path(Wire.STATUS).isInt() || event.get(Wire.STATUS).intValue() < 1
                || event.get(Wire.STATUS).intValue() > 10) {
            return Optional.of("INVALID_FIELD " + Wire.STATUS + " (1-10)");
        }
        String expectedId = event.get(Wire.DOSSIER_ID).asText() + ":" + event.get(Wire.SEQUENCE).intValue();
        if (!expectedId.equals(event.get(Wire.EVENT_ID).asText())) {
            return Optional.of("INVALID_FIELD " + Wire.EVENT_ID + " (must be " + Wire.DOSSIER_ID + ":" + Wire.SEQUENCE + ")");
        }
        if (!Set.of("CREATED", "STATUS_CHANGED", "TRANSFERRED", "DESK_UPDATE_REFUSED")
                .contains(event.get(Wire.EVENT_TYPE).asText())) {
            return Optional.of("INVALID_FIELD " + Wire.EVENT_TYPE);
        }
        for (String field : new String[] {Wire.EVENT_AT, Wire.DUE_AT}) {
            JsonNode value = event.get(field);
            if (value != null && !value.isNull() && !(value.isTextual() && value.asText().matches("\\d{14}"))) {
                return Optional.of("INVALID_FIELD " + field + " (yyyyMMddHHmmss)");
            }
        }
        return Optional.empty();
    }

    private Reply readDossier(HttpExchange exchange, String dossierId) {
        if (!authorised(exchange)) {
            return Reply.error(401, "UNAUTHORISED", "Bearer apiKey missing or wrong");
        }
        return ledger.copy(dossierId).filter(c -> c.lastSequence > 0)
                .map(c -> new Reply(200, ledger.wire(c)))
                .orElseGet(() -> Reply.error(404, "NOT_FOUND", "no dossier " + dossierId));
    }

    // ------------------------------------------------------------------ control API

    /**
     * The control API (path after {@code /_fake}); see the module's README for the table.
     */
    private Reply handleControl(String method, String path, String body) {
        String route = method + " " + path;
        if (route.equals("GET /dossiers")) {
            ObjectNode answer = Json.object();
            ArrayNode items = answer.putArray("items");
            ledger.list().forEach(items::add);
            return new Reply(200, answer);
        }
        if (path.startsWith("/dossiers/")) {
            String rest = path.substring("/dossiers/".length());
            if (method.equals("GET") && !rest.contains("/")) {
                return ledger.copy(rest).map(c -> new Reply(200, ledger.json(c, true)))
                        .orElseGet(() -> Reply.error(404, "NOT_FOUND", "no copy of " + rest));
            }
            if (method.equals("POST") && rest.endsWith("/desk-updates")) {
                return deskUpdate(rest.substring(0, rest.length() - "/desk-updates".length()), body);
            }
        }
        switch (route) {
            case "GET /faults":
                return new Reply(200, faults.toJson());
            case "POST /faults":
                faults.apply(object(body));
                return new Reply(200, faults.toJson());
            case "DELETE /faults":
                faults.reset();
                return new Reply(200, faults.toJson());
            case "GET /status":
                return new Reply(200, status());
            case "GET /pushes":
                ObjectNode pushes = Json.object();
                pushes.set("items", pusher.log());
                return new Reply(200, pushes);
            case "POST /push-url":
                JsonNode url = object(body).path("url");
                if (!url.isTextual() || !url.asText().startsWith("http")) {
                    throw new IllegalArgumentException("url must be an http(s) URL");
                }
                pushTo(URI.create(url.asText()));
                return new Reply(200, status());
            case "POST /reset":
                reset();
                return new Reply(200, status());
            default:
                return Reply.error(404, "NOT_FOUND", "no control route " + route);
        }
    }

    /** Back to empty books, no faults, nothing held; the push URL stays. */
    public void reset() {
        pusher.reset();
        ledger.reset();
        faults.reset();
    }

    private ObjectNode status() {
        ObjectNode node = Json.object();
        int pending = pusher.pending();
        int buffered = ledger.bufferedEvents();
        node.put("quiet", pending == 0);
        node.put("copies", ledger.size());
        node.put("pendingPushes", pending);
        node.put("heldPushes", pusher.held());
        node.put("bufferedEvents", buffered);
        node.put("pushUrl", pusher.target() == null ? null : pusher.target().toString());
        ObjectNode counters = node.putObject("counters");
        ledger.counters().forEach(counters::put);
        node.set("faults", faults.toJson());
        return node;
    }

    private Reply deskUpdate(String dossierId, String body) {
        JsonNode request = object(body);
        if (!request.path("status").isInt()) {
            throw new IllegalArgumentException("status (2, 3, 4, 5, 6, 8, 9 or 10) is required");
        }
        int status = request.get("status").intValue();
        boolean unchecked = request.path("unchecked").asBoolean(false);
        if (!unchecked) {
            if (!DESK_STATUSES.contains(status)) {
                throw new IllegalArgumentException("status must be one of " + DESK_STATUSES);
            }
            if (Set.of(3, 5, 8).contains(status) && request.path("comment").asText("").isBlank()) {
                throw new IllegalArgumentException("comment is required for status " + status);
            }
            if (status == 6 && !request.path("amount").canConvertToLong()) {
                throw new IllegalArgumentException("amount is required for status 6");
            }
        }
        Optional<int[]> made = ledger.deskUpdate(dossierId, status);
        if (made.isEmpty()) {
            return Reply.error(404, "NOT_FOUND", "the fake has no copy of " + dossierId + " (no event received yet)");
        }
        int deskSequence = made.get()[0];
        ObjectNode update = Json.object();
        update.put(Wire.UPDATE_ID, dossierId + ":desk:" + deskSequence);
        update.put(Wire.DOSSIER_ID, dossierId);
        update.put(Wire.DESK_SEQUENCE, deskSequence);
        update.put(Wire.SEQUENCE, made.get()[1]);
        update.put(Wire.STATUS, status);
        update.put(Wire.EVENT_AT, WIRE_TIME.format(ZonedDateTime.now(VIETNAM)));
        update.put(Wire.OFFICER, request.path("officerName").asText("Cán bộ một cửa"));
        if (request.hasNonNull("comment")) {
            update.put(Wire.COMMENT, request.get("comment").asText());
        }
        if (request.hasNonNull("amount")) {
            update.put(Wire.AMOUNT, request.get("amount").asLong());
        }
        if (request.has("items")) {
            update.set(Wire.ITEMS, request.get("items"));
        } else if (status == 5 && !unchecked) {
            update.putArray(Wire.ITEMS).add(request.path("comment").asText());
        }
        if (request.hasNonNull("delivery")) {
            update.put(Wire.DELIVERY, request.get("delivery").asText());
        } else if (status == 10 && !unchecked) {
            update.put(Wire.DELIVERY, "DESK");
        }
        if (request.has("extra") && request.get("extra").isObject()) {
            request.get("extra").fields().forEachRemaining(e -> update.set(e.getKey(), e.getValue()));
        }
        pusher.submit(new DeskPusher.Update(dossierId, deskSequence, Json.write(update)));
        ObjectNode answer = Json.object();
        answer.put("deskSequence", deskSequence);
        answer.set("update", update);
        return new Reply(202, answer);
    }

    private static JsonNode object(String body) {
        if (body == null || body.isBlank()) {
            return Json.object();
        }
        JsonNode node;
        try {
            node = Json.read(body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return node;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ alone

    static final String USAGE = """
            usage: java -cp <one-stop-fake and shared jars> vn.smartprovince.onestopfake.OneStopFake [options]
              --port N              port on 127.0.0.1 (default 3002; 0 = any free port)
              --api-key K           the Bearer key events must carry
              --signing-secret S    the HMAC secret of the desk updates it pushes
              --push-url URL        where desk updates go (e.g. http://127.0.0.1:3000/v1/one-stop/updates)
            infra/bin/start-local starts one configured from infra/local-secrets.json; the control API is
            under /_fake/ (GET /_fake/status).""";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--port", Integer.toString(DEFAULT_PORT));
        options.put("--api-key", "");
        options.put("--signing-secret", "");
        options.put("--push-url", "");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println(USAGE);
                return;
            }
            if (!options.containsKey(args[i]) || i + 1 >= args.length) {
                System.err.println("unknown option or missing value: " + args[i] + "\n" + USAGE);
                System.exit(2);
            }
            options.put(args[i], args[++i]);
        }
        OneStopFake fake = start(FakeConfig.of(options.get("--api-key"), options.get("--signing-secret")),
                Integer.parseInt(options.get("--port")));
        if (!options.get("--push-url").isBlank()) {
            fake.pushTo(URI.create(options.get("--push-url")));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "one-stop-fake-shutdown"));
        System.out.println("One-stop fake on " + fake.baseUri() + "; control API " + fake.baseUri()
                + "/_fake/status. Ctrl-C stops it.");
        Thread.currentThread().join();
    }
}
