package vn.smartprovince.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.smartprovince.benchmark.ColdStartBenchmark.EmulatorCpu;
import vn.smartprovince.benchmark.ColdStartBenchmark.Failure;
import vn.smartprovince.benchmark.ColdStartBenchmark.Launch;
import vn.smartprovince.benchmark.ColdStartBenchmark.MachineCpu;
import vn.smartprovince.benchmark.ColdStartBenchmark.Package;
import vn.smartprovince.benchmark.ColdStartBenchmark.Prepared;
import vn.smartprovince.benchmark.ColdStartBenchmark.Sample;
import vn.smartprovince.benchmark.ColdStartBenchmark.Setup;
import vn.smartprovince.local.demo.DemoData;
import vn.smartprovince.local.lambda.LocalFunctions;
import vn.smartprovince.local.emulator.BootstrappedStack;
import vn.smartprovince.local.emulator.Emulator;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.shared.json.Json;

/**
 * The cold-start table: every function of the template, each with its sample event, measured the
 * way {@link ColdStartBenchmark} measures one (a JVM printing a line, then a fresh JVM whose class
 * path is only the function's package, interleaved), plus a primed JVM per function (the
 * package's SnapStart hooks, then the first request timed, then warm requests in the same JVM),
 * plus the yardstick (infra/yardstick: a tutorial-style handler doing one PutItem) in the same
 * run. Writes a Markdown page (default docs/cold-starts.md) and flags each ratio that moved past
 * the noise band since the page it replaces.
 *
 * <p>Events: {@code infra/benchmark/cold-start-events.properties} names the event (and expected
 * status, and objects to put) of the functions whose event is not found by route key.
 */
public final class ColdStartTable {

    static final String USAGE = """
            usage: infra/bin/benchmark-cold-starts [options]
              --runs N          measured pairs (baseline JVM, function JVM) per function (default 3)
              --warm-calls N    requests after the first in the primed JVM; their median is "warm" (default 20)
              --only ID,ID      just these functions (logical ids; the yardstick is always measured)
              --java PATH       JDK (home or bin/java) of the measured JVMs (default: this JVM's)
              --jvm-arg ARG     one more flag for every measured JVM (repeatable)
              --out FILE        the page to write (default docs/cold-starts.md); the previous one there is
                                the reference for the regression check
              --no-write        print the table, leave the page alone
              --noise PERCENT   a ratio this much above the previous page's is flagged (default 25)
              --list            print each function's event (and where it comes from), measure nothing
            moto, the Zalo stub and the one-stop fake are started on free ports; the demo province and
            users are loaded; every run of a creating route gets a fresh Idempotency-Key.""";

    static final String YARDSTICK = "Yardstick (tutorial-style, not deployed)";
    static final String YARDSTICK_HANDLER = "vn.smartprovince.yardstick.TutorialHandler::handleRequest";
    static final Path YARDSTICK_ZIP = Path.of("infra/yardstick/target/yardstick-lambda.zip");
    /** The yardstick handles the same request as the report submission: same input, one PutItem. */
    static final Path YARDSTICK_EVENT = Path.of("events/reports-submit.json");
    static final Path EVENTS_FILE = Path.of("infra/benchmark/cold-start-events.properties");
    static final double HTTP_GOAL_RATIO = 8.0;
    static final double PRIMED_GOAL_RATIO = 2.0;

    record Options(int runs, int warmCalls, Set<String> only, Path java, List<String> jvmArgs, Path out,
                   boolean write, double noise, boolean list) {

        static Options parse(String[] args, Path repoRoot) {
            int runs = 3;
            int warmCalls = 20;
            Set<String> only = new LinkedHashSet<>();
            Path java = null;
            List<String> jvmArgs = new ArrayList<>();
            Path out = repoRoot.resolve("docs/cold-starts.md");
            boolean write = true;
            double noise = 25;
            boolean list = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--runs" -> runs = number(args, ++i, arg, 1);
                    case "--warm-calls" -> warmCalls = number(args, ++i, arg, 1);
                    case "--only" -> only.addAll(List.of(value(args, ++i, arg).split(",")));
                    case "--java" -> {
                        Path path = Path.of(value(args, ++i, arg)).toAbsolutePath();
                        java = Files.isDirectory(path) ? path.resolve("bin/java") : path;
                        if (!Files.isExecutable(java)) {
                            throw new IllegalArgumentException("--java: no java executable at " + java);
                        }
                    }
                    case "--jvm-arg" -> jvmArgs.add(value(args, ++i, arg));
                    case "--out" -> out = Path.of(value(args, ++i, arg)).toAbsolutePath();
                    case "--no-write" -> write = false;
                    case "--noise" -> noise = number(args, ++i, arg, 1);
                    case "--list" -> list = true;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return new Options(runs, warmCalls, Set.copyOf(only), java, List.copyOf(jvmArgs), out, write, noise, list);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int number(String[] args, int i, String option, int minimum) {
            String text = value(args, i, option);
            try {
                int n = Integer.parseInt(text.trim());
                if (n >= minimum) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new IllegalArgumentException(option + " takes a number >= " + minimum + ", got " + text);
        }
    }

    /** What the events file says of one function: its event, the status it answers, objects it cites. */
    record EventChoice(Path event, Integer expectStatus, List<String> putObjects, boolean zaloUser, String fixture,
                       boolean reloadDemo) {
    }

    /**
     * Something a sample event refers to by id (a report, a dossier, an article), made fresh for
     * each measured JVM by invoking its creating function in-process with its own sample event; the
     * id is the field {@code idField} of the answer's body.
     */
    record Fixture(String name, String function, Path event, String idField) {
    }

    /** One row: a function (or the yardstick) with its medians. */
    record Row(String module, String function, String trigger, String event, String status, List<Sample> baselines,
               List<Sample> cold, Sample primed, boolean http, String problem) {

        double wall() {
            return median(cold, Sample::wallMs);
        }

        double floor() {
            return median(baselines, Sample::wallMs);
        }

        double ratio() {
            return wall() / floor();
        }

        double warmP50() {
            return primed == null || primed.warmMs().isEmpty() ? -1
                    : median(primed.warmMs().stream().mapToDouble(Double::doubleValue).sorted().toArray());
        }

        double primedRatio() {
            double warm = warmP50();
            return warm <= 0 || primed == null ? -1 : primed.invokeMs() / warm;
        }
    }

    private final Options options;
    private final Path repoRoot;
    /** What runs before each measured JVM of a function (its fixture, the demo data again); its event. */
    private BeforeRun before = (choice, run) -> null;

    interface BeforeRun {
        /** The event for this run (null: the prepared one); run -1 is after the last run. */
        Path prepare(EventChoice choice, int run) throws Exception;
    }

    ColdStartTable(Options options, Path repoRoot) {
        this.options = options;
        this.repoRoot = repoRoot;
    }

    public static void main(String[] args) {
        Path repoRoot = ColdStartBenchmark.repoRoot();
        Options options = ColdStartBenchmark.options(args, USAGE, a -> Options.parse(a, repoRoot));
        try {
            int failed = new ColdStartTable(options, repoRoot).run();
            System.exit(failed == 0 ? 0 : 1);
        } catch (Exception e) {
            System.out.flush();
            System.err.println("\nFAILED:");
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Measures every function; the number of rows that could not be measured (or answered 5xx). */
    int run() throws Exception {
        Template template = Template.load(repoRoot.resolve("template.yaml"));
        if (options.list()) {
            return list(template);
        }
        Path java = options.java() != null ? options.java() : Path.of(System.getProperty("java.home"), "bin", "java");
        String javaVersion = ColdStartBenchmark.javaVersion(java);
        Map<String, EventChoice> choices = eventChoices(repoRoot.resolve(EVENTS_FILE));
        Map<String, Fixture> fixtures = fixtures(repoRoot.resolve(EVENTS_FILE));
        Path work = Files.createTempDirectory("cold-starts-");
        List<Row> rows = new ArrayList<>();
        long startedAt = System.nanoTime();
        String load;
        try (BenchmarkStack local = BenchmarkStack.withDemo(repoRoot, template, ColdStartBenchmark.STACK_NAME,
                System.getenv().getOrDefault("AWS_REGION", Emulator.DEFAULT_REGION), Map.of())) {
            Emulator emulator = local.emulator();
            BootstrappedStack stack = local.stack();
            EmulatorCpu emulatorCpu = new EmulatorCpu(emulator.owned());
            // The fixtures' creating functions, run in this JVM by the local runtime (not measured).
            LocalFunctions creators = new LocalFunctions(template, stack.intrinsics(), emulator.endpoint(),
                    ColdStartBenchmark.STACK_NAME, Map.of());
            this.before = (choice, run) -> before(choice, run, fixtures, choices, creators, local, work);
            List<FunctionSpec> functions = FunctionSpec.all(template, stack.intrinsics()).stream()
                    .filter(f -> options.only().isEmpty() || options.only().contains(f.logicalId())).toList();
            Set<String> unknown = new LinkedHashSet<>(options.only());
            functions.forEach(f -> unknown.remove(f.logicalId()));
            if (!unknown.isEmpty()) {
                throw new Failure("no such function in the template: " + String.join(", ", unknown));
            }
            Map<Path, Package> unpacked = new LinkedHashMap<>();
            System.out.printf(Locale.ROOT, "%d functions and the yardstick, %d runs each, then one primed JVM with %d"
                    + " warm calls%n", functions.size(), options.runs(), options.warmCalls());
            MachineCpu before = MachineCpu.now(emulatorCpu);
            double measuredCpu = 0;
            rows.add(yardstick(local, java, work, emulatorCpu));
            for (FunctionSpec spec : functions) {
                Row row = measure(spec, choices.get(spec.logicalId()), local, java, work, unpacked, emulatorCpu);
                rows.add(row);
            }
            for (Row row : rows) {
                for (Sample s : row.baselines()) {
                    measuredCpu += Math.max(0, s.cpuMs());
                }
                for (Sample s : row.cold()) {
                    measuredCpu += Math.max(0, s.cpuMs());
                }
            }
            load = before.otherLoad(MachineCpu.now(emulatorCpu), measuredCpu);
            creators.close();
        } finally {
            deleteQuietly(work);
        }
        double minutes = (System.nanoTime() - startedAt) / 60e9;
        String page = page(rows, java, javaVersion, load, minutes, previousRatios(options.out()));
        System.out.println();
        System.out.println(page);
        if (options.write() && options.only().isEmpty()) {
            Files.createDirectories(options.out().getParent());
            Files.writeString(options.out(), page, StandardCharsets.UTF_8);
            System.out.println("written: " + repoRoot.relativize(options.out()));
        } else if (options.write()) {
            System.out.println("not written: --only measures part of the table");
        }
        return (int) rows.stream().filter(r -> r.problem() != null).count();
    }

    /** --list: each function's event, from the events file or by route key; the number without one. */
    int list(Template template) throws IOException {
        Map<String, EventChoice> choices = eventChoices(repoRoot.resolve(EVENTS_FILE));
        int missing = 0;
        for (FunctionSpec spec : FunctionSpec.all(template)) {
            EventChoice choice = choices.get(spec.logicalId());
            String event;
            if (choice != null) {
                event = relative(choice.event()) + " (" + EVENTS_FILE + ")";
            } else {
                try {
                    event = relative(ColdStartBenchmark.defaultEvent(spec, repoRoot)) + " (route key)";
                } catch (Failure e) {
                    event = "NONE";
                    missing++;
                }
            }
            System.out.printf(Locale.ROOT, "%-14s %-34s %s%n", module(spec), spec.logicalId(), event);
        }
        return missing;
    }

    Row measure(FunctionSpec spec, EventChoice choice, BenchmarkStack local, Path java, Path work,
                Map<Path, Package> unpacked, EmulatorCpu emulatorCpu) {
        String module = module(spec);
        List<String> routes = spec.routes().stream().map(FunctionSpec.HttpRoute::routeKey).toList();
        String trigger = !routes.isEmpty() ? String.join(", ", routes) : trigger(spec);
        System.out.printf(Locale.ROOT, "%-34s ", spec.logicalId());
        System.out.flush();
        Path event;
        try {
            event = choice != null ? choice.event() : ColdStartBenchmark.defaultEvent(spec, repoRoot);
        } catch (IOException | Failure e) {
            System.out.println("no sample event");
            return new Row(module, spec.logicalId(), trigger, "-", "-", List.of(), List.of(), null, !routes.isEmpty(),
                    "no sample event: name one in " + EVENTS_FILE);
        }
        Path shown = event;
        try {
            event = withFreshSession(event, work);
            if (choice != null) {
                ColdStartBenchmark.putObjects(local.emulator(), local.stack(), choice.putObjects());
                if (choice.zaloUser()) {
                    event = withZaloUser(event, local, work);
                }
            }
            Prepared prepared = ColdStartBenchmark.prepare(spec, event, local.stack(), local.emulator(), java, null,
                    options.jvmArgs(), work, repoRoot, unpacked);
            Row row = runs(module, spec.logicalId(), trigger, relative(shown), prepared.setup(), prepared.http(),
                    choice, emulatorCpu);
            System.out.println(summary(row));
            return row;
        } catch (Exception e) {
            System.out.println("FAILED: " + firstLine(e.getMessage()));
            return new Row(module, spec.logicalId(), trigger, relative(shown), "-", List.of(), List.of(), null,
                    !routes.isEmpty(), firstLine(e.getMessage()));
        }
    }

    /** The yardstick: its own package, Lambda's variables, the main table's name. */
    Row yardstick(BenchmarkStack local, Path java, Path work, EmulatorCpu emulatorCpu) {
        System.out.printf(Locale.ROOT, "%-34s ", "Yardstick");
        try {
            Path zip = repoRoot.resolve(YARDSTICK_ZIP);
            if (!Files.exists(zip)) {
                throw new Failure(YARDSTICK_ZIP + " is missing: build it (mvn -DskipTests package)");
            }
            Package pkg = Package.unpack(zip, work.resolve("yardstick"));
            Path event = repoRoot.resolve(YARDSTICK_EVENT);
            Launch launch = ColdStartBenchmark.launch(pkg, YARDSTICK_HANDLER, event, 30, java, 1024,
                    options.jvmArgs(), work);
            Map<String, String> environment = ColdStartBenchmark.lambdaEnvironment(local.emulator(), "yardstick",
                    "java21", YARDSTICK_HANDLER, 1024, pkg.taskRoot(), "/aws/lambda/yardstick");
            environment.put("TABLE_NAME", local.table());
            Setup setup = new Setup(java, launch.flags(), launch.baseline(), launch.function(), environment,
                    pkg.taskRoot(), Duration.ofSeconds(90));
            Row row = runs("-", YARDSTICK, "one PutItem (Enhanced client, bean schema)", relative(event), setup,
                    true, new EventChoice(event, 201, List.of(), false, null, false), emulatorCpu);
            System.out.println(summary(row));
            return row;
        } catch (Exception e) {
            System.out.println("FAILED: " + firstLine(e.getMessage()));
            return new Row("-", YARDSTICK, "-", "-", "-", List.of(), List.of(), null, true, firstLine(e.getMessage()));
        }
    }

    Row runs(String module, String function, String trigger, String event, Setup setup, boolean http,
             EventChoice choice, EmulatorCpu emulatorCpu) throws Exception {
        Integer expectStatus = choice == null ? null : choice.expectStatus();
        List<Sample> baselines = new ArrayList<>();
        List<Sample> cold = new ArrayList<>();
        Set<String> statuses = new LinkedHashSet<>();
        for (int run = 0; run < options.runs(); run++) {
            baselines.add(ColdStartBenchmark.measure(setup, "baseline JVM (PrintLine)", setup.baseline(),
                    ColdStartBenchmark.BASELINE_LINE, null));
            List<String> command = withEvent(setup.function(), 2, before.prepare(choice, run));
            Sample sample = ColdStartBenchmark.measure(setup, "function JVM (InvokeOnce)", command,
                    ColdStartBenchmark.RESPONSE_LINE, emulatorCpu);
            statuses.add(status(sample));
            cold.add(sample);
        }
        List<String> primedCommand = withEvent(setup.function(), 2, before.prepare(choice, options.runs()));
        primedCommand.add(Integer.toString(options.warmCalls()));
        Sample primed = ColdStartBenchmark.measure(setup, "primed JVM (InvokeOnce, hooks first)", primedCommand,
                ColdStartBenchmark.RESPONSE_LINE, emulatorCpu);
        before.prepare(choice, -1);
        statuses.add(status(primed));
        String status = String.join(",", statuses);
        String problem = null;
        if (statuses.stream().anyMatch(s -> s.startsWith("5") || s.equals("failed items"))) {
            problem = "answered " + status;
        } else if (expectStatus != null && !statuses.contains(Integer.toString(expectStatus))) {
            problem = "answered " + status + ", expected " + expectStatus;
        }
        if (problem != null) {
            String body = primed.line().substring(ColdStartBenchmark.RESPONSE_LINE.length()).trim();
            problem += ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
        return new Row(module, function, trigger, event, status, baselines, cold, primed, http, problem);
    }

    /** The command with the event file at {@code fromEnd} places from its end replaced (null: as it is). */
    static List<String> withEvent(List<String> command, int fromEnd, Path event) {
        List<String> copy = new ArrayList<>(command);
        if (event != null) {
            copy.set(copy.size() - fromEnd, event.toString());
        }
        return copy;
    }

    /**
     * Before a measured JVM: the demo data loaded again (for a function that erases a demo user or
     * takes an officer's role away, and after its last run, so the functions after it find them),
     * and a fresh fixture with the event pointing at it.
     */
    Path before(EventChoice choice, int run, Map<String, Fixture> fixtures, Map<String, EventChoice> choices,
                LocalFunctions creators, BenchmarkStack local, Path work) throws Exception {
        if (choice == null) {
            return null;
        }
        if (choice.reloadDemo()) {
            DemoData.load(local.dynamo(), local.table(), repoRoot.resolve(DemoData.PROVINCE_FILE),
                    repoRoot.resolve(DemoData.USERS_FILE));
        }
        if (choice.fixture() == null || run < 0) {
            return null;
        }
        Fixture fixture = fixtures.get(choice.fixture());
        EventChoice creating = choices.get(fixture.function());
        if (creating != null) {
            ColdStartBenchmark.putObjects(local.emulator(), local.stack(), creating.putObjects());
        }
        byte[] request = InvokeOnce.freshIdempotencyKey(Files.readAllBytes(withFreshSession(fixture.event(), work)));
        // The function logs to stdout, which is this harness's report: its lines go to stderr instead.
        java.io.PrintStream stdout = System.out;
        byte[] response;
        System.setOut(System.err);
        try {
            response = creators.invoke(fixture.function(), request);
        } finally {
            System.setOut(stdout);
        }
        JsonNode answer = Json.read(new String(response, StandardCharsets.UTF_8));
        String id = Json.read(answer.path("body").asText("{}")).path(fixture.idField()).asText("");
        if (!answer.path("statusCode").asText().startsWith("2") || id.isEmpty()) {
            throw new Failure("fixture " + fixture.name() + ": " + fixture.function() + " answered " + answer);
        }
        return withId(withFreshSession(choice.event(), work), id, work.resolve("fixture-" + run + "-"
                + choice.event().getFileName()));
    }

    /** A copy of an event whose (first) path parameter is {@code id}, in the path too. */
    static Path withId(Path event, String id, Path copy) throws IOException {
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) Json.read(Files.readString(event));
        var parameters = root.path("pathParameters");
        if (!(parameters instanceof com.fasterxml.jackson.databind.node.ObjectNode params) || params.isEmpty()) {
            throw new Failure(event + " has no path parameter for a fixture's id");
        }
        String name = params.fieldNames().next();
        String old = params.path(name).asText();
        params.put(name, id);
        root.put("rawPath", root.path("rawPath").asText().replace(old, id));
        var http = root.path("requestContext").path("http");
        if (http instanceof com.fasterxml.jackson.databind.node.ObjectNode h) {
            h.put("path", h.path("path").asText().replace(old, id));
        }
        Files.writeString(copy, Json.write(root));
        return copy;
    }

    /** statusCode of an HTTP answer, "ok" for a batch without failures, "failed items" otherwise. */
    static String status(Sample sample) {
        String body = sample.line().substring(ColdStartBenchmark.RESPONSE_LINE.length()).trim();
        try {
            JsonNode response = Json.read(body);
            if (response.has("statusCode")) {
                return response.path("statusCode").asText();
            }
            JsonNode failures = response.path("batchItemFailures");
            return failures.isArray() && !failures.isEmpty() ? "failed items" : "ok";
        } catch (RuntimeException e) {
            return "ok";
        }
    }

    /**
     * The event, or a copy whose authorizer context (a session the sample events date from when
     * they were written) is valid now: sessionExpiresAt an hour ahead, the request's time now.
     */
    static Path withFreshSession(Path event, Path work) throws IOException {
        JsonNode root = Json.read(Files.readString(event));
        JsonNode lambda = root.path("requestContext").path("authorizer").path("lambda");
        if (!(lambda instanceof com.fasterxml.jackson.databind.node.ObjectNode session)
                || !session.has("sessionExpiresAt")) {
            return event;
        }
        long now = System.currentTimeMillis();
        session.put("sessionExpiresAt", Long.toString(now / 1000 + 3600));
        session.put("authTime", Long.toString(now / 1000 - 60));
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.path("requestContext")).put("timeEpoch", now);
        Path copy = work.resolve("fresh-" + event.getFileName());
        Files.writeString(copy, Json.write(root));
        return copy;
    }

    /**
     * A copy of a sign-in event whose body carries the access token of a new user of the Zalo stub
     * (the stub accepts the token as often as asked while it is valid, as Zalo does).
     */
    static Path withZaloUser(Path event, BenchmarkStack local, Path work) throws IOException {
        var user = local.zalo().createUser(vn.smartprovince.zalostub.ZaloStubClient.NewUser.named("Benchmark")
                .phone("0912345678").following(java.time.Instant.now()));
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) Json.read(Files.readString(event));
        var body = Json.object().put("accessToken", user.accessToken());
        root.put("body", Json.write(body));
        Path copy = work.resolve("event-" + event.getFileName());
        Files.writeString(copy, Json.write(root));
        return copy;
    }

    static final String FIXTURE_PREFIX = "fixture.";

    /** The {@code fixture.NAME = FunctionId events/x.json idField} lines. */
    static Map<String, Fixture> fixtures(Path file) throws IOException {
        Map<String, Fixture> fixtures = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return fixtures;
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Path root = file.getParent().getParent().getParent();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(FIXTURE_PREFIX)) {
                String[] words = properties.getProperty(key).trim().split("\\s+");
                if (words.length != 3 || !Files.exists(root.resolve(words[1]))) {
                    throw new IllegalArgumentException(file + ": " + key + " takes FunctionId events/x.json idField");
                }
                String name = key.substring(FIXTURE_PREFIX.length());
                fixtures.put(name, new Fixture(name, words[0], root.resolve(words[1]), words[2]));
            }
        }
        return fixtures;
    }

    /** Each line {@code FunctionId = events/x.json [status N] [put BucketId:key] [fixture NAME]…}. */
    static Map<String, EventChoice> eventChoices(Path file) throws IOException {
        Map<String, EventChoice> choices = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return choices;
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Path root = file.getParent().getParent().getParent();
        for (String function : properties.stringPropertyNames()) {
            if (function.startsWith(FIXTURE_PREFIX)) {
                continue;
            }
            String[] words = properties.getProperty(function).trim().split("\\s+");
            Integer status = null;
            List<String> objects = new ArrayList<>();
            boolean zaloUser = false;
            boolean reloadDemo = false;
            String fixture = null;
            for (int i = 1; i + 1 < words.length; i += 2) {
                switch (words[i]) {
                    case "status" -> status = Integer.parseInt(words[i + 1]);
                    case "put" -> objects.add(words[i + 1]);
                    case "zalo-user" -> zaloUser = words[i + 1].equals("yes");
                    case "reload-demo" -> reloadDemo = words[i + 1].equals("yes");
                    case "fixture" -> {
                        fixture = words[i + 1];
                        if (properties.getProperty(FIXTURE_PREFIX + fixture) == null) {
                            throw new IllegalArgumentException(file + ": " + function + ": no " + FIXTURE_PREFIX
                                    + fixture);
                        }
                    }
                    default -> throw new IllegalArgumentException(file + ": " + function + ": unknown word " + words[i]);
                }
            }
            Path event = root.resolve(words[0]);
            if (!Files.exists(event)) {
                throw new IllegalArgumentException(file + ": " + function + ": no such event " + words[0]);
            }
            choices.put(function, new EventChoice(event, status, List.copyOf(objects), zaloUser, fixture, reloadDemo));
        }
        return choices;
    }

    // ---------------------------------------------------------------- the page

    String page(List<Row> rows, Path java, String javaVersion, String load, double minutes,
                Map<String, Double> previous) {
        StringBuilder page = new StringBuilder();
        page.append("# Cold starts of every function\n\n");
        page.append("Generated by `infra/bin/benchmark-cold-starts` (do not edit by hand; the method is in\n"
                + "[performance.md](performance.md#cold-starts-of-every-function)).\n\n");
        page.append("- Date: ").append(LocalDate.now(ZoneOffset.UTC)).append(String.format(Locale.ROOT,
                " (%.1f minutes)%n", minutes));
        page.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (")
                .append(ColdStartBenchmark.cpuModel()).append("), ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append("; moto, the Zalo stub and the one-stop fake on the"
                        + " same cores\n");
        page.append("- JDK: ").append(javaVersion).append(" (`").append(java).append("`)\n");
        page.append("- JVM flags (both JVMs): `").append(String.join(" ", ColdStartBenchmark.lambdaFlags(1024,
                options.jvmArgs()))).append("` (Lambda's java runtime's, memory 1,024 MB)\n");
        page.append("- Runs: ").append(options.runs()).append(" interleaved pairs per function (a JVM printing a"
                + " line, then the function's), medians; then one primed JVM with ").append(options.warmCalls())
                .append(" warm calls\n");
        page.append("- Load: ").append(load.replace("\n", " ")).append("\n\n");

        List<Row> http = rows.stream().filter(r -> r.http() && !r.function().equals(YARDSTICK) && r.problem() == null)
                .toList();
        long withinGoal = http.stream().filter(r -> r.ratio() <= HTTP_GOAL_RATIO).count();
        Row yardstick = rows.stream().filter(r -> r.function().equals(YARDSTICK)).findFirst().orElse(null);
        Row submit = rows.stream().filter(r -> r.function().equals("SubmitReportFunction")).findFirst().orElse(null);
        List<Row> primed = rows.stream().filter(r -> r.problem() == null && r.primedRatio() > 0
                && !r.function().equals(YARDSTICK)).toList();
        long primedWithin = primed.stream().filter(r -> r.primedRatio() <= PRIMED_GOAL_RATIO).count();
        page.append("## Goals\n\n");
        page.append(String.format(Locale.ROOT, "- HTTP functions within %.0fx the JVM floor: **%d of %d**",
                HTTP_GOAL_RATIO, withinGoal, http.size()));
        http.stream().mapToDouble(Row::ratio).sorted().skip(http.size() / 2).findFirst().ifPresent(m ->
                page.append(String.format(Locale.ROOT, " (median ratio %.1fx, best %.1fx, worst %.1fx)", m,
                        http.stream().mapToDouble(Row::ratio).min().orElse(0),
                        http.stream().mapToDouble(Row::ratio).max().orElse(0))));
        page.append('\n');
        if (yardstick != null && submit != null && yardstick.problem() == null && submit.problem() == null) {
            page.append(String.format(Locale.ROOT, "- `SubmitReportFunction` %s ms against the yardstick's %s ms:"
                            + " **%.2f** of it (goal: at most 0.50)%n", n(submit.wall()), n(yardstick.wall()),
                    submit.wall() / yardstick.wall()));
        }
        page.append(String.format(Locale.ROOT, "- First request after the SnapStart hooks within %.0fx the warm"
                + " median: **%d of %d** functions%n", PRIMED_GOAL_RATIO, primedWithin, primed.size()));
        List<String> problems = rows.stream().filter(r -> r.problem() != null)
                .map(r -> "`" + r.function() + "`: " + r.problem()).toList();
        if (!problems.isEmpty()) {
            page.append("- Not measured or failed: ").append(String.join("; ", problems)).append('\n');
        }
        List<String> regressions = new ArrayList<>();
        for (Row row : rows) {
            Double before = previous.get(row.function());
            if (before != null && row.problem() == null && row.ratio() > before * (1 + options.noise() / 100)) {
                regressions.add(String.format(Locale.ROOT, "`%s` %.1fx (was %.1fx)", row.function(), row.ratio(),
                        before));
            }
        }
        page.append(String.format(Locale.ROOT, "- Ratios more than %.0f%% above the previous table: %s%n%n",
                options.noise(), previous.isEmpty() ? "no previous table" : regressions.isEmpty() ? "none"
                        : "**" + String.join(", ", regressions) + "**"));

        page.append("## The table\n\n");
        page.append("Wall, CPU and RSS: the fresh function JVM, medians. Floor: the JVM printing a line in the same"
                + " runs. Split: JVM start to `main` / loading and constructing the handler / the first request."
                + " Primed: in one JVM, the SnapStart hooks (their own time), then the first request, then the warm"
                + " median of the next ones; the ratio is the first over the warm median (goal 2x).\n\n");
        page.append("| module | function | trigger | event | status | wall ms | floor ms | ratio | CPU ms | RSS MB"
                + " | split ms | hooks ms | primed first ms | warm p50 ms | primed/warm |\n");
        page.append("| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |\n");
        for (Row row : rows) {
            if (row.cold().isEmpty()) {
                page.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %s | - | | | | | | | | | | |%n",
                        row.module(), row.function(), row.trigger(), row.event()));
                continue;
            }
            Sample p = row.primed();
            page.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s /"
                            + " %s | %s | %s | %s | %s |%n", row.module(), row.function(), row.trigger(), row.event(),
                    row.status(), n(row.wall()), n(row.floor()), ratio(row.ratio(), row.http() ? HTTP_GOAL_RATIO : -1),
                    n(median(row.cold(), Sample::cpuMs)), mb(median(row.cold(), Sample::rssMb)),
                    n(median(row.cold(), Sample::toMainMs)), n(median(row.cold(), Sample::initMs)),
                    n(median(row.cold(), Sample::invokeMs)), p == null || !p.hook() ? "none" : n(p.primeMs()),
                    p == null ? "-" : n(p.invokeMs()), p == null ? "-" : ms1(row.warmP50()),
                    ratio(row.primedRatio(), PRIMED_GOAL_RATIO)));
        }
        return page.toString();
    }

    private static final Pattern ROW = Pattern.compile(
            "^\\| [^|]* \\| `([^`]+)` \\|(?:[^|]*\\|){5} \\*{0,2}([0-9.]+)x\\*{0,2} \\|");

    /** The ratio of each function in the page being replaced: the reference for the regression check. */
    static Map<String, Double> previousRatios(Path page) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        if (!Files.exists(page)) {
            return ratios;
        }
        try {
            for (String line : Files.readAllLines(page)) {
                Matcher m = ROW.matcher(line);
                if (m.find()) {
                    ratios.put(m.group(1), Double.parseDouble(m.group(2)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no reference
        }
        return ratios;
    }

    private static String summary(Row row) {
        return String.format(Locale.ROOT, "%s  wall %s ms  floor %s ms  %.1fx  CPU %s ms  primed first %s ms, warm %s"
                        + " ms%s", row.status(), n(row.wall()), n(row.floor()), row.ratio(),
                n(median(row.cold(), Sample::cpuMs)), row.primed() == null ? "-" : n(row.primed().invokeMs()),
                ms1(row.warmP50()), row.problem() == null ? "" : "  PROBLEM: " + row.problem());
    }

    private static String ratio(double value, double goal) {
        if (value <= 0) {
            return "-";
        }
        String text = String.format(Locale.ROOT, "%.1fx", value);
        return goal > 0 && value > goal ? "**" + text + "**" : text;
    }

    /** The module (functions/<module>) a function's code comes from. */
    static String module(FunctionSpec spec) {
        String uri = String.valueOf(spec.codeUri());
        Matcher m = Pattern.compile("functions/([^/]+)/").matcher(uri);
        return m.find() ? m.group(1) : uri.replaceAll(".*/", "").replace("-lambda.zip", "");
    }

    static String trigger(FunctionSpec spec) {
        List<String> triggers = new ArrayList<>();
        spec.sqsSources().forEach(s -> triggers.add("SQS " + s.queueId()));
        spec.streamSources().forEach(s -> triggers.add("stream " + s.tableId()));
        Object events = spec.properties().get("Events");
        if (events instanceof Map<?, ?> map) {
            for (Object event : map.values()) {
                if (event instanceof Map<?, ?> e && "Schedule".equals(e.get("Type"))) {
                    triggers.add("schedule");
                } else if (event instanceof Map<?, ?> e && "ScheduleV2".equals(e.get("Type"))) {
                    triggers.add("schedule");
                }
            }
        }
        return triggers.isEmpty() ? "invoked" : String.join(", ", triggers);
    }

    static double median(List<Sample> samples, ToDoubleFunction<Sample> field) {
        return ColdStartBenchmark.median(samples, field);
    }

    static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String n(double value) {
        return value < 0 ? "-" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ms1(double value) {
        return value < 0 ? "-" : String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    private static String mb(double value) {
        return value < 0 ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "failed";
        }
        String line = text.strip().lines().findFirst().orElse("failed");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(repoRoot) ? repoRoot.relativize(absolute).toString() : absolute.toString();
    }

    private static void deleteQuietly(Path path) {
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // left in the temp folder
        }
    }
}
