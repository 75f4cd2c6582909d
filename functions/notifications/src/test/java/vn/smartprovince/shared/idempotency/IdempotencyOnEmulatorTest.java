package vn.smartprovince.shared.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/**
 * {@link Idempotency} on the template's IdempotencyTable in the emulator (here rather than in
 * functions/shared because shared cannot use the test kit, which depends on it).
 */
class IdempotencyOnEmulatorTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    private static final String BODY = "{\"categoryCode\":\"POTHOLE\",\"description\":\"Ổ gà trước chợ\"}";

    private DynamoDbIdempotencyStore store;
    private Idempotency idempotency;
    private final AtomicInteger executions = new AtomicInteger();

    @BeforeEach
    void setUp() {
        store = new DynamoDbIdempotencyStore(aws.dynamoDb(), aws.tableName("IdempotencyTable"));
        // As a function builds it: the table from the function's environment.
        idempotency = Idempotency.fromEnv(aws.env("HealthFunction"), aws.dynamoDb());
    }

    private static HttpRequest request(String key, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("idempotency-key", key);
        return new HttpRequest("POST /v1/reports", "POST", "/v1/reports", Map.of(), Map.of(), headers, List.of(), body,
                "req-" + System.nanoTime(), "1.2.3.4", Instant.now(), Map.of());
    }

    private static String key() {
        return "key-" + System.nanoTime();
    }

    private HttpResponse created() throws InterruptedException {
        int n = executions.incrementAndGet();
        Thread.sleep(200);   // long enough for the duplicates to arrive while it runs
        return new HttpResponse(201, Map.of("content-type", "application/json; charset=utf-8",
                "location", "/v1/reports/r-" + n), List.of("seen=1; Secure"),
                "{\"id\":\"r-" + n + "\",\"trackingCode\":\"TN-7Q4K2\",\"agency\":\"UBND phường Tân Ninh\"}");
    }

    @Test
    void theTemplatesTableExpiresRecordsThroughTheAttributeTheStoreWrites() {
        String ttl = aws.dynamoDb().describeTimeToLive(b -> b.tableName(aws.tableName("IdempotencyTable")))
                .timeToLiveDescription().attributeName();
        assertEquals(DynamoDbIdempotencyStore.EXPIRATION, ttl);
    }

    /** The table through a client that sends one request at a time: see {@link OneRequestAtATime}. */
    private static DynamoDbClient serialised() {
        Env env = new Env(aws.awsEnvironment());
        return DynamoDbClient.builder()
                .endpointOverride(aws.endpoint())
                .region(Region.of(aws.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        env.required("AWS_ACCESS_KEY_ID"), env.required("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(new OneRequestAtATime(UrlConnectionHttpClient.create()))
                .build();
    }

    @Test
    void twentyConcurrentCallsWithOneKeyRunOnceAndLaterRetriesReplayTheSameAnswer() throws Exception {
        String key = key();
        DynamoDbClient dynamoDb = serialised();
        Idempotency idempotency = new Idempotency(dynamoDb, aws.tableName("IdempotencyTable"), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Object> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Callable<Object> call = () -> {
                    start.await();
                    try {
                        return idempotency.run(request(key, BODY), "9000000000000000123", this::created);
                    } catch (ApiException e) {
                        return e;
                    }
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, executions.get(), "exactly one execution");
        List<HttpResponse> firsts = new ArrayList<>();
        int replays = 0;
        int inProgress = 0;
        for (Object outcome : outcomes) {
            if (outcome instanceof HttpResponse response) {
                if ("true".equals(response.headers().get(Idempotency.REPLAYED_HEADER))) {
                    replays++;
                    assertEquals("{\"id\":\"r-1\",\"trackingCode\":\"TN-7Q4K2\",\"agency\":\"UBND phường Tân Ninh\"}",
                            response.body());
                } else {
                    firsts.add(response);
                }
            } else {
                ApiException e = (ApiException) outcome;
                assertEquals(ErrorCode.REQUEST_IN_PROGRESS, e.code());
                assertEquals("1", e.headers().get("Retry-After"));
                inProgress++;
            }
        }
        assertEquals(1, firsts.size());
        assertEquals(19, replays + inProgress);

        HttpResponse first = firsts.get(0);
        for (int i = 0; i < 3; i++) {
            HttpResponse later = idempotency.run(request(key, BODY.replace("{", "{ ")), "9000000000000000123",
                    this::created);
            assertEquals(201, later.status());
            assertEquals(first.body(), later.body());
            assertEquals(first.headers().get("location"), later.headers().get("location"));
            assertEquals(first.headers().get("content-type"), later.headers().get("content-type"));
            assertEquals(first.cookies(), later.cookies());
            assertEquals("true", later.headers().get(Idempotency.REPLAYED_HEADER));
        }
        assertEquals(1, executions.get());
        dynamoDb.close();
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422() throws Exception {
        String key = key();
        idempotency.run(request(key, BODY), "9000000000000000123", this::created);
        ApiException e = assertThrows(ApiException.class, () -> idempotency.run(
                request(key, BODY.replace("POTHOLE", "FLOODING")), "9000000000000000123", this::created));
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, e.code());
        assertEquals(1, executions.get());
        // Another citizen's identical key is theirs alone.
        idempotency.run(request(key, BODY.replace("POTHOLE", "FLOODING")), "9000000000000000456", this::created);
        assertEquals(2, executions.get());
    }

    @Test
    void aFailedExecutionDeletesTheRecordSoTheRetryRuns() throws Exception {
        String key = key();
        assertThrows(IllegalStateException.class, () -> idempotency.run(request(key, BODY), "9000000000000000123",
                () -> {
                    throw new IllegalStateException("bug");
                }));
        String id = Fingerprints.recordId("POST /v1/reports", "9000000000000000123", key);
        assertEquals(Optional.empty(), store.get(id));
        HttpResponse unavailable = idempotency.run(request(key, BODY), "9000000000000000123",
                () -> HttpResponse.json(503, "{}"));
        assertEquals(503, unavailable.status());
        assertEquals(Optional.empty(), store.get(id));

        HttpResponse retry = idempotency.run(request(key, BODY), "9000000000000000123", this::created);
        assertEquals(201, retry.status());
        assertEquals(1, executions.get());
        IdempotencyRecord record = store.get(id).orElseThrow();
        assertEquals(IdempotencyRecord.Status.COMPLETED, record.status());
        assertEquals(retry.body(), record.response().body());
    }

    @Test
    void theConditionalPutFollowsPowertoolsRule() {
        Instant now = Instant.parse("2026-11-28T02:30:00Z");
        String id = "rule-" + System.nanoTime();
        IdempotencyRecord first = new IdempotencyRecord(id, IdempotencyRecord.Status.INPROGRESS,
                now.plus(Duration.ofHours(1)).getEpochSecond(), now.plusSeconds(30).toEpochMilli(), "h1", "e1", null);
        assertEquals(Optional.empty(), store.putIfReplaceable(first, now));
        IdempotencyRecord second = new IdempotencyRecord(id, IdempotencyRecord.Status.INPROGRESS,
                now.plus(Duration.ofHours(1)).getEpochSecond(), now.plusSeconds(40).toEpochMilli(), "h1", "e2", null);
        assertEquals(Optional.of(first), store.putIfReplaceable(second, now.plusSeconds(10)), "blocked: returns the holder");
        // In progress past its in-progress expiry: abandoned, taken over.
        assertEquals(Optional.empty(), store.putIfReplaceable(second, now.plusSeconds(31)));
        assertEquals("e2", store.get(id).orElseThrow().executionId());

        // Releasing is only for the execution holding it.
        store.release(first);
        assertEquals("e2", store.get(id).orElseThrow().executionId());

        HttpResponse answer = HttpResponse.json(201, "{\"id\":\"r-1\"}");
        store.complete(second.completed(answer));
        IdempotencyRecord completed = second.completed(answer);
        assertEquals(Optional.of(completed), store.putIfReplaceable(first, now.plus(Duration.ofMinutes(59))));
        store.release(second);
        assertEquals(IdempotencyRecord.Status.COMPLETED, store.get(id).orElseThrow().status(), "never released once completed");
        // Past its expiration, though TTL has not deleted it: replaced.
        assertEquals(Optional.empty(), store.putIfReplaceable(first,
                Instant.ofEpochSecond(completed.expiration() + 1)));
        assertEquals("e1", store.get(id).orElseThrow().executionId());
    }

    @Test
    void theItemHoldsHashesAndTimesNotTheKeyOrTheCaller() throws Exception {
        String key = "visible-key-" + System.nanoTime();
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T02:30:00Z"), ZoneOffset.UTC);
        new Idempotency(aws.dynamoDb(), aws.tableName("IdempotencyTable"), clock)
                .run(request(key, BODY), "9000000000000000123", this::created);
        Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("IdempotencyTable"))
                .key(Map.of("id", AttributeValue.fromS(Fingerprints.recordId("POST /v1/reports", "9000000000000000123",
                        key))))).item();
        assertEquals("COMPLETED", item.get("status").s());
        assertEquals(Long.toString(Instant.parse("2026-11-28T03:30:00Z").getEpochSecond()), item.get("expiration").n());
        assertEquals(Long.toString(Instant.parse("2026-11-28T02:30:30Z").toEpochMilli()), item.get("inProgressExpiry").n());
        assertTrue(item.toString().indexOf(key) < 0 && item.toString().indexOf("9000000000000000123") < 0);
    }

    @Test
    void anUnreachableTableIsA503AndNothingRuns() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> env = new LinkedHashMap<>(aws.awsEnvironment());
        env.put("AWS_ENDPOINT_URL", URI.create("http://127.0.0.1:" + closedPort).toString());
        try (DynamoDbClient nowhere = AwsClients.dynamoDb(new Env(env))) {
            Idempotency down = new Idempotency(nowhere, aws.tableName("IdempotencyTable"), Clock.systemUTC());
            ApiException e = assertThrows(ApiException.class,
                    () -> down.run(request(key(), BODY), "9000000000000000123", this::created));
            assertEquals(ErrorCode.DEPENDENCY_UNAVAILABLE, e.code());
            assertEquals(0, executions.get());
        }
    }
}
