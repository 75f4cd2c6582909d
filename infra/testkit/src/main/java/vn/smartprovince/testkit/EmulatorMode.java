package vn.smartprovince.testkit;

import java.util.Locale;

/**
 * Where tests get AWS from, chosen by the system property {@code emulator} (Maven passes
 * {@code -Demulator=...}; the parent pom's default is moto) or else the environment variable
 * {@code EMULATOR}.
 */
public enum EmulatorMode {
    /** One {@code moto_server} per test JVM on a free port (default). */
    MOTO,
    /** LocalStack in Docker through Testcontainers; tests are skipped when Docker is absent. */
    LOCALSTACK,
    /** The emulator already running at {@code AWS_ENDPOINT_URL}, used as it is. */
    ENDPOINT;

    public static EmulatorMode selected() {
        String value = System.getProperty("emulator");
        if (value == null || value.isBlank()) {
            value = System.getenv("EMULATOR");
        }
        return parse(value);
    }

    public static EmulatorMode parse(String value) {
        if (value == null || value.isBlank()) {
            return MOTO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("emulator=" + value + " is not one of moto, localstack, endpoint");
        }
    }
}
