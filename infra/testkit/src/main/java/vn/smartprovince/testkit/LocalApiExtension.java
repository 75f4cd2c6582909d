package vn.smartprovince.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.smartprovince.local.events.EventSourcePollers;
import vn.smartprovince.local.http.LocalHttpServer;
import vn.smartprovince.local.lambda.LocalFunctions;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.shared.log.JsonLog;

/**
 * End-to-end tests: the template's routes served by the local runtime over real HTTP, with the
 * functions' deployment packages (run as a failsafe {@code *IT} test, after {@code package} has
 * built them) and the template's SQS and stream event sources running, against the emulator of
 * an {@link AwsEmulatorExtension}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static LocalApiExtension api = new LocalApiExtension();
 *
 * @Test void health() throws Exception {
 *     assertEquals(200, api.get("/v1/health").statusCode());
 * }
 * }</pre>
 *
 * <p>Everything printed while it runs (the functions' logs: their {@code JsonLog} and Lambda
 * logger write to standard output and error; the runtime's own access and invocation lines) is
 * also kept, for tests that assert what a log must never hold: {@link #logLines()}.
 */
public class LocalApiExtension implements BeforeAllCallback, AfterAllCallback {
    private final AwsEmulatorExtension aws;
    private final Map<String, Map<String, String>> environment;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalFunctions functions;
    private EventSourcePollers pollers;
    private LocalHttpServer server;
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    /** The repository's template.yaml on the selected emulator. */
    public LocalApiExtension() {
        this(new AwsEmulatorExtension());
    }

    public LocalApiExtension(AwsEmulatorExtension aws) {
        this(aws, Map.of());
    }

    /**
     * With environment variables set on some functions (function logical id -> variables), as
     * {@code sam local start-api --env-vars} does: e.g. a shorter timeout for a test with faults.
     */
    public LocalApiExtension(AwsEmulatorExtension aws, Map<String, Map<String, String>> environment) {
        this.aws = aws;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        captureLogs();
        aws.beforeAll(context);
        var stack = aws.stack();
        functions = new LocalFunctions(stack.template(), stack.intrinsics(), aws.endpoint(), stack.stackName(), environment);
        if (!functions.missingCode().isEmpty()) {
            // Only the functions a test calls need their package; say what is missing up front.
            System.err.println("LocalApiExtension: " + String.join("; ", functions.missingCode()));
        }
        pollers = EventSourcePollers.start(FunctionSpec.all(stack.template(), stack.intrinsics()), stack,
                aws.emulator(), functions);
        server = LocalHttpServer.start(stack.template(), stack.intrinsics(), functions, 0);
        if (stack.template().parameters().containsKey(vn.smartprovince.local.LocalSecrets.ONE_STOP_BASE_URL_PARAMETER)) {
            // As start-local: the fake's desk updates go to this server's signed endpoint.
            aws.oneStopFakeServer().pushTo(oneStopUpdatesUrl());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
        if (pollers != null) {
            pollers.close();
        }
        if (functions != null) {
            functions.close();
        }
        if (originalOut != null) {
            JsonLog.redirect(originalOut);
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /**
     * Standard output and error, and the runtime's {@code JsonLog}, copied into {@link #logs}:
     * installed before any function's class loader exists, so each function's own {@code JsonLog}
     * (which takes {@code System.out} when its class loads) writes here too.
     */
    private void captureLogs() {
        originalOut = System.out;
        originalErr = System.err;
        PrintStream out = new PrintStream(new Tee(originalOut, logs), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new Tee(originalErr, logs), true, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(err);
        JsonLog.redirect(out);
    }

    /** Every line printed since the extension started (functions' logs, the runtime's, the test's own). */
    public List<String> logLines() {
        synchronized (logs) {
            return logs.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        }
    }

    /** Writes to the original stream and to the captured bytes. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            original.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            original.write(bytes, offset, length);
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            original.flush();
        }
    }

    public AwsEmulatorExtension aws() {
        return aws;
    }

    public LocalFunctions functions() {
        return functions;
    }

    /** The Zalo stub the served functions call (see {@link AwsEmulatorExtension#zaloStub()}). */
    public vn.smartprovince.zalostub.ZaloStubClient zaloStub() {
        return aws.zaloStub();
    }

    /**
     * The one-stop fake the served functions send dossier events to, and which pushes its desk
     * updates to {@link #oneStopUpdatesUrl()} (see {@link AwsEmulatorExtension#oneStopFake()});
     * {@link OneStopSync#awaitQuiet} waits until the synchronisation has nothing left to do.
     */
    public vn.smartprovince.onestopfake.OneStopFakeClient oneStopFake() {
        return aws.oneStopFake();
    }

    /** {@code POST /v1/one-stop/updates} on this server. */
    public URI oneStopUpdatesUrl() {
        return baseUri().resolve("/v1/one-stop/updates");
    }

    /** e.g. {@code http://127.0.0.1:43121} */
    public URI baseUri() {
        return server.baseUri();
    }

    /**
     * Zalo's OA webhook on this server ({@code POST /v1/zalo/webhook}): where the Zalo stub posts
     * delivery receipts once a test turns them on, as start-local does, e.g.
     * {@code api.zaloStub().autoReceipts(api.zaloWebhookUrl(), Duration.ZERO)} (off again at the next reset).
     */
    public URI zaloWebhookUrl() {
        return baseUri().resolve("/v1/zalo/webhook");
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(baseUri().resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    public HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(pathAndQuery).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    public HttpResponse<String> post(String pathAndQuery, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(pathAndQuery).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
