package vn.smartprovince.local.emulator;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The emulator of local-runtime's own tests (this module cannot use the test kit, which depends on
 * it): one moto per test JVM on a free port, started on first use, stopped at JVM exit by the
 * emulator's shutdown hook. {@code AWS_ENDPOINT_URL} (or {@code -Daws.endpoint=}) makes the tests
 * use an emulator that is already running instead.
 */
public final class TestEmulator {
    private static Emulator emulator;

    private TestEmulator() {
    }

    public static synchronized Emulator get() {
        if (emulator == null) {
            String endpoint = System.getProperty("aws.endpoint", System.getenv("AWS_ENDPOINT_URL"));
            emulator = endpoint == null || endpoint.isBlank()
                    ? Emulator.startMoto(0, Emulator.DEFAULT_REGION)
                    : Emulator.connectOrStart(endpoint, 0, Emulator.DEFAULT_REGION);
        }
        return emulator;
    }

    /** A clean emulator: state of earlier test classes removed. */
    public static Emulator fresh() {
        Emulator e = get();
        e.reset();
        return e;
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes; false on timeout. */
    public static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
