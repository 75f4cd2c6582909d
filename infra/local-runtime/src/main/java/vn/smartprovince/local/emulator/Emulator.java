package vn.smartprovince.local.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import vn.smartprovince.shared.log.JsonLog;

/**
 * The AWS endpoint the local runtime and the tests talk to: an emulator that is already running
 * (its URL given, e.g. by {@code AWS_ENDPOINT_URL}), or a {@code moto_server} this class starts and,
 * on {@link #close()}, stops again (the whole process tree, also from a shutdown hook). An endpoint
 * that was given is never stopped.
 *
 * <p>Credentials are the dummy {@code test}/{@code test}, the region {@code ap-southeast-1} unless
 * told otherwise. A moto this class starts runs with {@code MOTO_ACCOUNT_ID=000000000000} (as
 * LocalStack); {@link #accountId()} still asks the emulator (STS GetCallerIdentity) rather than
 * assume, since an emulator that was already running may carry another account in its ARNs.
 */
public final class Emulator implements AutoCloseable {
    public static final String DEFAULT_REGION = "ap-southeast-1";
    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final int DEFAULT_PORT = 4566;
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";

    /** What answers at the endpoint; decides how {@link #reset()} clears state. */
    public enum Kind { MOTO, LOCALSTACK, OTHER }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final URI endpoint;
    private final Region region;
    private final Kind kind;
    private final Process process;
    private final Path processLog;
    private final Thread shutdownHook;
    private final AwsCredentialsProvider credentials = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    private final List<CreatedResource> created = new ArrayList<>();
    private volatile String accountId;
    private volatile boolean closed;

    /** A resource a {@link StackBootstrap} made (or found) here; {@link #reset()} deletes them on non-moto emulators. */
    record CreatedResource(String type, String name) {
    }

    private Emulator(URI endpoint, Region region, Kind kind, Process process, Path processLog) {
        this.endpoint = endpoint;
        this.region = region;
        this.kind = kind;
        this.process = process;
        this.processLog = processLog;
        if (process != null) {
            this.shutdownHook = new Thread(this::stopProcess, "moto-server-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            this.shutdownHook = null;
        }
    }

    // ---------------------------------------------------------------- factories

    /**
     * The launcher's choice: the given endpoint if it answers (never stopped by us); else, with no
     * endpoint given, a moto or LocalStack already answering on {@code port} of this machine (kept
     * running too); otherwise a moto started on {@code port} (the given endpoint's port when it
     * names this machine).
     *
     * @param endpointUrl e.g. {@code System.getenv("AWS_ENDPOINT_URL")}; null or blank = none given
     * @param port        port for a moto we start (4566 for the dev launcher, 0 = any free port)
     */
    public static Emulator connectOrStart(String endpointUrl, int port, String region) {
        if (endpointUrl != null && !endpointUrl.isBlank()) {
            URI uri = URI.create(endpointUrl.trim());
            if (answers(uri)) {
                return connect(uri, region);
            }
            int ownPort = port;
            if (isLoopback(uri) && uri.getPort() > 0) {
                ownPort = uri.getPort();
            }
            JsonLog.warn("emulator endpoint does not answer, starting moto_server",
                    Map.of("endpoint", uri.toString(), "port", ownPort));
            return startMoto(ownPort, region);
        }
        if (port > 0) {
            // An emulator left running on the port (a launcher killed without its shutdown hook, or
            // one started by hand) is used as it is rather than failing on a taken port.
            URI local = URI.create("http://127.0.0.1:" + port);
            if (answers(local) && detect(local) != Kind.OTHER) {
                return connect(local, region);
            }
        }
        return startMoto(port, region);
    }

    /** An emulator that is already running at {@code endpoint}; {@link #close()} leaves it running. */
    public static Emulator connect(URI endpoint, String region) {
        if (!answers(endpoint)) {
            throw new EmulatorException("no AWS emulator answers at " + endpoint);
        }
        Emulator emulator = new Emulator(endpoint, Region.of(region), detect(endpoint), null, null);
        JsonLog.info("emulator connected", Map.of("endpoint", endpoint.toString(), "kind", emulator.kind.name()));
        return emulator;
    }

    /**
     * Starts {@code moto_server -H 127.0.0.1 -p port} and waits (bounded) until it answers.
     *
     * @param port 0 picks a free port
     */
    public static Emulator startMoto(int port, String region) {
        String executable = System.getenv("MOTO_SERVER");
        if (executable != null && !executable.isBlank()) {
            return startMoto(port, region, List.of(executable));
        }
        // moto's own server, with DynamoDB requests serialised (see moto_server_serial.py): without
        // it concurrent transactions on moto can both commit or undo each other.
        String python = Objects.requireNonNullElse(System.getenv("MOTO_PYTHON"), "python3");
        try {
            return startMoto(port, region, List.of(python, serialLauncher().toString()));
        } catch (EmulatorException e) {
            if (!e.getMessage().contains("No module named") && !e.getMessage().contains("is not installed")) {
                throw e;
            }
            JsonLog.warn("python3 cannot import moto; starting moto_server without serialised DynamoDB",
                    Map.of("python", python));
            return startMoto(port, region, List.of("moto_server"));
        }
    }

    private static Path serialLauncher() {
        try (var in = Emulator.class.getResourceAsStream("moto_server_serial.py")) {
            Path file = Files.createTempFile("moto-server-serial-", ".py");
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Emulator startMoto(int port, String region, String executable) {
        return startMoto(port, region, List.of(executable));
    }

    static Emulator startMoto(int port, String region, List<String> command) {
        String executable = String.join(" ", command);
        EmulatorException last = null;
        // A free port found here may be taken before moto binds it; retry a few times then.
        for (int attempt = 0; attempt < (port == 0 ? 3 : 1); attempt++) {
            int chosen = port == 0 ? freePort() : port;
            try {
                return launchMoto(chosen, Region.of(region), command);
            } catch (PortInUse e) {
                last = e;
            }
        }
        throw last;
    }

    private static final class PortInUse extends EmulatorException {
        PortInUse(String message) {
            super(message);
        }
    }

    private static Emulator launchMoto(int port, Region region, List<String> command) {
        String executable = String.join(" ", command);
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        if (answers(endpoint)) {
            throw new PortInUse("port " + port + " is already in use by another server (" + endpoint
                    + "); pass its URL as AWS_ENDPOINT_URL to use it, or choose another port");
        }
        Path log;
        try {
            log = Files.createTempFile("moto-server-" + port + "-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> arguments = new java.util.ArrayList<>(command);
        arguments.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(arguments)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putIfAbsent("MOTO_ACCOUNT_ID", DEFAULT_ACCOUNT);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new EmulatorException(notInstalled(executable) + " (" + e.getMessage() + ")");
        }
        Emulator emulator = new Emulator(endpoint, region, Kind.MOTO, process, log);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (true) {
                if (!process.isAlive()) {
                    String output = tail(log);
                    emulator.close();
                    if (process.exitValue() == 127 || output.contains("command not found")
                            || output.contains("No module named")) {
                        throw new EmulatorException(notInstalled(executable) + ": " + output.strip());
                    }
                    if (output.contains("Address already in use")) {
                        throw new PortInUse("moto_server could not bind port " + port + ": address already in use");
                    }
                    throw new EmulatorException("moto_server exited with code " + process.exitValue()
                            + " before answering on port " + port + ":\n" + output);
                }
                if (answers(endpoint)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    emulator.close();
                    throw new EmulatorException("moto_server did not answer on " + endpoint + " within "
                            + START_TIMEOUT.toSeconds() + " s; its output:\n" + tail(log));
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emulator.close();
            throw new EmulatorException("interrupted while waiting for moto_server");
        }
        JsonLog.info("emulator started", Map.of("endpoint", endpoint.toString(), "kind", "MOTO",
                "pid", process.pid(), "log", log.toString()));
        return emulator;
    }

    private static String notInstalled(String executable) {
        return executable + " is not installed or not on PATH; install it with: pip install \"moto[server]\""
                + " (or set AWS_ENDPOINT_URL to a running emulator, or MOTO_SERVER to the executable)";
    }

    // ---------------------------------------------------------------- properties

    public URI endpoint() {
        return endpoint;
    }

    public Region region() {
        return region;
    }

    public Kind kind() {
        return kind;
    }

    /** True when this object started the emulator process (and so stops it on close). */
    public boolean owned() {
        return process != null;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /**
     * The account the emulator's ARNs carry, asked once through STS GetCallerIdentity (moto answers
     * with its MOTO_ACCOUNT_ID, or 123456789012 by default; LocalStack with 000000000000).
     */
    public String accountId() {
        String account = accountId;
        if (account == null) {
            try (StsClient sts = configure(StsClient.builder()).build()) {
                account = sts.getCallerIdentity().account();
            } catch (RuntimeException e) {
                JsonLog.warn("emulator did not tell its account id, assuming " + DEFAULT_ACCOUNT,
                        Map.of("endpoint", endpoint.toString(), "errorType", e.getClass().getName()));
                account = DEFAULT_ACCOUNT;
            }
            accountId = account;
        }
        return account;
    }

    /**
     * The variables a function needs to reach this emulator with {@code AwsClients}: endpoint,
     * region and the dummy credentials.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL", endpoint.toString());
        env.put("AWS_REGION", region.id());
        env.put("AWS_DEFAULT_REGION", region.id());
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        return env;
    }

    // ---------------------------------------------------------------- clients

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).build();
    }

    public DynamoDbStreamsClient dynamoDbStreams() {
        return configure(DynamoDbStreamsClient.builder()).build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder()).build();
    }

    /** Path-style access: bucket names in the path, as emulators on localhost need. */
    public S3Client s3() {
        return configure(S3Client.builder()).forcePathStyle(true).build();
    }

    /** Secrets Manager (moto and LocalStack emulate it): the local secrets are seeded here. */
    public SecretsManagerClient secretsManager() {
        return configure(SecretsManagerClient.builder()).build();
    }

    /** Endpoint, region, credentials and the URL-connection HTTP client on any SDK client builder. */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.endpointOverride(endpoint).region(region).credentialsProvider(credentials);
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(httpClient());
        }
        return builder;
    }

    static SdkHttpClient httpClient() {
        // Socket timeout above SQS's longest long poll (20 s).
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    // ---------------------------------------------------------------- state

    synchronized void track(String type, String name) {
        CreatedResource resource = new CreatedResource(type, name);
        if (!created.contains(resource)) {
            created.add(resource);
        }
    }

    /**
     * Clears the emulator's state: {@code POST /moto-api/reset} on moto; elsewhere (LocalStack, any
     * other endpoint) deletes the tables, queues and buckets (with their objects) that a
     * {@link StackBootstrap} made or found through this object.
     */
    public void reset() {
        if (kind == Kind.MOTO) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw new EmulatorException("moto reset answered " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                throw new EmulatorException("moto reset failed at " + endpoint + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmulatorException("interrupted during moto reset");
            }
            synchronized (this) {
                created.clear();
            }
            return;
        }
        List<CreatedResource> toDelete;
        synchronized (this) {
            toDelete = new ArrayList<>(created);
            created.clear();
        }
        if (!toDelete.isEmpty()) {
            ResourceCleaner.delete(this, toDelete);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (process != null) {
            stopProcess();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs (or ran) anyway
            }
            JsonLog.info("emulator stopped", Map.of("endpoint", endpoint.toString(), "pid", process.pid()));
        }
    }

    /** Stops the process this object started and all its descendants (a pyenv shim execs python, etc.). */
    private void stopProcess() {
        if (process == null || !process.isAlive() && process.descendants().findAny().isEmpty()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (ProcessHandle handle : tree) {
            long remaining = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
            } catch (Exception timeoutOrInterrupted) {
                handle.destroyForcibly();
            }
        }
        if (processLog != null) {
            try {
                Files.deleteIfExists(processLog);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** Any HTTP answer at all counts: the emulator is up. */
    static boolean answers(URI endpoint) {
        try {
            HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/")).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** LocalStack answers {@code /_localstack/health}, moto {@code /moto-api/config}. */
    static Kind detect(URI endpoint) {
        if (status(endpoint.resolve("/_localstack/health")) / 100 == 2) {
            return Kind.LOCALSTACK;
        }
        // moto answers 201 here.
        if (status(endpoint.resolve("/moto-api/config")) / 100 == 2) {
            return Kind.MOTO;
        }
        return Kind.OTHER;
    }

    private static int status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        if (log == null) {
            return "";
        }
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return "Emulator[" + kind + " at " + endpoint + (owned() ? ", started here" : "") + "]";
    }
}
