package vn.smartprovince.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import vn.smartprovince.local.demo.DemoData;
import vn.smartprovince.local.emulator.BootstrappedStack;
import vn.smartprovince.local.emulator.Emulator;
import vn.smartprovince.local.emulator.StackBootstrap;
import vn.smartprovince.local.events.EventSourcePollers;
import vn.smartprovince.local.http.LocalHttpServer;
import vn.smartprovince.local.lambda.LocalFunctions;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.local.template.Template;

/**
 * The whole system on a laptop, as template.yaml declares it: an AWS emulator (moto started on
 * 127.0.0.1:4566 unless {@code AWS_ENDPOINT_URL} points at a running one), every table, queue and
 * bucket of the template, the demo province, every HttpApi route on http://localhost:3000 and
 * every SQS/DynamoDB-stream event source. Started by {@code infra/bin/start-local}; stops what it
 * started on Ctrl-C.
 */
public final class LocalMain {

    /** Command-line options, named like {@code sam local start-api}'s where they mean the same. */
    public record Options(Path template, int port, String host, String stackName,
                          Map<String, String> parameterOverrides, Path envVars, boolean demoData, int emulatorPort,
                          String region) {

        public static Options parse(String[] args, Path repoRoot) {
            Path template = repoRoot.resolve("template.yaml");
            int port = 3000;
            String host = "127.0.0.1";
            String stackName = "smartprovince-local";
            Map<String, String> overrides = new LinkedHashMap<>();
            Path envVars = null;
            boolean demo = true;
            int emulatorPort = Emulator.DEFAULT_PORT;
            String region = System.getenv().getOrDefault("AWS_REGION", Emulator.DEFAULT_REGION);
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--template", "-t" -> template = Path.of(value(args, ++i, arg));
                    case "--port", "-p" -> port = Integer.parseInt(value(args, ++i, arg));
                    case "--host" -> host = value(args, ++i, arg);
                    case "--stack-name" -> stackName = value(args, ++i, arg);
                    case "--env-vars", "-n" -> envVars = Path.of(value(args, ++i, arg));
                    case "--emulator-port" -> emulatorPort = Integer.parseInt(value(args, ++i, arg));
                    case "--region" -> region = value(args, ++i, arg);
                    case "--no-demo-data" -> demo = false;
                    case "--parameter-overrides" -> {
                        while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                            String pair = args[++i];
                            int eq = pair.indexOf('=');
                            if (eq <= 0) {
                                throw new IllegalArgumentException("--parameter-overrides takes Name=Value pairs, got " + pair);
                            }
                            overrides.put(pair.substring(0, eq), pair.substring(eq + 1));
                        }
                    }
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                }
            }
            return new Options(template, port, host, stackName, overrides, envVars, demo, emulatorPort, region);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }

    static final String USAGE = """
            usage: infra/bin/start-local [options]
              --port N                    HTTP port of the API (default 3000)
              --host ADDRESS              address to listen on (default 127.0.0.1)
              --template FILE             SAM template (default: the repository's template.yaml)
              --stack-name NAME           local stack name, prefix of resource names (default smartprovince-local)
              --parameter-overrides K=V…  template parameters, over infra/local-stack.properties
              --env-vars FILE             function environment overrides, sam local's JSON shape
              --emulator-port N           port for the moto server started here (default 4566)
              --region REGION             AWS region of the local stack (default ap-southeast-1)
              --no-demo-data              do not load the demo province and users
            AWS_ENDPOINT_URL=http://host:port uses an emulator that is already running (moto or LocalStack).""";

    /** Everything that runs, closed in reverse order. */
    public static final class LocalSystem implements AutoCloseable {
        private final List<AutoCloseable> parts = new ArrayList<>();
        private Emulator emulator;
        private BootstrappedStack stack;
        private LocalHttpServer server;
        private LocalFunctions functions;
        private DemoData.Result demo;

        public Emulator emulator() {
            return emulator;
        }

        public BootstrappedStack stack() {
            return stack;
        }

        public LocalHttpServer server() {
            return server;
        }

        public LocalFunctions functions() {
            return functions;
        }

        public DemoData.Result demo() {
            return demo;
        }

        @Override
        public void close() {
            for (int i = parts.size() - 1; i >= 0; i--) {
                try {
                    parts.get(i).close();
                } catch (Exception e) {
                    System.err.println("while stopping: " + e);
                }
            }
            parts.clear();
        }
    }

    private LocalMain() {
    }

    /** Starts everything; the caller closes it. Used by main and by end-to-end tests. */
    public static LocalSystem start(Options options, Path repoRoot, String endpointUrl) throws IOException {
        LocalSystem system = new LocalSystem();
        try {
            Template template = Template.load(options.template());
            system.emulator = Emulator.connectOrStart(endpointUrl, options.emulatorPort(), options.region());
            system.parts.add(system.emulator);

            Map<String, String> parameters = new LinkedHashMap<>(LocalParameters.of(repoRoot));
            parameters.keySet().retainAll(template.parameters().keySet());
            parameters.putAll(options.parameterOverrides());
            system.stack = StackBootstrap.run(system.emulator, template, options.stackName(), parameters);

            Map<String, Map<String, String>> envVars = options.envVars() == null ? Map.of()
                    : LocalFunctions.readEnvVars(options.envVars());
            system.functions = new LocalFunctions(template, system.stack.intrinsics(), system.emulator.endpoint(),
                    options.stackName(), envVars);
            system.parts.add(system.functions);
            for (String missing : system.functions.missingCode()) {
                System.err.println("warning: " + missing);
            }

            system.parts.add(EventSourcePollers.start(FunctionSpec.all(template, system.stack.intrinsics()),
                    system.stack, system.emulator, system.functions));

            if (options.demoData() && system.stack.exists("MainTable")) {
                try (var dynamoDb = system.emulator.dynamoDb()) {
                    system.demo = DemoData.load(dynamoDb, system.stack.tableName("MainTable"),
                            repoRoot.resolve(DemoData.PROVINCE_FILE), repoRoot.resolve(DemoData.USERS_FILE));
                }
            }

            system.server = LocalHttpServer.start(template, system.stack.intrinsics(), system.functions,
                    LocalHttpServer.Options.onPort(options.port()).withHost(options.host()));
            system.parts.add(system.server);
            return system;
        } catch (IOException | RuntimeException e) {
            system.close();
            throw e;
        }
    }

    public static void main(String[] args) throws Exception {
        Path repoRoot = LocalParameters.repoRoot(Path.of(""));
        Options options;
        try {
            options = Options.parse(args, repoRoot);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.template())) {
            System.err.println("no template at " + options.template());
            System.exit(2);
        }
        LocalSystem system = start(options, repoRoot, System.getenv("AWS_ENDPOINT_URL"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.close();
            stopped.countDown();
        }, "local-runtime-shutdown"));
        System.out.println(banner(system));
        stopped.await();
    }

    static String banner(LocalSystem system) {
        URI base = system.server().baseUri();
        String api = base.toString().replaceAll("/$", "");
        StringBuilder out = new StringBuilder("\n");
        out.append("Smart Province backend running locally\n");
        out.append("  emulator   ").append(system.emulator().endpoint())
                .append(system.emulator().owned() ? " (moto, started here; stops with this process)" : " (already running)")
                .append('\n');
        out.append("  resources  ");
        out.append(String.join(", ", system.stack().physicalIds().values())).append('\n');
        if (system.demo() != null) {
            out.append("  demo data  province ").append(system.demo().provinceCode())
                    .append(" (configuration v").append(system.demo().configVersion()).append("), ")
                    .append(system.demo().usersCreated() + system.demo().usersUpdated() + system.demo().usersUnchanged())
                    .append(" users: infra/demo/\n");
        }
        out.append("  routes\n");
        for (String route : system.server().routes()) {
            out.append("    ").append(route).append('\n');
        }
        out.append("\nTry:  curl -s ").append(api).append("/v1/health\n");
        out.append("Logs: one JSON line per request and invocation, below. Ctrl-C stops everything.\n");
        return out.toString();
    }
}
