package vn.smartprovince.identity;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.secrets.Secrets;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.zalostub.StubConfig;
import vn.smartprovince.zalostub.ZaloStub;
import vn.smartprovince.testkit.Handlers;

/** What the handler tests share: the Zalo stub in-process, fixed secrets, events from events/ with changes. */
final class HandlerKit implements AutoCloseable {
    static final String APP_SECRET = "handler-test-app-secret-0123456789";
    static final String SIGNING_KEY = "handler-test-signing-key-0123456789abcdef";

    final ZaloStub stub;

    HandlerKit() {
        try {
            stub = ZaloStub.start(StubConfig.of(Fakes.APP_ID, APP_SECRET, "9000000000000000000", "oa-secret-handler-test",
                    "oa-access-handler-test", "oa-refresh-handler-test"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The function's template environment on the emulator, with Zalo pointed at the stub (short timeouts). */
    Env env(AwsEmulatorExtension aws, String function) {
        Map<String, String> overrides = new LinkedHashMap<>();
        String stubUrl = stub.baseUri().toString().replaceAll("/$", "");
        overrides.put("ZALO_GRAPH_BASE_URL", stubUrl);
        overrides.put("ZALO_OPENAPI_BASE_URL", stubUrl);
        overrides.put("ZALO_BUSINESS_BASE_URL", stubUrl);
        overrides.put("ZALO_OAUTH_BASE_URL", stubUrl);
        overrides.put("ZALO_APP_ID", Fakes.APP_ID);
        overrides.put("ZALO_READ_TIMEOUT_MS", "1500");
        return aws.env(function, overrides);
    }

    /** The secrets the template names, with this kit's values. */
    static Secrets secrets(Env env) {
        return Secrets.of(Map.of(env.required("ZALO_APP_SECRET_NAME"), APP_SECRET,
                env.required(Wiring.SIGNING_KEY_SECRET_NAME), SIGNING_KEY));
    }

    static ObjectNode event(String name) {
        return (ObjectNode) Json.read(Events.load(name));
    }

    static ObjectNode event(String name, Consumer<ObjectNode> change) {
        ObjectNode event = event(name);
        change.accept(event);
        return event;
    }

    static void body(ObjectNode event, Object body) {
        event.put("body", body instanceof String text ? text : Json.write(body));
    }

    /** The handler's answer: {statusCode, headers, body (parsed when JSON)}. */
    static JsonNode invoke(RequestStreamHandler handler, JsonNode event) {
        return Handlers.invokeHttp(handler, event);
    }

    @Override
    public void close() {
        stub.close();
    }
}
