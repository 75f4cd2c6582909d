package vn.smartprovince.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import vn.smartprovince.local.LocalParameters;
import vn.smartprovince.local.emulator.BootstrappedStack;
import vn.smartprovince.local.emulator.Emulator;
import vn.smartprovince.local.lambda.FunctionCode;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.local.template.TemplateException;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;

/**
 * Cold start of one function of template.yaml, measured process by process: for each run, a
 * fresh JVM that only prints a line ({@link PrintLine}, the baseline) and then a fresh JVM whose
 * class path is only the function's deployment package plus {@link InvokeOnce}, which constructs
 * the handler and handles one event against the emulator. Wall time is process start to the
 * timed line as read here; CPU time and peak RSS (VmHWM) are read from /proc at that moment.
 * Both JVMs get the same flags (Lambda's java runtime's) and the same environment (the
 * function's, resolved against the local stack, plus Lambda's reserved variables).
 *
 * <p>A harness, not a test: it asserts nothing about time. It fails (exit 1) when a response is
 * not what the function should answer (statusCode 200 unless told otherwise).
 * Run it with {@code infra/bin/benchmark-cold-start --help}.
 */
public final class ColdStartBenchmark {

    static final String USAGE = """
            usage: infra/bin/benchmark-cold-start [options]
              --function ID               logical id of the function in the template (default HealthFunction)
              --event FILE                event to invoke it with (default: the events/*.json whose routeKey
                                          is one of the function's HttpApi routes)
              --runs N                    measured runs, each a baseline JVM then a function JVM (default 7)
              --warmup N                  unmeasured pairs first: disk cache, moto's first requests (default 1)
              --java PATH                 JDK (home or bin/java) of the measured JVMs (default: this JVM's)
              --memory MB                 MemorySize instead of the template's (heap and env follow it)
              --jvm-arg ARG               one more flag for both JVMs, after Lambda's (repeatable)
              --expect-status N           statusCode every response must have (default 200; HTTP functions)
              --put-object BUCKET:KEY     before the runs, a 2 kB object at KEY in the stack's bucket BUCKET
                                          (logical id; type from the extension: .jpg .png .pdf), for an
                                          event that cites an upload (repeatable)
              --template FILE             SAM template (default: the repository's template.yaml)
              --parameter-overrides K=V…  template parameters, over infra/local-stack.properties
              --region REGION             region of the local stack (default ap-southeast-1)
              --verbose                   print the function's own output of every run
              --appcds                    first a training run that dumps the classes it loaded into a dynamic
                                          AppCDS archive (-XX:ArchiveClassesAtExit), then the function JVMs map
                                          it (-XX:SharedArchiveFile); the baseline keeps the JDK's default archive
            moto is started on a free port and stopped at the end, unless AWS_ENDPOINT_URL points at a
            running emulator (its tables are then created with the stack name smartprovince-benchmark).
            The demo province and users (infra/demo) and the local secrets are loaded first; an
            idempotency-key header in the event gets a fresh value in every run (each run creates).""";

    static final String STACK_NAME = "smartprovince-benchmark";
    static final String DEFAULT_FUNCTION = "HealthFunction";
    static final String BASELINE_LINE = "READY";
    static final String RESPONSE_LINE = "RESPONSE ";
    static final String ERROR_LINE = "ERROR ";

    /** Command-line options. */
    record Options(String function, Path event, int runs, int warmup, Path java, Integer memoryMb,
                   List<String> jvmArgs, int expectStatus, Path template, Map<String, String> parameterOverrides, String region,
                   boolean verbose, List<String> putObjects, boolean appCds) {

        static Options parse(String[] args, Path repoRoot) {
            String function = DEFAULT_FUNCTION;
            Path event = null;
            int runs = 7;
            int warmup = 1;
            Path java = null;
            Integer memory = null;
            List<String> jvmArgs = new ArrayList<>();
            int expectStatus = 200;
            Path template = repoRoot.resolve("template.yaml");
            Map<String, String> overrides = new LinkedHashMap<>();
            String region = System.getenv().getOrDefault("AWS_REGION", Emulator.DEFAULT_REGION);
            boolean verbose = false;
            boolean appCds = false;
            List<String> putObjects = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--function" -> function = value(args, ++i, arg);
                    case "--event" -> event = existing(value(args, ++i, arg), repoRoot);
                    case "--runs" -> runs = positive(value(args, ++i, arg), arg, 1);
                    case "--warmup" -> warmup = positive(value(args, ++i, arg), arg, 0);
                    case "--java" -> java = javaExecutable(value(args, ++i, arg));
                    case "--memory" -> memory = positive(value(args, ++i, arg), arg, 128);
                    case "--jvm-arg" -> jvmArgs.add(value(args, ++i, arg));
                    case "--expect-status" -> expectStatus = positive(value(args, ++i, arg), arg, 100);
                    case "--template" -> template = existing(value(args, ++i, arg), repoRoot);
                    case "--region" -> region = value(args, ++i, arg);
                    case "--verbose" -> verbose = true;
                    case "--appcds" -> appCds = true;
                    case "--put-object" -> {
                        String object = value(args, ++i, arg);
                        if (object.indexOf(':') <= 0 || object.endsWith(":")) {
                            throw new IllegalArgumentException("--put-object takes BucketLogicalId:key, got " + object);
                        }
                        putObjects.add(object);
                    }
                    case "--parameter-overrides" -> {
                        while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                            String pair = args[++i];
                            int eq = pair.indexOf('=');
                            if (eq <= 0) {
                                throw new IllegalArgumentException("--parameter-overrides takes Name=Value pairs, got "
                                        + pair);
                            }
                            overrides.put(pair.substring(0, eq), pair.substring(eq + 1));
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return new Options(function, event, runs, warmup, java, memory, List.copyOf(jvmArgs), expectStatus,
                    template, overrides, region, verbose, List.copyOf(putObjects), appCds);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int positive(String text, String option, int minimum) {
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

        /** As given (relative to the working directory), else relative to the repository root. */
        private static Path existing(String text, Path repoRoot) {
            Path path = Path.of(text);
            if (Files.exists(path)) {
                return path.toAbsolutePath().normalize();
            }
            Path inRepo = repoRoot.resolve(text);
            if (Files.exists(inRepo)) {
                return inRepo.normalize();
            }
            throw new IllegalArgumentException("no such file: " + text);
        }

        private static Path javaExecutable(String text) {
            Path path = Path.of(text).toAbsolutePath().normalize();
            Path java = Files.isDirectory(path) ? path.resolve("bin").resolve("java") : path;
            if (!Files.isExecutable(java)) {
                throw new IllegalArgumentException("--java: no java executable at " + java);
            }
            return java;
        }
    }

    /** Why a run cannot be measured or its answer is wrong: reported, exit code 1. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /**
     * One measured JVM. Times in ms; -1 where not known. In primed mode, {@code primeMs} is the
     * SnapStart hooks' run ({@code hook}: whether the package has any), {@code invokeMs} the first
     * request after them, and {@code warmMs} the requests after that.
     */
    record Sample(double wallMs, double cpuMs, double rssMb, double toMainMs, double initMs, double invokeMs,
                  double emulatorCpuMs, String line, List<String> output, double primeMs, boolean hook,
                  List<Double> warmMs) {
    }

    /** What the child JVMs run: the JVM, its flags, the two commands and their environment. */
    record Setup(Path java, List<String> flags, List<String> baseline, List<String> function,
                 Map<String, String> environment, Path workingDirectory, Duration timeout) {
    }

    private final Options options;
    private final Path repoRoot;
    /** Kills a measured JVM that runs past its timeout. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "benchmark-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    ColdStartBenchmark(Options options, Path repoRoot) {
        this.options = options;
        this.repoRoot = repoRoot;
    }

    public static void main(String[] args) {
        Path repoRoot = repoRoot();
        Options options = options(args, USAGE, a -> Options.parse(a, repoRoot));
        try {
            new ColdStartBenchmark(options, repoRoot).run();
        } catch (Failure | TemplateException e) {
            System.out.flush();
            System.err.println("\nFAILED: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.out.flush();
            System.err.println("\nFAILED:");
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** The repository (the scripts pass it as -Dbenchmark.repoRoot), else found from the working directory. */
    static Path repoRoot() {
        // Emulator and bootstrap log JSON lines; stdout is the report.
        JsonLog.redirect(System.err);
        return Optional.ofNullable(System.getProperty("benchmark.repoRoot")).map(Path::of)
                .orElseGet(() -> LocalParameters.repoRoot(Path.of("")));
    }

    /** The options parsed; --help prints the usage and exits 0, a bad option exits 2 with the usage. */
    static <O> O options(String[] args, String usage, java.util.function.Function<String[], O> parse) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(usage);
            System.exit(0);
        }
        try {
            return parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage);
            System.exit(2);
            throw e;
        }
    }

    void run() throws Exception {
        Template template = Template.load(options.template());
        Template.Resource resource = template.resources().get(options.function());
        if (resource == null || !resource.type().equals("AWS::Serverless::Function")) {
            throw new Failure("no AWS::Serverless::Function " + options.function() + " in " + template.file()
                    + "; functions: " + template.resourcesOfType("AWS::Serverless::Function").stream()
                    .map(Template.Resource::logicalId).collect(Collectors.joining(", ")));
        }
        Path java = options.java() != null ? options.java()
                : Path.of(System.getProperty("java.home"), "bin", "java");
        String javaVersion = javaVersion(java);

        Path work = Files.createTempDirectory("cold-start-");
        Thread cleanup = new Thread(() -> deleteQuietly(work), "benchmark-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (BenchmarkStack local = BenchmarkStack.withDemo(repoRoot, template, STACK_NAME, options.region(),
                options.parameterOverrides())) {
            // Secrets, the demo province and users, the Zalo stub (sign-in) and the one-stop fake, as on start-local.
            Emulator emulator = local.emulator();
            BootstrappedStack stack = local.stack();
            putObjects(emulator, stack, options.putObjects());
            FunctionSpec spec = FunctionSpec.all(template, stack.intrinsics()).stream()
                    .filter(f -> f.logicalId().equals(options.function())).findFirst()
                    .orElseThrow(() -> new Failure(options.function() + " does not exist in this stack: its Condition"
                            + " is false with these parameters"));
            Path event = options.event() != null ? options.event() : defaultEvent(spec, template.directory());
            Prepared prepared = prepare(spec, event, stack, emulator, java, options.memoryMb(), options.jvmArgs(),
                    work, template.directory(), new LinkedHashMap<>());
            Setup setup = options.appCds() ? withAppCds(prepared.setup(), work) : prepared.setup();
            Package pkg = prepared.pkg();
            List<String> added = prepared.added();
            boolean stream = prepared.stream();
            int memoryMb = prepared.memoryMb();
            Map<String, String> environment = setup.environment();
            List<String> flags = setup.flags();
            List<String> routes = prepared.routes();
            boolean http = prepared.http();
            FunctionCode code = prepared.code();
            EmulatorCpu emulatorCpu = new EmulatorCpu(emulator.owned());

            PrintStreamReport out = new PrintStreamReport();
            out.line("Cold start of " + spec.logicalId() + " (" + spec.handler() + (stream ? ", RequestStreamHandler"
                    : ", through aws-lambda-java-serialization") + ")" + (http ? " " + String.join(", ", routes) : ""));
            out.field("event", relative(event));
            out.field("package", relative(code.artifact()) + ": " + pkg.jarCount() + " jars, "
                    + String.format(Locale.ROOT, "%.1f MB", pkg.bytes() / 1e6)
                    + (added.isEmpty() ? "" : "; plus " + String.join(", ", added)));
            out.field("memory", memoryMb + " MB" + (options.memoryMb() != null ? " (--memory)" : " (MemorySize)")
                    + ", timeout " + spec.timeoutSeconds() + " s");
            out.field("java", java + ": " + javaVersion + " (CDS archive " + (cdsAvailable(java) ? "present" : "MISSING")
                    + ")");
            out.field("harness", System.getProperty("java.home") + ": " + System.getProperty("java.runtime.version"));
            out.field("machine", Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                    + System.getProperty("os.arch"));
            out.field("JVM flags", String.join(" ", flags));
            if (options.appCds()) {
                out.field("AppCDS", "the function JVM maps the archive of one training run (-XX:SharedArchiveFile)");
            }
            out.field("", "the same for both JVMs: Lambda's java runtime's (MaxHeapSize 85% of memory), and MaxRAM"
                    + " = memory as in its sandbox" + (options.jvmArgs().isEmpty() ? "" : "; then --jvm-arg's"));
            out.field("env", String.join(" ", environment.keySet()));
            if (!options.putObjects().isEmpty()) {
                out.field("objects", String.join(", ", options.putObjects()) + " (--put-object, 2 kB each)");
            }
            out.field("emulator", emulator.endpoint() + " (" + emulator.kind().name().toLowerCase(Locale.ROOT)
                    + (emulator.owned() ? ", started here)" : ", already running)"));
            out.field("runs", options.runs() + " measured (baseline JVM, then function JVM), after "
                    + options.warmup() + " unmeasured pair(s)");
            out.field("columns", "wall: process start to its line (READY / RESPONSE), as read here");
            out.field("", "CPU: user+sys of the process at that moment (/proc, 10 ms ticks); RSS: its peak (VmHWM)");
            out.field("", "main / init / call: JVM start to main(); loading and constructing the handler; handling"
                    + " the event");
            out.field("", "moto: CPU the emulator spent during the function's run"
                    + (emulator.owned() ? "" : " (only known for a moto started here)"));
            out.line("");

            for (int i = 0; i < options.warmup(); i++) {
                measure(setup, "baseline JVM (PrintLine)", setup.baseline(), BASELINE_LINE, null);
                check(measure(setup, "function JVM (InvokeOnce)", setup.function(), RESPONSE_LINE, null), http, "warm-up " + (i + 1));
            }

            List<Sample> baselines = new ArrayList<>();
            List<Sample> functions = new ArrayList<>();
            Table table = new Table();
            out.line(table.header());
            MachineCpu before = MachineCpu.now(emulatorCpu);
            for (int run = 1; run <= options.runs(); run++) {
                Sample b = measure(setup, "baseline JVM (PrintLine)", setup.baseline(), BASELINE_LINE, null);
                Sample f = measure(setup, "function JVM (InvokeOnce)", setup.function(), RESPONSE_LINE, emulatorCpu);
                String status = check(f, http, "run " + run);
                baselines.add(b);
                functions.add(f);
                out.line(table.row(Integer.toString(run), b, f, status));
                if (options.verbose()) {
                    f.output().forEach(l -> out.line("      | " + l));
                }
            }
            MachineCpu after = MachineCpu.now(emulatorCpu);
            out.line(table.rule());
            out.line(table.summary("median", baselines, functions, ColdStartBenchmark::median));
            out.line(table.summary("min", baselines, functions, ColdStartBenchmark::min));
            out.line(table.summary("max", baselines, functions, ColdStartBenchmark::max));
            out.line("");
            double baseWall = median(baselines, Sample::wallMs);
            double funcWall = median(functions, Sample::wallMs);
            out.line(String.format(Locale.ROOT, "function/baseline, median wall: %.0f ms / %.0f ms = %.1fx"
                            + "  (the function's own share: %.0f ms)", funcWall, baseWall, funcWall / baseWall,
                    funcWall - baseWall));
            out.line(String.format(Locale.ROOT, "function/baseline, median CPU:  %.0f ms / %.0f ms = %.1fx;"
                            + " median peak RSS: %.1f MB / %.1f MB", median(functions, Sample::cpuMs),
                    median(baselines, Sample::cpuMs), median(functions, Sample::cpuMs) / median(baselines,
                            Sample::cpuMs), median(functions, Sample::rssMb), median(baselines, Sample::rssMb)));
            double measuredCpu = Stream.concat(baselines.stream(), functions.stream()).mapToDouble(Sample::cpuMs).sum();
            out.line(before.otherLoad(after, measuredCpu));
        } finally {
            deleteQuietly(work);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
    }

    /** A function ready to be measured: its package unpacked, its JVMs' commands and environment. */
    record Prepared(FunctionSpec spec, FunctionCode code, Package pkg, Path event, Setup setup, boolean stream,
                    List<String> added, int memoryMb, List<String> routes) {
        boolean http() {
            return !routes.isEmpty();
        }
    }

    /**
     * Unpacks the function's package (once per artifact: {@code unpacked} remembers it), checks the
     * event, and builds the two commands: the baseline JVM and the function's JVM, both with
     * Lambda's flags and the function's environment.
     */
    static Prepared prepare(FunctionSpec spec, Path event, BootstrappedStack stack, Emulator emulator, Path java,
                            Integer memoryOverride, List<String> jvmArgs, Path work, Path templateDirectory,
                            Map<Path, Package> unpacked) throws IOException {
        if (spec.runtime() == null || !spec.runtime().startsWith("java")) {
            throw new Failure(spec.logicalId() + " has runtime " + spec.runtime() + "; this harness runs Java");
        }
        if (spec.handler() == null || spec.handler().isBlank()) {
            throw new Failure(spec.logicalId() + " has no Handler");
        }
        int memoryMb = memoryOverride != null ? memoryOverride : spec.memoryMb();
        Object codeUri = stack.intrinsics().resolve(spec.codeUri());
        if (!(codeUri instanceof String uri)) {
            throw new Failure(spec.logicalId() + " has CodeUri " + codeUri + "; a local zip, jar or folder is needed");
        }
        FunctionCode code = FunctionCode.of(spec.logicalId(), uri, templateDirectory);
        if (!code.exists()) {
            throw new Failure(code.missingMessage());
        }
        checkEvent(event);
        Package pkg = unpacked.get(code.artifact());
        if (pkg == null) {
            pkg = Package.unpack(code.artifact(), work.resolve("task-" + unpacked.size()));
            unpacked.put(code.artifact(), pkg);
        }
        Map<String, String> environment = environment(spec, stack, emulator, memoryMb, pkg.taskRoot());
        Launch launch = launch(pkg, spec.handler(), event, spec.timeoutSeconds(), java, memoryMb, jvmArgs, work);
        Setup setup = new Setup(java, launch.flags(), launch.baseline(), launch.function(), environment,
                pkg.taskRoot(), Duration.ofSeconds(Math.max(60, spec.timeoutSeconds() * 3L)));
        return new Prepared(spec, code, pkg, event, setup, launch.stream(), launch.added(), memoryMb,
                spec.routes().stream().map(FunctionSpec.HttpRoute::routeKey).toList());
    }

    /** The commands of the two JVMs for a handler of a package; what the harness added to its class path. */
    record Launch(List<String> flags, List<String> baseline, List<String> function, boolean stream,
                  List<String> added) {
    }

    static Launch launch(Package pkg, String handler, Path event, int timeoutSeconds, Path java, int memoryMb,
                         List<String> jvmArgs, Path work) throws IOException {
        Path printLineJar = work.resolve("print-line.jar");
        Path invokeOnceJar = work.resolve("invoke-once.jar");
        if (!Files.exists(printLineJar)) {
            jarOf(printLineJar, "PrintLine");
            jarOf(invokeOnceJar, "InvokeOnce");
        }
        List<Path> classPath = new ArrayList<>();
        classPath.add(invokeOnceJar);
        classPath.addAll(pkg.classPath());
        List<String> added = new ArrayList<>();
        if (!pkg.contains("com/amazonaws/services/lambda/runtime/Context.class")) {
            // Lambda's runtime provides aws-lambda-java-core; this package relies on that.
            classPath.add(jarContaining(com.amazonaws.services.lambda.runtime.Context.class));
            added.add("aws-lambda-java-core (the runtime's)");
        }
        boolean stream = isStreamHandler(handler, classPath);
        if (!stream) {
            classPath.add(jarContaining(
                    com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers.class));
            added.add("aws-lambda-java-serialization (the runtime's, for a RequestHandler)");
        }
        List<String> flags = lambdaFlags(memoryMb, jvmArgs);
        List<String> baseline = new ArrayList<>(List.of(java.toString()));
        baseline.addAll(flags);
        baseline.addAll(List.of("-cp", printLineJar.toString(), PrintLine.class.getName()));
        List<String> function = new ArrayList<>(List.of(java.toString()));
        function.addAll(flags);
        function.addAll(List.of("-cp", classPath.stream().map(Path::toString).collect(Collectors.joining(":")),
                InvokeOnce.class.getName(), handler, event.toString(), Integer.toString(timeoutSeconds)));
        return new Launch(flags, List.copyOf(baseline), List.copyOf(function), stream, List.copyOf(added));
    }

    /**
     * The set-up whose function JVM maps a dynamic AppCDS archive of the classes this function
     * loads: one training run (handler constructed, event handled) dumps it at exit.
     */
    static Setup withAppCds(Setup prepared, Path work) throws IOException, InterruptedException {
        Path taskRoot = prepared.workingDirectory();
        Path archive = work.resolve("app-cds.jsa");
        // The JDK refuses to archive with a non-empty directory on the class path, and Lambda's
        // starts with /var/task (which holds lib/). Every class of ours is in lib/*.jar, so the
        // measurement drops the directory: what AppCDS would give if the class path allowed it.
        List<String> jarsOnly = new ArrayList<>(prepared.function());
        int cp = jarsOnly.indexOf("-cp") + 1;
        jarsOnly.set(cp, java.util.Arrays.stream(jarsOnly.get(cp).split(":"))
                .filter(entry -> !Path.of(entry).equals(taskRoot))
                .collect(Collectors.joining(":")));
        Setup setup = new Setup(prepared.java(), prepared.flags(), prepared.baseline(), List.copyOf(jarsOnly),
                prepared.environment(), taskRoot, prepared.timeout());
        List<String> training = new ArrayList<>(setup.function());
        training.add(1, "-XX:ArchiveClassesAtExit=" + archive);
        Sample trained = measure(setup, "AppCDS training JVM", training, RESPONSE_LINE, null);
        if (!Files.exists(archive)) {
            throw new Failure("the training run left no AppCDS archive at " + archive
                    + tail("its output", trained.output()));
        }
        List<String> function = new ArrayList<>(setup.function());
        function.add(1, "-XX:SharedArchiveFile=" + archive);
        System.out.printf(Locale.ROOT, "AppCDS archive: %.1f MB from one training run%n", Files.size(archive) / 1e6);
        return new Setup(setup.java(), setup.flags(), setup.baseline(), List.copyOf(function), setup.environment(),
                setup.workingDirectory(), setup.timeout());
    }

    static void checkEvent(Path event) {
        try {
            if (!Json.read(Files.readString(event)).isObject()) {
                throw new Failure(event + " is not a JSON object");
            }
        } catch (IOException | RuntimeException e) {
            throw e instanceof Failure f ? f : new Failure(event + " is not JSON: " + e.getMessage());
        }
    }

    /** Objects an event cites (BucketLogicalId:key, 2 kB each): what its upload would have left in the bucket. */
    static void putObjects(Emulator emulator, BootstrappedStack stack, List<String> objects) {
        if (objects.isEmpty()) {
            return;
        }
        byte[] bytes = new byte[2048];
        new java.util.Random(2048).nextBytes(bytes);
        try (var s3 = emulator.s3()) {
            for (String object : objects) {
                String bucketId = object.substring(0, object.indexOf(':'));
                String key = object.substring(object.indexOf(':') + 1);
                if (!stack.exists(bucketId)) {
                    throw new Failure("--put-object: no bucket " + bucketId + " in this stack");
                }
                s3.putObject(b -> b.bucket(stack.bucketName(bucketId)).key(key).contentType(contentType(key)),
                        software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));
            }
        }
    }

    /** The content type an upload of that name has (type from the extension). */
    static String contentType(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? "image/jpeg"
                : lower.endsWith(".png") ? "image/png" : lower.endsWith(".pdf") ? "application/pdf"
                : "application/octet-stream";
    }

    // ---------------------------------------------------------------- measuring

    /**
     * Starts one JVM, times it to its first line starting with {@code expected}, reads its CPU time
     * and peak RSS while it waits on stdin, then lets it exit. A line starting with {@code ERROR },
     * an exit or the timeout before that line is a {@link Failure} with the process's output.
     */
    static Sample measure(Setup setup, String label, List<String> command, String expected, EmulatorCpu emulatorCpu)
            throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("cold-start-stderr-", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(setup.workingDirectory().toFile())
                    .redirectError(stderr.toFile());
            builder.environment().clear();
            builder.environment().putAll(setup.environment());
            double emulatorBefore = emulatorCpu == null ? -1 : emulatorCpu.ms(-1);

            long started = System.nanoTime();
            Process process = builder.start();
            ScheduledFuture<?> watchdog = TIMER.schedule(process::destroyForcibly, setup.timeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            List<String> output = new ArrayList<>();
            String line;
            long lineAt;
            double cpuMs;
            double rssMb;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                while ((line = reader.readLine()) != null && !line.startsWith(expected)
                        && !line.startsWith(ERROR_LINE)) {
                    output.add(line);
                }
                lineAt = System.nanoTime();
                cpuMs = cpuMs(process);
                rssMb = peakRssKb(process.pid()) / 1024.0;
                double emulatorMs = emulatorCpu == null || emulatorBefore < 0 ? -1
                        : emulatorCpu.ms(process.pid()) - emulatorBefore;

                if (line == null || line.startsWith(ERROR_LINE)) {
                    process.waitFor(5, TimeUnit.SECONDS);
                    process.destroyForcibly();
                    throw new Failure(label + "\n  " + (line == null ? "ended (exit code "
                            + (process.isAlive() ? "-" : process.exitValue()) + ") without printing " + expected.strip()
                            : line) + tail("stdout", output) + tail("stderr", Files.readAllLines(stderr)));
                }
                Map<String, Long> times = new LinkedHashMap<>();
                List<Double> warm = new ArrayList<>();
                String next = reader.readLine();
                if (next != null && next.startsWith("TIMES ")) {
                    for (String pair : next.substring(6).trim().split(" ")) {
                        int eq = pair.indexOf('=');
                        String value = pair.substring(eq + 1);
                        if (pair.startsWith("warm=")) {
                            for (String nanos : value.split(",")) {
                                warm.add(ms(Long.parseLong(nanos)));
                            }
                        } else {
                            times.put(pair.substring(0, eq), Long.parseLong(value));
                        }
                    }
                }
                try (OutputStream stdin = process.getOutputStream()) {
                    // closing it lets the child exit
                }
                for (String rest; (rest = reader.readLine()) != null; ) {
                    output.add(rest);
                }
                if (!process.waitFor(setup.timeout().toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new Failure(label + "\n  did not exit after its stdin was closed");
                }
                output.addAll(Files.readAllLines(stderr).stream().map(l -> "[stderr] " + l).toList());
                return new Sample(ms(lineAt - started), cpuMs, rssMb,
                        times.containsKey("main") ? ms(times.get("main") - started) : -1,
                        times.containsKey("init") ? ms(times.get("init") - times.get("main")) : -1,
                        times.containsKey("invoked") ? ms(times.get("invoked")
                                - times.getOrDefault("primed", times.get("init"))) : -1,
                        emulatorMs, line, output,
                        times.containsKey("primed") ? ms(times.get("primed") - times.get("init")) : -1,
                        times.getOrDefault("hook", 0L) == 1L, List.copyOf(warm));
            } finally {
                watchdog.cancel(false);
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
            }
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    /** The response must be what the function answers when it works: statusCode for HTTP, no failed items otherwise. */
    String check(Sample sample, boolean http, String what) {
        String body = sample.line().substring(RESPONSE_LINE.length()).trim();
        JsonNode response;
        try {
            response = Json.read(body);
        } catch (RuntimeException e) {
            throw new Failure(what + ": the response is not JSON: " + abbreviate(body));
        }
        if (response.has("statusCode") || http) {
            int status = response.path("statusCode").asInt(-1);
            if (status != options.expectStatus()) {
                throw new Failure(what + ": statusCode " + status + ", expected " + options.expectStatus()
                        + "\n  response: " + abbreviate(body) + tail("stdout", sample.output()));
            }
            return Integer.toString(status);
        }
        JsonNode failures = response.path("batchItemFailures");
        if (failures.isArray() && !failures.isEmpty()) {
            throw new Failure(what + ": batchItemFailures " + failures + tail("stdout", sample.output()));
        }
        return "ok";
    }

    // ---------------------------------------------------------------- child JVM setup

    /**
     * The function's variables resolved against the local stack, plus what Lambda puts in every
     * function's environment (the same names the local runtime sets), credentials for the emulator.
     */
    static Map<String, String> environment(FunctionSpec spec, BootstrappedStack stack, Emulator emulator,
                                           int memoryMb, Path taskRoot) {
        String name = Objects.toString(stack.ref(spec.logicalId()));
        Map<String, String> env = new LinkedHashMap<>(stack.environment(spec.logicalId()));
        env.putAll(lambdaEnvironment(emulator, name, spec.runtime(), spec.handler(), memoryMb, taskRoot,
                logGroup(spec, stack, name)));
        return env;
    }

    /** What Lambda puts in every function's environment, credentials and endpoint for the emulator. */
    static Map<String, String> lambdaEnvironment(Emulator emulator, String name, String runtime, String handler,
                                                 int memoryMb, Path taskRoot, String logGroup) {
        String region = emulator.region().id();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_ACCESS_KEY_ID", Emulator.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", Emulator.SECRET_KEY);
        env.put("AWS_ENDPOINT_URL", emulator.endpoint().toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", logGroup);
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + runtime);
        env.put("_HANDLER", handler);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        return env;
    }

    private static String logGroup(FunctionSpec spec, BootstrappedStack stack, String name) {
        Object logging = spec.properties().get("LoggingConfig");
        if (logging instanceof Map<?, ?> map && map.get("LogGroup") != null) {
            try {
                String group = stack.intrinsics().resolveString(map.get("LogGroup"));
                if (group != null) {
                    return group;
                }
            } catch (TemplateException e) {
                // Lambda's default below
            }
        }
        return "/aws/lambda/" + name;
    }

    /**
     * The flags Lambda's java17/java21 runtime starts its JVM with (MaxHeapSize 85% of the memory
     * size, serial GC, class data sharing, C1 only, IPv4), with the JDK's default CDS archive
     * instead of Lambda's own; plus {@code -XX:MaxRAM}, which Lambda does not pass but its sandbox
     * implies: the JVM sizes its initial heap and young generation from the RAM it sees, which
     * there is the function's memory (1024 MB: 16 MB initial heap) and here the whole machine's
     * (24 GB: 378 MB, so no GC would run during a cold start that collects several times on Lambda).
     */
    static List<String> lambdaFlags(int memoryMb, List<String> extra) {
        List<String> flags = new ArrayList<>(List.of("-XX:MaxHeapSize=" + (memoryMb * 1024L * 85 / 100) + "k",
                "-XX:MaxRAM=" + memoryMb + "m", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true"));
        flags.addAll(extra);
        return List.copyOf(flags);
    }

    /**
     * Whether Lambda would hand this handler the raw streams: a {@code RequestStreamHandler}
     * called through {@code handleRequest}. Decided here, outside the measured JVM, by loading the
     * class without initializing it.
     */
    static boolean isStreamHandler(String handler, List<Path> classPath) throws IOException {
        int separator = handler.indexOf("::");
        String className = separator >= 0 ? handler.substring(0, separator) : handler;
        String method = separator >= 0 ? handler.substring(separator + 2) : null;
        List<URL> urls = new ArrayList<>();
        for (Path path : classPath) {
            urls.add(path.toUri().toURL());
        }
        if (urls.stream().noneMatch(u -> u.toString().contains("aws-lambda-java-core"))) {
            urls.add(jarContaining(com.amazonaws.services.lambda.runtime.Context.class).toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Class<?> type = Class.forName(className, false, loader);
            Class<?> streamHandler = Class.forName("com.amazonaws.services.lambda.runtime.RequestStreamHandler",
                    false, loader);
            return streamHandler.isAssignableFrom(type) && (method == null || method.equals("handleRequest"));
        } catch (ClassNotFoundException | LinkageError e) {
            throw new Failure("handler class " + className + " cannot be loaded from the package: " + e);
        }
    }

    /** The events/*.json whose routeKey is one of the function's routes. */
    static Path defaultEvent(FunctionSpec spec, Path templateDirectory) throws IOException {
        List<String> routes = spec.routes().stream().map(FunctionSpec.HttpRoute::routeKey).toList();
        Path events = templateDirectory.resolve("events");
        if (!routes.isEmpty() && Files.isDirectory(events)) {
            try (Stream<Path> files = Files.list(events)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    try {
                        if (routes.contains(Json.read(Files.readString(file)).path("routeKey").asText())) {
                            return file;
                        }
                    } catch (RuntimeException e) {
                        // not an event of ours
                    }
                }
            }
        }
        throw new Failure("no --event given and no events/*.json has a routeKey of " + spec.logicalId()
                + (routes.isEmpty() ? " (it has no HttpApi route)" : " (" + String.join(", ", routes) + ")"));
    }

    /** A jar with just this module's {@code <prefix>*.class}: the child's class path sees nothing else of ours. */
    static Path jarOf(Path jar, String classPrefix) throws IOException {
        String packagePath = ColdStartBenchmark.class.getPackageName().replace('.', '/') + "/";
        Path source = jarContaining(ColdStartBenchmark.class);
        int count = 0;
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (Files.isDirectory(source)) {
                try (DirectoryStream<Path> classes = Files.newDirectoryStream(source.resolve(packagePath),
                        classPrefix + "*.class")) {
                    for (Path file : classes) {
                        String name = file.getFileName().toString();
                        if (isClassOf(name, classPrefix)) {
                            out.putNextEntry(new JarEntry(packagePath + name));
                            Files.copy(file, out);
                            out.closeEntry();
                            count++;
                        }
                    }
                }
            } else {
                try (JarFile in = new JarFile(source.toFile())) {
                    for (JarEntry entry : in.stream().toList()) {
                        String name = entry.getName();
                        if (name.startsWith(packagePath) && isClassOf(name.substring(packagePath.length()), classPrefix)) {
                            out.putNextEntry(new JarEntry(name));
                            try (InputStream bytes = in.getInputStream(entry)) {
                                bytes.transferTo(out);
                            }
                            out.closeEntry();
                            count++;
                        }
                    }
                }
            }
        }
        if (count == 0) {
            throw new Failure("no " + classPrefix + " classes found in " + source);
        }
        return jar;
    }

    private static boolean isClassOf(String fileName, String classPrefix) {
        return fileName.equals(classPrefix + ".class") || fileName.startsWith(classPrefix + "$");
    }

    static Path jarContaining(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
        }
    }

    /** The deployment package on disk, in Lambda's layout: the task root, then lib/*.jar. */
    record Package(Path taskRoot, List<Path> classPath, int jarCount, long bytes) {

        static Package unpack(Path artifact, Path target) throws IOException {
            String name = artifact.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".jar")) {
                return new Package(artifact.getParent(), List.of(artifact), 1, Files.size(artifact));
            }
            Path root = artifact;
            if (name.endsWith(".zip")) {
                root = target;
                Files.createDirectories(root);
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(artifact))) {
                    for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                        Path out = root.resolve(entry.getName()).normalize();
                        if (!out.startsWith(root)) {
                            throw new Failure(artifact + ": entry " + entry.getName() + " points outside the package");
                        }
                        if (entry.isDirectory()) {
                            Files.createDirectories(out);
                        } else {
                            Files.createDirectories(out.getParent());
                            Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            List<Path> classPath = new ArrayList<>();
            classPath.add(root);
            List<Path> jars = new ArrayList<>();
            Path lib = root.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(lib, "*.jar")) {
                    entries.forEach(jars::add);
                }
            }
            jars.sort(Comparator.comparing(Path::toString));
            classPath.addAll(jars);
            long bytes;
            try (Stream<Path> files = Files.walk(root)) {
                bytes = files.filter(Files::isRegularFile).mapToLong(p -> {
                    try {
                        return Files.size(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).sum();
            }
            return new Package(root, List.copyOf(classPath), jars.size(), bytes);
        }

        boolean contains(String resource) throws IOException {
            for (Path entry : classPath) {
                if (Files.isDirectory(entry)) {
                    if (Files.isRegularFile(entry.resolve(resource))) {
                        return true;
                    }
                } else {
                    try (JarFile jar = new JarFile(entry.toFile())) {
                        if (jar.getEntry(resource) != null) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    // ---------------------------------------------------------------- /proc and the JDK

    /** User + system CPU of the live process (Linux reads /proc/pid/stat: 10 ms ticks); -1 if unknown. */
    static double cpuMs(Process process) {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(-1.0);
    }

    /** VmHWM of a live process in kB; -1 where there is no /proc. */
    static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or gone
        }
        return -1;
    }

    /**
     * CPU time of the emulator this harness started (moto_server and its children, that is every
     * descendant of this JVM but the measured one), so that a run's share of it can be shown.
     */
    static final class EmulatorCpu {
        private final boolean enabled;

        EmulatorCpu(boolean enabled) {
            this.enabled = enabled;
        }

        double ms(long excludedPid) {
            if (!enabled) {
                return -1;
            }
            return ProcessHandle.current().descendants().filter(p -> p.pid() != excludedPid)
                    .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0)).sum();
        }
    }

    /**
     * The machine's busy CPU time (/proc/stat), this JVM's and the emulator's, and the load
     * average: taken before and after the measured runs to tell how much CPU other processes
     * took meanwhile (a build running beside the benchmark inflates every figure).
     */
    record MachineCpu(long nanos, double busyMs, double harnessMs, double emulatorMs, String loadAverage) {

        static MachineCpu now(EmulatorCpu emulatorCpu) {
            double busy = -1;
            try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
                String[] f = lines.findFirst().orElse("").trim().split("\\s+");
                if (f.length > 8 && f[0].equals("cpu")) {
                    // user nice system idle iowait irq softirq steal, in USER_HZ (100 per second) ticks
                    long ticks = 0;
                    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                        ticks += Long.parseLong(f[i]);
                    }
                    busy = ticks * 10.0;
                }
            } catch (IOException | RuntimeException e) {
                // not Linux
            }
            String load;
            try {
                String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
                load = parts[0] + " " + parts[1] + " " + parts[2];
            } catch (IOException | RuntimeException e) {
                load = "?";
            }
            double harness = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0);
            return new MachineCpu(System.nanoTime(), busy, harness, Math.max(0, emulatorCpu.ms(-1)), load);
        }

        /** One line: CPU used by other processes during the runs, with a warning when it is large. */
        String otherLoad(MachineCpu after, double measuredJvmsMs) {
            if (busyMs < 0 || after.busyMs < 0) {
                return "machine load: unknown (no /proc/stat)";
            }
            double windowMs = (after.nanos - nanos) / 1e6;
            double ours = measuredJvmsMs + (after.harnessMs - harnessMs) + (after.emulatorMs - emulatorMs);
            double other = Math.max(0, (after.busyMs - busyMs) - ours);
            double share = other / windowMs;
            String line = String.format(Locale.ROOT, "machine during the runs: %.1f s; CPU of other processes %.0f ms"
                    + " (%.0f%% of one core; includes the measured JVMs' exits); load average %s before, %s after",
                    windowMs / 1000, other, share * 100, loadAverage, after.loadAverage);
            // Idle, the exits of 2 x runs JVMs and the kernel's share come to ~5-8% of one core here.
            return share > 0.20 ? line + "\nWARNING: other processes were busy during the runs: the figures above are"
                    + " inflated; run again on an idle machine" : line;
        }
    }

    static String javaVersion(Path java) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new Failure(java + " -version failed: " + text);
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        // openjdk version "17.0.15" 2025-04-15 / OpenJDK Runtime Environment (build ...) / VM line
        return lines.isEmpty() ? "?" : lines.get(0) + (lines.size() > 1 ? "; " + lines.get(1) : "");
    }

    /** Whether the JDK has its default CDS archive (what -Xshare:auto then maps). */
    static boolean cdsAvailable(Path java) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java.toString(), "-Xshare:on", "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip().replaceAll("\\s+", " ")).orElse("?");
        } catch (IOException | UncheckedIOException e) {
            return "?";
        }
    }

    // ---------------------------------------------------------------- report

    /** The per-run table and its summary rows. */
    static final class Table {
        private static final String FORMAT = "%-7s | %7s %7s %7s | %7s %7s %7s | %7s %7s %7s %7s | %6s";

        String header() {
            return String.format(Locale.ROOT, FORMAT, "", "baseline", "", "", "function", "", "", "", "", "", "", "")
                    + "\n" + String.format(Locale.ROOT, FORMAT, "run", "wall ms", "CPU ms", "RSS MB",
                    "wall ms", "CPU ms", "RSS MB", "main ms", "init ms", "call ms", "moto ms", "status")
                    + "\n" + rule();
        }

        String rule() {
            return String.format(Locale.ROOT, FORMAT, "", "", "", "", "", "", "", "", "", "", "", "")
                    .replace(' ', '-').replace('|', '+');
        }

        String row(String label, Sample b, Sample f, String status) {
            return String.format(Locale.ROOT, FORMAT, label, n(b.wallMs()), n(b.cpuMs()), mb(b.rssMb()),
                    n(f.wallMs()), n(f.cpuMs()), mb(f.rssMb()), n(f.toMainMs()), n(f.initMs()), n(f.invokeMs()),
                    n(f.emulatorCpuMs()), status);
        }

        String summary(String label, List<Sample> b, List<Sample> f, Statistic statistic) {
            return String.format(Locale.ROOT, FORMAT, label, n(statistic.of(b, Sample::wallMs)),
                    n(statistic.of(b, Sample::cpuMs)), mb(statistic.of(b, Sample::rssMb)),
                    n(statistic.of(f, Sample::wallMs)), n(statistic.of(f, Sample::cpuMs)),
                    mb(statistic.of(f, Sample::rssMb)), n(statistic.of(f, Sample::toMainMs)),
                    n(statistic.of(f, Sample::initMs)), n(statistic.of(f, Sample::invokeMs)),
                    n(statistic.of(f, Sample::emulatorCpuMs)), "");
        }

        private static String n(double value) {
            return value < 0 ? "-" : String.format(Locale.ROOT, "%.0f", value);
        }

        private static String mb(double value) {
            return value < 0 ? "-" : String.format(Locale.ROOT, "%.1f", value);
        }
    }

    interface Statistic {
        double of(List<Sample> samples, ToDoubleFunction<Sample> field);
    }

    static double median(List<Sample> samples, ToDoubleFunction<Sample> field) {
        double[] values = samples.stream().mapToDouble(field).sorted().toArray();
        if (values.length == 0) {
            return -1;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    static double min(List<Sample> samples, ToDoubleFunction<Sample> field) {
        return samples.stream().mapToDouble(field).min().orElse(-1);
    }

    static double max(List<Sample> samples, ToDoubleFunction<Sample> field) {
        return samples.stream().mapToDouble(field).max().orElse(-1);
    }

    /** The report on stdout, flushed line by line so a long run shows progress. */
    static final class PrintStreamReport {
        void line(String text) {
            System.out.println(text);
            System.out.flush();
        }

        void field(String name, String value) {
            line(String.format(Locale.ROOT, "  %-10s %s", name, value));
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(repoRoot) ? repoRoot.relativize(absolute).toString() : absolute.toString();
    }

    private static String tail(String name, List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        List<String> last = lines.subList(Math.max(0, lines.size() - 30), lines.size());
        return "\n  " + name + (last.size() < lines.size() ? " (last 30 lines)" : "") + ":\n    "
                + String.join("\n    ", last);
    }

    private static String abbreviate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }

    private static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left in the temp folder
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // left in the temp folder
        }
    }
}
