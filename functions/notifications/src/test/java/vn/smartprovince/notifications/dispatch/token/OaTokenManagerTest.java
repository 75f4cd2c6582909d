package vn.smartprovince.notifications.dispatch.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.secrets.Secrets;
import vn.smartprovince.shared.zalo.OaTokens;
import vn.smartprovince.shared.zalo.ZaloException;
import vn.smartprovince.shared.zalo.ZaloFailures;
import vn.smartprovince.testkit.MutableClock;

/** The OA token rules: seeding, refresh before expiry, refresh once after a rejection, the lease, recovery. */
class OaTokenManagerTest {
    static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");
    static final String SECRET = "smartprovince/test/zalo-oa-tokens";

    final MutableClock clock = new MutableClock(T0);
    final InMemoryOaTokenStore store = new InMemoryOaTokenStore();
    final Map<String, String> secrets = new HashMap<>(Map.of(SECRET,
            "{\"accessToken\": \"access-0\", \"refreshToken\": \"refresh-0\"}"));
    final FakeZaloOAuth zalo = new FakeZaloOAuth();

    /** Zalo's OAuth server: each refresh token works once; access tokens expire after 25 h. */
    static final class FakeZaloOAuth implements OaTokenManager.Refresher {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> spent = new ArrayList<>();
        volatile String usable = "refresh-0";
        volatile RuntimeException failure;
        volatile long latencyMs;

        @Override
        public OaTokens refresh(String refreshToken) {
            int n = calls.incrementAndGet();
            if (latencyMs > 0) {
                try {
                    Thread.sleep(latencyMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null) {
                throw failure;
            }
            synchronized (this) {
                if (!refreshToken.equals(usable)) {
                    throw ZaloFailures.refreshTokenRejected();
                }
                spent.add(refreshToken);
                usable = "refresh-" + n;
                return new OaTokens("access-" + n, usable, Duration.ofHours(25));
            }
        }
    }

    OaTokenManager manager() {
        return manager(duration -> clock.advance(duration));
    }

    OaTokenManager manager(OaTokenManager.Sleeper sleeper) {
        return new OaTokenManager(store, zalo, new OaTokenSeed(name -> {
            String value = secrets.get(name);
            if (value == null) {
                throw new vn.smartprovince.shared.secrets.SecretNotFoundException(name);
            }
            return value;
        }, SECRET), clock, Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(10), sleeper);
    }

    OaTokenStore.Stored stored(String access, String refresh, Instant expiresAt, long version) {
        return new OaTokenStore.Stored(access, refresh, expiresAt, version, null, null,
                OaTokenSeed.sha256(secrets.get(SECRET)));
    }

    @Test
    void aPairSeededWithoutItsExpiryIsRefreshedAtFirstUseAndStored() {
        OaTokenManager tokens = manager();
        assertEquals("access-1", tokens.accessToken());
        assertEquals(1, zalo.calls.get());
        OaTokenStore.Stored stored = store.get();
        assertEquals("access-1", stored.accessToken());
        assertEquals("refresh-1", stored.refreshToken());
        assertEquals(2, stored.version(), "seeded as 1, refreshed to 2");
        assertEquals(T0.plus(Duration.ofHours(25)), stored.accessTokenExpiresAt());
        assertNull(stored.leaseOwner(), "the lease is cleared with the new pair");
        assertEquals(1, tokens.refreshes());
    }

    @Test
    void aSeedWithAFutureExpiryIsUsedAsItIs() {
        secrets.put(SECRET, "{\"accessToken\": \"access-0\", \"refreshToken\": \"refresh-0\","
                + " \"accessTokenExpiresAt\": \"2026-11-29T03:00:00+00:00\"}");
        assertEquals("access-0", manager().accessToken());
        assertEquals(0, zalo.calls.get());
    }

    @Test
    void aFreshTokenIsServedFromTheInstanceWithoutReadingTheStore() {
        store.set(stored("access-7", "refresh-0", T0.plus(Duration.ofHours(20)), 7));
        OaTokenManager tokens = manager();
        assertEquals("access-7", tokens.accessToken());
        int reads = store.reads.get();
        clock.set(T0.plus(Duration.ofHours(18)));
        assertEquals("access-7", tokens.accessToken());
        assertEquals(reads, store.reads.get());
        assertEquals(0, zalo.calls.get());
    }

    @Test
    void theTokenIsRefreshedAnHourBeforeItExpires() {
        store.set(stored("access-7", "refresh-0", T0.plus(Duration.ofHours(20)), 7));
        OaTokenManager tokens = manager();
        tokens.accessToken();
        clock.set(T0.plus(Duration.ofHours(19)).minusSeconds(1));
        assertEquals("access-7", tokens.accessToken(), "61 minutes left");
        clock.set(T0.plus(Duration.ofHours(19)));
        assertEquals("access-1", tokens.accessToken(), "one hour left: refreshed");
        assertEquals(8, store.get().version());
        assertEquals(List.of("refresh-0"), zalo.spent);
    }

    @Test
    void aRejectedTokenIsRefreshedOnceEvenByManyCallersAndAnOlderRejectionUsesTheNewToken() {
        store.set(stored("access-7", "refresh-0", T0.plus(Duration.ofHours(20)), 7));
        OaTokenManager tokens = manager();
        assertEquals("access-7", tokens.accessToken());
        assertEquals("access-1", tokens.renewAfterRejected("access-7"));
        assertEquals("access-1", tokens.renewAfterRejected("access-7"), "a second caller rejected with the old token");
        OaTokenManager other = manager();
        assertEquals("access-1", other.renewAfterRejected("access-7"), "another instance: reads the new pair");
        assertEquals(1, zalo.calls.get());
    }

    @Test
    void whileAnotherInstanceRefreshesItsStillValidTokenIsUsed() {
        Instant expiry = T0.plus(Duration.ofMinutes(30));
        store.set(new OaTokenStore.Stored("access-7", "refresh-0", expiry, 7, "other-instance", T0.plusSeconds(20),
                OaTokenSeed.sha256(secrets.get(SECRET))));
        assertEquals("access-7", manager().accessToken());
        assertEquals(0, zalo.calls.get());
    }

    @Test
    void whenTheTokenIsGoneCallersWaitForTheOtherRefresherInsteadOfSpendingTheRefreshTokenAgain() {
        store.set(new OaTokenStore.Stored("access-7", "refresh-0", T0.minusSeconds(1), 7, "other-instance",
                T0.plusSeconds(20), OaTokenSeed.sha256(secrets.get(SECRET))));
        AtomicInteger pauses = new AtomicInteger();
        OaTokenManager tokens = manager(duration -> {
            clock.advance(duration);
            if (pauses.incrementAndGet() == 3) {   // the other instance stores its new pair meanwhile
                store.set(stored("access-other", "refresh-other", clock.instant().plus(Duration.ofHours(25)), 8));
            }
        });
        assertEquals("access-other", tokens.accessToken());
        assertEquals(0, zalo.calls.get());
    }

    @Test
    void aLeaseLeftBehindByACrashedRefresherExpires() {
        store.set(new OaTokenStore.Stored("access-7", "refresh-0", T0.minusSeconds(1), 7, "crashed", T0.plusSeconds(5),
                OaTokenSeed.sha256(secrets.get(SECRET))));
        assertEquals("access-1", manager().accessToken());
        assertEquals(1, zalo.calls.get());
    }

    @Test
    void concurrentCallersInTwoInstancesSpendTheRefreshTokenExactlyOnce() throws Exception {
        // Expired: nobody may use it, so every caller needs the refreshed one.
        store.set(stored("access-7", "refresh-0", T0.minusSeconds(1), 7));
        zalo.latencyMs = 100;
        List<OaTokenManager> instances = List.of(manager(d -> Thread.sleep(d.toMillis())),
                manager(d -> Thread.sleep(d.toMillis())));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            OaTokenManager tokens = instances.get(i % 2);
            answers.add(pool.submit(() -> {
                start.await();
                return tokens.accessToken();
            }));
        }
        start.countDown();
        for (Future<String> answer : answers) {
            assertEquals("access-1", answer.get());
        }
        pool.shutdown();
        assertEquals(1, zalo.calls.get());
        assertEquals(List.of("refresh-0"), zalo.spent);
    }

    @Test
    void aRejectedRefreshTokenRestartsTheChainFromANewPairInTheSecret() {
        store.set(stored("access-7", "refresh-dead", T0.minusSeconds(1), 7));
        secrets.put(SECRET, "{\"accessToken\": \"access-new\", \"refreshToken\": \"refresh-0\","
                + " \"accessTokenExpiresAt\": \"2026-11-29T00:00:00Z\"}");
        assertEquals("access-new", manager().accessToken());
        assertEquals(8, store.get().version());
        assertEquals(1, zalo.calls.get(), "the dead token was tried once");
    }

    @Test
    void aRejectedRefreshTokenWithoutANewPairIsAnAlarmAndNoTokenNotALoop() {
        String seed = secrets.get(SECRET);
        store.set(new OaTokenStore.Stored("access-7", "refresh-dead", T0.minusSeconds(1), 7, null, null,
                OaTokenSeed.sha256(seed)));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        JsonLog.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            OaTokenException e = assertThrows(OaTokenException.class, () -> manager().accessToken());
            assertEquals(ZaloException.Kind.MISCONFIGURED, e.kind());
            assertTrue(e.reason().contains(SECRET));
        } finally {
            JsonLog.redirect(System.out);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\"level\":\"ERROR\"") && text.contains("re-authorise the OA"), text);
        assertTrue(!text.contains("refresh-dead") && !text.contains("access-7"), "no token in the logs");
        assertEquals(1, zalo.calls.get());
        assertNull(store.get().leaseOwner(), "the lease is given back");
    }

    @Test
    void aFailedRefreshCallIsRetryableAndGivesTheLeaseBack() {
        store.set(stored("access-7", "refresh-0", T0.minusSeconds(1), 7));
        zalo.failure = ZaloFailures.timeout();
        OaTokenException e = assertThrows(OaTokenException.class, () -> manager().accessToken());
        assertEquals(ZaloException.Kind.RETRYABLE, e.kind());
        assertNull(store.get().leaseOwner());
        zalo.failure = null;
        assertEquals("access-2", manager().accessToken(), "the next caller refreshes");
    }

    @Test
    void noSeedAndNoPairIsAMisconfiguration() {
        secrets.clear();
        assertEquals(ZaloException.Kind.MISCONFIGURED,
                assertThrows(OaTokenException.class, () -> manager().accessToken()).kind());
        secrets.put(SECRET, "not json");
        assertEquals(ZaloException.Kind.MISCONFIGURED,
                assertThrows(OaTokenException.class, () -> manager().accessToken()).kind());
    }

    @Test
    void secretsNeverShowInTheRecords() {
        OaTokenSeed.Pair pair = OaTokenSeed.parse("{\"accessToken\": \"a-secret\", \"refreshToken\": \"r-secret\"}", SECRET);
        assertTrue(!pair.toString().contains("secret\"") && !pair.toString().contains("a-secret"));
        assertTrue(!store.toString().contains("a-secret"));
        Secrets unused = name -> "";
        assertEquals("", unused.value("x"));
    }
}
