package vn.smartprovince.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.smartprovince.reports.Fixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.smartprovince.reports.citizen.CitizenReports;
import vn.smartprovince.reports.core.Action;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.TrackingCodes;
import vn.smartprovince.reports.core.Transitions;
import vn.smartprovince.reports.officer.OfficerActions;
import vn.smartprovince.reports.submit.SubmitReport;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.json.Json;

/**
 * The rule of every report action: the caller's right to the report is checked before the body is
 * read. A citizen who does not own the report gets 404 and an officer of another agency 403,
 * whatever they send (the body is not even decoded); the owner or the agency's officer sending the
 * same body gets the 400 that names the fields.
 */
class AuthorizationBeforeValidationTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:30:00Z"), ZoneOffset.UTC);
    final InMemoryReportStore store = new InMemoryReportStore();
    final CitizenReports citizens = new CitizenReports(store, () -> DEMO, (agency, limit) -> List.of(),
            Duration.ofDays(30), clock);
    final OfficerActions officers = new OfficerActions(store, () -> DEMO, new Photos(), (agency, user) -> true, clock);
    final Caller owner = citizen(CITIZEN);
    final Caller stranger = citizen(OTHER_CITIZEN);
    final Caller agencyOfficer = officer("9000000000000000101", "so-xay-dung");
    final Caller otherAgency = officer("9000000000000000103", "cong-an-tinh");

    /** An action of a use case, as its handler calls it: the body is a supplier. */
    interface ActionCall {
        Object call(Caller caller, String id, Supplier<JsonNode> body);
    }

    Map<String, ActionCall> actions() {
        Map<String, ActionCall> all = new LinkedHashMap<>();
        all.put("withdraw", citizens::withdraw);
        all.put("provideInfo", citizens::provideInfo);
        all.put("rate", citizens::rate);
        all.put("reopen", citizens::reopen);
        all.put("accept", officers::accept);
        all.put("requestInfo", officers::requestInfo);
        all.put("answer", officers::answer);
        all.put("transfer", officers::transfer);
        all.put("reject", officers::reject);
        all.put("assign", officers::assign);
        return all;
    }

    Report submitted() {
        return new SubmitReport(store, () -> DEMO, new Photos(), (a, l) -> List.of(), new TrackingCodes(new Random(3)),
                clock).submit(owner, body(), null).report();
    }

    @Test
    void aCallerWithoutTheRightIsRefusedBeforeTheBodyIsRead() {
        Report report = submitted();
        String before = store.snapshot();
        for (Map.Entry<String, ActionCall> action : actions().entrySet()) {
            for (Caller caller : List.of(stranger, otherAgency)) {
                AtomicInteger reads = new AtomicInteger();
                Supplier<JsonNode> malformed = () -> {
                    reads.incrementAndGet();
                    throw ApiException.invalid(new vn.smartprovince.shared.http.FieldError("body", "MALFORMED_JSON",
                            "x", "x"));
                };
                ApiException refused = assertThrows(ApiException.class,
                        () -> action.getValue().call(caller, report.id(), malformed), action.getKey());
                ErrorCode expected = caller == stranger ? ErrorCode.NOT_FOUND : ErrorCode.FORBIDDEN;
                assertEquals(expected, refused.code(), action.getKey() + " by " + caller.userId());
                assertEquals(0, reads.get(), action.getKey() + ": the body is not read");
            }
            // No such report: 404 for anyone, body unread.
            ApiException missing = assertThrows(ApiException.class, () -> action.getValue().call(agencyOfficer,
                    "raaaaaaaaaaaaaaaaaaaaaaaa", () -> {
                        throw new AssertionError("read");
                    }));
            assertEquals(ErrorCode.NOT_FOUND, missing.code(), action.getKey());
        }
        assertEquals(before, store.snapshot(), "nothing written");
    }

    @Test
    void whoMayActGetsTheValidationErrorForTheSameBody() {
        Report report = submitted();
        JsonNode invalid = Json.read("{\"unexpected\": true}");
        for (Map.Entry<String, ActionCall> action : actions().entrySet()) {
            Caller caller = List.of("withdraw", "provideInfo", "rate", "reopen").contains(action.getKey())
                    ? owner : agencyOfficer;
            ApiException refused = assertThrows(ApiException.class,
                    () -> action.getValue().call(caller, report.id(), () -> invalid), action.getKey());
            assertEquals(ErrorCode.VALIDATION_FAILED, refused.code(), action.getKey());
        }
    }

    @Test
    void theOwnerMayNotDoAnOfficersActionWhateverTheBody() {
        Report report = submitted();
        ApiException refused = assertThrows(ApiException.class, () -> officers.reject(owner, report.id(), () -> {
            throw new AssertionError("read");
        }));
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
        assertEquals("ACTION_NOT_PERMITTED", refused.details().get(0).code());
    }

    @Test
    void transitionsReadTheInputOnlyAfterTheRight() {
        Report report = submitted();
        Transitions transitions = new Transitions(store, () -> DEMO, clock);
        boolean[] read = {false};
        assertThrows(ApiException.class, () -> transitions.apply(otherAgency, report.id(), Action.ACCEPT, before -> {
            read[0] = true;
            return new Transitions.Change(null, (b, a, e) -> { });
        }));
        assertFalse(read[0]);
    }
}
