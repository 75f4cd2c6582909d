package vn.smartprovince.zalostub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.smartprovince.shared.log.JsonLog;

/**
 * The Zalo stub: every Zalo endpoint the backend calls (see {@link Endpoint}) on one port, as Zalo
 * answers them, plus a control API under {@code /_stub/} for tests and demos. Production points
 * each base URL at another host; locally all four base URLs point here.
 *
 * <pre>{@code
 * try (ZaloStub stub = ZaloStub.start(config, 0)) {          // 0 = a free port
 *     ZaloStubClient control = stub.client();
 *     var user = control.createUser(ZaloStubClient.NewUser.named("Nguyễn Văn An").phone("84901234567"));
 *     // call stub.baseUri() + "/v2.0/me" with user.accessToken() ...
 * }
 * }</pre>
 *
 * Listens on 127.0.0.1 only. Thread-safe.
 */
public final class ZaloStub implements AutoCloseable {
    private static final int MAX_BODY = 1 << 20;

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY each answer waits
        // for the client's delayed ACK (about 40 ms). Read once, when the first server is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private static final long DEFAULT_HOLD_MS = 60_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final StubState state;
    private final Faults faults = new Faults();
    private final ZaloApi zalo;
    private final ControlApi control;
    private final AutoReceipts receipts;
    private final URI baseUri;
    private final ZaloStubClient client;
    private volatile boolean closed;

    private ZaloStub(StubConfig config, int port) throws IOException {
        this.state = new StubState(config);
        WebhookSender webhooks = new WebhookSender(state);
        this.receipts = new AutoReceipts(state, webhooks);
        this.zalo = new ZaloApi(state, receipts);
        this.control = new ControlApi(state, faults, webhooks);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "zalo-stub-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.client = new ZaloStubClient(baseUri);
    }

    /**
     * Starts a stub.
     *
     * @param port 0 picks a free port
     * @throws IOException when the port cannot be bound (e.g. taken)
     */
    public static ZaloStub start(StubConfig config, int port) throws IOException {
        return new ZaloStub(config, port);
    }

    /** e.g. {@code http://127.0.0.1:3001}: the base URL for every Zalo host. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    public StubConfig config() {
        return state.config;
    }

    /** The client of this stub's control API (one per stub; thread-safe). */
    public ZaloStubClient client() {
        return client;
    }

    /**
     * Posts a signed {@code user_received_message} to {@code webhookUrl} for every ZNS or OA message
     * accepted from now on, {@code delay} after it (see {@link AutoReceipts}); null turns it off. Kept
     * across resets (the control API's {@code /_stub/webhooks/auto-receipts} changes it until the next
     * reset). {@code infra/bin/start-local} points it at its own {@code /v1/zalo/webhook}.
     */
    public void configureAutoReceipts(URI webhookUrl, java.time.Duration delay) {
        synchronized (state) {
            AutoReceipts.set(state, webhookUrl == null ? StubState.ReceiptSettings.OFF
                    : new StubState.ReceiptSettings(webhookUrl.toString(), delay, true), true);
        }
    }

    /** Lets held connections go, then stops listening. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        receipts.close();
        faults.releaseHeld();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- dispatch

    private void handle(HttpExchange exchange) throws IOException {
        try {
            StubRequest request = read(exchange);
            if (request.path().equals(ControlApi.PREFIX) || request.path().startsWith(ControlApi.PREFIX + "/")) {
                send(exchange, control.handle(request));
                return;
            }
            Optional<Endpoint> endpoint = Endpoint.byPath(request.path());
            if (endpoint.isEmpty()) {
                Reply reply = notFound();
                record(null, request, reply, false, 0, null);
                send(exchange, reply);
                return;
            }
            Endpoint e = endpoint.get();
            if (!e.method().equals(request.method())) {
                // The business host answers ZNS's "method unsupported"; the others as an unknown path.
                Reply reply = e.host() == Endpoint.Host.BUSINESS ? Reply.zaloError(ZaloErrors.ZNS_METHOD_UNSUPPORTED)
                        : notFound();
                record(e, request, reply, false, 0, null);
                send(exchange, reply);
                return;
            }
            serve(exchange, e, request);
        } catch (RuntimeException ex) {
            JsonLog.error("zalo stub failed", Map.of("path", exchange.getRequestURI().getPath()), ex);
            try {
                send(exchange, Reply.controlError(500, "stub error: " + ex.getClass().getSimpleName()));
            } catch (IOException ignored) {
                // The client has gone.
            }
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange, Endpoint endpoint, StubRequest request) throws IOException {
        Optional<Faults.Spec> fault = faults.next(endpoint);
        if (fault.isEmpty()) {
            Reply reply = zalo.handle(endpoint, request);
            record(endpoint, request, reply, false, 0, null);
            send(exchange, reply);
            return;
        }
        Faults.Spec spec = fault.get();
        long latency = spec.latencyMs() == null ? 0 : spec.latencyMs();
        if (spec.timeout()) {
            if (spec.process()) {
                zalo.handle(endpoint, request);
            }
            record(endpoint, request, null, true, latency, "timeout");
            hold(spec.holdMs() == null ? DEFAULT_HOLD_MS : spec.holdMs());
            if (!closed) {
                send(exchange, Reply.gateway(504));
            }
            return;
        }
        Reply reply;
        if (spec.error() != null) {
            String message = spec.message() != null ? spec.message() : ZaloErrors.message(spec.error());
            reply = endpoint.host() == Endpoint.Host.OAUTH ? Reply.oauthError(spec.error(), message)
                    : Reply.zaloError(spec.error(), message);
        } else if (spec.httpStatus() != null) {
            reply = Reply.gateway(spec.httpStatus());
        } else {
            reply = zalo.handle(endpoint, request);
        }
        record(endpoint, request, reply, true, latency, null);
        if (latency > 0) {
            sleep(latency);
        }
        send(exchange, reply);
    }

    private void hold(long millis) {
        try {
            faults.holdLatch().await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Reply notFound() {
        // What Zalo's hosts answer on a path they do not serve is not documented; the stub answers
        // HTTP 404 with a JSON body so that a wrong base URL or path fails loudly.
        return Reply.json(404, vn.smartprovince.shared.json.Json.object().put("error", 404).put("message", "Not Found"));
    }

    private void record(Endpoint endpoint, StubRequest request, Reply reply, boolean fault, long latency,
                        String outcome) {
        Integer error = reply == null ? null : reply.errorCode();
        int status = reply == null ? 0 : reply.status();
        String result = outcome != null ? outcome
                : status / 100 != 2 ? "http " + status
                : error != null ? "error " + error : "ok";
        synchronized (state) {
            state.record(endpoint, request.method(), request.path(), result, error, status, fault, latency);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("endpoint", endpoint == null ? "unknown" : endpoint.id());
        fields.put("path", request.path());
        fields.put("outcome", result);
        if (fault) {
            fields.put("fault", true);
        }
        JsonLog.info("zalo stub call", fields);
    }

    private static StubRequest read(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY);
        }
        URI uri = exchange.getRequestURI();
        Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
        return new StubRequest(exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT), uri.getPath(),
                StubRequest.decodeForm(uri.getRawQuery()), headers, new String(bytes, StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    // ---------------------------------------------------------------- alone

    static final String USAGE = """
            usage: java -cp <zalo-stub and shared jars> vn.smartprovince.zalostub.ZaloStub [options]
              --port N                 port on 127.0.0.1 (default 3001; 0 = any free port)
              --app-id ID              Zalo App id (default 1234567890)
              --app-secret S           app secret key (default local-zalo-app-secret)
              --oa-id ID               Official Account id (default 9000000000000000099)
              --oa-secret-key S        OA secret key, for webhook signatures (default local-zalo-oa-secret)
              --oa-access-token T      OA access token valid at start (default local-oa-access-token)
              --oa-refresh-token T     OA refresh token valid at start (default local-oa-refresh-token)
              --webhook-url URL        post a signed user_received_message there for every ZNS or OA
                                       message accepted (default: none)
              --receipt-delay-ms N     how long after the message (default 500)
            The control API is under /_stub/ (infra/zalo-stub/README.md). infra/bin/start-local starts a
            stub configured from infra/local-secrets.json; use this only to run the stub alone.""";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--port", "3001");
        options.put("--app-id", "1234567890");
        options.put("--app-secret", "local-zalo-app-secret");
        options.put("--oa-id", "9000000000000000099");
        options.put("--oa-secret-key", "local-zalo-oa-secret");
        options.put("--oa-access-token", "local-oa-access-token");
        options.put("--oa-refresh-token", "local-oa-refresh-token");
        options.put("--webhook-url", "");
        options.put("--receipt-delay-ms", "500");
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
        StubConfig config = StubConfig.of(options.get("--app-id"), options.get("--app-secret"), options.get("--oa-id"),
                options.get("--oa-secret-key"), options.get("--oa-access-token"), options.get("--oa-refresh-token"));
        ZaloStub stub = start(config, Integer.parseInt(options.get("--port")));
        if (!options.get("--webhook-url").isBlank()) {
            stub.configureAutoReceipts(URI.create(options.get("--webhook-url")),
                    java.time.Duration.ofMillis(Long.parseLong(options.get("--receipt-delay-ms"))));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stub::close, "zalo-stub-shutdown"));
        System.out.println("Zalo stub on " + stub.baseUri() + " (app " + config.appId() + ", OA " + config.oaId()
                + "); control API: " + stub.baseUri() + "/_stub/config. Ctrl-C stops it.");
        Thread.currentThread().join();
    }
}
