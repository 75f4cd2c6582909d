package vn.smartprovince.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import vn.smartprovince.local.lambda.FunctionInvoker;
import vn.smartprovince.local.lambda.FunctionInvoker.FunctionError;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.local.template.FunctionSpec.HttpRoute;
import vn.smartprovince.local.template.HttpApiSpec;
import vn.smartprovince.local.template.Intrinsics;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.local.template.TemplateException;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;

/**
 * Every HttpApi route of the template served on localhost, as API Gateway HTTP API serves it
 * with Lambda proxy integrations (payload format 2.0): route selection, Lambda authorizers,
 * CORS, the event the function receives, the reading of its result, and API Gateway's own
 * answers ({@code {"message":"Not Found"}}, 401, 403, 413, 500, 503).
 *
 * <p>All APIs of the template share the port (as {@code sam local start-api} does); an API with
 * a named stage is served under {@code /<stage>}. Each request writes one access log line
 * (requestId, route, status, latencyMs, method, path; never headers or bodies).
 */
public final class LocalHttpServer implements AutoCloseable {
    /** API Gateway's limit for a request's payload. */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** Lambda's limit for a synchronous invocation's event: a larger body never reaches the function. */
    static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;

    /**
     * @param host               where to listen (127.0.0.1 keeps it off the network)
     * @param port               0 picks a free port (tests)
     * @param threads            requests handled at once; each waits for its function
     * @param integrationTimeout API Gateway's limit for an integration (30 s for HTTP APIs)
     * @param clock              for request times and the authorizer cache
     */
    public record Options(String host, int port, int threads, Duration integrationTimeout, Clock clock) {
        public static Options onPort(int port) {
            return new Options("127.0.0.1", port, 16, Duration.ofSeconds(30), Clock.systemUTC());
        }

        public Options withClock(Clock newClock) {
            return new Options(host, port, threads, integrationTimeout, newClock);
        }

        public Options withHost(String newHost) {
            return new Options(newHost, port, threads, integrationTimeout, clock);
        }

        public Options withIntegrationTimeout(Duration newTimeout) {
            return new Options(host, port, threads, newTimeout, clock);
        }
    }

    /** One HttpApi: its routes, authorizers and CORS, with the ids API Gateway would give it. */
    private record Api(String logicalId, String apiId, String stage, RouteTable routes, Cors cors,
                       String defaultAuthorizer, Map<String, LambdaAuthorizer> authorizers,
                       Set<String> unenforcedAuthorizers) {
        /** The path within this API, or null when the request is not under its stage. */
        String pathWithinStage(String path) {
            if (stage.equals("$default")) {
                return path;
            }
            String prefix = "/" + stage;
            if (path.equals(prefix)) {
                return "/";
            }
            return path.startsWith(prefix + "/") ? path.substring(prefix.length()) : null;
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor requestThreads;
    private final ExecutorService integrations;
    private final FunctionInvoker invoker;
    private final Options options;
    private final List<Api> apis;
    private final String region;
    private final String accountId;

    private LocalHttpServer(Template template, Intrinsics intrinsics, FunctionInvoker invoker, Options options)
            throws IOException {
        this.invoker = invoker;
        this.options = options;
        this.region = intrinsics.pseudo("AWS::Region");
        this.accountId = intrinsics.pseudo("AWS::AccountId");
        this.apis = apis(template, intrinsics, invoker, options.clock());

        AtomicInteger threadNumbers = new AtomicInteger();
        // Bounded: past the queue, the accepting thread runs the request itself, which slows
        // accepting down instead of failing requests.
        this.requestThreads = new ThreadPoolExecutor(options.threads(), options.threads(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(1024), task -> daemon(task, "http-" + threadNumbers.incrementAndGet()),
                new ThreadPoolExecutor.CallerRunsPolicy());
        this.requestThreads.allowCoreThreadTimeOut(true);
        this.integrations = Executors.newCachedThreadPool(task -> daemon(task, "integration"));
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
        server.setExecutor(requestThreads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves the template's HttpApi routes on 127.0.0.1:port (0 = any free port) until closed. */
    public static LocalHttpServer start(Template template, Intrinsics intrinsics, FunctionInvoker invoker, int port)
            throws IOException {
        return start(template, intrinsics, invoker, Options.onPort(port));
    }

    public static LocalHttpServer start(Template template, Intrinsics intrinsics, FunctionInvoker invoker,
                                        Options options) throws IOException {
        return new LocalHttpServer(template, intrinsics, invoker, options);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://" + options.host() + ":" + port());
    }

    /** One line per route, e.g. {@code GET http://127.0.0.1:3000/v1/health -> HealthFunction}, to print at start. */
    public List<String> routes() {
        List<String> lines = new ArrayList<>();
        for (Api api : apis) {
            String base = baseUri() + (api.stage().equals("$default") ? "" : "/" + api.stage());
            for (HttpRoute route : api.routes().routes()) {
                lines.add(RouteTable.isDefault(route)
                        ? "$default " + base + "/* -> " + route.functionId()
                        : route.method() + " " + base + route.path() + " -> " + route.functionId());
            }
        }
        return lines;
    }

    @Override
    public void close() {
        server.stop(0);
        requestThreads.shutdownNow();
        integrations.shutdownNow();
    }

    // ----------------------------------------------------------------------------------------
    // Per request

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        Instant time = options.clock().instant();
        String requestId = newRequestId();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = Objects.requireNonNullElse(exchange.getRequestURI().getRawPath(), "/");
        String path = Urls.decode(rawPath.isEmpty() ? "/" : rawPath);
        String[] routeKey = {"-"};
        GatewayResponse response;
        try {
            response = respond(exchange, method, path, requestId, time, routeKey);
        } catch (Exception | Error e) {
            JsonLog.error("local gateway failed", Map.of("requestId", requestId), e);
            response = GatewayResponse.internalError();
        }
        // Logged before the answer leaves: whoever has the response can rely on the line existing.
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", requestId);
        fields.put("route", routeKey[0]);
        fields.put("status", response.status());
        fields.put("latencyMs", (System.nanoTime() - started) / 1_000_000);
        fields.put("method", method);
        fields.put("path", path);
        JsonLog.info("access", fields);
        try {
            send(exchange, method, response.withHeader("apigw-requestid", requestId));
        } catch (IOException | RuntimeException clientGone) {
            // Nothing to tell a client that is no longer there.
        } finally {
            exchange.close();
        }
    }

    private GatewayResponse respond(HttpExchange exchange, String method, String path, String requestId,
                                     Instant time, String[] routeKeyOut) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        readHeaders(exchange, headers, cookies);
        String origin = headers.get("origin");

        // The API for gateway answers and CORS, even when no route matches: the first whose stage fits.
        Api api = apis.stream().filter(a -> a.pathWithinStage(path) != null).findFirst().orElse(null);

        byte[] body = readBody(exchange);
        if (body == null) {
            return withCors(api, GatewayResponse.message(413, "Request Entity Too Large"), origin);
        }
        if (Cors.isPreflight(method, headers)) {
            // Answered by the API the actual request would go to, before routing and authorizers.
            Selection target = select(headers.get("access-control-request-method").trim().toUpperCase(Locale.ROOT), path);
            Api corsApi = target != null ? target.api() : api;
            if (corsApi != null && corsApi.cors() != null) {
                routeKeyOut[0] = "preflight";
                return corsApi.cors().preflight(origin);
            }
        }

        Selection selection = select(method, path);
        if (selection == null) {
            return withCors(api, GatewayResponse.notFound(), origin);
        }
        api = selection.api();
        HttpRoute route = selection.match().route();
        String routeKey = route.routeKey();
        routeKeyOut[0] = routeKey;
        addGatewayHeaders(exchange, headers, time);
        GatewayRequest request = new GatewayRequest(method, path,
                Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), ""), headers, cookies,
                Urls.queryParameters(exchange.getRequestURI().getRawQuery()), body,
                exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol(), requestId, time,
                domainName(headers), region, accountId, api.apiId(), api.stage());

        JsonNode authorizerContext = null;
        String authorizerName = route.authorizer() != null ? route.authorizer() : api.defaultAuthorizer();
        if (authorizerName != null && !authorizerName.equals("NONE")
                && !api.unenforcedAuthorizers().contains(authorizerName)) {
            LambdaAuthorizer authorizer = api.authorizers().get(authorizerName);
            LambdaAuthorizer.Decision decision =
                    authorizer.authorize(request, routeKey, selection.match().pathParameters());
            switch (decision.outcome()) {
                case UNAUTHORIZED -> {
                    return withCors(api, GatewayResponse.message(401, "Unauthorized"), origin);
                }
                case FORBIDDEN -> {
                    return withCors(api, GatewayResponse.message(403, "Forbidden"), origin);
                }
                case ERROR -> {
                    return withCors(api, GatewayResponse.internalError(), origin);
                }
                case ALLOW -> authorizerContext = decision.context();
            }
        }

        byte[] event = Json.write(PayloadV2.routeEvent(request, routeKey, selection.match().pathParameters(),
                authorizerContext)).getBytes(StandardCharsets.UTF_8);
        if (event.length > MAX_EVENT_BYTES) {
            return withCors(api, GatewayResponse.message(413, "Request Entity Too Large"), origin);
        }
        GatewayResponse response;
        try {
            response = PayloadV2.response(invokeWithin(route.functionId(), event));
        } catch (FunctionError e) {
            response = switch (e.kind()) {
                // A function that runs past its own Timeout is a function error to API Gateway (500);
                // only the gateway's 30 s integration timeout below answers 503.
                case NOT_FOUND -> GatewayResponse.notFound(); // a route whose function the invoker does not have
                default -> GatewayResponse.internalError();
            };
        } catch (TimeoutException e) {
            response = GatewayResponse.message(503, "Service Unavailable");
        } catch (PayloadV2.MalformedResult e) {
            JsonLog.warn("function result is not a valid HTTP API response", Map.of("requestId", requestId,
                    "route", routeKey, "function", route.functionId(), "reason", e.getMessage()));
            response = GatewayResponse.internalError();
        }
        return withCors(api, response, origin);
    }

    private record Selection(Api api, RouteTable.Match match) {
    }

    /** A route of any API beats a $default route; among APIs, template order. */
    private Selection select(String method, String path) {
        Selection fallback = null;
        for (Api api : apis) {
            String within = api.pathWithinStage(path);
            if (within == null) {
                continue;
            }
            Optional<RouteTable.Match> match = api.routes().match(method, within);
            if (match.isPresent()) {
                if (!RouteTable.isDefault(match.get().route())) {
                    return new Selection(api, match.get());
                }
                if (fallback == null) {
                    fallback = new Selection(api, match.get());
                }
            }
        }
        return fallback;
    }

    /** The function gets at most the integration timeout; past it the client gets 503 and the function runs on. */
    private byte[] invokeWithin(String functionId, byte[] event) throws FunctionError, TimeoutException {
        Future<byte[]> call = integrations.submit(() -> invoker.invoke(functionId, event));
        try {
            return call.get(options.integrationTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FunctionError error) {
                throw error;
            }
            throw new FunctionError(FunctionError.Kind.UNHANDLED, e.getCause().getClass().getName(),
                    e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new TimeoutException("interrupted");
        }
    }

    private static GatewayResponse withCors(Api api, GatewayResponse response, String origin) {
        return api == null || api.cors() == null || origin == null ? response : api.cors().decorate(response, origin);
    }

    /** Lower-case names, repeated headers joined with commas; cookies go to their own list. */
    private static void readHeaders(HttpExchange exchange, Map<String, String> headers, List<String> cookies) {
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
    }

    /** What API Gateway adds before the integration sees the request. */
    private static void addGatewayHeaders(HttpExchange exchange, Map<String, String> headers, Instant time) {
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        headers.merge("x-forwarded-for", client, (existing, added) -> existing + ", " + added);
        headers.putIfAbsent("x-forwarded-port", Integer.toString(exchange.getLocalAddress().getPort()));
        headers.putIfAbsent("x-forwarded-proto", "http");
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        headers.putIfAbsent("x-amzn-trace-id", "Root=1-" + Long.toHexString(time.getEpochSecond()) + "-"
                + HexFormat.of().formatHex(random));
    }

    private static String domainName(Map<String, String> headers) {
        String host = headers.getOrDefault("host", "localhost");
        return host.isBlank() ? "localhost" : host;
    }

    /** The body, or null when it is over API Gateway's 10 MB (read to the end so the client sees the 413). */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        try (InputStream in = exchange.getRequestBody()) {
            if (declared != null && parseLong(declared) > MAX_BODY_BYTES) {
                in.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total <= MAX_BODY_BYTES) {
                    out.write(buffer, 0, n);
                }
            }
            return total > MAX_BODY_BYTES ? null : out.toByteArray();
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void send(HttpExchange exchange, String method, GatewayResponse response) throws IOException {
        var headers = exchange.getResponseHeaders();
        for (Map.Entry<String, String> header : response.headers()) {
            String name = header.getKey();
            // Framing is the server's business: a function's content-length could contradict the body.
            if (!name.equals("content-length") && !name.equals("transfer-encoding") && !name.equals("connection")) {
                headers.add(name, header.getValue());
            }
        }
        int status = response.status();
        byte[] body = response.body();
        boolean noBody = method.equals("HEAD") || status == 204 || status == 304 || body.length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** API Gateway's request ids look like {@code JKJaXmPLvHcESHA=}. */
    private static String newRequestId() {
        byte[] random = new byte[11];
        ThreadLocalRandom.current().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    // ----------------------------------------------------------------------------------------
    // From the template

    private static List<Api> apis(Template template, Intrinsics intrinsics, FunctionInvoker invoker, Clock clock) {
        Map<String, List<HttpRoute>> routesByApi = new LinkedHashMap<>();
        for (FunctionSpec function : FunctionSpec.all(template, intrinsics)) {
            for (HttpRoute route : function.routes()) {
                routesByApi.computeIfAbsent(route.apiId(), id -> new ArrayList<>()).add(route);
            }
        }
        List<Api> apis = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        for (HttpApiSpec spec : HttpApiSpec.all(template)) {
            known.add(spec.logicalId());
            Map<String, Object> raw = template.resource(spec.logicalId()).map(Template.Resource::properties)
                    .orElse(Map.of());
            // Resolved here rather than taken from the spec, which keeps intrinsics unresolved
            // (StageName: !Ref Stage, AllowOrigins: !Ref AllowedOrigins).
            String stage = Optional.ofNullable(intrinsics.resolveString(raw.get("StageName"))).orElse(spec.stageName());
            Cors cors = Cors.of(intrinsics.resolve(raw.get("CorsConfiguration")));
            Map<String, LambdaAuthorizer> authorizers = new LinkedHashMap<>();
            spec.authorizers().forEach((name, authorizer) -> {
                if (!authorizer.payloadFormatVersion().equals("2.0")) {
                    throw new TemplateException(spec.logicalId() + " authorizer " + name + ": payload format "
                            + authorizer.payloadFormatVersion() + " is not run locally; use 2.0");
                }
                authorizers.put(name, new LambdaAuthorizer(authorizer, invoker, clock));
            });
            Set<String> unenforced = jwtAuthorizers(raw);
            List<HttpRoute> routes = routesByApi.getOrDefault(spec.logicalId(), List.of());
            for (HttpRoute route : routes) {
                String name = route.authorizer() != null ? route.authorizer() : spec.defaultAuthorizer();
                if (name != null && !name.equals("NONE") && !authorizers.containsKey(name)) {
                    if (!unenforced.contains(name)) {
                        throw new TemplateException(route.functionId() + "." + route.eventName() + " uses authorizer "
                                + name + ", which API " + spec.logicalId() + " does not declare");
                    }
                    JsonLog.warn("JWT authorizer not enforced locally: the route is public here",
                            Map.of("route", route.routeKey(), "authorizer", name));
                }
            }
            apis.add(new Api(spec.logicalId(), apiId(intrinsics, spec.logicalId()), stage, new RouteTable(routes),
                    cors, spec.defaultAuthorizer(), authorizers, unenforced));
        }
        routesByApi.forEach((apiId, routes) -> {
            if (!known.contains(apiId)) {
                throw new TemplateException("routes refer to API " + apiId
                        + ", which is not an AWS::Serverless::HttpApi of the template: " + routes.get(0).functionId());
            }
        });
        return apis;
    }

    private static Set<String> jwtAuthorizers(Map<String, Object> apiProperties) {
        Set<String> names = new LinkedHashSet<>();
        if (apiProperties.get("Auth") instanceof Map<?, ?> auth && auth.get("Authorizers") instanceof Map<?, ?> all) {
            all.forEach((name, body) -> {
                if (body instanceof Map<?, ?> map && map.containsKey("JwtConfiguration")) {
                    names.add(name.toString());
                }
            });
        }
        return names;
    }

    /**
     * The API's id as the emulator bootstrap names it ({@code !Ref Api}), else a stable id made
     * from the logical id, shaped like API Gateway's (10 lower-case letters and digits).
     */
    private static String apiId(Intrinsics intrinsics, String logicalId) {
        try {
            String ref = intrinsics.resolveString(Map.of("Ref", logicalId));
            if (ref != null && ref.matches("[a-z0-9]{1,32}")) {
                return ref;
            }
        } catch (RuntimeException notKnown) {
            // The implicit API is not a template resource; an emulator may not model HttpApis.
        }
        String hash = Long.toString(Integer.toUnsignedLong(logicalId.hashCode()), 36);
        return (hash + "0000000000").substring(0, 10);
    }
}
