package vn.smartprovince.shared.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.log.JsonLog;

class CachingSecretsTest {
    private static final String NAME = "smartprovince/dev/zalo-app-secret";

    /** A store whose values, failures and calls the test controls. */
    private static final class FakeStore implements Secrets {
        final Map<String, String> values = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        volatile RuntimeException failure;

        @Override
        public synchronized String value(String name) {
            calls.add(name);
            if (failure != null) {
                throw failure;
            }
            String value = values.get(name);
            if (value == null) {
                throw new SecretNotFoundException(name);
            }
            return value;
        }
    }

    private final FakeStore store = new FakeStore();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final CachingSecrets secrets = new CachingSecrets(store, Duration.ofMinutes(15), now::get);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void captureLog() {
        JsonLog.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        JsonLog.redirect(System.out);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void defaultTimeLimitIsFifteenMinutes() {
        assertEquals(Duration.ofMinutes(15), CachingSecrets.DEFAULT_TTL);
    }

    @Test
    void valueIsReadOnceWithinTheTimeLimit() {
        store.values.put(NAME, "v1");
        assertEquals("v1", secrets.value(NAME));
        advance(Duration.ofMinutes(14));
        assertEquals("v1", secrets.value(NAME));
        assertEquals(List.of(NAME), store.calls);
    }

    @Test
    void rotationIsPickedUpAfterTheTimeLimit() {
        store.values.put(NAME, "v1");
        assertEquals("v1", secrets.value(NAME));
        store.values.put(NAME, "v2");
        advance(Duration.ofMinutes(14).plusSeconds(59));
        assertEquals("v1", secrets.value(NAME));
        advance(Duration.ofSeconds(1));
        assertEquals("v2", secrets.value(NAME));
        assertEquals(2, store.calls.size());
    }

    @Test
    void namesAreCachedSeparately() {
        store.values.put("a", "1");
        store.values.put("b", "2");
        assertEquals("1", secrets.value("a"));
        assertEquals("2", secrets.value("b"));
        assertEquals("1", secrets.value("a"));
        assertEquals(List.of("a", "b"), store.calls);
    }

    @Test
    void missingSecretIsNamedNeverValued() {
        SecretNotFoundException e = assertThrows(SecretNotFoundException.class, () -> secrets.value(NAME));
        assertEquals(NAME, e.secretName());
        assertTrue(e.getMessage().contains("\"" + NAME + "\""), e.getMessage());
    }

    @Test
    void deletedSecretIsNoLongerServed() {
        store.values.put(NAME, "v1-s3cr3t");
        secrets.value(NAME);
        store.values.remove(NAME);
        advance(Duration.ofMinutes(16));
        SecretNotFoundException e = assertThrows(SecretNotFoundException.class, () -> secrets.value(NAME));
        assertFalse(e.getMessage().contains("v1-s3cr3t"));
        assertThrows(SecretNotFoundException.class, () -> secrets.value(NAME));
    }

    @Test
    void storeOutageServesTheLastValueAndRetriesSoon() {
        store.values.put(NAME, "v1-s3cr3t");
        secrets.value(NAME);
        advance(Duration.ofMinutes(16));
        store.failure = ApiException.unavailable("secrets manager unavailable");

        assertEquals("v1-s3cr3t", secrets.value(NAME));
        assertEquals("v1-s3cr3t", secrets.value(NAME), "no new call until the retry delay");
        assertEquals(2, store.calls.size());
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("secret refresh failed, serving the cached value"), logged);
        assertTrue(logged.contains(NAME), logged);
        assertFalse(logged.contains("v1-s3cr3t"), logged);

        advance(CachingSecrets.RETRY_AFTER_FAILURE);
        store.failure = null;
        store.values.put(NAME, "v2");
        assertEquals("v2", secrets.value(NAME));
        assertEquals(3, store.calls.size());
    }

    @Test
    void storeOutageWithNothingCachedPropagates() {
        ApiException outage = ApiException.unavailable("secrets manager unavailable");
        store.failure = outage;
        assertSame(outage, assertThrows(ApiException.class, () -> secrets.value(NAME)));
    }

    @Test
    void zeroTimeLimitAsksEveryTime() {
        CachingSecrets uncached = new CachingSecrets(store, Duration.ZERO, now::get);
        store.values.put(NAME, "v1");
        uncached.value(NAME);
        uncached.value(NAME);
        assertEquals(2, store.calls.size());
    }

    @Test
    void invalidateForcesARead() {
        store.values.put(NAME, "v1");
        secrets.value(NAME);
        secrets.invalidate(NAME);
        secrets.value(NAME);
        secrets.invalidateAll();
        secrets.value(NAME);
        assertEquals(3, store.calls.size());
    }

    @Test
    void concurrentReadersShareOneRead() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Secrets slow = name -> {
            reads.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "v";
        };
        CachingSecrets cache = new CachingSecrets(slow, Duration.ofMinutes(15));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> cache.value(NAME)));
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<String> result : results) {
                assertEquals("v", result.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, reads.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fixedSecretsNameTheMissingOne() {
        Secrets fixed = Secrets.of(Map.of("a", "1"));
        assertEquals("1", fixed.value("a"));
        assertEquals("b", assertThrows(SecretNotFoundException.class, () -> fixed.value("b")).secretName());
    }
}
