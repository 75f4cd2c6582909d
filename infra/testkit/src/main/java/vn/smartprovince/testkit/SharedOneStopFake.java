package vn.smartprovince.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import vn.smartprovince.local.LocalParameters;
import vn.smartprovince.local.LocalSecrets;
import vn.smartprovince.onestopfake.OneStopFake;

/**
 * One one-stop fake per test JVM, on a free port, with the apiKey and signing secret of
 * {@code infra/local-secrets.json} (those the dossier functions read); started on first use,
 * stopped when the JVM exits; reset (books, faults, held pushes) whenever an extension prepares a
 * test class. A {@link LocalApiExtension} points its desk updates at its own server.
 */
final class SharedOneStopFake {
    private static OneStopFake fake;

    private SharedOneStopFake() {
    }

    static synchronized OneStopFake get() {
        if (fake == null) {
            var root = RepoRoot.get();
            try {
                fake = OneStopFake.start(LocalSecrets.load(root).oneStopConfig(LocalParameters.of(root)), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the one-stop fake", e);
            }
            OneStopFake started = fake;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "one-stop-fake-stop"));
        }
        return fake;
    }

    static synchronized void resetIfStarted() {
        if (fake != null) {
            fake.reset();
        }
    }
}
