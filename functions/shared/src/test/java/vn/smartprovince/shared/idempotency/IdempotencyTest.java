package vn.smartprovince.shared.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.log.JsonLog;

/** The Idempotency-Key rules, on the in-memory store. */
class IdempotencyTest {
    private static final Instant T0 = Instant.parse("2026-11-28T02:30:00Z");
    private static final String BODY = "{\"categoryCode\":\"POTHOLE\",\"description\":\"Ổ gà\",\"location\":{\"lat\":11.3,\"lng\":106.1}}";

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final Idempotency idempotency = new Idempotency(store, clock);
    private final AtomicInteger executions = new AtomicInteger();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @BeforeEach
    void captureLogs() {
        JsonLog.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLogs() {
        JsonLog.redirect(System.out);
    }

    static HttpRequest request(String key, String body) {
        return request("POST /v1/reports", "/v1/reports", key, body);
    }

    static HttpRequest request(String routeKey, String path, String key, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        if (key != null) {
            headers.put("idempotency-key", key);
        }
        return new HttpRequest(routeKey, "POST", path, Map.of(), Map.of(), headers, List.of(), body,
                "req-" + System.nanoTime(), "1.2.3.4", T0, Map.of());
    }

    private HttpResponse created() {
        int n = executions.incrementAndGet();
        return HttpResponse.json(201, "{\"id\":\"r-" + n + "\"}").withHeader("location", "/v1/reports/r-" + n);
    }

    private ApiException refused(HttpRequest request, String caller) {
        return assertThrows(ApiException.class, () -> idempotency.run(request, caller, this::created));
    }

    @Test
    void withoutAKeyTheWorkJustRunsAndNothingIsStored() throws Exception {
        HttpResponse first = idempotency.run(request(null, BODY), "u-1", this::created);
        HttpResponse second = idempotency.run(request(null, BODY), "u-1", this::created);
        assertEquals(201, first.status());
        assertEquals(2, executions.get());
        assertNotEquals(first.body(), second.body());
        assertEquals(0, store.size());
    }

    @Test
    void aRequiredKeyThatIsMissingIsA400NamingTheHeader() {
        ApiException e = assertThrows(ApiException.class,
                () -> idempotency.requireKey().run(request(null, BODY), "u-1", this::created));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals("Idempotency-Key", e.details().get(0).field());
        assertEquals("REQUIRED", e.details().get(0).code());
        assertEquals(0, executions.get());
        assertTrue(idempotency.requireKey().keyRequired());
        assertFalse(idempotency.keyRequired());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "khóa-tiếng-việt", "tab\there", "new\nline", "del\u007f"})
    void malformedKeysAre400sNamingTheHeader(String key) {
        ApiException e = refused(request(key, BODY), "u-1");
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(400, e.code().status());
        assertEquals("Idempotency-Key", e.details().get(0).field());
        assertEquals("INVALID", e.details().get(0).code());
        assertEquals(0, executions.get());
    }

    @Test
    void keysOfOneTo255PrintableCharactersAreAccepted() throws Exception {
        assertEquals(201, idempotency.run(request("k", BODY), "u-1", this::created).status());
        String longest = "a".repeat(255);
        assertEquals(201, idempotency.run(request(longest, BODY), "u-1", this::created).status());
        assertEquals(201, idempotency.run(request(" ~!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}", BODY), "u-1",
                this::created).status());
        ApiException tooLong = refused(request("a".repeat(256), BODY), "u-1");
        assertEquals("INVALID", tooLong.details().get(0).code());
        assertEquals(3, executions.get());
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstAnswerWithoutRunningAgain() throws Exception {
        HttpResponse first = idempotency.run(request("key-1", BODY), "u-1", this::created);
        clock.advance(Duration.ofMinutes(59));
        HttpResponse replay = idempotency.run(request("key-1", BODY), "u-1", this::created);
        assertEquals(1, executions.get());
        assertEquals(first.status(), replay.status());
        assertEquals(first.body(), replay.body());
        assertEquals(first.headers().get("location"), replay.headers().get("location"));
        assertEquals(first.headers().get("content-type"), replay.headers().get("content-type"));
        assertEquals("true", replay.headers().get(Idempotency.REPLAYED_HEADER));
        assertNull(first.headers().get(Idempotency.REPLAYED_HEADER));
        assertTrue(logs.toString(StandardCharsets.UTF_8).contains("idempotent replay"));
        assertFalse(logs.toString(StandardCharsets.UTF_8).contains("key-1"), "keys are not logged");
    }

    @Test
    void theBodyIsComparedAsJsonNotAsBytes() throws Exception {
        idempotency.run(request("key-1", BODY), "u-1", this::created);
        String reordered = "{ \"location\": {\"lng\": 106.1, \"lat\": 11.30},\n \"description\": \"Ổ gà\","
                + " \"categoryCode\": \"POTHOLE\" }";
        assertEquals(201, idempotency.run(request("key-1", reordered), "u-1", this::created).status());
        assertEquals(1, executions.get());
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422AndRunsNothing() throws Exception {
        idempotency.run(request("key-1", BODY), "u-1", this::created);
        ApiException e = refused(request("key-1", BODY.replace("POTHOLE", "FLOODING")), "u-1");
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, e.code());
        assertEquals(422, e.code().status());
        assertEquals("Idempotency-Key", e.details().get(0).field());
        assertEquals(1, executions.get());
        // A different concrete path on the same route is another request too.
        Idempotency supports = new Idempotency(store, clock);
        supports.run(request("POST /v1/reports/{id}/support", "/v1/reports/r-1/support", "k-2", null), "u-1",
                this::created);
        ApiException other = assertThrows(ApiException.class, () -> supports.run(
                request("POST /v1/reports/{id}/support", "/v1/reports/r-9/support", "k-2", null), "u-1", this::created));
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, other.code());
    }

    @Test
    void keysBelongToOneCallerAndOneRoute() throws Exception {
        idempotency.run(request("shared-key", BODY), "u-1", this::created);
        idempotency.run(request("shared-key", BODY), "u-2", this::created);
        idempotency.run(request("POST /v1/dossiers", "/v1/dossiers", "shared-key", BODY), "u-1", this::created);
        assertEquals(3, executions.get());
        assertEquals(3, store.size());
    }

    @Test
    void aDuplicateWhileTheFirstRunsIsA409WithRetryAfter() throws Exception {
        ApiException[] duplicate = new ApiException[1];
        HttpResponse first = idempotency.run(request("key-1", BODY), "u-1", () -> {
            duplicate[0] = refused(request("key-1", BODY), "u-1");
            return created();
        });
        assertEquals(201, first.status());
        assertEquals(ErrorCode.REQUEST_IN_PROGRESS, duplicate[0].code());
        assertEquals(409, duplicate[0].code().status());
        assertEquals("1", duplicate[0].headers().get("Retry-After"));
        // A different body while the first runs is still a reused key, not "in progress".
        idempotency.run(request("key-2", BODY), "u-1", () -> {
            duplicate[0] = refused(request("key-2", "{\"other\":true}"), "u-1");
            return created();
        });
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, duplicate[0].code());
    }

    @Test
    void anExecutionThatDiedSilentlyHoldsTheKeyOnlyUntilTheInProgressTimeout() throws Exception {
        String id = Fingerprints.recordId("POST /v1/reports", "u-1", "key-1");
        store.putIfReplaceable(new IdempotencyRecord(id, IdempotencyRecord.Status.INPROGRESS,
                T0.plus(Duration.ofHours(1)).getEpochSecond(), T0.plusSeconds(30).toEpochMilli(),
                Fingerprints.payloadHash(request("key-1", BODY)), "crashed", null), T0);
        clock.advance(Duration.ofSeconds(30));
        assertEquals(ErrorCode.REQUEST_IN_PROGRESS, refused(request("key-1", BODY), "u-1").code());
        clock.advance(Duration.ofMillis(1));
        assertEquals(201, idempotency.run(request("key-1", BODY), "u-1", this::created).status());
        assertEquals(1, executions.get());
        assertEquals(IdempotencyRecord.Status.COMPLETED, store.get(id).orElseThrow().status());
    }

    @Test
    void recordsExpireAfterAnHourEvenBeforeTtlDeletesThem() throws Exception {
        idempotency.run(request("key-1", BODY), "u-1", this::created);
        String id = Fingerprints.recordId("POST /v1/reports", "u-1", "key-1");
        IdempotencyRecord stored = store.get(id).orElseThrow();
        assertEquals(T0.plus(Duration.ofHours(1)).getEpochSecond(), stored.expiration());
        clock.advance(Duration.ofHours(1));
        idempotency.run(request("key-1", BODY), "u-1", this::created);
        assertEquals(1, executions.get(), "still alive at exactly its expiration second");
        clock.advance(Duration.ofSeconds(1));
        HttpResponse again = idempotency.run(request("key-1", BODY.replace("POTHOLE", "FLOODING")), "u-1",
                this::created);
        assertEquals(2, executions.get(), "an expired record is as good as absent, whatever its body was");
        assertEquals("{\"id\":\"r-2\"}", again.body());
        Idempotency shortLived = new Idempotency(store, clock).withExpiry(Duration.ofMinutes(5));
        shortLived.run(request("key-9", BODY), "u-1", this::created);
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)).getEpochSecond(),
                store.get(Fingerprints.recordId("POST /v1/reports", "u-1", "key-9")).orElseThrow().expiration());
    }

    @Test
    void aFailedExecutionReleasesTheKeySoARetryRuns() throws Exception {
        RuntimeException bug = new IllegalStateException("boom");
        assertSame(bug, assertThrows(IllegalStateException.class,
                () -> idempotency.run(request("key-1", BODY), "u-1", () -> {
                    throw bug;
                })));
        assertEquals(0, store.size());
        ApiException conflict = new ApiException(ErrorCode.CONFLICT, null);
        assertSame(conflict, assertThrows(ApiException.class,
                () -> idempotency.run(request("key-1", BODY), "u-1", () -> {
                    throw conflict;
                })));
        assertEquals(0, store.size());
        HttpResponse unavailable = idempotency.run(request("key-1", BODY), "u-1",
                () -> HttpResponse.json(503, "{\"error\":{}}"));
        assertEquals(503, unavailable.status());
        assertEquals(0, store.size());

        HttpResponse retry = idempotency.run(request("key-1", BODY), "u-1", this::created);
        assertEquals(201, retry.status());
        assertEquals(1, executions.get());
        assertEquals(1, store.size());
    }

    @Test
    void aReturnedClientErrorIsAnAnswerAndIsReplayed() throws Exception {
        HttpResponse gone = idempotency.run(request("key-1", BODY), "u-1", () -> {
            executions.incrementAndGet();
            return HttpResponse.json(410, "{\"error\":{\"code\":\"GONE\"}}");
        });
        HttpResponse replay = idempotency.run(request("key-1", BODY), "u-1", this::created);
        assertEquals(410, replay.status());
        assertEquals(gone.body(), replay.body());
        assertEquals(1, executions.get());
    }

    @Test
    void aLateFailureOfAnAbandonedExecutionDoesNotReleaseTheOneThatTookOver() throws Exception {
        Idempotency quick = new Idempotency(store, clock).withInProgressTimeout(Duration.ofSeconds(5));
        String id = Fingerprints.recordId("POST /v1/reports", "u-1", "key-1");
        assertThrows(IllegalStateException.class, () -> quick.run(request("key-1", BODY), "u-1", () -> {
            clock.advance(Duration.ofSeconds(6));            // this execution is now abandoned...
            quick.run(request("key-1", BODY), "u-1", this::created);   // ...and a retry completed meanwhile
            throw new IllegalStateException("late failure");
        }));
        assertEquals(IdempotencyRecord.Status.COMPLETED, store.get(id).orElseThrow().status());
        quick.run(request("key-1", BODY), "u-1", this::created);
        assertEquals(1, executions.get());
    }

    @Test
    void aStoreThatCannotRecordTheAnswerStillAnswers() throws Exception {
        IdempotencyStore failing = new IdempotencyStore() {
            @Override
            public Optional<IdempotencyRecord> putIfReplaceable(IdempotencyRecord record, Instant now) {
                return store.putIfReplaceable(record, now);
            }

            @Override
            public void complete(IdempotencyRecord record) {
                throw ApiException.unavailable("dynamodb");
            }

            @Override
            public void release(IdempotencyRecord record) {
                store.release(record);
            }
        };
        HttpResponse response = new Idempotency(failing, clock).run(request("key-1", BODY), "u-1", this::created);
        assertEquals(201, response.status());
        assertTrue(logs.toString(StandardCharsets.UTF_8).contains("idempotency record not completed"));
        // Until the in-progress timeout a retry is told to wait, not run twice.
        assertEquals(ErrorCode.REQUEST_IN_PROGRESS, refused(request("key-1", BODY), "u-1").code());
    }

    @Test
    void anUnreachableStoreIsA503AndNothingRuns() {
        IdempotencyStore down = new IdempotencyStore() {
            @Override
            public Optional<IdempotencyRecord> putIfReplaceable(IdempotencyRecord record, Instant now) {
                throw ApiException.unavailable("dynamodb");
            }

            @Override
            public void complete(IdempotencyRecord record) {
            }

            @Override
            public void release(IdempotencyRecord record) {
            }
        };
        ApiException e = assertThrows(ApiException.class,
                () -> new Idempotency(down, clock).run(request("key-1", BODY), "u-1", this::created));
        assertEquals(ErrorCode.DEPENDENCY_UNAVAILABLE, e.code());
        assertEquals(0, executions.get());
    }

    @Test
    void aCallerIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> idempotency.run(request("k", BODY), " ", this::created));
    }

    @Test
    void twentyConcurrentCallsWithOneKeyRunOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Callable<Object> call = () -> {
                    start.await();
                    try {
                        return idempotency.run(request("same-key", BODY), "u-1", () -> {
                            Thread.sleep(100);
                            return created();
                        });
                    } catch (ApiException e) {
                        return e;
                    }
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            int firsts = 0;
            int replays = 0;
            int inProgress = 0;
            String body = null;
            for (Future<Object> result : results) {
                Object outcome = result.get(30, TimeUnit.SECONDS);
                if (outcome instanceof HttpResponse response) {
                    assertEquals(201, response.status());
                    body = body == null ? response.body() : body;
                    assertEquals(body, response.body());
                    if ("true".equals(response.headers().get(Idempotency.REPLAYED_HEADER))) {
                        replays++;
                    } else {
                        firsts++;
                    }
                } else {
                    assertEquals(ErrorCode.REQUEST_IN_PROGRESS, ((ApiException) outcome).code());
                    inProgress++;
                }
            }
            assertEquals(1, executions.get());
            assertEquals(1, firsts);
            assertEquals(19, replays + inProgress);
            HttpResponse later = idempotency.run(request("same-key", BODY), "u-1", this::created);
            assertEquals("{\"id\":\"r-1\"}", later.body());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fingerprintsNormaliseJsonButNotMeaning() {
        assertEquals(Fingerprints.canonicalBody("{\"b\":[2,{\"d\":1,\"c\":0}],\"a\":1.50}"),
                Fingerprints.canonicalBody(" { \"a\" : 1.5 , \"b\" : [ 2 , { \"c\" : 0 , \"d\" : 1 } ] } "));
        assertNotEquals(Fingerprints.canonicalBody("[1,2]"), Fingerprints.canonicalBody("[2,1]"));
        assertEquals("not json {", Fingerprints.canonicalBody("not json {"));
        assertEquals("", Fingerprints.canonicalBody(null));
        Map<String, String> query = new HashMap<>();
        query.put("b", "2");
        query.put("a", "1");
        HttpRequest withQuery = new HttpRequest("POST /v1/x", "POST", "/v1/x", Map.of(), query, Map.of(), List.of(),
                null, "r", "", T0, Map.of());
        HttpRequest otherQuery = new HttpRequest("POST /v1/x", "POST", "/v1/x", Map.of(), Map.of("a", "1"), Map.of(),
                List.of(), null, "r", "", T0, Map.of());
        assertNotEquals(Fingerprints.payloadHash(withQuery), Fingerprints.payloadHash(otherQuery));
        assertNotEquals(Fingerprints.recordId("a", "bc", "d"), Fingerprints.recordId("ab", "c", "d"));
        assertEquals(64, Fingerprints.recordId("POST /v1/reports", "u-1", "k").length());
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> idempotency.withExpiry(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> idempotency.withInProgressTimeout(Duration.ofHours(2)));
    }
}
