package vn.smartprovince.notifications.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.notifications.core.DeliveryItems;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.province.NotificationTemplate;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.shared.secrets.Secrets;
import vn.smartprovince.shared.zalo.ZaloConfig;
import vn.smartprovince.testkit.RepoRoot;
import vn.smartprovince.zalostub.Endpoint;
import vn.smartprovince.zalostub.ZaloStubClient;
import vn.smartprovince.zalostub.ZnsTemplate;

/**
 * The capacity of ONE notification dispatcher instance, with nothing but the dispatcher in the way:
 * the real handler and use case as {@code DispatchWiring} builds them from the template's environment
 * (DispatcherHandler, Dispatcher, the DynamoDB adapters, the OA token manager, ZaloClient over HTTP),
 * with DynamoDB replaced by {@link InMemoryDynamoDb} under the SDK's own client, the queue port by a
 * counting fake, and Zalo by the Zalo stub in a JVM of its own, answering every ZNS send after a fixed
 * latency. Batches of the template's BatchSize are handed to the handler one after another on one
 * thread, as Lambda does with one instance (one invocation at a time, a backlog on the queue).
 *
 * <p>Prints, per run: messages/s; CPU per message (this process's CPU time over the run, less the
 * in-memory table's own work, measured on its calling threads; the stub's JVM is not counted);
 * DynamoDB calls per message by operation and key; and the machine's load while it ran. A harness,
 * not a test (its name does not end in Test, so surefire never runs it; the build compiles it, so it
 * cannot rot). Run {@code infra/bin/benchmark-dispatcher-capacity --help}.
 */
final class DispatcherCapacityBenchmark {
    static final String USAGE = """
            usage: infra/bin/benchmark-dispatcher-capacity [options]
              --jobs N            jobs of each measured run (default 4000)
              --warmup N          jobs sent first, not measured (default 3000)
              --latency-ms N      latency of every ZNS send at the Zalo stub (default 50)
              --concurrency N     DISPATCH_CONCURRENCY (default: the template's)
              --batch N           messages per invocation (default: the template's BatchSize)
              --no-baseline       skip the run without Zalo latency
            Runs: report-status jobs and urgent-alert jobs at --latency-ms, then report-status jobs with
            no latency; 1,000 citizens (an alert's jobs take a new campaign every 1,000). Logs (the
            function's JSON lines, the stub's) go to functions/notifications/target/dispatcher-capacity*.log.""";
    static final String FUNCTION = "NotificationDispatcherFunction";
    static final String TABLE = "benchmark-main";
    static final String APP_SECRET_NAME = "benchmark/zalo-app-secret";
    static final String OA_TOKENS_NAME = "benchmark/zalo-oa-tokens";
    /** The stub's defaults (ZaloStub --help). */
    static final String STUB_APP_ID = "1234567890";
    static final String STUB_APP_SECRET = "local-zalo-app-secret";
    static final String STUB_OA_ACCESS_TOKEN = "local-oa-access-token";
    static final String STUB_OA_REFRESH_TOKEN = "local-oa-refresh-token";
    /** Citizens the jobs go to; an alert reaches each once, so its jobs take a new campaign every this many. */
    static final int RECIPIENTS = 1000;

    record Options(int jobs, int warmup, int latencyMs, Integer concurrency, Integer batch, boolean baseline) {
        static Options parse(String[] args) {
            int jobs = 4000;
            int warmup = 3000;
            int latency = 50;
            Integer concurrency = null;
            Integer batch = null;
            boolean baseline = true;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--jobs" -> jobs = number(args, ++i, 1);
                    case "--warmup" -> warmup = number(args, ++i, 0);
                    case "--latency-ms" -> latency = number(args, ++i, 0);
                    case "--concurrency" -> concurrency = number(args, ++i, 1);
                    case "--batch" -> batch = number(args, ++i, 1);
                    case "--no-baseline" -> baseline = false;
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
                }
            }
            return new Options(jobs, warmup, latency, concurrency, batch, baseline);
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

    enum Kind { REPORT, ALERT }

    /** One measured run. */
    record Run(String name, Kind kind, int latencyMs, int messages, int sent, int retained, double seconds,
               double cpuMsPerMessage, double rawCpuMsPerMessage, long gcMs, double batchP50Ms, double batchMaxMs,
               double machineBusy, String loadBefore, String loadAfter, Map<String, Long> dynamoCalls,
               Map<String, Long> queueCalls) {
        double perSecond() {
            return messages / seconds;
        }
    }

    /** The queue port, counting what the function would ask SQS (ChangeMessageVisibility, SendMessage). */
    static final class CountingQueue implements QueueControl {
        final Map<String, Long> calls = new TreeMap<>();

        @Override
        public synchronized void delay(Map<String, Duration> visibility) {
            // SqsVisibility: ChangeMessageVisibilityBatch, 10 entries a call.
            calls.merge("ChangeMessageVisibilityBatch", (long) ((visibility.size() + 9) / 10), Long::sum);
        }

        @Override
        public synchronized boolean requeue(String body, String type, Duration delay) {
            calls.merge("SendMessage", 1L, Long::sum);
            return true;
        }

        synchronized Map<String, Long> takeCalls() {
            Map<String, Long> copy = new TreeMap<>(calls);
            calls.clear();
            return copy;
        }
    }

    private final Options options;
    private final Path root;
    private final InMemoryDynamoDb table = new InMemoryDynamoDb();
    private final CountingQueue queue = new CountingQueue();
    private final List<String> recipients = new ArrayList<>();
    private int sequence;
    private int campaigns;

    DispatcherCapacityBenchmark(Options options, Path root) {
        this.options = options;
        this.root = root;
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
        new DispatcherCapacityBenchmark(options, RepoRoot.get()).run();
        System.exit(0);
    }

    void run() throws Exception {
        FunctionSpec spec = FunctionSpec.all(Template.load(root.resolve("template.yaml")))
                .stream().filter(f -> f.logicalId().equals(FUNCTION)).findFirst()
                .orElseThrow(() -> new IllegalStateException(FUNCTION + " is not in the template"));
        FunctionSpec.SqsEventSource source = spec.sqsSources().get(0);
        int batch = options.batch() != null ? options.batch() : source.batchSize();
        ProvinceConfig province = ProvinceConfigLoader.load(root.resolve("infra/demo/tay-ninh.json"));
        Path target = root.resolve("functions/notifications/target");
        Files.createDirectories(target);
        PrintStream console = System.out;
        List<Run> runs = new ArrayList<>();
        List<String> connections;
        String setup;
        try (ZaloStubProcess stub = ZaloStubProcess.start(target.resolve("dispatcher-capacity-stub.log"));
             PrintStream log = new PrintStream(new BufferedOutputStream(new FileOutputStream(
                     target.resolve("dispatcher-capacity.log").toFile())), false, StandardCharsets.UTF_8)) {
            ZaloStubClient zalo = stub.client();
            Env env = env(spec, stub.baseUri(), province.province().code());
            System.err.printf(Locale.ROOT, "setting up %d recipients, the province configuration, the Zalo stub...%n",
                    RECIPIENTS);
            setUp(zalo, province, RECIPIENTS);
            Secrets secrets = Secrets.of(Map.of(APP_SECRET_NAME, STUB_APP_SECRET, OA_TOKENS_NAME, oaTokens()));
            Dispatcher dispatcher = DispatchWiring.dispatcher(env, Clock.systemUTC(), table.client(), secrets, queue,
                    gateway -> gateway);
            DispatcherHandler handler = new DispatcherHandler(dispatcher, Clock.systemUTC());
            connections = connectionReuse(dispatcher.settings().concurrency());
            setup = String.format(Locale.ROOT, "%s, one instance, in process: BatchSize %d, DISPATCH_CONCURRENCY %d,"
                            + " ZALO_READ_TIMEOUT %d ms; DynamoDB in memory under the SDK client; Zalo stub in its own JVM"
                            + "%n%s %s, %d cores, %s; event source MaximumConcurrency %d",
                    FUNCTION, batch, dispatcher.settings().concurrency(),
                    ZaloConfig.from(env).readTimeout().toMillis(), System.getProperty("java.vm.name"),
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), gcNames(),
                    source.maximumConcurrency());
            System.setOut(log);
            JsonLog.redirect(log);
            try {
                if (options.warmup() > 0) {
                    latency(zalo, options.latencyMs());
                    measure(handler, "warm-up", Kind.REPORT, options.warmup() / 2, options.latencyMs(), batch);
                    measure(handler, "warm-up", Kind.ALERT, options.warmup() - options.warmup() / 2,
                            options.latencyMs(), batch);
                }
                latency(zalo, options.latencyMs());
                runs.add(measure(handler, "report status", Kind.REPORT, options.jobs(), options.latencyMs(), batch));
                runs.add(measure(handler, "urgent alert", Kind.ALERT, options.jobs(), options.latencyMs(), batch));
                if (options.baseline() && options.latencyMs() > 0) {
                    latency(zalo, 0);
                    runs.add(measure(handler, "report status", Kind.REPORT, options.jobs(), 0, batch));
                }
            } finally {
                log.flush();
                System.setOut(console);
                JsonLog.redirect(console);
            }
            System.err.printf(Locale.ROOT, "ZNS sends the stub answered since the last latency change: %d%n",
                    zalo.calls(Endpoint.ZNS_SEND).size());
        }
        print(setup, runs, source.maximumConcurrency());
        System.out.println();
        System.out.println("DynamoDB connections opened by the functions' client (url-connection), jobs writing at once"
                + " (DynamoDbConnectionReuse, a JVM each):");
        connections.forEach(line -> System.out.println("  " + line));
    }

    /** {@link DynamoDbConnectionReuse} with the JDK's keep-alive default, then as the dispatcher sets it. */
    static List<String> connectionReuse(int inFlight) throws Exception {
        List<String> lines = new ArrayList<>();
        for (boolean keepAlive : new boolean[] {false, true}) {
            Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    DynamoDbConnectionReuse.class.getName(), Integer.toString(inFlight), "50", Boolean.toString(keepAlive))
                    .redirectErrorStream(true).start();
            List<String> out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            probe.waitFor();
            lines.add((keepAlive ? "keepAliveConnections: " : "JDK default:          ")
                    + (out.isEmpty() ? "(no output)" : out.get(out.size() - 1)));
        }
        return lines;
    }

    /** The function's environment: the template's literal variables, pointed at the stub and the in-memory table. */
    Env env(FunctionSpec spec, String stubUri, String provinceCode) {
        Map<String, String> values = new LinkedHashMap<>();
        spec.environment().forEach((name, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                values.put(name, value.toString());
            }
        });
        values.put("AWS_REGION", "ap-southeast-1");
        values.put("MAIN_TABLE", TABLE);
        values.put("NOTIFICATION_QUEUE_URL", "https://sqs.in-memory/benchmark/NotificationQueue");
        values.put("PROVINCE_CODE", provinceCode);
        values.put(ZaloConfig.APP_ID, STUB_APP_ID);
        values.put(ZaloConfig.APP_SECRET_NAME, APP_SECRET_NAME);
        values.put("ZALO_OA_TOKENS_SECRET_NAME", OA_TOKENS_NAME);
        for (String url : List.of(ZaloConfig.GRAPH_BASE_URL, ZaloConfig.OPENAPI_BASE_URL, ZaloConfig.BUSINESS_BASE_URL,
                ZaloConfig.OAUTH_BASE_URL)) {
            values.put(url, stubUri);
        }
        if (options.concurrency() != null) {
            values.put("DISPATCH_CONCURRENCY", options.concurrency().toString());
        }
        return new Env(values);
    }

    /**
     * The OA token pair as an operator stores it, with its expiry: the instance stores it and keeps it
     * cached, as a warm instance does between refreshes (one a day).
     */
    static String oaTokens() {
        ObjectNode pair = Json.object();
        pair.put("accessToken", STUB_OA_ACCESS_TOKEN);
        pair.put("refreshToken", STUB_OA_REFRESH_TOKEN);
        pair.put("accessTokenExpiresAt", Instant.now().plus(Duration.ofHours(20)).toString());
        return Json.write(pair);
    }

    void setUp(ZaloStubClient zalo, ProvinceConfig province, int count) throws Exception {
        for (NotificationTemplate t : province.notificationTemplates()) {
            if (t.znsTemplateId() != null) {
                zalo.template(ZnsTemplate.enabled(t.znsTemplateId(), t.key(), 1, t.params()).withByUserId(t.sendByUserId()));
            }
        }
        zalo.znsQuota(100_000_000L, 0);
        // CONFIG#CURRENT as ProvinceConfigStore publishes it (the fields ProvinceConfigSource reads).
        String json = ProvinceConfigLoader.toJson(province);
        Map<String, AttributeValue> config = new LinkedHashMap<>();
        config.put("pk", AttributeValue.fromS(ProvinceConfigStore.partitionKey(province.province().code())));
        config.put("sk", AttributeValue.fromS(ProvinceConfigStore.CURRENT));
        config.put("version", AttributeValue.fromN("1"));
        config.put("sha256", AttributeValue.fromS(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(json.getBytes(StandardCharsets.UTF_8)))));
        config.put("publishedAt", AttributeValue.fromS(Instant.now().toString()));
        config.put("configJson", AttributeValue.fromS(json));
        table.put(config);
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "95000000000%08d", i);
            String phone = String.format(Locale.ROOT, "8496%07d", i);
            zalo.createUser(ZaloStubClient.NewUser.named("Công dân " + i).phone(phone));
            // The profile as identity writes it: a phone and the ZNS preference (no OA follower item).
            table.put(Fixtures.citizenItems(id, phone, "ZNS", null, null).get(0));
            recipients.add(id);
        }
    }

    /** Every ZNS send answered after {@code latencyMs}. */
    static void latency(ZaloStubClient zalo, int latencyMs) {
        zalo.clearFaults();
        zalo.clearCalls();
        if (latencyMs > 0) {
            zalo.fault(ZaloStubClient.Fault.on(Endpoint.ZNS_SEND).latency(Duration.ofMillis(latencyMs)).share(1.0));
        }
    }

    /** Events of {@code jobs} fresh jobs, {@code batch} to an event; an alert's jobs go to one recipient each. */
    List<byte[]> events(Kind kind, int jobs, int batch) {
        List<byte[]> events = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        String campaign = null;
        Instant now = Instant.now();
        for (int i = 0; i < jobs; i++) {
            if (kind == Kind.ALERT && i % recipients.size() == 0) {
                campaign = campaign();
            }
            int n = ++sequence;
            NotificationJob job;
            if (kind == Kind.REPORT) {
                String recipient = recipients.get(n % recipients.size());
                Map<String, String> params = new LinkedHashMap<>();
                params.put("report_code", String.format(Locale.ROOT, "BENCH-%06d", n));
                params.put("status_name", "Đã trả lời");
                params.put("agency_name", "UBND phường Tân Ninh");
                job = new NotificationJob(1, "bench-" + n, "REPORT_ANSWERED", recipient, "REPORT_STATUS_CHANGED",
                        params, "BENCH#" + n + "#" + recipient, now, "benchmark");
            } else {
                // As AlertFanOut builds them: one job per subscriber, keyed by campaign and user.
                String recipient = recipients.get(i % recipients.size());
                Map<String, String> params = new LinkedHashMap<>();
                params.put("alert_title", "Mưa lớn, nguy cơ ngập úng");
                params.put("area_name", "Phường Tân Ninh");
                params.put("valid_until", "18:00 30/11/2026");
                String key = campaign + "#" + recipient;
                job = new NotificationJob(NotificationJob.SCHEMA_VERSION, key, "ALERT_ISSUED", recipient, "ALERT_ISSUED",
                        params, key, now, campaign, campaign);
            }
            messages.add(Message.builder().messageId(UUID.randomUUID().toString()).receiptHandle("rh-" + n)
                    .body(job.toJson())
                    .attributes(Map.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")).build());
            if (messages.size() == batch || i == jobs - 1) {
                events.add(Fixtures.event(messages, "arn:aws:sqs:ap-southeast-1:000000000000:NotificationQueue"));
                messages.clear();
            }
        }
        return events;
    }

    /** A new urgent alert's campaign item (its status: not cancelled). */
    String campaign() {
        String campaign = "ALERT#benchmark" + (++campaigns);
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS(campaign));
        item.put("sk", AttributeValue.fromS(DeliveryItems.CAMPAIGN_SORT_KEY));
        item.put("status", AttributeValue.fromS("SENDING"));
        table.put(item);
        return campaign;
    }

    Run measure(DispatcherHandler handler, String name, Kind kind, int jobs, int latencyMs, int batch) throws Exception {
        List<byte[]> events = events(kind, jobs, batch);
        System.gc();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        table.resetCounts();
        queue.takeCalls();
        String loadBefore = loadAverage();
        long[] stat0 = cpuStat();
        long gc0 = gcMillis();
        long cpu0 = os.getProcessCpuTime();
        long started = System.nanoTime();
        double[] batchMs = new double[events.size()];
        int retained = 0;
        for (int i = 0; i < events.size(); i++) {
            long t = System.nanoTime();
            retained += Fixtures.invoke(handler, events.get(i), Duration.ofSeconds(30)).size();
            batchMs[i] = (System.nanoTime() - t) / 1e6;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long cpu = os.getProcessCpuTime() - cpu0;
        long gc = gcMillis() - gc0;
        long[] stat1 = cpuStat();
        long fakeCpu = table.cpuNanos();
        Map<String, Long> calls = table.calls();
        int sent = calls.entrySet().stream().filter(e -> e.getKey().endsWith("state=SENT"))
                .mapToInt(e -> e.getValue().intValue()).sum();
        Arrays.sort(batchMs);
        double busy = stat1 == null || stat0 == null ? Double.NaN
                : 1.0 - (double) ((stat1[1] - stat0[1])) / Math.max(1, stat1[0] - stat0[0]);
        Run run = new Run(name, kind, latencyMs, jobs, sent, retained, seconds, (cpu - fakeCpu) / 1e6 / jobs,
                cpu / 1e6 / jobs, gc, batchMs[batchMs.length / 2], batchMs[batchMs.length - 1], busy, loadBefore,
                loadAverage(), calls, queue.takeCalls());
        System.err.printf(Locale.ROOT, "%s (%s, %d ms): %d jobs in %.1f s, %.1f messages/s, %d sent, %d kept%n",
                name, kind, latencyMs, jobs, seconds, run.perSecond(), sent, retained);
        if (sent != jobs || retained != 0) {
            throw new IllegalStateException(name + ": " + sent + " of " + jobs + " sent, " + retained
                    + " kept for a retry; see functions/notifications/target/dispatcher-capacity.log");
        }
        return run;
    }

    static void print(String setup, List<Run> runs, int maximumConcurrency) {
        System.out.println(setup);
        System.out.println();
        System.out.println("| run | Zalo latency | jobs | messages/s | batch p50 / max | CPU ms per message"
                + " (raw) | GC ms | machine busy | load average before -> after |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Run r : runs) {
            System.out.printf(Locale.ROOT, "| %s | %d ms | %d | **%.0f** | %.0f / %.0f ms | %.2f (%.2f) | %d | %.0f%% |"
                            + " %s -> %s |%n", r.name(), r.latencyMs(), r.messages(), r.perSecond(), r.batchP50Ms(),
                    r.batchMaxMs(), r.cpuMsPerMessage(), r.rawCpuMsPerMessage(), r.gcMs(), 100 * r.machineBusy(),
                    r.loadBefore(), r.loadAfter());
        }
        System.out.println();
        System.out.println("DynamoDB calls per message (calls / messages), by operation and key:");
        for (Run r : runs) {
            System.out.printf(Locale.ROOT, "  %s, %d ms:%n", r.name(), r.latencyMs());
            long total = 0;
            for (Map.Entry<String, Long> e : r.dynamoCalls().entrySet()) {
                total += e.getValue();
                System.out.printf(Locale.ROOT, "    %-62s %6d  %.3f%n", e.getKey(), e.getValue(),
                        (double) e.getValue() / r.messages());
            }
            System.out.printf(Locale.ROOT, "    %-62s %6d  %.3f%n", "all", total, (double) total / r.messages());
            System.out.printf(Locale.ROOT, "    SQS calls by the function: %s%n",
                    r.queueCalls().isEmpty() ? "none" : r.queueCalls());
        }
        Run first = runs.get(0);
        System.out.println();
        System.out.printf(Locale.ROOT, "One instance %.0f messages/s at %d ms; the event source runs at most %d instances:"
                        + " about %.0f messages/s for the function, before Zalo's own limits.%n", first.perSecond(),
                first.latencyMs(), maximumConcurrency, first.perSecond() * maximumConcurrency);
        System.out.println("CPU per message: this process's CPU time over the run (dispatcher threads, HTTP client,"
                + " JIT, GC, logging) less the in-memory table's own work; the stub's JVM is not counted.");
    }

    private static String gcNames() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** {total, idle + iowait} jiffies of all cores, or null where /proc/stat is not. */
    private static long[] cpuStat() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The Zalo stub in a JVM of its own (so its CPU is not this process's), on a free port. */
    static final class ZaloStubProcess implements AutoCloseable {
        private static final Pattern READY = Pattern.compile("Zalo stub on (http://\\S+)");
        private final Process process;
        private final String baseUri;

        private ZaloStubProcess(Process process, String baseUri) {
            this.process = process;
            this.baseUri = baseUri;
        }

        static ZaloStubProcess start(Path log) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    "vn.smartprovince.zalostub.ZaloStub", "--port", "0", "--app-id", STUB_APP_ID, "--app-secret",
                    STUB_APP_SECRET, "--oa-access-token", STUB_OA_ACCESS_TOKEN, "--oa-refresh-token",
                    STUB_OA_REFRESH_TOKEN)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && process.isAlive()) {
                Matcher m = READY.matcher(Files.readString(log));
                if (m.find()) {
                    return new ZaloStubProcess(process, m.group(1));
                }
                Thread.sleep(100);
            }
            process.destroy();
            throw new IllegalStateException("the Zalo stub did not start; see " + log);
        }

        String baseUri() {
            return baseUri;
        }

        ZaloStubClient client() {
            return new ZaloStubClient(java.net.URI.create(baseUri));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
