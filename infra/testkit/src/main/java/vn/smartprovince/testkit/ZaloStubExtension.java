package vn.smartprovince.testkit;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import vn.smartprovince.zalostub.StubConfig;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * The Zalo stub without AWS, for tests of code that only talks to Zalo (a Zalo client, a webhook
 * verifier). {@link AwsEmulatorExtension} and {@link LocalApiExtension} already include the stub:
 * use this one only when a test needs no emulator. The stub is shared by the test JVM and reset
 * before each test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ZaloStubExtension zalo = new ZaloStubExtension();
 *
 * @Test void readsTheUser() {
 *     StubUser an = zalo.client().createUser(NewUser.named("An").phone("84901234567"));
 *     var client = new ZaloClient(zalo.baseUri(), zalo.config().appSecret());
 * }
 * }</pre>
 * or {@code @ExtendWith(ZaloStubExtension.class)} with a {@link ZaloStubClient} parameter.
 */
public class ZaloStubExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private ZaloStubClient client;
    private String preparedFor;

    @Override
    public void beforeAll(ExtensionContext context) {
        prepare(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        prepare(context);
    }

    private synchronized void prepare(ExtensionContext context) {
        // A @Nested class shares its enclosing class's stub state: reset once per top-level class.
        String owner = topLevelTestClass(context);
        if (!owner.equals(preparedFor)) {
            client = SharedZaloStub.reset();
            preparedFor = owner;
        }
    }

    /** The name of the top-level class enclosing the context's test class (itself when not {@code @Nested}). */
    static String topLevelTestClass(ExtensionContext context) {
        Class<?> top = context.getRequiredTestClass();
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return top.getName();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ZaloStubClient.class || type == ZaloStubExtension.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        prepare(context);
        return parameter.getParameter().getType() == ZaloStubExtension.class ? this : client;
    }

    /** The control API. */
    public ZaloStubClient client() {
        if (client == null) {
            throw new IllegalStateException("ZaloStubExtension is not ready: register it with @RegisterExtension on a"
                    + " static field or @ExtendWith");
        }
        return client;
    }

    /** The base URL standing in for every Zalo host. */
    public URI baseUri() {
        return SharedZaloStub.get().baseUri();
    }

    /** App id, app secret, OA id, OA secret key and first OA tokens the stub plays (the local stack's). */
    public StubConfig config() {
        return SharedZaloStub.get().config();
    }

    /** {@code ZALO_GRAPH_BASE_URL}, {@code ZALO_OPENAPI_BASE_URL}, ... pointing at the stub. */
    public Map<String, String> environment() {
        return SharedZaloStub.baseUrlEnvironment();
    }
}
