package vn.smartprovince.reports.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.reports.Fixtures.*;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.smartprovince.reports.InMemoryReportStore;
import vn.smartprovince.reports.citizen.CitizenReports;
import vn.smartprovince.reports.core.Action;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.TrackingCodes;
import vn.smartprovince.reports.submit.SubmitReport;
import vn.smartprovince.reports.submit.SubmitReportTest;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.json.Json;

/** An erased citizen's reports stay, but nothing links them to the person any more (in-memory store). */
class ReportErasureTest {
    final Clock clock = Clock.fixed(SubmitReportTest.NOW, ZoneOffset.UTC);
    final InMemoryReportStore store = new InMemoryReportStore();
    final CitizenReports reports = new CitizenReports(store, () -> DEMO, (agency, limit) -> List.of(), Duration.ofDays(30), clock);
    final SubmitReport submit = new SubmitReport(store, () -> DEMO, new Photos(), (a, l) -> List.of(),
            new TrackingCodes(new Random(9)), clock);
    final Caller owner = citizen(CITIZEN);
    final Caller other = citizen(OTHER_CITIZEN);
    final Caller officer = officer("9000000000000000101", "so-xay-dung");

    private Report answered(Caller by) {
        Report report = submit.submit(by, body(), null).report();
        return reports.transitions().apply(officer, report.id(), Action.ANSWER, null,
                (before, after, effects) -> after.answeredAt(effects.at()).answerText("Đã sửa xong."));
    }

    @Test
    void theirReportsStayWithoutOwnerAddressOrCommentAndTheirHistoryNamesNobody() {
        Report rated = answered(owner);
        reports.rate(owner, rated.id(), Json.read("{\"stars\": 4, \"comment\": \"Nhà tôi số 12, cảm ơn.\"}"));
        Report open = submit.submit(owner, body(), null).report();
        Report someoneElses = submit.submit(other, body(), null).report();

        assertEquals(2, new ReportErasure(store).erase(CITIZEN));

        for (String id : List.of(rated.id(), open.id())) {
            Report kept = store.find(id).orElseThrow();
            assertEquals(Report.ERASED_CITIZEN, kept.citizenId());
            assertNull(kept.location().address(), "the address text could point at them");
            assertEquals(store.reports.get(id).description(), kept.description(), "the report itself stays");
            assertTrue(store.history(id).stream().noneMatch(e -> CITIZEN.equals(e.actorId())), store.history(id).toString());
        }
        Report keptRating = store.find(rated.id()).orElseThrow();
        assertEquals(4, keptRating.rating().stars(), "the score still counts");
        assertNull(keptRating.rating().comment());
        assertEquals(List.of(), store.mine(CITIZEN, null, 10).reports(), "nobody's list");
        assertEquals(OTHER_CITIZEN, store.find(someoneElses.id()).orElseThrow().citizenId());
        assertEquals(0, new ReportErasure(store).erase(CITIZEN), "idempotent");
    }

    @Test
    void afterwardsOfficersStillWorkOnItButNobodyIsNotifiedAndNobodyOwnsIt() {
        Report open = submit.submit(owner, body(), null).report();
        new ReportErasure(store).erase(CITIZEN);
        int jobs = store.outbox.size();

        Report answeredLater = reports.transitions().apply(officer, open.id(), Action.ANSWER, null,
                (before, after, effects) -> after.answeredAt(effects.at()).answerText("Đã xử lý."));
        assertEquals("Đã xử lý.", answeredLater.answerText());
        assertTrue(store.outbox.subList(jobs, store.outbox.size()).stream().allMatch(n -> n.recipients().isEmpty()),
                "no job for an erased citizen");
        // Signing in again with the same Zalo account does not give the reports back.
        ApiException notTheirs = assertThrows(ApiException.class, () -> reports.get(owner, open.id()));
        assertEquals(404, notTheirs.code().status());
        assertThrows(IllegalArgumentException.class, () -> new ReportErasure(store).erase(Report.ERASED_CITIZEN));
    }
}
