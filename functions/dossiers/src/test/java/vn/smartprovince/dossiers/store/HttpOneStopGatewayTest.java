package vn.smartprovince.dossiers.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.dossiers.core.OneStopGateway;
import vn.smartprovince.dossiers.core.RemoteDossier;
import vn.smartprovince.dossiers.core.SyncEvent;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.onestop.OneStopFields;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingRefusedException;

/** The HTTP adapter against a tiny in-test vendor (com.sun.net.httpserver). */
class HttpOneStopGatewayTest {
    HttpServer server;
    volatile Consumer<HttpExchange> answer;
    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    HttpOneStopGateway gateway;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(Map.of("path", exchange.getRequestURI().getPath(), "method", exchange.getRequestMethod(),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "idempotencyKey", String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")),
                    "body", body));
            answer.accept(exchange);
        });
        server.start();
        gateway = new HttpOneStopGateway("http://127.0.0.1:" + server.getAddress().getPort() + "/",
                () -> HttpOneStopGateway.apiKey("{\"apiKey\":\"k-123\",\"signingSecret\":\"s\"}"),
                () -> OneStopFields.of(Map.of("dossierCode", "SoHoSo")), Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static Consumer<HttpExchange> reply(int status, String body) {
        return exchange -> {
            try {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
                exchange.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static SyncEvent event() {
        return new SyncEvent("d-1:2", "d-1", 2, SyncEvent.EventType.STATUS_CHANGED, "C-1", "P", "Name", "U", 2, 1,
                "An", "079123456789", "84901234567", 2, 1, "20261207090000", "20261206233005", "20261207090000",
                "20261211170000", null, null, "RECEIVE", "officer-1", SyncEvent.Origin.MINI_APP, null, "01", Map.of(),
                List.of(), null);
    }

    @Test
    void postsOneEventWithBearerAndIdempotencyKeyUnderTheProvincesNames() {
        answer = reply(200, "{\"accepted\":true}");
        assertInstanceOf(OneStopGateway.Accepted.class, gateway.send(event()));
        Map<String, String> request = requests.get(0);
        assertEquals("/dossier-events", request.get("path"));
        assertEquals("POST", request.get("method"));
        assertEquals("Bearer k-123", request.get("authorization"));
        assertEquals("d-1:2", request.get("idempotencyKey"));
        JsonNode body = Json.read(request.get("body"));
        assertEquals("C-1", body.path("SoHoSo").asText());
        assertEquals(2, body.path("TrangThaiHoSo").asInt());
    }

    @Test
    void aRefusalKeepsTheOneStopsAnswerCode() {
        answer = reply(422, "{\"error\":{\"code\":\"INVALID_STATUS\"}}");
        assertEquals(new OneStopGateway.Refused(422, "INVALID_STATUS"), gateway.send(event()));
        answer = reply(400, "not json");
        assertEquals(new OneStopGateway.Refused(400, "HTTP_400"), gateway.send(event()));
    }

    @Test
    void fiveHundredsTimeoutsAndRefusedConnectionsAreWorthRetrying() {
        answer = reply(503, "");
        assertEquals(new OneStopGateway.Unavailable("HTTP_503"), gateway.send(event()));
        answer = exchange -> {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(200, "{}").accept(exchange);
        };
        assertEquals(new OneStopGateway.Unavailable("TIMEOUT"), gateway.send(event()));
        server.stop(0);
        assertInstanceOf(OneStopGateway.Unavailable.class, gateway.send(event()));
    }

    @Test
    void fetchesTheOneStopsCopy() {
        answer = reply(200, "{\"IdHoSoNguon\":\"d-1\",\"SoHoSo\":\"C-1\",\"TrangThaiHoSo\":4,\"MaDonVi\":\"U\","
                + "\"NgayHenTra\":\"20261211170000\",\"SoThuTu\":3,\"SoThuTuCapNhat\":1}");
        assertEquals(new RemoteDossier("d-1", "C-1", 4, "U", "20261211170000", 3, 1), gateway.fetch("d-1").orElseThrow());
        assertEquals("/dossiers/d-1", requests.get(0).get("path"));
        answer = reply(404, "");
        assertTrue(gateway.fetch("d-2").isEmpty());
    }

    @Test
    void neverCallsTheOneStopSystemWhileSnapStartPrimes() {
        answer = reply(200, "{\"accepted\":true}");
        List<RuntimeException> refused = new CopyOnWriteArrayList<>();
        Priming.prime("one-stop", () -> {
            for (Runnable call : List.<Runnable>of(() -> gateway.send(event()), () -> gateway.fetch("d-1"))) {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    refused.add(e);
                }
            }
        });
        assertEquals(2, refused.size());
        refused.forEach(e -> assertInstanceOf(PrimingRefusedException.class, e));
        assertTrue(requests.isEmpty(), "nothing reached the vendor: " + requests);
    }
}
