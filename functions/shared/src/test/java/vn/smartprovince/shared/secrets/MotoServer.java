package vn.smartprovince.shared.secrets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A {@code moto_server} on a free loopback port for this test class (shared cannot use the
 * test kit, which depends on it). {@code MOTO_SERVER} names another executable.
 */
final class MotoServer implements AutoCloseable {
    private final Process process;
    private final Path log;
    final URI endpoint;

    MotoServer() throws IOException, InterruptedException {
        String executable = Objects.requireNonNullElse(System.getenv("MOTO_SERVER"), "moto_server");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        log = Files.createTempFile("moto-shared-", ".log");
        ProcessBuilder builder = new ProcessBuilder(executable, "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(executable + " is not installed: pip install \"moto[server]\"", e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited: " + Files.readString(log));
            }
            try {
                http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("moto_server did not answer within 60 s: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
