package vn.smartprovince.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.smartprovince.local.LocalParameters;
import vn.smartprovince.local.LocalSecrets;
import vn.smartprovince.local.emulator.BootstrappedStack;
import vn.smartprovince.local.emulator.Emulator;
import vn.smartprovince.local.emulator.StackBootstrap;
import vn.smartprovince.local.template.Intrinsics;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.onestopfake.OneStopFake;
import vn.smartprovince.onestopfake.OneStopFakeClient;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * The one place tests get AWS from. Before each test class it gives the class a clean emulator
 * (moto: {@code POST /moto-api/reset}; LocalStack and others: the previous stack's resources
 * deleted) with the template's tables, queues and buckets created again, and ready-built clients.
 *
 * <pre>{@code
 * @RegisterExtension
 * static AwsEmulatorExtension aws = new AwsEmulatorExtension();          // the repo's template.yaml
 *
 * @Test void writes() {
 *     aws.dynamoDb().putItem(b -> b.tableName(aws.tableName("MainTable")).item(...));
 *     Env env = aws.env("HealthFunction");   // the function's variables + endpoint, region, credentials
 * }
 * }</pre>
 * or {@code @ExtendWith(AwsEmulatorExtension.class)} with the kit, clients or stack as test method
 * (or constructor) parameters: {@code AwsEmulatorExtension}, {@code DynamoDbClient},
 * {@code DynamoDbStreamsClient}, {@code SqsClient}, {@code S3Client}, {@code SecretsManagerClient},
 * {@code BootstrappedStack}, {@code Intrinsics}, {@code Emulator}, {@code ZaloStubClient}.
 *
 * <p>Zalo: when the template declares the Zalo base-URL parameters ({@code ZaloGraphBaseUrl}...),
 * they point at the test JVM's one Zalo stub (unless the test sets them), which is reset before each
 * test class with the emulator; {@link #zaloStub()} is its control API. When the template declares
 * the secret-name parameters, the secrets of {@code infra/local-secrets.json} are created in the
 * emulator's Secrets Manager after each reset, under the names {@code infra/local-stack.properties}
 * gives them (the stub is configured with the same values).
 *
 * <p>Emulator (see {@link EmulatorMode}): {@code -Demulator=moto} (default; one moto_server per
 * test JVM on a free port), {@code localstack} (Testcontainers; image {@code -Dlocalstack.image},
 * {@code LOCALSTACK_AUTH_TOKEN} passed through; skipped without Docker) or {@code endpoint}
 * ({@code AWS_ENDPOINT_URL} as it is). Test classes share the emulator, so they must not run in
 * parallel within one JVM (Maven Surefire's default).
 */
public class AwsEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    public static final String DEFAULT_STACK_NAME = "smartprovince-test";

    private final Path template;
    private final boolean useRepoTemplate;
    private final String stackName;
    private final Map<String, String> parameters;
    private final EmulatorMode mode;
    private final String region;

    private SharedEmulators.Shared shared;
    private BootstrappedStack stack;
    private String preparedFor;

    /** The repository's {@code template.yaml}, stack {@value #DEFAULT_STACK_NAME}, the selected emulator. */
    public AwsEmulatorExtension() {
        this(new Builder());
    }

    private AwsEmulatorExtension(Builder builder) {
        this.template = builder.template;
        this.useRepoTemplate = builder.useRepoTemplate;
        this.stackName = builder.stackName;
        this.parameters = Map.copyOf(builder.parameters);
        this.mode = builder.mode;
        this.region = builder.region;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Another template, e.g. a fixture of the test's own module. */
    public static AwsEmulatorExtension forTemplate(Path template) {
        return builder().template(template).build();
    }

    /** Clients and endpoint only: nothing is created (the emulator is still reset per class). */
    public static AwsEmulatorExtension withoutTemplate() {
        return builder().noTemplate().build();
    }

    public static final class Builder {
        private Path template;
        private boolean useRepoTemplate = true;
        private String stackName = DEFAULT_STACK_NAME;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private EmulatorMode mode;
        private String region = Emulator.DEFAULT_REGION;

        private Builder() {
        }

        public Builder template(Path template) {
            this.template = Objects.requireNonNull(template);
            this.useRepoTemplate = false;
            return this;
        }

        public Builder noTemplate() {
            this.template = null;
            this.useRepoTemplate = false;
            return this;
        }

        public Builder stackName(String stackName) {
            this.stackName = Objects.requireNonNull(stackName);
            return this;
        }

        /** A template parameter's value (others take their Default, or the kit's test value). */
        public Builder parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        /** Overrides the selection by {@code -Demulator} / {@code EMULATOR}. */
        public Builder emulator(EmulatorMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        public AwsEmulatorExtension build() {
            return new AwsEmulatorExtension(this);
        }
    }

    // ---------------------------------------------------------------- JUnit

    @Override
    public void beforeAll(ExtensionContext context) {
        prepare(context);
    }

    /** Also covers an instance (non-static) registration, which gets no beforeAll: prepared once per class. */
    @Override
    public void beforeEach(ExtensionContext context) {
        prepare(context);
    }

    private synchronized void prepare(ExtensionContext context) {
        // A @Nested class shares its enclosing class's stack: prepared once per top-level class.
        String owner = ZaloStubExtension.topLevelTestClass(context);
        if (owner.equals(preparedFor)) {
            return;
        }
        EmulatorMode selected = mode != null ? mode : EmulatorMode.selected();
        shared = SharedEmulators.get(selected, region);
        shared.emulator().reset();
        Path file = useRepoTemplate ? RepoRoot.template() : template;
        if (file == null) {
            stack = null;
            SharedZaloStub.resetIfStarted();
            SharedOneStopFake.resetIfStarted();
        } else {
            Template loaded = Template.load(file);
            Map<String, String> values = parametersFor(loaded);
            SharedZaloStub.resetIfStarted();
            SharedOneStopFake.resetIfStarted();
            stack = StackBootstrap.run(shared.emulator(), loaded, stackName, values);
            if (usesSecrets(loaded)) {
                LocalSecrets.load(RepoRoot.get()).seed(shared.secretsManager());
            }
        }
        preparedFor = owner;
    }

    private Map<String, String> parametersFor(Template template) {
        // Tests run the stack with the local runtime's values (infra/local-stack.properties) for
        // the parameters the template declares; what a test sets wins.
        Map<String, String> values = new LinkedHashMap<>();
        LocalParameters.of(RepoRoot.get()).forEach((name, value) -> {
            if (template.parameters().containsKey(name)) {
                values.put(name, value);
            }
        });
        if (usesZalo(template)) {
            values.putAll(LocalSecrets.zaloBaseUrls(template.parameters().keySet(), values,
                    SharedZaloStub.get().port()));
        }
        if (template.parameters().containsKey(LocalSecrets.ONE_STOP_BASE_URL_PARAMETER)) {
            values.put(LocalSecrets.ONE_STOP_BASE_URL_PARAMETER, SharedOneStopFake.get().baseUri().toString());
        }
        values.putAll(parameters);
        return values;
    }

    private static boolean usesZalo(Template template) {
        return LocalSecrets.ZALO_BASE_URL_PARAMETERS.stream().anyMatch(template.parameters()::containsKey);
    }

    private static boolean usesSecrets(Template template) {
        return template.parameters().containsKey(LocalSecrets.APP_SECRET_PARAMETER)
                || template.parameters().containsKey(LocalSecrets.OA_SECRET_PARAMETER)
                || template.parameters().containsKey(LocalSecrets.SIGNING_KEY_PARAMETER)
                || template.parameters().containsKey(LocalSecrets.OA_TOKENS_PARAMETER);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == AwsEmulatorExtension.class || type == DynamoDbClient.class || type == DynamoDbStreamsClient.class
                || type == SqsClient.class || type == S3Client.class || type == SecretsManagerClient.class
                || type == BootstrappedStack.class || type == Intrinsics.class || type == Emulator.class
                || type == ZaloStubClient.class || type == OneStopFakeClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        prepare(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == AwsEmulatorExtension.class) {
            return this;
        }
        if (type == DynamoDbClient.class) {
            return dynamoDb();
        }
        if (type == DynamoDbStreamsClient.class) {
            return dynamoDbStreams();
        }
        if (type == SqsClient.class) {
            return sqs();
        }
        if (type == S3Client.class) {
            return s3();
        }
        if (type == SecretsManagerClient.class) {
            return secretsManager();
        }
        if (type == ZaloStubClient.class) {
            return zaloStub();
        }
        if (type == OneStopFakeClient.class) {
            return oneStopFake();
        }
        if (type == BootstrappedStack.class) {
            return stack();
        }
        if (type == Intrinsics.class) {
            return intrinsics();
        }
        if (type == Emulator.class) {
            return emulator();
        }
        throw new ParameterResolutionException("cannot resolve " + type);
    }

    // ---------------------------------------------------------------- what tests use

    public Emulator emulator() {
        return ready().emulator();
    }

    public URI endpoint() {
        return emulator().endpoint();
    }

    public String region() {
        return emulator().region().id();
    }

    public DynamoDbClient dynamoDb() {
        return ready().dynamoDb();
    }

    public DynamoDbStreamsClient dynamoDbStreams() {
        return ready().dynamoDbStreams();
    }

    public SqsClient sqs() {
        return ready().sqs();
    }

    public S3Client s3() {
        return ready().s3();
    }

    /** Secrets Manager of the emulator (holding the local secrets when the template names them). */
    public SecretsManagerClient secretsManager() {
        return ready().secretsManager();
    }

    /**
     * The control API of the test JVM's Zalo stub, which the stack's Zalo base URLs point at:
     * create users and tokens, read what was sent, inject faults, deliver webhooks, set its clock.
     * Reset before each test class.
     */
    public ZaloStubClient zaloStub() {
        ready();
        return SharedZaloStub.get().client();
    }

    /**
     * The control API of the test JVM's one-stop fake, which the stack's {@code OneStopBaseUrl}
     * points at (unless the test sets it): its copies, desk updates, faults, counters. Reset before
     * each test class.
     */
    public OneStopFakeClient oneStopFake() {
        ready();
        return SharedOneStopFake.get().client();
    }

    /** The fake itself (e.g. to point its desk updates somewhere: {@link OneStopFake#pushTo}). */
    public OneStopFake oneStopFakeServer() {
        ready();
        return SharedOneStopFake.get();
    }

    /** The bootstrapped stack: physical names, Ref/GetAtt, function environments. */
    public BootstrappedStack stack() {
        ready();
        if (stack == null) {
            throw new IllegalStateException("this extension was built without a template");
        }
        return stack;
    }

    public Intrinsics intrinsics() {
        return stack().intrinsics();
    }

    public String tableName(String logicalId) {
        return stack().tableName(logicalId);
    }

    public String streamArn(String logicalId) {
        return stack().streamArn(logicalId);
    }

    public String queueUrl(String logicalId) {
        return stack().queueUrl(logicalId);
    }

    public String queueArn(String logicalId) {
        return stack().queueArn(logicalId);
    }

    public String bucketName(String logicalId) {
        return stack().bucketName(logicalId);
    }

    /** {@code !Ref logicalId} in this stack. */
    public Object ref(String logicalId) {
        return stack().ref(logicalId);
    }

    /** Endpoint, region and dummy credentials as environment variables (what {@code AwsClients} reads). */
    public Map<String, String> awsEnvironment() {
        return emulator().environment();
    }

    /**
     * What a function of the template sees on Lambda, pointed at the emulator: its
     * {@code Environment.Variables} resolved, plus endpoint, region, credentials and
     * {@code AWS_LAMBDA_FUNCTION_NAME}. Construct the handler under test with it.
     */
    public Env env(String functionId) {
        Map<String, String> env = new LinkedHashMap<>(stack().environment(functionId));
        env.putAll(awsEnvironment());
        env.put("AWS_LAMBDA_FUNCTION_NAME", String.valueOf(stack().ref(functionId)));
        return new Env(env);
    }

    /** {@link #env(String)} with some variables replaced (e.g. a stub's URL). */
    public Env env(String functionId, Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>(env(functionId).asMap());
        env.putAll(overrides);
        return new Env(env);
    }

    /** The repository's root folder (holding template.yaml). */
    public static Path repoRoot() {
        return RepoRoot.get();
    }

    private SharedEmulators.Shared ready() {
        if (shared == null) {
            throw new IllegalStateException("AwsEmulatorExtension is not ready: register it with @RegisterExtension"
                    + " on a static field or @ExtendWith, and use it from tests or @BeforeAll/@BeforeEach");
        }
        return shared;
    }
}
