package vn.smartprovince.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import vn.smartprovince.local.LocalParameters;
import vn.smartprovince.local.LocalSecrets;
import vn.smartprovince.zalostub.ZaloStub;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * One Zalo stub per test JVM, on a free port, configured as the local stack is (the app id of
 * {@code infra/local-stack.properties}, the secrets of {@code infra/local-secrets.json}); started
 * on first use, stopped when the JVM exits; reset whenever an extension prepares a test class.
 */
final class SharedZaloStub {
    private static ZaloStub stub;

    private SharedZaloStub() {
    }

    static synchronized ZaloStub get() {
        if (stub == null) {
            var root = RepoRoot.get();
            var config = LocalSecrets.load(root).stubConfig(LocalParameters.of(root), root);
            try {
                stub = ZaloStub.start(config, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Zalo stub", e);
            }
            ZaloStub started = stub;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "zalo-stub-stop"));
        }
        return stub;
    }

    /** The control API, after a reset. */
    static synchronized ZaloStubClient reset() {
        ZaloStubClient client = get().client();
        client.reset();
        return client;
    }

    /** Resets the stub if it runs (a test class that never used it leaves nothing to clear). */
    static synchronized void resetIfStarted() {
        if (stub != null) {
            stub.client().reset();
        }
    }

    /** The functions' environment variables pointing each Zalo base URL at the stub. */
    static Map<String, String> baseUrlEnvironment() {
        String url = "http://localhost:" + get().port();
        return Map.of("ZALO_GRAPH_BASE_URL", url, "ZALO_OPENAPI_BASE_URL", url, "ZALO_BUSINESS_BASE_URL", url,
                "ZALO_OAUTH_BASE_URL", url);
    }
}
