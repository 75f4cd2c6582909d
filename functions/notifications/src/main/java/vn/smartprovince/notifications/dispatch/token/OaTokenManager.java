package vn.smartprovince.notifications.dispatch.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.secrets.Secrets;
import vn.smartprovince.shared.secrets.SecretsManagerSecrets;
import vn.smartprovince.shared.zalo.OaTokens;
import vn.smartprovince.shared.zalo.ZaloClient;
import vn.smartprovince.shared.zalo.ZaloException.Kind;
import vn.smartprovince.shared.zalo.ZaloException;

/**
 * The Official Account's access token for every ZNS and OA call, kept fresh across instances.
 *
 * <ul>
 *   <li>The pair lives in DynamoDB ({@link OaTokenStore}); on first use it is seeded from the
 *       Secrets Manager secret {@code ZALO_OA_TOKENS_SECRET_NAME} ({@link OaTokenSeed}).</li>
 *   <li>An instance caches the access token until {@code refreshMargin} before it expires, then
 *       refreshes (Zalo's tokens live 25 h; the margin is 1 h by default), or at once when Zalo
 *       rejected it ({@link #renewAfterRejected}) and nobody has replaced it yet.</li>
 *   <li>The refresh token is single use, so refreshing takes a lease first (a conditional write on
 *       the pair's version): exactly one refresher spends it and stores the new pair (conditional on
 *       still holding the lease); the others wait for the new version, or keep using the current
 *       access token while it is still valid. Inside one instance, threads refresh one at a time.</li>
 *   <li>Zalo rejecting the refresh token means the chain is broken (a refresh whose answer was lost,
 *       the token used elsewhere, three months without a refresh): if the secret holds a newer pair
 *       (an operator re-authorised the OA) the chain restarts from it, else an ERROR line asks for
 *       that and every send waits (retried, then the dead-letter queue).</li>
 * </ul>
 */
public final class OaTokenManager implements AccessTokens {
    public static final String SECRET_NAME = "ZALO_OA_TOKENS_SECRET_NAME";
    public static final String REFRESH_MARGIN_SECONDS = "OA_TOKEN_REFRESH_MARGIN_SECONDS";
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofHours(1);
    /** Longer than a refresh call can take (connect 2 s + read 4 s by default, through a proxy). */
    static final Duration LEASE = Duration.ofSeconds(30);
    /** How long a caller waits for another instance's refresh before giving up (retried later). */
    static final Duration WAIT_LIMIT = Duration.ofSeconds(10);
    private static final int STORE_ATTEMPTS = 5;
    /** A bound on re-reads (lost races, seeding) besides the wait limit. */
    private static final int MAX_ROUNDS = 200;

    /** The Zalo call: {@link ZaloClient#refreshOaToken}. */
    @FunctionalInterface
    public interface Refresher {
        OaTokens refresh(String refreshToken);
    }

    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private record Cached(String token, Instant expiresAt) {
    }

    private final OaTokenStore store;
    private final Refresher refresher;
    private final OaTokenSeed seed;
    private final Clock clock;
    private final Duration refreshMargin;
    private final Duration lease;
    private final Duration waitLimit;
    private final Sleeper sleeper;
    private final String instanceId = UUID.randomUUID().toString();
    private final AtomicLong refreshes = new AtomicLong();
    private volatile Cached cached;

    OaTokenManager(OaTokenStore store, Refresher refresher, OaTokenSeed seed, Clock clock, Duration refreshMargin,
                   Duration lease, Duration waitLimit, Sleeper sleeper) {
        this.store = store;
        this.refresher = refresher;
        this.seed = seed;
        this.clock = clock;
        this.refreshMargin = refreshMargin;
        this.lease = lease;
        this.waitLimit = waitLimit;
        this.sleeper = sleeper;
    }

    /**
     * The manager a function builds: the pair in {@code MAIN_TABLE} through the function's DynamoDB
     * client, seeded from the secret named by {@code ZALO_OA_TOKENS_SECRET_NAME} (read afresh when
     * needed: once, or when the chain broke), refreshed through {@code zalo}.
     *
     * @param secrets the function's secrets (the Zalo client's), a cache is bypassed for the seed
     */
    public static OaTokenManager create(Env env, DynamoDbClient dynamo, ZaloClient zalo, Secrets secrets, Clock clock) {
        Duration margin = env.optional(REFRESH_MARGIN_SECONDS).map(s -> Duration.ofSeconds(Long.parseLong(s.strip())))
                .orElse(DEFAULT_REFRESH_MARGIN);
        return new OaTokenManager(new DynamoDbOaTokenStore(dynamo, env.required("MAIN_TABLE")), zalo::refreshOaToken,
                new OaTokenSeed(secrets, env.required(SECRET_NAME)), clock, margin, LEASE, WAIT_LIMIT,
                duration -> Thread.sleep(duration.toMillis()));
    }

    /** {@link #create} with clients of its own (tests, tools). */
    public static OaTokenManager fromEnv(Env env, ZaloClient zalo, Clock clock) {
        return create(env, AwsClients.dynamoDb(env), zalo, SecretsManagerSecrets.cached(env), clock);
    }

    /** How many refreshes this instance made (the batch metrics report the difference). */
    @Override
    public long refreshes() {
        return refreshes.get();
    }

    /** A valid access token: the cached one, else the stored one, else a refreshed one. */
    @Override
    public String accessToken() {
        Cached current = cached;
        if (current != null && clock.instant().isBefore(current.expiresAt().minus(refreshMargin))) {
            return current.token();
        }
        return obtain(null);
    }

    /**
     * Zalo rejected {@code rejected} (invalid or expired): a newer stored token if another caller
     * refreshed meanwhile, else a refresh. The caller retries its request once with the answer.
     */
    @Override
    public String renewAfterRejected(String rejected) {
        return obtain(rejected);
    }

    private synchronized String obtain(String rejected) {
        Instant deadline = clock.instant().plus(waitLimit);
        Duration pause = Duration.ofMillis(50);
        for (int round = 0; ; round++) {
            Instant now = clock.instant();
            if (round > 0 && (now.isAfter(deadline) || round > MAX_ROUNDS)) {
                throw new OaTokenException(Kind.RETRYABLE, "OA token refresh in progress elsewhere", null);
            }
            Cached current = cached;
            if (current != null && !current.token().equals(rejected) && now.isBefore(current.expiresAt().minus(refreshMargin))) {
                return current.token();
            }
            Optional<OaTokenStore.Stored> read = store.read();
            if (read.isEmpty()) {
                seedFromSecret(now);
                continue;
            }
            OaTokenStore.Stored stored = read.get();
            boolean isRejected = stored.accessToken().equals(rejected);
            if (!isRejected && fresh(stored, now)) {
                cached = new Cached(stored.accessToken(), stored.accessTokenExpiresAt());
                return stored.accessToken();
            }
            if (stored.leasedAt(now)) {
                // Another instance is refreshing: its access token may still be good meanwhile.
                if (!isRejected && stored.accessTokenExpiresAt() != null && now.isBefore(stored.accessTokenExpiresAt())) {
                    return stored.accessToken();
                }
                pause(pause);
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1)
                        : pause.multipliedBy(2);
                continue;
            }
            String owner = instanceId + "/" + UUID.randomUUID();
            if (!store.lease(stored.version(), owner, now.plus(lease), now)) {
                continue;   // another instance leased or refreshed first: read again
            }
            String token = refresh(stored, owner);
            if (token != null) {
                return token;
            }
        }
    }

    private boolean fresh(OaTokenStore.Stored stored, Instant now) {
        return stored.accessTokenExpiresAt() != null && now.isBefore(stored.accessTokenExpiresAt().minus(refreshMargin));
    }

    /** Spends the refresh token under our lease; null when the chain restarted from the secret (read again). */
    private String refresh(OaTokenStore.Stored stored, String owner) {
        OaTokens pair;
        try {
            pair = refresher.refresh(stored.refreshToken());
        } catch (ZaloException e) {
            releaseQuietly(stored.version(), owner);
            if (e.kind() == Kind.INVALID_TOKEN) {
                return restartFromSecret(stored, e);
            }
            if (e.kind() == Kind.MISCONFIGURED) {
                throw new OaTokenException(Kind.MISCONFIGURED, e.reason(), e);
            }
            if (e.httpStatus() == 0) {
                // No answer: Zalo may have spent the refresh token and issued a pair we never saw.
                JsonLog.warn("OA token refresh got no answer; if the next refresh is rejected, re-authorise the OA",
                        Map.of("reason", e.reason()));
            }
            throw new OaTokenException(Kind.RETRYABLE, "OA token refresh failed: " + e.reason(), e);
        } catch (RuntimeException e) {
            releaseQuietly(stored.version(), owner);
            throw e;
        }
        refreshes.incrementAndGet();
        Instant expiresAt = clock.instant().plus(pair.expiresIn());
        // The old refresh token is spent: the new pair must be stored, so DynamoDB hiccups are retried here.
        for (int attempt = 1; ; attempt++) {
            try {
                if (store.replace(stored.version(), owner, pair.accessToken(), pair.refreshToken(), expiresAt,
                        clock.instant())) {
                    cached = new Cached(pair.accessToken(), expiresAt);
                    JsonLog.info("OA token refreshed", Map.of("version", stored.version() + 1,
                            "accessTokenExpiresAt", expiresAt.toString()));
                } else {
                    JsonLog.error("OA token refreshed after the lease expired; the new pair was not stored",
                            Map.of("version", stored.version()), null);
                }
                return pair.accessToken();
            } catch (ApiException unavailable) {
                if (attempt >= STORE_ATTEMPTS) {
                    JsonLog.error("OA token refreshed but not stored (DynamoDB unavailable): the refresh token is"
                            + " spent; re-authorise the OA if the next refresh is rejected",
                            Map.of("version", stored.version()), null);
                    return pair.accessToken();
                }
                pause(Duration.ofMillis(200L * attempt));
            }
        }
    }

    private String restartFromSecret(OaTokenStore.Stored stored, ZaloException rejected) {
        Optional<OaTokenSeed.Pair> pair = seed.read();
        if (pair.isPresent() && !pair.get().hash().equals(stored.seedHash())) {
            OaTokenSeed.Pair p = pair.get();
            if (store.reseed(stored.version(), p.accessToken(), p.refreshToken(), p.accessTokenExpiresAt(), p.hash(),
                    clock.instant())) {
                cached = null;
                JsonLog.warn("OA token chain restarted from the secret (a new pair was stored there)",
                        Map.of("secret", seed.name()));
            }
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("zaloError", rejected.zaloCode());
        fields.put("secret", seed.name());
        String reason = "OA refresh token rejected (" + rejected.zaloCode() + "): re-authorise the OA and store the new"
                + " pair in the secret " + seed.name();
        JsonLog.error(reason, fields, null);
        throw new OaTokenException(Kind.MISCONFIGURED, reason, rejected);
    }

    private void seedFromSecret(Instant now) {
        OaTokenSeed.Pair pair = seed.read().orElse(null);
        if (pair == null) {
            String reason = "no OA token pair: store {\"accessToken\", \"refreshToken\"} in the secret " + seed.name();
            JsonLog.error(reason, Map.of("secret", seed.name()), null);
            throw new OaTokenException(Kind.MISCONFIGURED, reason, null);
        }
        if (store.seed(pair.accessToken(), pair.refreshToken(), pair.accessTokenExpiresAt(), pair.hash(), now)) {
            JsonLog.info("OA token pair seeded from the secret", Map.of("secret", seed.name()));
        }
    }

    private void releaseQuietly(long version, String owner) {
        try {
            store.release(version, owner);
        } catch (RuntimeException e) {
            // The lease expires by itself.
        }
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OaTokenException(Kind.RETRYABLE, "interrupted while waiting for the OA token", e);
        }
    }
}
