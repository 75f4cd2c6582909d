package vn.smartprovince.shared.zalo;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import vn.smartprovince.shared.config.Env;

/** A JDK HttpServer on loopback standing in for every Zalo host: records requests, answers as told. */
final class FakeZalo implements AutoCloseable {
    static final String APP_ID = "1234567890";

    record Seen(String method, String path, String query, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    record Answer(int status, String contentType, String body, long delayMillis) {
        static Answer json(String body) {
            return new Answer(200, "application/json; charset=utf-8", body, 0);
        }

        static Answer status(int status, String contentType, String body) {
            return new Answer(status, contentType, body, 0);
        }
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile Function<Seen, Answer> answers = request -> Answer.json("{\"error\":0,\"message\":\"Success\"}");

    FakeZalo() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    void answer(Function<Seen, Answer> answers) {
        this.answers = answers;
    }

    void answerJson(String body) {
        answer(request -> Answer.json(body));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every Zalo host pointed here, plus the given variables. */
    Env env(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        values.put("ZALO_APP_ID", APP_ID);
        values.put("ZALO_GRAPH_BASE_URL", baseUrl());
        values.put("ZALO_OPENAPI_BASE_URL", baseUrl() + "/");
        values.put("ZALO_BUSINESS_BASE_URL", baseUrl());
        values.put("ZALO_OAUTH_BASE_URL", baseUrl());
        values.putAll(extra);
        return new Env(values);
    }

    ZaloClient client(String appSecret) {
        return client(appSecret, Map.of());
    }

    ZaloClient client(String appSecret, Map<String, String> extra) {
        return new ZaloClient(ZaloConfig.from(env(extra)), () -> appSecret);
    }

    Seen last() {
        return seen.get(seen.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
            seen.add(request);
            Answer answer = answers.apply(request);
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client went away (timeout tests)
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
