package vn.smartprovince.shared.priming;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.http.Language;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.secrets.CachingSecrets;

/**
 * What a SnapStart priming pass does: every registered primer runs, a failing one is a warning that
 * never reaches the snapshot's hook, and what the primers log cannot trip an alarm.
 */
class PrimingTest {
    private LogLines logs;

    @BeforeEach
    void start() {
        Priming.reset();
        logs = new LogLines();
    }

    @AfterEach
    void stop() {
        logs.close();
        Priming.reset();
    }

    @Test
    void aFailingPrimerIsAWarningAndTheOthersStillRun() {
        List<String> ran = new ArrayList<>();
        Priming.register("first", () -> {
            ran.add("first");
            throw new IllegalStateException("boom");
        });
        Priming.register("second", () -> ran.add("second"));

        assertDoesNotThrow(Priming::primeAll);

        assertEquals(List.of("first", "second"), ran);
        JsonNode failed = logs.withMessage("priming failed").get(0);
        assertEquals("WARN", failed.path("level").asText());
        assertEquals("first", failed.path("primer").asText());
        assertEquals(IllegalStateException.class.getName(), failed.path("errorType").asText());
        assertEquals("second", logs.withMessage("primed").get(0).path("primer").asText());
        JsonNode done = logs.withMessage("priming done").get(0);
        assertEquals(2, done.path("primers").asInt());
        assertEquals(1, done.path("failed").asInt());
    }

    @Test
    void aPrimerThatBreaksTheLinkageIsAWarningToo() {
        Priming.register("broken", () -> {
            throw new NoClassDefFoundError("missing/Thing");
        });
        assertDoesNotThrow(Priming::primeAll);
        assertEquals(1, logs.withMessage("priming failed").size());
    }

    @Test
    void activeOnlyWhileAPrimerRunsAndWhatItLogsMatchesNoAlarm() {
        boolean[] seen = new boolean[1];
        Priming.register("noisy", () -> {
            seen[0] = Priming.active();
            JsonLog.error("request failed", Map.of("status", 500), new IllegalStateException());
            JsonLog.warn("zalo webhook rejected", Map.of());
        });
        assertFalse(Priming.active());

        Priming.primeAll();

        assertTrue(seen[0]);
        assertFalse(Priming.active());
        assertTrue(logs.all().stream().noneMatch(line -> line.path("level").asText().equals("ERROR")), logs.all().toString());
        assertTrue(logs.withMessage("request failed").isEmpty());
        assertTrue(logs.withMessage("zalo webhook rejected").isEmpty());
        JsonNode demoted = logs.withMessage("priming: request failed").get(0);
        assertEquals("DEBUG", demoted.path("level").asText());
        assertEquals(500, demoted.path("status").asInt());
        assertEquals(1, logs.withMessage("priming: zalo webhook rejected").size());
    }

    @Test
    void primersRegisteredWhilePrimingRunInTheSamePass() {
        List<String> ran = new ArrayList<>();
        Priming.register("builds a client lazily", () -> Priming.register("the client", () -> ran.add("client")));
        Priming.primeAll();
        assertEquals(List.of("client"), ran);
    }

    @Test
    void anHttpFunctionPrimesItsWholePathAsASyntheticCallerAndWritesNoRequestLine() {
        List<HttpRequest> requests = new ArrayList<>();
        List<Caller> callers = new ArrayList<>();
        HttpFunction function = new AuthenticatedFunction() {
            @Override
            protected HttpResponse handle(HttpRequest request, Caller caller) {
                requests.add(request);
                callers.add(caller);
                request.jsonBody();
                return HttpResponse.json(200, Map.of("ok", true));
            }
        };
        assertEquals(List.of(function.getClass().getName()), Priming.registered());

        Priming.primeAll();

        assertEquals(1, requests.size());
        Caller caller = callers.get(0);
        assertEquals(PrimingEvents.CALLER_ID, caller.userId());
        assertEquals(EnumSet.allOf(Role.class), caller.roles());
        HttpRequest request = requests.get(0);
        assertEquals("{}", request.body());
        assertTrue(request.header("idempotency-key").isPresent());
        assertEquals(Language.VI, request.language());
        assertEquals("HTTP 200", logs.withMessage("primed").get(0).path("outcome").asText());
        assertTrue(logs.withMessage("request").isEmpty(), "the primer's line replaces the request line");
    }

    @Test
    void aRouteRefusedByTheGuardIsPrimedAndABugIsAWarningNeverAnErrorLine() {
        HttpFunction refused = new HttpFunction() {
            @Override
            protected HttpResponse handle(HttpRequest request) {
                throw new IllegalStateException("the write failed", new PrimingRefusedException("DynamoDb.PutItem"));
            }
        };
        HttpFunction buggy = new HttpFunction() {
            @Override
            protected HttpResponse handle(HttpRequest request) {
                throw new NullPointerException();
            }
        };
        assertNotNull(refused);
        assertNotNull(buggy);

        Priming.primeAll();

        JsonNode primed = logs.withMessage("primed").get(0);
        assertEquals("HTTP 500", primed.path("outcome").asText());
        assertEquals("DynamoDb.PutItem", primed.path("refused").get(0).asText());
        JsonNode bug = logs.withMessage("priming failed").get(0);
        assertEquals(NullPointerException.class.getName(), bug.path("errorType").asText());
        assertTrue(logs.all().stream().noneMatch(line -> line.path("level").asText().equals("ERROR")), logs.all().toString());
    }

    @Test
    void aRouteCanAskForItsOwnPrimingRequest() {
        List<HttpRequest> requests = new ArrayList<>();
        HttpFunction function = new HttpFunction() {
            @Override
            protected HttpResponse handle(HttpRequest request) {
                requests.add(request);
                return HttpResponse.noContent();
            }

            @Override
            protected byte[] primingEvent() {
                return primingEvent("PUT /v1/things/{thingId}", Map.of("thingId", "t-1"), "{\"name\":\"Tây Ninh\"}");
            }
        };
        assertNotNull(function);

        Priming.primeAll();

        HttpRequest request = requests.get(0);
        assertEquals("PUT /v1/things/{thingId}", request.routeKey());
        assertEquals("PUT", request.method());
        assertEquals("/v1/things/t-1", request.path());
        assertEquals("t-1", request.pathParameter("thingId").orElseThrow());
        assertEquals("Tây Ninh", request.jsonBody().path("name").asText());
    }

    @Test
    void afterARestoreEveryCachedSecretIsReadAgain() {
        AtomicInteger reads = new AtomicInteger();
        CachingSecrets secrets = new CachingSecrets(name -> "value-" + reads.incrementAndGet(), Duration.ofMinutes(15));
        assertEquals("value-1", secrets.value("signing-key"));
        assertEquals("value-1", secrets.value("signing-key"), "cached");

        Priming.restored();

        assertEquals("value-2", secrets.value("signing-key"), "read again after the restore");
        assertEquals("value-2", secrets.value("signing-key"));
    }
}
