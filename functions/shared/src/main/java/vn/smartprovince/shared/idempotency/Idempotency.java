package vn.smartprovince.shared.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.log.JsonLog;

/**
 * The conventions' {@code Idempotency-Key} for POSTs that create something, with the semantics of
 * Powertools for AWS Lambda's idempotency utility:
 *
 * <ul>
 *   <li>a record keyed by a hash of (route, caller, key), written with the conditional put
 *       {@code attribute_not_exists(id) OR expiration < :now OR (status = INPROGRESS AND
 *       inProgressExpiry < :nowMs)} before the work starts, so of concurrent duplicates exactly one runs;</li>
 *   <li>the same key and the same request (method, path, query, body as canonical JSON) replays the
 *       first answer: status, headers, cookies and body, plus {@code idempotent-replayed: true};</li>
 *   <li>the same key with a different request: 422 {@code IDEMPOTENCY_KEY_REUSED};</li>
 *   <li>a duplicate while the first still runs: 409 {@code REQUEST_IN_PROGRESS} with {@code Retry-After};</li>
 *   <li>a failed execution (an exception, {@link ApiException}s included, or a 5xx answer) deletes the
 *       record so that a retry runs again; any other answer (2xx, 3xx, a returned 4xx) is kept;</li>
 *   <li>records live 1 h ({@code expiration}, the table's TTL attribute; expired records count as
 *       absent since TTL deletes late); an execution that dies without a word (timeout, crash) holds
 *       its key for the in-progress timeout (30 s; keep it at least the function's Timeout);</li>
 *   <li>the key: 1-255 printable ASCII characters, otherwise 400 naming {@code Idempotency-Key};
 *       optional by default, or required ({@link #requireKey()}).</li>
 * </ul>
 *
 * In a handler (fields built once, in the constructor):
 * <pre>{@code
 * private final Idempotency idempotency = Idempotency.fromEnv(env, dynamoDb);   // IDEMPOTENCY_TABLE
 *
 * protected HttpResponse handle(HttpRequest request, Caller caller) throws Exception {
 *     return idempotency.run(request, caller, () -> {
 *         Report report = submit.submit(caller, ReportInput.from(request.jsonBody()));
 *         return HttpResponse.json(201, ReportView.of(report));
 *     });
 * }
 * }</pre>
 * The function needs {@code dynamodb:PutItem}, {@code GetItem} and {@code DeleteItem} on
 * IdempotencyTable. The use case should still be safe to run twice where it can (e.g. an id derived
 * from the record's), because a key's protection ends with its record: after 1 h, or when the
 * store failed to record the answer (logged).
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    /** Added to a replayed answer, so clients and logs can tell a replay from a first answer. */
    public static final String REPLAYED_HEADER = "idempotent-replayed";
    public static final Duration DEFAULT_EXPIRY = Duration.ofHours(1);
    public static final Duration DEFAULT_IN_PROGRESS_TIMEOUT = Duration.ofSeconds(30);
    public static final int MAX_KEY_LENGTH = 255;
    /** The first request of a key usually answers within a second: that is when to try again. */
    static final int RETRY_AFTER_SECONDS = 1;
    /** Rounds of put-then-inspect when the record changes between the two (e.g. expired or released). */
    static final int ATTEMPTS = 3;

    /** The work a key protects: builds the answer, or throws. */
    @FunctionalInterface
    public interface Execution {
        HttpResponse execute() throws Exception;
    }

    private final IdempotencyStore store;
    private final Clock clock;
    private final boolean keyRequired;
    private final Duration expiry;
    private final Duration inProgressTimeout;

    /** Records in the DynamoDB table {@code tableName}; the key is optional; 1 h expiry. */
    public Idempotency(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this(new DynamoDbIdempotencyStore(dynamoDb, tableName), clock);
    }

    public Idempotency(IdempotencyStore store, Clock clock) {
        this(store, clock, false, DEFAULT_EXPIRY, DEFAULT_IN_PROGRESS_TIMEOUT);
    }

    private Idempotency(IdempotencyStore store, Clock clock, boolean keyRequired, Duration expiry,
                        Duration inProgressTimeout) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keyRequired = keyRequired;
        if (expiry.isNegative() || expiry.isZero() || inProgressTimeout.isNegative() || inProgressTimeout.isZero()) {
            throw new IllegalArgumentException("expiry and in-progress timeout must be positive");
        }
        if (inProgressTimeout.compareTo(expiry) > 0) {
            throw new IllegalArgumentException("the in-progress timeout cannot outlast the record");
        }
        this.expiry = expiry;
        this.inProgressTimeout = inProgressTimeout;
    }

    /** The table named by the function's {@code IDEMPOTENCY_TABLE} (template Globals), system clock. */
    public static Idempotency fromEnv(Env env, DynamoDbClient dynamoDb) {
        return new Idempotency(dynamoDb, env.required("IDEMPOTENCY_TABLE"), Clock.systemUTC());
    }

    /** A copy that answers 400 to a request without the header. */
    public Idempotency requireKey() {
        return new Idempotency(store, clock, true, expiry, inProgressTimeout);
    }

    /** A copy whose records live {@code expiry} (default 1 h). */
    public Idempotency withExpiry(Duration expiry) {
        return new Idempotency(store, clock, keyRequired, expiry, inProgressTimeout);
    }

    /**
     * A copy whose executions hold their key at most {@code timeout} when they die without releasing
     * it (default 30 s). Keep it at least the function's Timeout, or a retry may run while the first
     * execution is still working.
     */
    public Idempotency withInProgressTimeout(Duration timeout) {
        return new Idempotency(store, clock, keyRequired, expiry, timeout);
    }

    public boolean keyRequired() {
        return keyRequired;
    }

    /** {@link #run(HttpRequest, String, Execution)} for a signed-in caller. */
    public HttpResponse run(HttpRequest request, Caller caller, Execution execution) throws Exception {
        return run(request, caller.userId(), execution);
    }

    /**
     * Runs {@code execution} at most once per (route, caller, key) while its record lives and answers
     * duplicates as the class describes. Without the header it just runs (or is a 400 when the key is
     * required).
     *
     * @param callerId whose key it is: keys of different callers never meet (the signed-in user's id)
     * @throws ApiException 400 for a missing (when required) or malformed key, 422 for a key reused
     *                      with another request, 409 while the first request runs, 503 when the store
     *                      is unreachable; whatever {@code execution} throws, after releasing the key
     */
    public HttpResponse run(HttpRequest request, String callerId, Execution execution) throws Exception {
        if (callerId == null || callerId.isBlank()) {
            throw new IllegalArgumentException("an Idempotency-Key belongs to a caller: callerId is required");
        }
        Optional<String> key = key(request);
        if (key.isEmpty()) {
            return execution.execute();
        }
        String scope = scope(request);
        String id = Fingerprints.recordId(scope, callerId, key.get());
        String payloadHash = Fingerprints.payloadHash(request);
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            IdempotencyRecord mine = new IdempotencyRecord(id, IdempotencyRecord.Status.INPROGRESS,
                    now.plus(expiry).getEpochSecond(), now.plus(inProgressTimeout).toEpochMilli(), payloadHash,
                    UUID.randomUUID().toString(), null);
            Optional<IdempotencyRecord> holder = store.putIfReplaceable(mine, now);
            if (holder.isEmpty()) {
                return execute(mine, execution, request, scope);
            }
            IdempotencyRecord existing = holder.get();
            if (existing.isReplaceable(now)) {
                // Changed between the put and the read (expired, abandoned): put again.
                if (attempt < ATTEMPTS) {
                    continue;
                }
                throw inProgress(request, scope);
            }
            if (!existing.payloadHash().equals(payloadHash)) {
                log("idempotency key reused", request, scope);
                throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED, null, List.of(new FieldError(HEADER,
                        "KEY_REUSED", "Khoá này đã được dùng cho một yêu cầu có nội dung khác; hãy dùng khoá mới.",
                        "This key was used for a request with different content; use a new key.")), Map.of(), null);
            }
            if (existing.status() == IdempotencyRecord.Status.COMPLETED) {
                log("idempotent replay", request, scope);
                return existing.response().withHeader(REPLAYED_HEADER, "true");
            }
            throw inProgress(request, scope);
        }
    }

    private HttpResponse execute(IdempotencyRecord mine, Execution execution, HttpRequest request, String scope)
            throws Exception {
        HttpResponse response;
        try {
            response = execution.execute();
        } catch (Exception | Error e) {
            release(mine, request, scope);
            throw e;
        }
        if (response.status() >= 500) {
            release(mine, request, scope);
            return response;
        }
        try {
            store.complete(mine.completed(response));
        } catch (RuntimeException e) {
            // The work is done and the client gets its answer. Without the record, a retry after the
            // in-progress timeout would run again: say so in the logs, do not turn success into an error.
            Map<String, Object> fields = fields(request, scope);
            JsonLog.error("idempotency record not completed", fields, e);
        }
        return response;
    }

    private void release(IdempotencyRecord mine, HttpRequest request, String scope) {
        try {
            store.release(mine);
        } catch (RuntimeException e) {
            // The key stays locked until the in-progress timeout; then a retry runs.
            JsonLog.error("idempotency record not released", fields(request, scope), e);
        }
    }

    private ApiException inProgress(HttpRequest request, String scope) {
        log("idempotency request in progress", request, scope);
        return new ApiException(ErrorCode.REQUEST_IN_PROGRESS, null, List.of(),
                Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)), null);
    }

    /** The validated key, or empty when absent and optional. */
    Optional<String> key(HttpRequest request) {
        Optional<String> header = request.header(HEADER);
        if (header.isEmpty()) {
            if (keyRequired) {
                throw ApiException.invalid(new FieldError(HEADER, "REQUIRED",
                        "Thiếu tiêu đề Idempotency-Key (một giá trị duy nhất cho mỗi lần gửi, ví dụ một UUID).",
                        "The Idempotency-Key header is missing (a unique value per submission, e.g. a UUID)."));
            }
            return Optional.empty();
        }
        String key = header.get();
        if (!isValidKey(key)) {
            throw ApiException.invalid(new FieldError(HEADER, "INVALID",
                    "Idempotency-Key phải gồm 1-255 ký tự ASCII in được.",
                    "Idempotency-Key must be 1-255 printable ASCII characters."));
        }
        return Optional.of(key);
    }

    /** 1-255 characters, each printable ASCII (space to tilde). */
    public static boolean isValidKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** The route (one function per route): its route key, else method and path. */
    static String scope(HttpRequest request) {
        String routeKey = request.routeKey();
        return routeKey == null || routeKey.isBlank() ? request.method() + " " + request.path() : routeKey;
    }

    private static void log(String message, HttpRequest request, String scope) {
        JsonLog.info(message, fields(request, scope));
    }

    /** Request id and route only: never the key, the caller or the body. */
    private static Map<String, Object> fields(HttpRequest request, String scope) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", request.requestId());
        fields.put("route", scope);
        return fields;
    }
}
