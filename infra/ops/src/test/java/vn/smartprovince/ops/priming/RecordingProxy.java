package vn.smartprovince.ops.priming;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stands between the functions and the AWS emulator (their {@code AWS_ENDPOINT_URL}) and records
 * every request that reaches it: what the emulator saw, independently of the functions' own guard.
 */
final class RecordingProxy implements AutoCloseable {
    /** One request: its method and path, the JSON protocols' operation ({@code X-Amz-Target}) or null, its body. */
    record Call(String method, String path, String target, String body) {
        /** {@code DynamoDB_20120810.GetItem} -> {@code GetItem}; S3 (no target) -> {@code S3 HEAD}. */
        String operation() {
            return target == null ? "S3 " + method : target.substring(target.indexOf('.') + 1);
        }

        @Override
        public String toString() {
            return target != null ? target : method + " " + path;
        }
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive");

    private final URI emulator;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "recording-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    RecordingProxy(URI emulator) throws IOException {
        this.emulator = emulator;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What reached the emulator since the last {@link #clear()}. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    void clear() {
        calls.clear();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            calls.add(new Call(method, exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                    new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8)));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.toString().replaceAll("/$", "")
                            + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> {
                        try {
                            request.header(name, value);
                        } catch (IllegalArgumentException restricted) {
                            // a header the JDK client sets itself
                        }
                    });
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            boolean empty = method.equals("HEAD") || answer.length == 0;
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : answer.length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
