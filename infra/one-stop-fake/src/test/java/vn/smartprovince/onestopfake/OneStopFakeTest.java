package vn.smartprovince.onestopfake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.onestopfake.OneStopFakeClient.DeskUpdate;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.onestop.OneStopSignature;

/** The fake as a vendor and as a test tool: raw HTTP on its wire, the client on its control API. */
class OneStopFakeTest {
    static final String KEY = "test-api-key";
    static final String SECRET = "test-signing-secret";
    static OneStopFake fake;
    static HttpServer receiver;
    /** Bodies our side "received" (signature checked); the answer each time comes from {@link #answer}. */
    static final List<String> received = Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger answer = new AtomicInteger(202);
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        fake = OneStopFake.start(FakeConfig.of(KEY, SECRET), 0);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        receiver.createContext("/v1/one-stop/updates", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String ts = exchange.getRequestHeaders().getFirst(OneStopSignature.TIMESTAMP_HEADER);
            String sig = exchange.getRequestHeaders().getFirst(OneStopSignature.SIGNATURE_HEADER);
            int status = OneStopSignature.matches(sig, SECRET, ts, body) ? answer.get() : 401;
            if (status == 202) {
                received.add(new String(body, StandardCharsets.UTF_8));
            }
            byte[] out = (status == 409 ? "{\"error\":{\"code\":\"REPLAYED\"}}" : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        receiver.start();
        fake.pushTo(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/one-stop/updates"));
    }

    @AfterAll
    static void stop() {
        fake.close();
        receiver.stop(0);
    }

    @BeforeEach
    void reset() {
        fake.client().reset();
        received.clear();
        answer.set(202);
    }

    static ObjectNode event(String dossierId, int sequence, int status) {
        ObjectNode e = Json.object();
        e.put("MaSuKien", dossierId + ":" + sequence).put("IdHoSoNguon", dossierId).put("SoThuTu", sequence)
                .put("LoaiSuKien", sequence == 1 ? "CREATED" : "STATUS_CHANGED").put("TrangThaiHoSo", status)
                .put("MaDonVi", "000.00.00.H56").put("ThoiGian", "20260301093000");
        e.put("MaHoSo", sequence == 1 ? null : "H56.1-260301-0001");
        e.put("NgayHenTra", sequence == 1 ? null : "20260310170000");
        return e;
    }

    static HttpResponse<String> post(JsonNode event, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(fake.baseUri().resolve("/dossier-events"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(event)));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesEventsWithoutTheApiKeyAndPayloadsItCannotRead() throws Exception {
        assertEquals(401, post(event("d1", 1, 1), null).statusCode());
        assertEquals(401, post(event("d1", 1, 1), "wrong").statusCode());
        assertEquals(400, post(event("d1", 1, 1).put("TrangThaiHoSo", 11), KEY).statusCode());
        assertEquals(400, post(event("d1", 1, 1).put("MaSuKien", "d1:2"), KEY).statusCode());
        assertTrue(fake.client().dossiers().isEmpty());
    }

    @Test
    void appliesEventsOnceAndInOrderHoldingEarlyOnes() throws Exception {
        assertEquals(200, post(event("d1", 1, 1), KEY).statusCode());
        assertTrue(post(event("d1", 3, 4), KEY).body().contains("BUFFERED"));
        assertEquals(1, fake.client().dossier("d1").orElseThrow().status());
        assertTrue(post(event("d1", 2, 2), KEY).body().contains("APPLIED"));
        assertTrue(post(event("d1", 2, 2), KEY).body().contains("DUPLICATE"));
        var copy = fake.client().dossier("d1").orElseThrow();
        assertEquals(3, copy.lastSequence());
        assertEquals(4, copy.status());
        assertEquals("H56.1-260301-0001", copy.dossierCode());
        assertEquals("20260310170000", copy.dueAt());
        assertEquals(3, fake.client().events("d1").size());

        HttpResponse<String> read = http.send(HttpRequest.newBuilder(fake.baseUri().resolve("/dossiers/d1"))
                .header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode());
        JsonNode wire = Json.read(read.body());
        assertEquals(3, wire.get("SoThuTu").intValue());
        assertEquals(4, wire.get("TrangThaiHoSo").intValue());
        assertEquals(404, http.send(HttpRequest.newBuilder(fake.baseUri().resolve("/dossiers/nope"))
                .header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void pushesSignedDeskUpdatesWithAGaplessDeskSequenceAndAppliesThemToItsCopy() throws Exception {
        post(event("d2", 1, 1), KEY);
        assertEquals(1, fake.client().push("d2", DeskUpdate.to(2).officer("Trần Văn Bình")));
        assertEquals(2, fake.client().push("d2", DeskUpdate.to(5).comment("Thiếu bản sao CCCD")));
        assertTrue(fake.client().awaitNoPendingPushes(Duration.ofSeconds(5)));
        assertEquals(2, received.size());
        // Each update is pushed on its own, so they may arrive in either order (our side orders them
        // by SoThuTuCapNhat): read them in that order.
        List<JsonNode> pushed = received.stream().map(Json::read)
                .sorted(java.util.Comparator.comparingInt(u -> u.get("SoThuTuCapNhat").intValue())).toList();
        JsonNode first = pushed.get(0);
        assertEquals("d2", first.get("IdHoSoNguon").asText());
        assertEquals(1, first.get("SoThuTuCapNhat").intValue());
        assertEquals(1, first.get("SoThuTu").intValue());
        assertEquals("Trần Văn Bình", first.get("CanBoXuLy").asText());
        assertEquals(2, pushed.get(1).get("SoThuTuCapNhat").intValue());
        assertEquals("Thiếu bản sao CCCD", pushed.get(1).get("DanhSachYeuCau").get(0).asText());
        var copy = fake.client().dossier("d2").orElseThrow();
        assertEquals(5, copy.status());
        assertEquals(2, copy.deskSequence());
        // Our later event overwrites the desk's view (last sequence wins).
        post(event("d2", 2, 2), KEY);
        assertEquals(2, fake.client().dossier("d2").orElseThrow().status());
    }

    @Test
    void aReplayAnswerCountsAsDeliveredAndARefusalStops() throws Exception {
        post(event("d3", 1, 1), KEY);
        answer.set(409);
        fake.client().push("d3", DeskUpdate.to(2));
        assertTrue(fake.client().awaitNoPendingPushes(Duration.ofSeconds(5)));
        assertEquals(1L, fake.client().counters().get("pushesReplayed"));
        answer.set(400);
        fake.client().push("d3", DeskUpdate.to(4));
        assertTrue(fake.client().awaitNoPendingPushes(Duration.ofSeconds(5)));
        assertEquals(1L, fake.client().counters().get("pushesRefused"));
    }

    @Test
    void retriesUntilOurSideAnswersAndFreshlySignsEachAttempt() throws Exception {
        post(event("d4", 1, 1), KEY);
        answer.set(503);
        fake.client().push("d4", DeskUpdate.to(2));
        Thread.sleep(400);
        assertFalse(fake.client().status().path("quiet").asBoolean());
        answer.set(202);
        assertTrue(fake.client().awaitNoPendingPushes(Duration.ofSeconds(5)));
        assertEquals(1, received.size());
        assertTrue(fake.client().counters().get("pushAttemptsFailed") >= 1);
    }

    @Test
    void outOfOrderHoldsAnUpdateUntilTheNextOneHasGone() throws Exception {
        post(event("d5", 1, 1), KEY);
        fake.client().faults(Json.object().set("outbound", Json.object().put("outOfOrder", 1.0)));
        fake.client().push("d5", DeskUpdate.to(2));
        fake.client().clearFaults();
        fake.client().push("d5", DeskUpdate.to(4));
        assertTrue(fake.client().awaitNoPendingPushes(Duration.ofSeconds(5)));
        assertEquals(List.of(2, 1), received.stream().map(b -> Json.read(b).get("SoThuTuCapNhat").intValue()).toList());
    }

    @Test
    void seededFaultsRepeat() throws Exception {
        List<Integer> first = statuses(42);
        List<Integer> second = statuses(42);
        assertEquals(first, second);
        assertTrue(first.stream().anyMatch(s -> s != 200), first.toString());
        assertTrue(first.stream().anyMatch(s -> s == 200), first.toString());
    }

    private List<Integer> statuses(long seed) throws Exception {
        fake.client().reset();
        ObjectNode faults = Json.object();
        faults.put("seed", seed);
        faults.set("inbound", Json.object().put("down", 0.2).put("errorAfterApply", 0.2));
        fake.client().faults(faults);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            try {
                statuses.add(post(event("s" + i, 1, 1), KEY).statusCode());
            } catch (IOException dropped) {
                statuses.add(0);
            }
        }
        return statuses;
    }
}
