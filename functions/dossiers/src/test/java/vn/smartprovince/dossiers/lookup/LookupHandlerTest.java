package vn.smartprovince.dossiers.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.dossiers.core.MapDossierStore;
import vn.smartprovince.dossiers.forms.FormFixtures;
import vn.smartprovince.shared.http.RateLimiter;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;
import vn.smartprovince.testkit.MutableClock;

/** The public lookup route as API Gateway calls it (events/dossiers-lookup.json: no session), counters in the emulator. */
class LookupHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    final LookupHandler handler = new LookupHandler(new DossierLookup(
            new MapDossierStore().put(FormFixtures.dossier(), FormFixtures.timeline()),
            new RateLimiter(aws.dynamoDb(), aws.tableName("MainTable"), new MutableClock(Instant.parse("2026-12-20T03:00:00Z"))),
            FormFixtures::config));

    ObjectNode call(Consumer<ObjectNode> change) {
        ObjectNode event = (ObjectNode) Json.read(Events.load("dossiers-lookup.json"));
        change.accept(event);
        return Handlers.invokeHttp(handler, event);
    }

    static Consumer<ObjectNode> from(String ip) {
        return e -> ((ObjectNode) e.path("requestContext").path("http")).put("sourceIp", ip);
    }

    @Test
    void withTheSecondFactorTheDetailsAndNeverThePhone() {
        JsonNode answer = call(from("203.113.130.50"));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        assertEquals("no-store", answer.path("headers").path("cache-control").asText());
        JsonNode body = answer.path("json");
        assertEquals(10, body.path("status").path("code").asInt());
        assertTrue(body.path("details").path("steps").size() > 0);
        assertFalse(answer.path("body").asText().contains("912345678"));
        assertFalse(answer.path("body").asText().contains("079123456789"));
    }

    @Test
    void theThirtyFirstLookupFromOneAddressIs429WithRetryAfter() {
        Consumer<ObjectNode> plain = from("203.113.130.51").andThen(e -> e.remove("queryStringParameters"));
        for (int i = 0; i < 30; i++) {
            assertEquals(200, call(plain).path("statusCode").asInt());
        }
        JsonNode limited = call(plain);
        assertEquals(429, limited.path("statusCode").asInt());
        assertEquals("THROTTLED", limited.path("json").path("error").path("code").asText());
        assertEquals("RATE_LIMITED", limited.path("json").path("error").path("details").path(0).path("code").asText());
        assertTrue(Long.parseLong(limited.path("headers").path("Retry-After").asText()) > 0);
    }

    @Test
    void anUnknownCodeIs404WithoutSession() {
        JsonNode unknown = call(from("203.113.130.52").andThen(e -> ((ObjectNode) e.path("pathParameters"))
                .put("code", "000.00.31.H56-261207-0999")));
        assertEquals(404, unknown.path("statusCode").asInt());
        assertEquals("NOT_FOUND", unknown.path("json").path("error").path("code").asText());
    }
}
