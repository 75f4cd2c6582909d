package vn.smartprovince.shared.priming;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;

/**
 * DynamoDB and SQS (their JSON protocols) on a loopback port, answering every call with an empty
 * success and recording which operations reached it ({@code X-Amz-Target}, e.g.
 * {@code DynamoDB_20120810.PutItem}). What the guard refuses never shows up here.
 */
final class FakeAws implements AutoCloseable {
    static final String TABLE = "MainTable";
    private final HttpServer server;
    final List<String> operations = new CopyOnWriteArrayList<>();
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();

    FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String queueUrl() {
        return endpoint() + "/000000000000/notifications";
    }

    /** A function's environment pointing here, with a main table and a queue. */
    Env env() {
        return new Env(Map.of("AWS_ENDPOINT_URL", endpoint(), "AWS_REGION", "ap-southeast-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "MAIN_TABLE", TABLE,
                "NOTIFICATION_QUEUE_URL", queueUrl()));
    }

    /** The operations' short names: {@code PutItem}, {@code SendMessage}. */
    List<String> operationNames() {
        return operations.stream().map(target -> target.substring(target.indexOf('.') + 1)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        byte[] request = exchange.getRequestBody().readAllBytes();
        JsonNode body = request.length == 0 ? Json.object() : Json.MAPPER.readTree(request);
        operations.add(target);
        bodies.add(body);
        String answer = "{}";
        if (target.endsWith(".SendMessage")) {
            answer = Json.write(Json.object().put("MessageId", "m-1")
                    .put("MD5OfMessageBody", md5(body.path("MessageBody").asText())));
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
