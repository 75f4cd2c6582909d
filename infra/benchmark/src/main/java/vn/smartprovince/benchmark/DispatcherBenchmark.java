package vn.smartprovince.benchmark;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import vn.smartprovince.local.LocalParameters;
import vn.smartprovince.local.emulator.BootstrappedStack;
import vn.smartprovince.local.emulator.Emulator;
import vn.smartprovince.local.events.SqsEventSourcePoller;
import vn.smartprovince.local.lambda.LocalFunctions;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.shared.auth.UserItems;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.zalostub.Endpoint;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * Throughput of ONE notification dispatcher instance: NotificationDispatcherFunction's deployment
 * zip run by the local runtime (its own class loader, the template's environment), fed by the local
 * SQS event source with the template's BatchSize and batching window but a concurrency of one, against
 * moto and the Zalo stub answering every ZNS send after a fixed latency (50 ms by default).
 *
 * <p>Jobs go to the queue as they are consumed (a backlog of a few batches), as the outbox relay
 * feeds the real queue; moto's SQS slows down with the number of messages a queue holds, which would
 * otherwise be measured instead of the dispatcher. The figure is messages accepted by the stub per
 * second, from the first job of the measured run to the last message in the stub's inbox, after a
 * warm-up (cold start, the OA token refresh, the province configuration). A second run without Zalo
 * latency shows what the emulator itself allows on this machine, so the first can be read against it.
 *
 * <p>A harness, not a test: it asserts nothing about time. Run {@code infra/bin/benchmark-dispatcher --help}.
 */
public final class DispatcherBenchmark {
    static final String USAGE = """
            usage: infra/bin/benchmark-dispatcher [options]
              --jobs N            jobs of the measured run (default 1000)
              --latency-ms N      latency of every ZNS send at the Zalo stub (default 50)
              --warmup N          jobs sent first, not measured (default 40)
              --recipients N      citizens the jobs go to (default 100)
              --no-baseline       skip the second run without Zalo latency
              --region REGION     region of the local stack (default ap-southeast-1)
            moto is started on a free port and stopped at the end, unless AWS_ENDPOINT_URL points at a
            running emulator. The functions' logs go to infra/benchmark/target/dispatcher-benchmark.log.""";
    static final String STACK = "smartprovince-benchmark";
    static final String FUNCTION = "NotificationDispatcherFunction";

    record Options(int jobs, int latencyMs, int warmup, int recipients, boolean baseline, String region) {
        static Options parse(String[] args) {
            int jobs = 1000;
            int latency = 50;
            int warmup = 40;
            int recipients = 100;
            boolean baseline = true;
            String region = System.getenv().getOrDefault("AWS_REGION", Emulator.DEFAULT_REGION);
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--jobs" -> jobs = number(args, ++i, 1);
                    case "--latency-ms" -> latency = number(args, ++i, 0);
                    case "--warmup" -> warmup = number(args, ++i, 0);
                    case "--recipients" -> recipients = number(args, ++i, 1);
                    case "--no-baseline" -> baseline = false;
                    case "--region" -> region = args[++i];
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                }
            }
            return new Options(jobs, latency, warmup, recipients, baseline, region);
        }

        private static int number(String[] args, int i, int minimum) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            int value = Integer.parseInt(args[i]);
            if (value < minimum) {
                throw new IllegalArgumentException(args[i - 1] + " must be at least " + minimum);
            }
            return value;
        }
    }

    /** One measured run. */
    record Run(String name, int jobs, int latencyMs, double seconds) {
        double perSecond() {
            return jobs / seconds;
        }
    }

    private final Options options;
    private final Path repoRoot;
    private int sequence;

    DispatcherBenchmark(Options options, Path repoRoot) {
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
        new DispatcherBenchmark(options, root).run();
        System.exit(0);
    }

    void run() throws Exception {
        Template template = Template.load(repoRoot.resolve("template.yaml"));
        PrintStream console = System.out;
        Path logFile = repoRoot.resolve("infra/benchmark/target/dispatcher-benchmark.log");
        Files.createDirectories(logFile.getParent());
        List<Run> runs = new ArrayList<>();
        String load;
        String setup;
        try (PrintStream log = new PrintStream(new FileOutputStream(logFile.toFile()), true, StandardCharsets.UTF_8);
             BenchmarkStack local = BenchmarkStack.start(repoRoot, template, STACK, options.region())) {
            Emulator emulator = local.emulator();
            BootstrappedStack stack = local.stack();
            String table = local.table();
            ZaloStubClient zalo = local.zalo();
            DynamoDbClient dynamo = local.dynamo();
            SqsClient sqs = local.sqs();
            List<String> recipients = recipients(zalo, dynamo, table);
            FunctionSpec spec = FunctionSpec.all(template, stack.intrinsics()).stream()
                    .filter(f -> f.logicalId().equals(FUNCTION)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(FUNCTION + " is not in the template"));
            FunctionSpec.SqsEventSource source = spec.sqsSources().get(0);
            setup = String.format(Locale.ROOT, "%s, one instance: BatchSize %d, batching window %d s,"
                            + " DISPATCH_CONCURRENCY %s, %d recipients", FUNCTION, source.batchSize(),
                    source.batchingWindowSeconds(), spec.environment().getOrDefault("DISPATCH_CONCURRENCY", "8"),
                    recipients.size());
            // One instance: the template's batch size and window, concurrency 1.
            FunctionSpec.SqsEventSource one = new FunctionSpec.SqsEventSource(source.eventName(),
                    source.queueId(), source.batchSize(), source.batchingWindowSeconds(),
                    source.reportBatchItemFailures(), 1, true, source.functionId());
            System.setOut(log);
            vn.smartprovince.shared.log.JsonLog.redirect(log);
            try (LocalFunctions functions = new LocalFunctions(template, stack.intrinsics(), emulator.endpoint(),
                    STACK, Map.of())) {
                if (functions.function(FUNCTION).map(f -> !f.code().exists()).orElse(true)) {
                    throw new IllegalStateException(FUNCTION + ": its zip is missing; run mvn package first");
                }
                String queueUrl = stack.queueUrl(source.queueId());
                try (SqsEventSourcePoller poller = new SqsEventSourcePoller(one, queueUrl,
                        stack.queueArn(source.queueId()), stack.region(), sqs, functions, 1, 30_000).start()) {
                    int backlog = 3 * Math.max(10, source.batchSize());
                    zaloLatency(zalo, options.latencyMs());
                    if (options.warmup() > 0) {
                        measure("warm-up", options.warmup(), options.latencyMs(), recipients, zalo, sqs, queueUrl,
                                backlog);
                    }
                    runs.add(measure("measured", options.jobs(), options.latencyMs(), recipients, zalo, sqs,
                            queueUrl, backlog));
                    if (options.baseline()) {
                        zaloLatency(zalo, 0);
                        runs.add(measure("no Zalo latency", options.jobs(), 0, recipients, zalo, sqs, queueUrl,
                                backlog));
                    }
                }
            } finally {
                System.setOut(console);
                vn.smartprovince.shared.log.JsonLog.redirect(console);
            }
            load = Files.readString(Path.of("/proc/loadavg")).strip();
        }
        System.out.println(setup);
        for (Run run : runs) {
            System.out.printf(Locale.ROOT, "%-16s %5d jobs, Zalo latency %3d ms: %6.1f s, %6.1f messages/s%n", run.name(),
                    run.jobs(), run.latencyMs(), run.seconds(), run.perSecond());
        }
        System.out.println("load average at the end (1, 5, 15 min, then runnable/threads): " + load);
        System.out.println("function logs: " + logFile);
    }

    /** Citizens with a phone the stub knows and a ZNS preference (the dispatcher reads them per batch). */
    List<String> recipients(ZaloStubClient zalo, DynamoDbClient dynamo, String table) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < options.recipients(); i++) {
            String id = String.format("95000000000000%05d", i);
            String phone = String.format("8496%07d", i);
            zalo.createUser(ZaloStubClient.NewUser.named("Công dân " + i).phone(phone));
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("pk", AttributeValue.fromS(UserItems.userKey(id)));
            item.put("sk", AttributeValue.fromS(UserItems.PROFILE));
            item.put("itemType", AttributeValue.fromS(UserItems.ITEM_TYPE));
            item.put(UserItems.ZALO_ID, AttributeValue.fromS(id));
            item.put(UserItems.PHONE, AttributeValue.fromS(phone));
            item.put(UserItems.NOTIFICATION_PREFERENCE, AttributeValue.fromS("ZNS"));
            item.put(UserItems.VERSION, AttributeValue.fromN("1"));
            dynamo.putItem(b -> b.tableName(table).item(item));
            ids.add(id);
        }
        return ids;
    }

    static void zaloLatency(ZaloStubClient zalo, int latencyMs) {
        zalo.clearFaults();
        if (latencyMs > 0) {
            zalo.fault(ZaloStubClient.Fault.on(Endpoint.ZNS_SEND).latency(Duration.ofMillis(latencyMs)).share(1.0));
        }
    }

    /** Feeds {@code jobs} jobs keeping about {@code backlog} on the queue; seconds until the stub has them all. */
    Run measure(String name, int jobs, int latencyMs, List<String> recipients, ZaloStubClient zalo, SqsClient sqs,
                String queueUrl, int backlog) throws InterruptedException {
        int before = zalo.inbox().size();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            int n = ++sequence;
            Map<String, String> params = new LinkedHashMap<>();
            params.put("report_code", String.format("BENCH-%05d", n));
            params.put("status_name", "Đã trả lời");
            params.put("agency_name", "UBND phường Tân Ninh");
            String recipient = recipients.get(n % recipients.size());
            bodies.add(new NotificationJob(1, "bench-" + n, "REPORT_ANSWERED", recipient, "REPORT_STATUS_CHANGED",
                    params, "BENCH#" + n + "#" + recipient, Instant.now(), "benchmark").toJson());
        }
        long started = System.nanoTime();
        int fed = 0;
        int done = 0;
        long deadline = started + Duration.ofMinutes(15).toNanos();
        while (done < jobs) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": only " + done + " of " + jobs + " sent after 15 minutes; see "
                        + "the function logs");
            }
            if (fed - done < backlog && fed < jobs) {
                int to = Math.min(jobs, fed + 10);
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = fed; i < to; i++) {
                    entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(bodies.get(i)).build());
                }
                sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                fed = to;
                continue;
            }
            Thread.sleep(100);
            done = zalo.inbox().size() - before;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf(Locale.ROOT, "%s: %d jobs in %.1f s%n", name, jobs, seconds);
        return new Run(name, jobs, latencyMs, seconds);
    }

    /** Keeps {@link Json} loaded in the harness before the functions' class loaders (nothing else). */
    static {
        Json.object();
    }
}
