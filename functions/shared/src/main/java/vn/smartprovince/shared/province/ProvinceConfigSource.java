package vn.smartprovince.shared.province;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.aws.DynamoDbCalls;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.log.JsonLog;

/**
 * THE way a function reads the province configuration in force: one instance per function
 * instance (built in the module's {@code Wiring}), holding one immutable {@link ProvinceSnapshot}.
 *
 * <p><b>The bound.</b> A function instance that has read the configuration asks the table again
 * at most every {@value #REFRESH_VARIABLE} seconds (default {@value #DEFAULT_REFRESH_SECONDS}; 0 =
 * on every call): a newly published version is served by every instance at most that long (plus
 * one read) after {@code publish} returned. A new instance reads at once. The re-read is one
 * small GetItem of {@code CONFIG#CURRENT} (version and hash only); the whole configuration is read
 * and parsed again only when they changed.
 *
 * <p><b>One version per request.</b> A request calls {@link #snapshot()} once and passes the
 * snapshot (or its {@link ProvinceSnapshot#config()}) to whatever needs it; it never asks twice.
 *
 * <p><b>Failures.</b> When the table cannot be read, the snapshot at hand is kept (and the read
 * tried again at the next call); with none at hand it is a 503 naming {@code dynamodb}. No
 * configuration published yet: {@link #find()} is empty, {@link #snapshot()} a 503; that absence
 * is not kept, so the first publication is seen at once.
 *
 * <p>Variables: {@code MAIN_TABLE}; {@code PROVINCE_CODE} (else the only province the table
 * holds); {@value #REFRESH_VARIABLE}.
 */
public final class ProvinceConfigSource {
    public static final String REFRESH_VARIABLE = "PROVINCE_CONFIG_REFRESH_SECONDS";
    public static final int DEFAULT_REFRESH_SECONDS = 60;
    public static final int MAX_REFRESH_SECONDS = 3600;

    private final DynamoDbClient dynamo;
    private final String table;
    private final ProvinceConfigStore store;
    private final Duration refresh;
    private final Clock clock;
    private volatile String provinceCode;
    private volatile ProvinceSnapshot held;
    private volatile Instant checkedAt;

    public ProvinceConfigSource(DynamoDbClient dynamo, String table, String provinceCode, Duration refresh, Clock clock) {
        if (refresh.isNegative()) {
            throw new IllegalArgumentException("refresh must not be negative");
        }
        this.dynamo = dynamo;
        this.table = table;
        this.store = new ProvinceConfigStore(dynamo, table, clock);
        this.provinceCode = provinceCode == null || provinceCode.isBlank() ? null : provinceCode;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** From a function's environment: {@code MAIN_TABLE}, {@code PROVINCE_CODE}, {@value #REFRESH_VARIABLE}. */
    public static ProvinceConfigSource fromEnv(Env env, DynamoDbClient dynamo, Clock clock) {
        return new ProvinceConfigSource(dynamo, env.required("MAIN_TABLE"), env.optional("PROVINCE_CODE").orElse(null),
                refresh(env), clock);
    }

    /** {@value #REFRESH_VARIABLE}: 0 to {@value #MAX_REFRESH_SECONDS} seconds, default {@value #DEFAULT_REFRESH_SECONDS}. */
    public static Duration refresh(Env env) {
        return Duration.ofSeconds(env.number(REFRESH_VARIABLE, DEFAULT_REFRESH_SECONDS, 0, MAX_REFRESH_SECONDS));
    }

    /** How long a published version may take to be served by an instance that already holds an older one. */
    public Duration bound() {
        return refresh;
    }

    /** The configuration in force: 503 when none is published or the table cannot be read with none at hand. */
    public ProvinceSnapshot snapshot() {
        return find().orElseThrow(() -> ApiException.unavailable("province configuration not published"));
    }

    /**
     * The configuration in force, or empty when none is published. Reads the table only when the
     * snapshot at hand is older than the refresh interval.
     */
    public Optional<ProvinceSnapshot> find() {
        ProvinceSnapshot current = held;
        Instant checked = checkedAt;
        if (current != null && clock.instant().isBefore(checked.plus(refresh))) {
            return Optional.of(current);
        }
        return refreshNow();
    }

    private synchronized Optional<ProvinceSnapshot> refreshNow() {
        ProvinceSnapshot current = held;
        Instant now = clock.instant();
        if (current != null && checkedAt != null && now.isBefore(checkedAt.plus(refresh))) {
            return Optional.of(current);   // another thread refreshed while this one waited
        }
        try {
            Optional<ProvinceSnapshot> read = read(current);
            if (read.isEmpty()) {
                return Optional.ofNullable(current);
            }
            held = read.get();
            checkedAt = now;
            return read;
        } catch (RuntimeException e) {
            if (current == null) {
                throw e instanceof SdkException ? ApiException.unavailable("dynamodb") : e;
            }
            JsonLog.warn("province configuration kept: the table could not be read",
                    Map.of("version", current.version(), "cause", e.getClass().getSimpleName()));
            return Optional.of(current);
        }
    }

    /** The version in force: the one at hand when its hash is unchanged, else read and parsed. */
    private Optional<ProvinceSnapshot> read(ProvinceSnapshot current) {
        String code = code();
        if (code == null) {
            return Optional.empty();
        }
        Optional<Pointer> pointer = pointer(dynamo, table, code);
        if (pointer.isEmpty()) {
            return Optional.empty();
        }
        Pointer inForce = pointer.get();
        if (current != null && current.sha256().equals(inForce.sha256())) {
            // Same content; a rollback makes it a new version, which the snapshot must name (ETag).
            return Optional.of(current.version() == inForce.version() ? current
                    : new ProvinceSnapshot(code, inForce.version(), inForce.sha256(), inForce.publishedAt(),
                            current.config()));
        }
        return DynamoDbCalls.call(() -> store.current(code)).map(stored ->
                new ProvinceSnapshot(code, stored.version(), stored.sha256(), stored.publishedAt(), stored.config()));
    }

    /** What {@code CONFIG#CURRENT} says is in force, without the configuration itself. */
    public record Pointer(String provinceCode, int version, String sha256, String publishedAt) {
    }

    /**
     * The version in force of {@code provinceCode}: one strongly consistent GetItem of
     * {@code CONFIG#CURRENT} projecting {@code version, sha256, publishedAt} only (what the health
     * check may read). Empty when none is published; a table that cannot be read is a 503.
     */
    public static Optional<Pointer> pointer(DynamoDbClient dynamo, String table, String provinceCode) {
        Map<String, AttributeValue> item = DynamoDbCalls.call(() -> dynamo.getItem(b -> b.tableName(table)
                .consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(ProvinceConfigStore.partitionKey(provinceCode)),
                        "sk", AttributeValue.fromS(ProvinceConfigStore.CURRENT)))
                .projectionExpression("version, sha256, publishedAt")).item());
        if (item == null || item.isEmpty() || !item.containsKey("version")) {
            return Optional.empty();
        }
        return Optional.of(new Pointer(provinceCode, Integer.parseInt(item.get("version").n()),
                item.containsKey("sha256") ? item.get("sha256").s() : "",
                item.containsKey("publishedAt") ? item.get("publishedAt").s() : null));
    }

    /** {@code PROVINCE_CODE}, else the only province of the table (a stack serves one), once found. */
    private String code() {
        String code = provinceCode;
        if (code == null) {
            List<String> codes = DynamoDbCalls.call(store::provinceCodes);
            if (codes.size() > 1) {
                throw ApiException.unavailable("province configuration (set PROVINCE_CODE)");
            }
            code = codes.isEmpty() ? null : codes.get(0);
            provinceCode = code;
        }
        return code;
    }
}
