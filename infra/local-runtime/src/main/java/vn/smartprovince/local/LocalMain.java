package vn.smartprovince.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
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
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.onestopfake.OneStopFake;
import vn.smartprovince.zalostub.StubConfig;
import vn.smartprovince.zalostub.ZaloStub;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * The whole system on a laptop, as template.yaml declares it: an AWS emulator (moto started on
 * 127.0.0.1:4566 unless {@code AWS_ENDPOINT_URL} points at a running one), every table, queue and
 * bucket of the template, the demo province, every HttpApi route on http://localhost:3000 and
 * every SQS/DynamoDB-stream event source, and the Zalo stub on http://localhost:3001 (the template's
 * Zalo base URLs pointed at it, the local secrets in the emulator's Secrets Manager, the demo
 * users known to it). Started by {@code infra/bin/start-local}; stops what it started on Ctrl-C.
 */
public final class LocalMain {

    /** Command-line options, named like {@code sam local start-api}'s where they mean the same. */
    public record Options(Path template, int port, String host, String stackName,
                          Map<String, String> parameterOverrides, Path envVars, boolean demoData, int emulatorPort,
                          String region, int zaloStubPort, boolean zaloReceipts, long zaloReceiptDelayMs,
                          int oneStopPort) {

        public static final int DEFAULT_ZALO_STUB_PORT = 3001;
        public static final long DEFAULT_ZALO_RECEIPT_DELAY_MS = 500;

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
            int zaloStubPort = DEFAULT_ZALO_STUB_PORT;
            boolean zaloReceipts = true;
            long zaloReceiptDelayMs = DEFAULT_ZALO_RECEIPT_DELAY_MS;
            int oneStopPort = OneStopFake.DEFAULT_PORT;
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
                    case "--zalo-stub-port" -> zaloStubPort = Integer.parseInt(value(args, ++i, arg));
                    case "--no-demo-data" -> demo = false;
                    case "--zalo-receipt-delay-ms" -> zaloReceiptDelayMs = Long.parseLong(value(args, ++i, arg));
                    case "--no-zalo-receipts" -> zaloReceipts = false;
                    case "--one-stop-port" -> oneStopPort = Integer.parseInt(value(args, ++i, arg));
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
            return new Options(template, port, host, stackName, overrides, envVars, demo, emulatorPort, region,
                    zaloStubPort, zaloReceipts, zaloReceiptDelayMs, oneStopPort);
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
              --zalo-stub-port N          port of the Zalo stub (default 3001; 0 = any free port); the
                                          template's Zalo base URLs point at it unless overridden
              --zalo-receipt-delay-ms N   the Zalo stub posts a signed delivery receipt (user_received_message)
                                          to this runtime's POST /v1/zalo/webhook N ms after each ZNS or OA
                                          message it accepts (default 500)
              --no-zalo-receipts          the stub posts no delivery receipts
              --one-stop-port N           port of the one-stop fake (default 3002; 0 = any free port); the
                                          template's OneStopBaseUrl points at it unless overridden, and it
                                          pushes desk updates to this runtime's POST /v1/one-stop/updates
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
        private ZaloStub zaloStub;
        private List<String> zaloParametersOverridden = List.of();
        private URI zaloReceiptsTo;
        private long zaloReceiptDelayMs;
        private List<DemoZaloUser> zaloDemoUsers = List.of();
        private OneStopFake oneStopFake;
        private boolean oneStopOverridden;

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

        /** The Zalo stub started here. */
        public ZaloStub zaloStub() {
            return zaloStub;
        }

        /** The one-stop fake started here. */
        public OneStopFake oneStopFake() {
            return oneStopFake;
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

            // The Zalo stub, configured with the same secrets the functions read from Secrets Manager.
            LocalSecrets secrets = LocalSecrets.load(repoRoot);
            StubConfig stubConfig = secrets.stubConfig(parameters, repoRoot);
            try {
                system.zaloStub = ZaloStub.start(stubConfig, options.zaloStubPort());
            } catch (BindException e) {
                throw new IOException("the Zalo stub cannot listen on port " + options.zaloStubPort()
                        + " (taken; another start-local?): choose another with --zalo-stub-port", e);
            }
            system.parts.add(system.zaloStub);
            Map<String, String> stubUrls = LocalSecrets.zaloBaseUrls(template.parameters().keySet(), parameters,
                    system.zaloStub.port());
            system.zaloParametersOverridden = LocalSecrets.ZALO_BASE_URL_PARAMETERS.stream()
                    .filter(p -> template.parameters().containsKey(p) && !stubUrls.containsKey(p)).toList();
            parameters.putAll(stubUrls);

            // The one-stop fake (when the template has the parameter), with the apiKey and signing
            // secret the dossier functions read.
            if (template.parameters().containsKey(LocalSecrets.ONE_STOP_BASE_URL_PARAMETER)) {
                try {
                    system.oneStopFake = OneStopFake.start(secrets.oneStopConfig(parameters), options.oneStopPort());
                } catch (BindException e) {
                    throw new IOException("the one-stop fake cannot listen on port " + options.oneStopPort()
                            + " (taken; another start-local?): choose another with --one-stop-port", e);
                }
                system.parts.add(system.oneStopFake);
                system.oneStopOverridden = options.parameterOverrides()
                        .containsKey(LocalSecrets.ONE_STOP_BASE_URL_PARAMETER);
                if (!system.oneStopOverridden) {
                    parameters.put(LocalSecrets.ONE_STOP_BASE_URL_PARAMETER, system.oneStopFake.baseUri().toString());
                }
            }

            system.stack = StackBootstrap.run(system.emulator, template, options.stackName(), parameters);
            try (var secretsManager = system.emulator.secretsManager()) {
                secrets.seed(secretsManager);
            }

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
            if (options.demoData()) {
                system.zaloDemoUsers = createDemoZaloUsers(system.zaloStub.client(),
                        repoRoot.resolve(DemoData.USERS_FILE));
            }

            system.server = LocalHttpServer.start(template, system.stack.intrinsics(), system.functions,
                    LocalHttpServer.Options.onPort(options.port()).withHost(options.host()));
            system.parts.add(system.server);
            if (system.oneStopFake != null) {
                system.oneStopFake.pushTo(reachable(options.host(), system.server.port(), ONE_STOP_UPDATES_PATH));
            }

            // Zalo's delivery receipts, played by the stub, to this runtime's own webhook (when the
            // template has one): a message the dispatcher sends comes back as DELIVERED, as on Zalo.
            if (options.zaloReceipts() && system.server.routes().stream()
                    .anyMatch(route -> route.startsWith("POST ") && route.contains(WEBHOOK_PATH + " -> "))) {
                system.zaloReceiptsTo = webhookUrl(options.host(), system.server.port());
                system.zaloReceiptDelayMs = options.zaloReceiptDelayMs();
                system.zaloStub.configureAutoReceipts(system.zaloReceiptsTo,
                        java.time.Duration.ofMillis(options.zaloReceiptDelayMs()));
            }
            return system;
        } catch (IOException | RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** The route Zalo's OA webhook events arrive on (template.yaml's ZaloWebhookFunction). */
    static final String WEBHOOK_PATH = "/v1/zalo/webhook";

    /** The route the one-stop system pushes desk updates to (dossiers' OneStopUpdatesFunction). */
    static final String ONE_STOP_UPDATES_PATH = "/v1/one-stop/updates";

    /** The webhook as the stub reaches it: loopback when the runtime listens on every address. */
    static URI webhookUrl(String host, int port) {
        return reachable(host, port, WEBHOOK_PATH);
    }

    /** A route of this runtime as a local stub or fake reaches it. */
    static URI reachable(String host, int port, String path) {
        String reachable = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
        return URI.create("http://" + reachable + ":" + port + path);
    }

    /** A demo user as the Zalo stub knows them; {@code role} the highest of their roles. */
    public record DemoZaloUser(String zaloId, String name, String role) {
    }

    /**
     * The demo users of {@code infra/demo/users.json} as Zalo users of the stub (same Zalo ids, names
     * and phones), following the OA, so that one can sign in as each.
     */
    public static List<DemoZaloUser> createDemoZaloUsers(ZaloStubClient stub, Path usersFile) throws IOException {
        JsonNode root = Json.MAPPER.readTree(Files.readString(usersFile));
        List<DemoZaloUser> users = new ArrayList<>();
        for (JsonNode user : root.path("users")) {
            String id = user.path("zaloId").asText();
            ZaloStubClient.NewUser newUser = ZaloStubClient.NewUser.named(user.path("displayName").asText()).id(id)
                    .following(Instant.now());
            if (user.hasNonNull("phone")) {
                newUser.phone(user.get("phone").asText());
            }
            String highest = "CITIZEN";
            for (JsonNode role : user.path("roles")) {
                String name = role.path("role").asText();
                if (name.equals("PROVINCE_ADMIN")) {
                    newUser.oaAdmin(true);
                    highest = name;
                } else if (name.equals("OFFICER") && !highest.equals("PROVINCE_ADMIN")) {
                    highest = "OFFICER " + role.path("agencyId").asText();
                }
            }
            stub.createUser(newUser);
            users.add(new DemoZaloUser(id, user.path("displayName").asText(), highest));
        }
        return users;
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
        out.append(oneStopBanner(system));
        out.append(zaloBanner(system, api));
        out.append("\nTry:  curl -s ").append(api).append("/v1/health\n");
        out.append("Logs: one JSON line per request and invocation, below. Ctrl-C stops everything.\n");
        return out.toString();
    }

    static String oneStopBanner(LocalSystem system) {
        if (system.oneStopFake() == null) {
            return "";
        }
        String fake = "http://localhost:" + system.oneStopFake().port();
        return "  one-stop   " + fake + " (fake one-stop system: events in, desk updates out to "
                + system.oneStopFake().pushUrl() + "; control API " + fake + "/_fake/status, infra/bin/one-stop)"
                + (system.oneStopOverridden ? "\n             not used for OneStopBaseUrl (overridden)" : "") + "\n";
    }

    static String zaloBanner(LocalSystem system, String api) {
        String stub = "http://localhost:" + system.zaloStub().port();
        StringBuilder out = new StringBuilder();
        out.append("  zalo stub  ").append(stub).append(" (Graph, ZNS, OA messages, OA OAuth; control API ")
                .append(stub).append("/_stub/: infra/zalo-stub/README.md)\n");
        if (!system.zaloParametersOverridden.isEmpty()) {
            out.append("             not used for ").append(String.join(", ", system.zaloParametersOverridden))
                    .append(" (overridden)\n");
        }
        out.append("             the OA's current token pair: curl -s ").append(stub).append("/_stub/oa/tokens\n");
        if (system.zaloReceiptsTo != null) {
            out.append("             delivery receipts of sent messages: ").append(system.zaloReceiptDelayMs)
                    .append(" ms later to ").append(system.zaloReceiptsTo).append(" (").append(stub)
                    .append("/_stub/webhooks/auto-receipts)\n");
        }
        out.append("\nSign in through Zalo (the stub plays Zalo):\n");
        out.append("  1. a Zalo user and the tokens the mini app would get (accessToken, phoneToken):\n");
        out.append("     curl -s -X POST ").append(stub).append("/_stub/users -H 'content-type: application/json' \\\n");
        out.append("          -d '{\"name\": \"Nguyễn Thị Mai\", \"phone\": \"84901234567\"}'\n");
        out.append("  2. exchange them for a session:\n");
        out.append("     curl -s -X POST ").append(api).append("/v1/auth/zalo -H 'content-type: application/json' \\\n");
        out.append("          -d '{\"accessToken\": \"<accessToken>\", \"phoneToken\": \"<phoneToken>\"}'\n");
        out.append("  3. curl -s ").append(api).append("/v1/me -H 'authorization: Bearer <the session token of step 2>'\n");
        if (!system.zaloDemoUsers.isEmpty()) {
            out.append("  Or sign in as a demo user (infra/demo/users.json); their tokens for step 2:\n");
            out.append("     curl -s -X POST ").append(stub).append("/_stub/users/<zaloId>/tokens\n");
            for (DemoZaloUser user : system.zaloDemoUsers) {
                out.append("       ").append(user.zaloId()).append("  ").append(user.role().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ')).append(", ").append(user.name()).append('\n');
            }
        }
        return out.toString();
    }
}
