package vn.smartprovince.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.smartprovince.local.LocalParameters;
import vn.smartprovince.local.emulator.BootstrappedStack;
import vn.smartprovince.local.emulator.Emulator;
import vn.smartprovince.local.events.SqsEventSourcePoller;
import vn.smartprovince.local.lambda.LocalFunctions;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * How long an urgent alert to many citizens takes through the pipeline (docs/alerts.md), measured
 * on a smaller N and extrapolated to 100,000. The same harness as {@link DispatcherBenchmark}: the
 * functions' deployment zips in the local runtime, moto, the Zalo stub answering every ZNS send
 * after a fixed latency. N citizens (ZNS preference, a phone the stub knows) subscribed to the
 * province-wide partition; {@code POST /v1/alerts} through SendAlertFunction; then
 * <ol>
 *   <li>the fan-out alone: AlertFanOutFunction (one instance, the template's page size) until the
 *       alert is SENT: N jobs on NotificationQueue; jobs queued per second;</li>
 *   <li>the dispatch: NotificationDispatcherFunction, one instance, until the stub holds N messages;
 *       messages per instance per second.</li>
 * </ol>
 * Then the extrapolation with the template's MaximumConcurrency and Zalo's daily quota. A harness,
 * not a test: it asserts nothing about time. {@code infra/bin/benchmark-alert --help}.
 */
public final class AlertBenchmark {
    static final String USAGE = """
            usage: infra/bin/benchmark-alert [options]
              --citizens N        subscribers of the measured alert (default 2000)
              --latency-ms N      latency of every ZNS send at the Zalo stub (default 75)
              --target N          recipients to extrapolate to (default 100000)
              --daily-quota N     the OA's ZBS daily quota (default 20000, a new OA's in 2026)
            moto is started on a free port and stopped at the end, unless AWS_ENDPOINT_URL points at a
            running emulator. The functions' logs go to infra/benchmark/target/alert-benchmark.log.""";
    static final String STACK = "smartprovince-alertbench";
    static final String DISPATCHER = "NotificationDispatcherFunction";
    static final String FAN_OUT = "AlertFanOutFunction";
    static final String SEND = "AlertSendFunction";

    record Options(int citizens, int latencyMs, int target, int dailyQuota) {
        static Options parse(String[] args) {
            int citizens = 2000;
            int latency = 75;
            int target = 100_000;
            int quota = 20_000;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--citizens" -> citizens = Integer.parseInt(args[++i]);
                    case "--latency-ms" -> latency = Integer.parseInt(args[++i]);
                    case "--target" -> target = Integer.parseInt(args[++i]);
                    case "--daily-quota" -> quota = Integer.parseInt(args[++i]);
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                }
            }
            if (citizens < 1 || latency < 0 || target < 1 || quota < 1) {
                throw new IllegalArgumentException("values must be positive\n" + USAGE);
            }
            return new Options(citizens, latency, target, quota);
        }
    }

    private final Options options;
    private final Path repoRoot;

    AlertBenchmark(Options options, Path repoRoot) {
        this.options = options;
        this.repoRoot = repoRoot;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path root = LocalParameters.repoRoot(Path.of(System.getProperty("benchmark.repoRoot", "")).toAbsolutePath());
        new AlertBenchmark(options, root).run();
        System.exit(0);
    }

    void run() throws Exception {
        Template template = Template.load(repoRoot.resolve("template.yaml"));
        PrintStream console = System.out;
        Path logFile = repoRoot.resolve("infra/benchmark/target/alert-benchmark.log");
        Files.createDirectories(logFile.getParent());
        List<String> report = new ArrayList<>();
        try (PrintStream log = new PrintStream(new FileOutputStream(logFile.toFile()), true, StandardCharsets.UTF_8);
             BenchmarkStack local = BenchmarkStack.start(repoRoot, template, STACK, Emulator.DEFAULT_REGION)) {
            Emulator emulator = local.emulator();
            BootstrappedStack stack = local.stack();
            String table = local.table();
            ZaloStubClient zalo = local.zalo();
            DynamoDbClient dynamo = local.dynamo();
            SqsClient sqs = local.sqs();
            List<String> citizens = new DispatcherBenchmark(new DispatcherBenchmark.Options(0, 0, 0,
                    options.citizens(), false, Emulator.DEFAULT_REGION), repoRoot).recipients(zalo, dynamo, table);
            subscribe(dynamo, table, citizens);
            List<FunctionSpec> specs = FunctionSpec.all(template, stack.intrinsics());
            FunctionSpec.SqsEventSource fanOutSource = source(specs, FAN_OUT);
            FunctionSpec.SqsEventSource dispatchSource = source(specs, DISPATCHER);
            String pageSize = String.valueOf(spec(specs, FAN_OUT).environment().getOrDefault("ALERT_FANOUT_PAGE_SIZE", "?"));
            String dispatchConcurrency = String.valueOf(spec(specs, DISPATCHER).environment().getOrDefault("DISPATCH_CONCURRENCY", "10"));
            System.setOut(log);
            vn.smartprovince.shared.log.JsonLog.redirect(log);
            double fanOutSeconds;
            double dispatchSeconds;
            try (LocalFunctions functions = new LocalFunctions(template, stack.intrinsics(), emulator.endpoint(),
                    STACK, Map.of())) {
                for (String id : List.of(SEND, FAN_OUT, DISPATCHER)) {
                    if (functions.function(id).map(f -> !f.code().exists()).orElse(true)) {
                        throw new IllegalStateException(id + ": its zip is missing; run mvn package first");
                    }
                }
                DispatcherBenchmark.zaloLatency(zalo, options.latencyMs());
                String alertId = send(functions);
                long started = System.nanoTime();
                try (SqsEventSourcePoller poller = poller(fanOutSource, stack, sqs, functions)) {
                    waitFor(() -> "SENT".equals(status(dynamo, table, alertId)), "the fan-out");
                }
                fanOutSeconds = (System.nanoTime() - started) / 1e9;
                int before = zalo.inbox().size();
                started = System.nanoTime();
                try (SqsEventSourcePoller poller = poller(dispatchSource, stack, sqs, functions)) {
                    waitFor(() -> zalo.inbox().size() - before >= citizens.size(), "the dispatch");
                }
                dispatchSeconds = (System.nanoTime() - started) / 1e9;
            } finally {
                System.setOut(console);
                vn.smartprovince.shared.log.JsonLog.redirect(console);
            }
            int n = citizens.size();
            double fanOutRate = n / fanOutSeconds;
            double dispatchRate = n / dispatchSeconds;
            int instances = dispatchSource.maximumConcurrency() > 0 ? dispatchSource.maximumConcurrency() : 1;
            int target = options.target();
            double awsInstanceRate = Double.parseDouble(dispatchConcurrency)
                    / Math.max(0.001, options.latencyMs() / 1000.0);
            report.add(String.format(Locale.ROOT, "setup: %d citizens, province-wide; fan-out page %s, one instance;"
                    + " dispatcher one instance (BatchSize %d, DISPATCH_CONCURRENCY %s); Zalo latency %d ms",
                    n, pageSize, dispatchSource.batchSize(), dispatchConcurrency, options.latencyMs()));
            report.add(String.format(Locale.ROOT, "fan-out:  %6d jobs queued in %6.1f s = %7.1f jobs/s",
                    n, fanOutSeconds, fanOutRate));
            report.add(String.format(Locale.ROOT, "dispatch: %6d messages in   %6.1f s = %7.1f messages/s per instance",
                    n, dispatchSeconds, dispatchRate));
            double fanOut100k = target / fanOutRate;
            double dispatch100k = target / (dispatchRate * instances);
            report.add(String.format(Locale.ROOT, "extrapolated to %d recipients on the emulator's figures:"
                    + " fan-out %.0f s (one chain of pages), dispatch %.0f s (%d instances, MaximumConcurrency);"
                    + " the two overlap: about %.1f min", target, fanOut100k, dispatch100k, instances,
                    Math.max(fanOut100k, dispatch100k) / 60));
            double aws100k = target / (awsInstanceRate * instances);
            report.add(String.format(Locale.ROOT, "on AWS an instance is bound by Zalo's latency:"
                    + " DISPATCH_CONCURRENCY / latency = %.0f messages/s, x %d = %.0f/s: %.1f min for %d",
                    awsInstanceRate, instances, awsInstanceRate * instances, aws100k / 60, target));
            report.add(String.format(Locale.ROOT, "Zalo's daily quota %d: %s", options.dailyQuota(),
                    target <= options.dailyQuota() ? "enough"
                            : String.format(Locale.ROOT, "%d recipients need %d days at this quota; the"
                            + " rest fail ZALO quota and are retried (raise the OA's level first)", target,
                            (target + options.dailyQuota() - 1) / options.dailyQuota())));
            report.add("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).strip());
            report.add("function logs: " + logFile);
        }
        report.forEach(System.out::println);
    }

    static FunctionSpec spec(List<FunctionSpec> specs, String id) {
        return specs.stream().filter(f -> f.logicalId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException(id + " is not in the template"));
    }

    /** The template's event source, with one instance (concurrency 1). */
    static FunctionSpec.SqsEventSource source(List<FunctionSpec> specs, String id) {
        return spec(specs, id).sqsSources().get(0);
    }

    static SqsEventSourcePoller poller(FunctionSpec.SqsEventSource source, BootstrappedStack stack, SqsClient sqs,
                                       LocalFunctions functions) {
        FunctionSpec.SqsEventSource one = new FunctionSpec.SqsEventSource(source.eventName(), source.queueId(),
                source.batchSize(), source.batchingWindowSeconds(), source.reportBatchItemFailures(), 1, true,
                source.functionId());
        return new SqsEventSourcePoller(one, stack.queueUrl(source.queueId()), stack.queueArn(source.queueId()),
                stack.region(), sqs, functions, 1, 30_000).start();
    }

    /** Every citizen in the province-wide partition (what PUT /v1/me/alert-areas writes for them). */
    static void subscribe(DynamoDbClient dynamo, String table, List<String> citizens) {
        for (int from = 0; from < citizens.size(); from += 25) {
            List<WriteRequest> writes = new ArrayList<>();
            for (String id : citizens.subList(from, Math.min(citizens.size(), from + 25))) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                        "pk", AttributeValue.fromS("ALERT_SUB#PROVINCE"), "sk", AttributeValue.fromS(id),
                        "itemType", AttributeValue.fromS("ALERT_SUBSCRIPTION"),
                        "areas", AttributeValue.fromL(List.of(AttributeValue.fromS("DEMO-P01"))))).build()).build());
            }
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
        }
    }

    /** POST /v1/alerts through SendAlertFunction (events/alerts-send.json, province-wide); the alert's id. */
    String send(LocalFunctions functions) throws Exception {
        ObjectNode event = (ObjectNode) Json.read(Files.readString(repoRoot.resolve("events/alerts-send.json")));
        ObjectNode body = (ObjectNode) Json.read(event.path("body").asText());
        body.putArray("areaCodes");
        body.put("validUntil", Instant.now().plus(Duration.ofDays(1)).toString());
        event.put("body", Json.write(body));
        ((ObjectNode) event.path("headers")).put("idempotency-key", "bench-" + System.nanoTime());
        JsonNode answer = Json.read(new String(functions.invoke(SEND, Json.write(event).getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
        if (answer.path("statusCode").asInt() != 202) {
            throw new IllegalStateException("POST /v1/alerts answered " + answer);
        }
        return Json.read(answer.path("body").asText()).path("id").asText();
    }

    static String status(DynamoDbClient dynamo, String table, String alertId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("ALERT#" + alertId), "sk", AttributeValue.fromS("ALERT")))).item();
        return item.containsKey("status") ? item.get("status").s() : null;
    }

    static void waitFor(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not finish in 30 minutes; see the function logs");
            }
            Thread.sleep(100);
        }
    }

    static {
        Json.object();
    }
}
