package vn.smartprovince.reports.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.reports.Fixtures.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.smartprovince.reports.InMemoryReportStore;
import vn.smartprovince.reports.core.Action;
import vn.smartprovince.reports.core.Actor;
import vn.smartprovince.reports.core.HistoryEntry;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportChange;
import vn.smartprovince.reports.core.ReportNotice;
import vn.smartprovince.reports.core.ReportStatus;
import vn.smartprovince.reports.core.ReportStore;
import vn.smartprovince.reports.core.TrackingCodes;
import vn.smartprovince.reports.core.Transitions;
import vn.smartprovince.reports.core.Views;
import vn.smartprovince.reports.submit.SubmitReport;
import vn.smartprovince.reports.submit.SubmitReportTest;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.MutableClock;

/** The citizen's actions after submitting, through {@link Transitions}, on the in-memory store. */
class CitizenReportsTest {
    final MutableClock clock = new MutableClock(SubmitReportTest.NOW);
    final InMemoryReportStore store = new InMemoryReportStore();
    final CitizenReports reports = new CitizenReports(store, () -> DEMO, (agency, limit) -> List.of("9000000000000000101"),
            Duration.ofDays(30), clock);
    final SubmitReport submit = new SubmitReport(store, () -> DEMO, new Photos(), (a, l) -> List.of(),
            new TrackingCodes(new Random(5)), clock);
    final Caller owner = citizen(CITIZEN);
    final Caller officer = officer("9000000000000000101", "so-xay-dung");
    final Caller triage = officer("9000000000000000102", "tiep-nhan");
    final Caller otherAgency = officer("9000000000000000103", "cong-an-tinh");

    private Report submitted() {
        return submit.submit(owner, body(), null).report();
    }

    /** What the officer routes will do, reduced to the state change. */
    private Report officerDoes(Report report, Action action) {
        return reports.transitions().apply(officer, report.id(), action, null, (before, after, effects) -> {
            if (action == Action.ANSWER) {
                after.answeredAt(effects.at()).answerText("Đã sửa xong.");
            }
            if (action == Action.REQUEST_INFO) {
                after.infoRequest("Xin ảnh rõ hơn?");
            }
        });
    }

    private static int status(ApiException e) {
        return e.code().status();
    }

    @Test
    void aReportReadOutOnThePhoneIsFoundByItsTrackingCodeWithTheSameRights() {
        Report report = submitted();
        String code = report.trackingCode();
        assertEquals(report.id(), reports.get(officer, code).id(), "the hotline officer types the code");
        assertEquals(report.id(), reports.get(owner, code.toLowerCase().replace("-", " ")).id(), "as people type it");
        assertEquals(404, status(assertThrows(ApiException.class, () -> reports.get(otherAgency, code))),
                "a code is no key to another agency's report");
        assertEquals(404, status(assertThrows(ApiException.class, () -> reports.get(citizen(OTHER_CITIZEN), code))));
        assertEquals(404, status(assertThrows(ApiException.class, () -> reports.get(officer, "ZZZZ-ZZZZ"))));
    }

    @Test
    void theOwnerWithdrawsBeforeItIsHandledButNotAfter() {
        Report report = submitted();
        Report withdrawn = reports.withdraw(owner, report.id(), Json.read("{\"reason\": \"Đã tự sửa\"}"));
        assertEquals(ReportStatus.WITHDRAWN, withdrawn.status());
        assertEquals(2, withdrawn.version());
        var last = store.history(report.id()).get(1);
        assertEquals(Actor.OWNER, last.actor());
        assertEquals(ReportStatus.ROUTED, last.from());
        assertEquals("Đã tự sửa", last.reason());
        assertEquals(1, store.counter("AGENCY", "so-xay-dung", "withdrawn"));

        Report accepted = officerDoes(submitted(), Action.ACCEPT);
        ApiException e = assertThrows(ApiException.class, () -> reports.withdraw(owner, accepted.id(), Json.object()));
        assertEquals(409, status(e));
        assertEquals("TRANSITION_NOT_ALLOWED", e.details().get(0).code());
        assertEquals(ReportStatus.IN_PROGRESS, ((Views.ReportDetail) e.current()).status());
    }

    @Test
    void anotherCitizenGets404AndAnOfficerOfAnotherAgency403AndNothingIsWritten() {
        Report report = submitted();
        String before = store.snapshot();
        ApiException get = assertThrows(ApiException.class, () -> reports.get(citizen(OTHER_CITIZEN), report.id()));
        assertEquals(404, status(get));
        ApiException withdraw = assertThrows(ApiException.class,
                () -> reports.withdraw(citizen(OTHER_CITIZEN), report.id(), Json.object()));
        assertEquals(404, status(withdraw));
        assertEquals(404, status(assertThrows(ApiException.class,
                () -> reports.withdraw(owner, "rnotanidatall", Json.object()))));
        ApiException foreign = assertThrows(ApiException.class,
                () -> reports.transitions().apply(otherAgency, report.id(), Action.ACCEPT, null, (b, a, e) -> { }));
        assertEquals(403, status(foreign));
        ApiException notOfficerAction = assertThrows(ApiException.class,
                () -> reports.transitions().apply(owner, report.id(), Action.ACCEPT, null, (b, a, e) -> { }));
        assertEquals(403, status(notOfficerAction));
        ApiException officerWithdraws = assertThrows(ApiException.class,
                () -> reports.withdraw(officer, report.id(), Json.object()));
        assertEquals(403, status(officerWithdraws));
        assertEquals(before, store.snapshot());
        assertEquals(ReportStatus.ROUTED, reports.get(triage, report.id()).status(), "the triage desk sees every report");
    }

    @Test
    void aStaleVersionIs409WithTheCurrentState() {
        Report report = submitted();
        officerDoes(report, Action.ACCEPT);
        String before = store.snapshot();
        ApiException e = assertThrows(ApiException.class, () -> reports.transitions().apply(officer, report.id(),
                Action.ANSWER, 1L, (b, a, x) -> { }));
        assertEquals(409, status(e));
        assertEquals("VERSION_MISMATCH", e.details().get(0).code());
        assertEquals(2, ((Views.ReportDetail) e.current()).version());
        assertEquals(before, store.snapshot());
    }

    @Test
    void twoRacingActionsOneWinsTheOther409() {
        Report report = submitted();
        // The second action read version 1 too, but writes after the first: the store refuses it.
        Report stale = store.find(report.id()).orElseThrow();
        officerDoes(report, Action.ACCEPT);
        ReportStore.VersionConflict conflict = assertThrows(ReportStore.VersionConflict.class, () -> store.apply(
                new ReportChange(stale, stale.toBuilder().status(ReportStatus.REJECTED).version(2).build(),
                        new HistoryEntry(stale.id(), 2, clock.instant(), "x", Actor.AGENCY_OFFICER, Action.REJECT,
                                ReportStatus.ROUTED, ReportStatus.REJECTED, null, "so-xay-dung", "so-xay-dung"),
                        List.of(), List.of())));
        assertTrue(conflict != null);
        assertEquals(ReportStatus.IN_PROGRESS, store.find(report.id()).orElseThrow().status());
    }

    @Test
    void needsInfoThenTheCitizenAnswersAndTheOfficersHearOfIt() {
        Report report = officerDoes(submitted(), Action.REQUEST_INFO);
        assertEquals(ReportStatus.NEEDS_INFO, report.status());
        ApiException empty = assertThrows(ApiException.class, () -> reports.provideInfo(owner, report.id(), Json.object()));
        assertEquals("text", empty.details().get(0).field());
        Report back = reports.provideInfo(owner, report.id(), Json.read("{\"text\": \"Ảnh đã gửi thêm\"}"));
        assertEquals(ReportStatus.IN_PROGRESS, back.status());
        assertEquals("Ảnh đã gửi thêm", back.infoReply());
        ReportNotice notice = store.outbox.get(store.outbox.size() - 1);
        assertEquals(ReportNotice.Kind.INFO_PROVIDED, notice.kind());
        assertEquals(List.of("9000000000000000101"), notice.recipients());
    }

    @Test
    void ratingOnceAfterTheAnswerAndReopenWithinTheWindow() {
        Report report = submitted();
        assertEquals(409, status(assertThrows(ApiException.class,
                () -> reports.rate(owner, report.id(), Json.read("{\"stars\": 5}")))), "not answered yet");
        officerDoes(report, Action.ANSWER);
        assertEquals("stars", assertThrows(ApiException.class,
                () -> reports.rate(owner, report.id(), Json.read("{\"stars\": 6}"))).details().get(0).field());
        Report rated = reports.rate(owner, report.id(), Json.read("{\"stars\": 4, \"comment\": \"Nhanh\"}"));
        assertEquals(4, rated.rating().stars());
        ApiException twice = assertThrows(ApiException.class, () -> reports.rate(owner, report.id(), Json.read("{\"stars\": 1}")));
        assertEquals("ALREADY_RATED", twice.details().get(0).code());
        assertEquals(4, store.counter("AGENCY", "so-xay-dung", "ratingStars"));

        clock.advance(Duration.ofDays(10));
        Report reopened = reports.reopen(owner, report.id(), Json.read("{\"reason\": \"Vẫn còn ổ gà\"}"));
        assertEquals(ReportStatus.REOPENED, reopened.status());
        assertEquals(1, reopened.reopenCount());
        assertEquals(1, store.counter("AGENCY", "so-xay-dung", "reopened"));
        assertEquals(ReportNotice.Kind.REOPENED, store.outbox.get(store.outbox.size() - 1).kind());
        assertTrue(reopened.deadline().isAfter(report.deadline()));

        Report again = officerDoes(reopened, Action.ANSWER);
        clock.advance(Duration.ofDays(31));
        ApiException late = assertThrows(ApiException.class, () -> reports.reopen(owner, again.id(), Json.read("{\"reason\": \"x\"}")));
        assertEquals("REOPEN_WINDOW_CLOSED", late.details().get(0).code());
    }

    @Test
    void meTooIsCountedOncePerCitizenAndNeverForTheOwner() {
        Report report = submitted();
        assertFalse(reports.support(owner, report.id()).counted());
        var first = reports.support(citizen(OTHER_CITIZEN), report.id());
        var again = reports.support(citizen(OTHER_CITIZEN), report.id());
        assertTrue(first.counted());
        assertFalse(again.counted());
        assertEquals(1, again.supportCount());
        assertEquals(1, store.counter("CATEGORY", "ROAD_DAMAGE", "supports"));
        reports.withdraw(owner, report.id(), Json.object());
        assertEquals(404, status(assertThrows(ApiException.class, () -> reports.support(citizen("9000000000000000003"), report.id()))));
    }

    @Test
    void nearbyFindsOpenReportsOfTheCategoryWithinItsRadius() {
        Report near = submitted();
        submit.submit(owner, body(Map.of("location", SubmitReportTest.location("DEMO-P02"), "category", "NOISE")), null);
        var far = Map.<String, Object>of("lat", LAT + 0.01, "lng", LNG, "areaCode", "DEMO-P02");
        submit.submit(owner, body(Map.of("location", far)), null);
        var found = reports.nearby("ROAD_DAMAGE", LAT + 0.0002, LNG);
        assertEquals(List.of(near.id()), found.stream().map(Views.Nearby::id).toList());
        assertEquals(22, found.get(0).distanceMeters(), 1);
        reports.withdraw(owner, near.id(), Json.object());
        assertEquals(List.of(), reports.nearby("ROAD_DAMAGE", LAT, LNG));
        assertEquals(List.of(), reports.nearby("OTHER", LAT, LNG), "radius 0: no search");
        assertEquals(ErrorCode.VALIDATION_FAILED, assertThrows(ApiException.class, () -> reports.nearby("ALIENS", LAT, LNG)).code());
    }

    @Test
    void myReportsNewestFirstInPages() {
        for (int i = 0; i < 5; i++) {
            submitted();
            clock.advance(Duration.ofSeconds(60));
        }
        var first = reports.mine(owner, null, 2);
        assertEquals(2, first.reports().size());
        assertTrue(first.reports().get(0).createdAt().isAfter(first.reports().get(1).createdAt()));
        var second = reports.mine(owner, first.lastSortKey(), 2);
        var third = reports.mine(owner, second.lastSortKey(), 2);
        assertEquals(1, third.reports().size());
        assertEquals(null, third.lastSortKey());
        assertEquals(0, reports.mine(citizen(OTHER_CITIZEN), null, 20).reports().size());
    }

    @Test
    void theTimelineShowsEveryTransition() {
        Report report = officerDoes(submitted(), Action.ACCEPT);
        var detail = reports.get(owner, report.id());
        assertEquals(List.of("SUBMIT", "ACCEPT"), detail.timeline().stream().map(Views.TimelineEntry::action).toList());
        assertEquals("AGENCY_OFFICER", detail.timeline().get(1).actor());
    }
}
