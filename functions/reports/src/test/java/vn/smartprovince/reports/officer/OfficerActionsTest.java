package vn.smartprovince.reports.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.reports.Fixtures.*;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.smartprovince.reports.InMemoryReportStore;
import vn.smartprovince.reports.citizen.CitizenReports;
import vn.smartprovince.reports.core.HistoryEntry;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportNotice;
import vn.smartprovince.reports.core.ReportStatus;
import vn.smartprovince.reports.core.TrackingCodes;
import vn.smartprovince.reports.submit.SubmitReport;
import vn.smartprovince.reports.submit.SubmitReportTest;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.MutableClock;

/** The officer actions' rules ({@link OfficerActions}) on the in-memory store. */
class OfficerActionsTest {
    static final String OFFICER = "9000000000000000101";
    static final String COLLEAGUE = "9000000000000000104";
    final MutableClock clock = new MutableClock(SubmitReportTest.NOW);
    final InMemoryReportStore store = new InMemoryReportStore();
    final Photos photos = new Photos();
    final OfficerActions actions = new OfficerActions(store, () -> DEMO, photos,
            (agency, user) -> agency.equals("so-xay-dung") && List.of(OFFICER, COLLEAGUE).contains(user), clock);
    final SubmitReport submit = new SubmitReport(store, () -> DEMO, new Photos(), (a, l) -> List.of(),
            new TrackingCodes(new Random(7)), clock);
    final Caller owner = citizen(CITIZEN);
    final Caller officer = officer(OFFICER, "so-xay-dung");
    final Caller colleague = officer(COLLEAGUE, "so-xay-dung");
    final Caller triage = officer("9000000000000000102", "tiep-nhan");
    final Caller otherAgency = officer("9000000000000000103", "cong-an-tinh");

    private Report submitted() {
        Report report = submit.submit(owner, body(), null).report();
        assertEquals("so-xay-dung", report.agencyId());
        return report;
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        return Json.read(text);
    }

    private static ApiException refused(Supplier<?> action) {
        return assertThrows(ApiException.class, action::get);
    }

    private static String detail(ApiException e) {
        return e.details().get(0).field() + "/" + e.details().get(0).code();
    }

    private ReportNotice lastNotice() {
        return store.outbox.get(store.outbox.size() - 1);
    }

    @Test
    void acceptTakesItOnAndAssignsTheAcceptingOfficer() {
        Report report = submitted();
        Report accepted = actions.accept(officer, report.id(), json("{\"expectedVersion\": 1}"));
        assertEquals(ReportStatus.IN_PROGRESS, accepted.status());
        assertEquals(OFFICER, accepted.assigneeId());
        assertEquals(2, accepted.version());
        HistoryEntry entry = store.history(report.id()).get(1);
        assertEquals(OFFICER, entry.actorId());
        assertEquals(ReportStatus.ROUTED, entry.from());
        assertEquals(ReportStatus.IN_PROGRESS, entry.to());
        ApiException twice = refused(() -> actions.accept(officer, report.id(), json("{\"expectedVersion\": 2}")));
        assertEquals(409, twice.code().status());
        assertEquals("status/TRANSITION_NOT_ALLOWED", detail(twice));
    }

    @Test
    void expectedVersionIsRequiredAndAStaleOneIs409WithTheCurrentReport() {
        Report report = submitted();
        ApiException missing = refused(() -> actions.accept(officer, report.id(), json("{}")));
        assertEquals(400, missing.code().status());
        assertEquals("expectedVersion/REQUIRED", detail(missing));
        actions.requestInfo(officer, report.id(), json("{\"question\": \"Ảnh rõ hơn?\", \"expectedVersion\": 1}"));
        ApiException stale = refused(() -> actions.answer(colleague, report.id(),
                json("{\"text\": \"Đã sửa\", \"expectedVersion\": 1}")));
        assertEquals(409, stale.code().status());
        assertEquals("status/TRANSITION_NOT_ALLOWED", detail(stale), "NEEDS_INFO cannot be answered");
    }

    @Test
    void whoMayAct() {
        Report report = submitted();
        String snapshot = store.snapshot();
        ApiException foreign = refused(() -> actions.accept(otherAgency, report.id(), json("{\"expectedVersion\": 1}")));
        assertEquals(403, foreign.code().status());
        assertEquals("agencyId/NOT_AN_OFFICER_OF_AGENCY", detail(foreign));
        ApiException byOwner = refused(() -> actions.answer(owner, report.id(), json("{\"text\": \"x\", \"expectedVersion\": 1}")));
        assertEquals(403, byOwner.code().status());
        assertEquals("action/ACTION_NOT_PERMITTED", detail(byOwner));
        ApiException byStranger = refused(() -> actions.reject(citizen(OTHER_CITIZEN), report.id(),
                json("{\"reason\": \"ABUSIVE\", \"expectedVersion\": 1}")));
        assertEquals(404, byStranger.code().status());
        ApiException triageAccepts = refused(() -> actions.accept(triage, report.id(), json("{\"expectedVersion\": 1}")));
        assertEquals(403, triageAccepts.code().status(), "the triage desk re-routes or rejects, it does not accept");
        assertEquals(404, refused(() -> actions.accept(officer, "rnosuchreportaaaaaaaaaaaa",
                json("{\"expectedVersion\": 1}"))).code().status());
        assertEquals(snapshot, store.snapshot(), "nothing written by refusals");
        assertEquals(ReportStatus.ROUTED, actions.transfer(triage, report.id(),
                json("{\"agencyId\": \"ubnd-tan-ninh\", \"reason\": \"Đường do xã quản lý\", \"expectedVersion\": 1}")).status());
    }

    @Test
    void requestInfoAsksTheCitizen() {
        Report report = submitted();
        Report asked = actions.requestInfo(officer, report.id(), json("{\"question\": \"  Ổ gà ở phía nào?  \", \"expectedVersion\": 1}"));
        assertEquals(ReportStatus.NEEDS_INFO, asked.status());
        assertEquals("Ổ gà ở phía nào?", asked.infoRequest());
        assertEquals(ReportNotice.Kind.NEEDS_INFO, lastNotice().kind());
        assertEquals(List.of(CITIZEN), lastNotice().recipients());
        assertEquals("Ổ gà ở phía nào?", store.history(report.id()).get(1).reason());
        assertEquals("question/REQUIRED", detail(refused(() -> actions.requestInfo(officer, report.id(),
                json("{\"expectedVersion\": 2}")))));
    }

    @Test
    void answerOnTimeCountsTheFirstAnswerAndNotifies() {
        Report report = submitted();
        clock.advance(Duration.ofHours(5));
        Report answered = actions.answer(officer, report.id(), json("{\"text\": \"Đã vá ổ gà.\", \"photoKeys\": [\""
                + OFFICER + "/a.jpg\"], \"expectedVersion\": 1}"));
        assertEquals(ReportStatus.ANSWERED, answered.status());
        assertEquals("Đã vá ổ gà.", answered.answerText());
        assertEquals(List.of("report-photos/reports/" + report.id() + "/a.jpg"), answered.answerPhotoKeys(),
                "the report's copies: the public never learns which officer took them");
        assertEquals(clock.instant(), answered.firstAnsweredAt());
        assertEquals(List.of(List.of(OFFICER + "/a.jpg")), photos.verified.subList(photos.verified.size() - 1, photos.verified.size()));
        assertEquals(1, store.counter("AGENCY", "so-xay-dung", "answered"));
        assertEquals(1, store.counter("AGENCY", "so-xay-dung", "answeredOnTime"));
        assertEquals(0, store.counter("AGENCY", "so-xay-dung", "answeredLate"));
        assertEquals(1, store.counter("CATEGORY", "ROAD_DAMAGE", "firstAnswers"));
        assertEquals(5 * 3600, store.counter("AREA", "DEMO-P02", "firstAnswerSeconds"));
        assertEquals(ReportNotice.Kind.ANSWERED, lastNotice().kind());
        assertEquals(List.of(CITIZEN), lastNotice().recipients());
    }

    @Test
    void aLateReAnswerAfterReopenCountsAnsweredLateButNotASecondFirstAnswer() {
        Report report = submitted();
        actions.answer(officer, report.id(), json("{\"text\": \"Đã vá.\", \"expectedVersion\": 1}"));
        CitizenReports citizen = new CitizenReports(store, () -> DEMO, (a, l) -> List.of(), Duration.ofDays(30), clock);
        citizen.reopen(owner, report.id(), json("{\"reason\": \"Vẫn còn ổ gà\", \"expectedVersion\": 2}"));
        Report reopened = store.find(report.id()).orElseThrow();
        clock.set(reopened.deadline().plusDays(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        actions.answer(officer, report.id(), json("{\"text\": \"Đã vá lại.\", \"expectedVersion\": 3}"));
        assertEquals(2, store.counter("AGENCY", "so-xay-dung", "answered"));
        assertEquals(1, store.counter("AGENCY", "so-xay-dung", "answeredLate"));
        assertEquals(1, store.counter("AGENCY", "so-xay-dung", "firstAnswers"));
    }

    @Test
    void answerInputRules() {
        Report report = submitted();
        String snapshot = store.snapshot();
        assertEquals("text/TOO_LONG", detail(refused(() -> actions.answer(officer, report.id(),
                json("{\"text\": \"" + "a".repeat(4001) + "\", \"expectedVersion\": 1}")))));
        assertEquals("photoKeys/TOO_MANY", detail(refused(() -> actions.answer(officer, report.id(),
                json("{\"text\": \"ok\", \"photoKeys\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"], \"expectedVersion\": 1}")))));
        assertEquals("photoKeys[0]/PHOTO_NOT_FOUND", detail(refused(() -> actions.answer(officer, report.id(),
                json("{\"text\": \"ok\", \"photoKeys\": [\"" + CITIZEN + "/a.jpg\"], \"expectedVersion\": 1}")))),
                "another user's upload");
        assertEquals("color/UNKNOWN_FIELD", detail(refused(() -> actions.answer(officer, report.id(),
                json("{\"text\": \"ok\", \"color\": 1, \"expectedVersion\": 1}")))));
        assertEquals(snapshot, store.snapshot());
    }

    @Test
    void transferKeepsTheDeadlineClearsTheAssigneeAndCountsBothAgencies() {
        Report report = submitted();
        actions.accept(officer, report.id(), json("{\"expectedVersion\": 1}"));
        Report moved = actions.transfer(officer, report.id(),
                json("{\"agencyId\": \"ubnd-tan-ninh\", \"reason\": \"Đường xã quản lý\", \"expectedVersion\": 2}"));
        assertEquals(ReportStatus.ROUTED, moved.status());
        assertEquals("ubnd-tan-ninh", moved.agencyId());
        assertNull(moved.assigneeId());
        assertEquals(report.deadline(), moved.deadline());
        HistoryEntry entry = store.history(report.id()).get(2);
        assertEquals("so-xay-dung", entry.fromAgencyId());
        assertEquals("ubnd-tan-ninh", entry.toAgencyId());
        assertEquals("Đường xã quản lý", entry.reason());
        assertEquals(1, store.counter("AGENCY", "so-xay-dung", "transferredOut"));
        assertEquals(1, store.counter("AGENCY", "ubnd-tan-ninh", "transferredIn"));
        assertEquals(ReportNotice.Kind.TRANSFERRED, lastNotice().kind());
        assertTrue(lastNotice().params().get("agency_name").contains("Tân Ninh"), lastNotice().params().toString());
        // the old agency's officers no longer act on it
        assertEquals(403, refused(() -> actions.accept(officer, report.id(), json("{\"expectedVersion\": 3}"))).code().status());
    }

    @Test
    void transferInputRules() {
        Report report = submitted();
        assertEquals("agencyId/UNKNOWN_AGENCY", detail(refused(() -> actions.transfer(officer, report.id(),
                json("{\"agencyId\": \"so-khong-co\", \"reason\": \"x\", \"expectedVersion\": 1}")))));
        assertEquals("agencyId/SAME_AGENCY", detail(refused(() -> actions.transfer(officer, report.id(),
                json("{\"agencyId\": \"so-xay-dung\", \"reason\": \"x\", \"expectedVersion\": 1}")))));
        assertEquals("reason/REQUIRED", detail(refused(() -> actions.transfer(officer, report.id(),
                json("{\"agencyId\": \"ubnd-tan-ninh\", \"expectedVersion\": 1}")))));
    }

    @Test
    void rejectWithEachReason() {
        Report first = submitted();
        Report second = submit.submit(owner, body(java.util.Map.of("description", "Ổ gà thứ hai")), null).report();
        assertEquals("duplicateOfReportId/REQUIRED", detail(refused(() -> actions.reject(officer, second.id(),
                json("{\"reason\": \"DUPLICATE\", \"expectedVersion\": 1}")))));
        assertEquals("duplicateOfReportId/UNKNOWN_REPORT", detail(refused(() -> actions.reject(officer, second.id(),
                json("{\"reason\": \"DUPLICATE\", \"duplicateOfReportId\": \"rnosuchreportaaaaaaaaaaaa\", \"expectedVersion\": 1}")))));
        assertEquals("duplicateOfReportId/UNKNOWN_REPORT", detail(refused(() -> actions.reject(officer, second.id(),
                json("{\"reason\": \"DUPLICATE\", \"duplicateOfReportId\": \"" + second.id() + "\", \"expectedVersion\": 1}")))));
        assertEquals("reason/INVALID_VALUE", detail(refused(() -> actions.reject(officer, second.id(),
                json("{\"reason\": \"BORING\", \"expectedVersion\": 1}")))));
        assertEquals("duplicateOfReportId/NOT_ALLOWED", detail(refused(() -> actions.reject(officer, second.id(),
                json("{\"reason\": \"ABUSIVE\", \"duplicateOfReportId\": \"" + first.id() + "\", \"expectedVersion\": 1}")))));
        Report rejected = actions.reject(officer, second.id(), json("{\"reason\": \"DUPLICATE\", \"duplicateOfReportId\": \""
                + first.id() + "\", \"note\": \"Đã có phản ánh\", \"expectedVersion\": 1}"));
        assertEquals(ReportStatus.REJECTED, rejected.status());
        assertEquals("DUPLICATE", rejected.rejectionReason());
        assertEquals(first.id(), rejected.duplicateOfReportId());
        assertEquals("DUPLICATE: Đã có phản ánh", store.history(second.id()).get(1).reason());
        assertEquals(ReportNotice.Kind.REJECTED, lastNotice().kind());
        assertEquals(1, store.counter("AGENCY", "so-xay-dung", "rejected"));
        Report abusive = actions.reject(triage, first.id(), json("{\"reason\": \"ABUSIVE\", \"expectedVersion\": 1}"));
        assertEquals("ABUSIVE", abusive.rejectionReason());
        Report third = submitted();
        assertEquals("NOT_OUR_COMPETENCE", actions.reject(officer, third.id(),
                json("{\"reason\": \"NOT_OUR_COMPETENCE\", \"expectedVersion\": 1}")).rejectionReason());
    }

    @Test
    void assignOnlyToAnOfficerOfTheReportsAgencyWhoHearsOfIt() {
        Report report = submitted();
        assertEquals("officerId/NOT_AN_OFFICER_OF_AGENCY", detail(refused(() -> actions.assign(officer, report.id(),
                json("{\"officerId\": \"9000000000000000103\", \"expectedVersion\": 1}")))));
        Report assigned = actions.assign(officer, report.id(), json("{\"officerId\": \"" + COLLEAGUE + "\", \"expectedVersion\": 1}"));
        assertEquals(COLLEAGUE, assigned.assigneeId());
        assertEquals(ReportStatus.ROUTED, assigned.status(), "state unchanged");
        assertEquals(2, assigned.version());
        assertEquals(ReportNotice.Kind.ASSIGNED, lastNotice().kind());
        assertEquals(List.of(COLLEAGUE), lastNotice().recipients());
    }
}
