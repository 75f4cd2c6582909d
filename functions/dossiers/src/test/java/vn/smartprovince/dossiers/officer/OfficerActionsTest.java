package vn.smartprovince.dossiers.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.dossiers.officer.OfficerFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.DocumentStore;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierCounters;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.OpenRequest;
import vn.smartprovince.dossiers.core.ProcessSheet;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.province.DocumentType;
import vn.smartprovince.testkit.MutableClock;

/** The officers' rules, on the store port in memory, a clock moved by hand and the province built in code. */
class OfficerActionsTest {
    static final String ID = "dabc";
    FakeDossierStore store;
    MutableClock clock;
    OfficerActions actions;
    Caller officer = officer(OFFICER, COMMUNE);

    @BeforeEach
    void setUp() {
        store = new FakeDossierStore();
        clock = new MutableClock(TUESDAY);
        actions = new OfficerActions(store, () -> CONFIG, null, clock);
        store.dossiers.put(ID, registered(ID, TUESDAY.minus(Duration.ofDays(1))));
    }

    static Supplier<JsonNode> body(String json) {
        return () -> { try { return Json.MAPPER.readTree(json); } catch (Exception e) { throw new IllegalArgumentException(e); } };
    }

    static Supplier<JsonNode> body(Map<String, ?> fields) {
        return () -> Json.MAPPER.valueToTree(fields);
    }

    static Supplier<JsonNode> version(int version) {
        return body(Map.of("expectedVersion", version));
    }

    Dossier receive() {
        return actions.receive(officer, ID, version(1));
    }

    static ApiException refused(int status, String detail, Runnable action) {
        ApiException e = assertThrows(ApiException.class, action::run);
        assertEquals(status, e.code().status(), e.details().toString());
        if (detail != null) {
            assertTrue(e.details().stream().map(FieldError::code).anyMatch(detail::equals), e.details().toString());
        }
        return e;
    }

    NotificationJob onlyJob(Dossier dossier, String kind) {
        NotificationJob job = store.jobs.get(dossier.id() + "#v" + dossier.version() + "#" + kind);
        assertNotNull(job, "job " + kind + " in " + store.jobs.keySet());
        return job;
    }

    long agencyTotal(String agency, String field) {
        return store.counter(DossierCounters.agencyKey(agency), DossierCounters.TOTAL, field);
    }

    // ------------------------------------------------------------------ receive

    @Test
    void receiptAssignsTheCodeAndTheAppointmentPastTheHolidayAndTellsTheApplicant() {
        Dossier received = receive();
        assertEquals(DossierStatus.RECEIVED, received.status());
        assertEquals(2, received.version());
        assertEquals(COMMUNE_UNIT + "-261201-0001", received.code());
        assertEquals(TUESDAY, received.receivedAt());
        // 3 working days after Tuesday: Wed 2, (Thu 3 a holiday), Fri 4, Mon 7
        assertEquals(LocalDate.parse("2026-12-07"), received.dueDate());
        assertEquals(received.dueDate(), received.originalDueDate());

        TimelineEntry entry = store.timeline(ID).get(0);
        assertEquals(DossierAction.RECEIVE, entry.action());
        assertEquals(ActorRole.OFFICER, entry.role());
        assertEquals(OFFICER, entry.actorId());
        assertEquals("01", entry.form());
        assertEquals(DossierStatus.REGISTERED, entry.fromStatus());
        assertEquals(DossierStatus.RECEIVED, entry.toStatus());
        assertEquals(2, entry.version());

        NotificationJob job = onlyJob(received, "RECEIVED");
        assertEquals("DOSSIER_RECEIVED", job.templateKey());
        assertEquals(CITIZEN, job.recipientId());
        assertEquals(Map.of("dossier_code", received.code(), "procedure_name", PROCEDURE_NAME, "due_date", "07/12/2026"),
                job.parameters());
        assertEquals(ID + "#v2#RECEIVED", job.deduplicationKey());

        assertEquals(1, agencyTotal(COMMUNE, "received"));
        assertEquals(1, agencyTotal(COMMUNE, "inProgress"));
        assertEquals(1, store.counter(DossierCounters.procedureKey(PROCEDURE), "MONTH#2026-12", "received"));
    }

    @Test
    void sequencesFollowEachOtherWithinADayAndStartAgainTheNextDay() {
        store.dossiers.put("d2", registered("d2", TUESDAY));
        store.dossiers.put("d3", registered("d3", TUESDAY));
        receive();
        assertEquals(COMMUNE_UNIT + "-261201-0002", actions.receive(officer, "d2", version(1)).code());
        clock.set(Instant.parse("2026-12-01T17:30:00Z")); // 00:30 on Wednesday 2 December in Vietnam
        Dossier next = actions.receive(officer, "d3", version(1));
        assertEquals(COMMUNE_UNIT + "-261202-0001", next.code());
        assertEquals(LocalDate.parse("2026-12-08"), next.dueDate());
    }

    @Test
    void aSequenceTakenMeanwhileIsReadAgainAndTheNextNumberClaimed() {
        store.sequences.put(COMMUNE_UNIT + "#2026-12-01", 6L);
        assertEquals(COMMUNE_UNIT + "-261201-0007", receive().code());
    }

    @Test
    void aTransactionClashThatLeftTheDossierAsItWasIsTriedAgain() {
        store.transientConflicts = 2;
        assertEquals(COMMUNE_UNIT + "-261201-0001", receive().code());
        assertEquals(1, store.updates);
    }

    @Test
    void twentyConcurrentReceiptsOfOneAgencyGiveSequencesOneToTwentyWithoutAGap() throws Exception {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "dc" + i;
            store.dossiers.put(id, registered(id, TUESDAY));
            tasks.add(() -> actions.receive(officer, id, version(1)).code());
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        Set<String> codes = new HashSet<>();
        try {
            for (Future<String> future : pool.invokeAll(tasks)) {
                codes.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> expected = new HashSet<>();
        for (int i = 1; i <= 20; i++) {
            expected.add(OfficerActions.code(COMMUNE_UNIT, LocalDate.parse("2026-12-01"), i));
        }
        assertEquals(expected, codes);
    }

    @Test
    void twentyConcurrentReceiptsOfOneDossierGiveOneCode() throws Exception {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> {
                try {
                    return actions.receive(officer, ID, version(1)).code();
                } catch (ApiException e) {
                    return e.details().get(0).code();
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<String> outcomes = new ArrayList<>();
        try {
            for (Future<String> future : pool.invokeAll(tasks)) {
                outcomes.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, outcomes.stream().filter(o -> o.startsWith(COMMUNE_UNIT)).count(), outcomes.toString());
        // the others read it before (409 VERSION_MISMATCH) or after the receipt (409 TRANSITION_NOT_ALLOWED)
        assertEquals(19, outcomes.stream().filter(o -> o.equals("VERSION_MISMATCH") || o.equals("TRANSITION_NOT_ALLOWED"))
                .count(), outcomes.toString());
        assertEquals(1, store.codes.size());
        assertEquals(1, store.sequences.get(COMMUNE_UNIT + "#2026-12-01"));
    }

    // ------------------------------------------------------------------ who may act

    @Test
    void strangersAndOtherAgenciesGet404WhateverTheyAskAndTheApplicant403() {
        refused(404, null, () -> actions.receive(citizen(STRANGER), ID, body("{\"nonsense\": true}")));
        refused(404, null, () -> actions.receive(officer(FOREIGN_OFFICER, "so-xay-dung"), ID, version(1)));
        refused(404, null, () -> actions.receive(officer, "no-such-dossier", version(1)));
        refused(404, null, () -> actions.receive(officer, "../etc", version(1)));
        refused(403, "ACTION_NOT_PERMITTED", () -> actions.receive(citizen(CITIZEN), ID, version(1)));
        assertEquals(0, store.updates);
        assertEquals(DossierStatus.RECEIVED, actions.receive(admin(), ID, version(1)).status());
    }

    @Test
    void anOfficerOfAnEarlierAgencyInTheChainSeesItButMayNoLongerAct() {
        receive();
        actions.transfer(officer, ID, body(Map.of("expectedVersion", 2, "toAgencyId", DEPARTMENT)));
        refused(403, "ACTION_NOT_PERMITTED", () -> actions.start(officer, ID, version(3)));
        refused(404, null, () -> actions.start(officer(FOREIGN_OFFICER, "so-xay-dung"), ID, version(3)));
        Dossier finished = actions.finish(officer(DEPARTMENT_OFFICER, DEPARTMENT), ID, body(Map.of("expectedVersion", 3,
                "summary", "Đã cấp giấy khai sinh", "resultFileKey", "dossiers/" + ID + "/result.pdf")));
        assertEquals(DossierStatus.FINISHED, finished.status());
    }

    // ------------------------------------------------------------------ 400 and 409

    @Test
    void theVersionIsRequiredAndAStaleOneIs409WithTheCurrentDossier() {
        refused(400, "REQUIRED", () -> actions.receive(officer, ID, body("{}")));
        refused(400, "UNKNOWN_FIELD", () -> actions.receive(officer, ID, body("{\"expectedVersion\": 1, \"x\": 1}")));
        ApiException stale = refused(409, "VERSION_MISMATCH", () -> actions.receive(officer, ID, version(0)));
        assertEquals(ErrorCode.CONFLICT, stale.code());
        assertEquals(1, ((JsonNode) stale.current()).path("version").asInt());
        assertEquals("REGISTERED", ((JsonNode) stale.current()).path("status").path("key").asText());
        assertEquals(0, store.updates);
    }

    @Test
    void anActionNotAllowedInTheStatusIs409WithTheStatus() {
        receive();
        ApiException again = refused(409, "TRANSITION_NOT_ALLOWED", () -> actions.receive(officer, ID, version(2)));
        assertEquals(2, ((JsonNode) again.current()).path("status").path("code").asInt());
        assertEquals("RECEIVED", ((JsonNode) again.current()).path("status").path("key").asText());
        assertTrue(((JsonNode) again.current()).path("timeline").isArray(), "the same view as GET /v1/dossiers/{id}");
        refused(409, "TRANSITION_NOT_ALLOWED", () -> actions.refuse(officer, ID, body(Map.of("expectedVersion", 2,
                "reasons", "Thiếu giấy tờ"))));
        refused(409, "TRANSITION_NOT_ALLOWED", () -> actions.returnResult(officer, ID, version(2)));
    }

    // ------------------------------------------------------------------ refuse, supplement

    @Test
    void refusalNeedsReasonsIssuesForm03AndClosesTheDossier() {
        refused(400, "REQUIRED", () -> actions.refuse(officer, ID, version(1)));
        Dossier refused = actions.refuse(officer, ID, body(Map.of("expectedVersion", 1,
                "reasons", "Không thuộc thẩm quyền giải quyết")));
        assertEquals(DossierStatus.NOT_RECEIVED, refused.status());
        assertEquals("Không thuộc thẩm quyền giải quyết", refused.closingReason());
        assertEquals("03", store.timeline(ID).get(0).form());
        NotificationJob job = onlyJob(refused, "CLOSED");
        assertEquals(Map.of("dossier_ref", ID, "status_name", "Từ chối tiếp nhận"), job.parameters());
        assertEquals(1, agencyTotal(COMMUNE, "refused"));
        assertEquals(0, agencyTotal(COMMUNE, "inProgress"));
    }

    @Test
    void aSupplementBeforeReceiptDoesNotPauseAClockThatHasNotStarted() {
        Dossier asked = actions.requestSupplement(officer, ID, body(Map.of("expectedVersion", 1,
                "items", List.of("Ảnh giấy chứng sinh bị mờ"), "documentKeys", List.of("birth_notice"),
                "message", "Vui lòng chụp lại rõ nét.")));
        assertEquals(DossierStatus.SUPPLEMENT_REQUESTED, asked.status());
        assertEquals(DossierStatus.REGISTERED, asked.resumeStatus());
        assertNull(asked.pausedAt());
        OpenRequest request = asked.openRequest();
        assertEquals(OpenRequest.Kind.SUPPLEMENT, request.kind());
        assertEquals(List.of("birth_notice"), request.documentKeys());
        TimelineEntry entry = store.timeline(ID).get(0);
        assertEquals("02", entry.form());
        OpenRequest recorded = OpenRequest.askedIn(entry);      // what form 02 reads once the request is answered
        assertEquals(request.items(), recorded.items());
        assertEquals(request.documentKeys(), recorded.documentKeys());
        assertEquals("Vui lòng chụp lại rõ nét.", recorded.message());
        assertEquals(Map.of("dossier_ref", ID, "procedure_name", PROCEDURE_NAME),
                onlyJob(asked, "SUPPLEMENT_REQUESTED").parameters());
    }

    @Test
    void aSupplementAfterReceiptPausesTheClock() {
        receive();
        clock.advance(Duration.ofHours(3));
        Dossier asked = actions.requestSupplement(officer, ID, body(Map.of("expectedVersion", 2,
                "items", List.of("Tờ khai thiếu chữ ký"))));
        assertEquals(TUESDAY.plus(Duration.ofHours(3)), asked.pausedAt());
        assertEquals(DossierStatus.RECEIVED, asked.resumeStatus());
        assertEquals(asked.code(), onlyJob(asked, "SUPPLEMENT_REQUESTED").parameters().get("dossier_ref"));
    }

    @Test
    void aSupplementNeedsWhatIsMissingAndOnlyTheProceduresDocuments() {
        ApiException e = refused(400, "REQUIRED", () -> actions.requestSupplement(officer, ID, version(1)));
        assertEquals("items", e.details().get(0).field());
        refused(400, "REQUIRED", () -> actions.requestSupplement(officer, ID, body(Map.of("expectedVersion", 1,
                "items", List.of()))));
        ApiException unknown = refused(400, "UNKNOWN_DOCUMENT", () -> actions.requestSupplement(officer, ID,
                body(Map.of("expectedVersion", 1, "items", List.of("x"), "documentKeys", List.of("so_do")))));
        assertEquals("documentKeys[0]", unknown.details().get(0).field());
        refused(400, "INVALID_TYPE", () -> actions.requestSupplement(officer, ID, body(Map.of("expectedVersion", 1,
                "items", List.of(3)))));
    }

    // ------------------------------------------------------------------ transfer, fees, stop

    @Test
    void aTransferMovesTheWorkAndIsAHandoverLine() {
        receive();
        clock.advance(Duration.ofDays(1));
        Dossier moved = actions.transfer(officer, ID, body(Map.of("expectedVersion", 2, "toAgencyId", DEPARTMENT,
                "comment", "Chuyển Sở Tư pháp thẩm định")));
        assertEquals(DEPARTMENT, moved.agencyId());
        assertEquals(DossierStatus.PROCESSING, moved.status());
        assertEquals(0, agencyTotal(COMMUNE, "inProgress"));
        assertEquals(1, agencyTotal(COMMUNE, "transferredOut"));
        assertEquals(1, agencyTotal(DEPARTMENT, "inProgress"));
        assertEquals(1, agencyTotal(DEPARTMENT, "transferredIn"));
        assertEquals(1, store.counter(DossierCounters.procedureKey(PROCEDURE), DossierCounters.TOTAL, "inProgress"));
        TimelineEntry entry = store.timeline(ID).get(1);
        assertEquals(COMMUNE, entry.fromAgencyId());
        assertEquals(DEPARTMENT, entry.toAgencyId());
        assertEquals(Boolean.TRUE, entry.onTime());

        List<ProcessSheet.Line> lines = ProcessSheet.from(store.timeline(ID));
        assertEquals(2, lines.size());
        assertEquals(DossierAction.TRANSFER, lines.get(1).step());
        assertEquals(OFFICER, lines.get(1).handedOverBy());
        assertEquals(DEPARTMENT, lines.get(1).toAgencyId());
        assertEquals("2026-12-07", lines.get(1).dueDate());
        assertEquals(2, lines.get(1).number());
    }

    @Test
    void aTransferNeedsAnotherAgencyThatExists() {
        receive();
        refused(400, "UNKNOWN_AGENCY", () -> actions.transfer(officer, ID, body(Map.of("expectedVersion", 2,
                "toAgencyId", "so-khong-co"))));
        refused(400, "SAME_AGENCY", () -> actions.transfer(officer, ID, body(Map.of("expectedVersion", 2,
                "toAgencyId", COMMUNE))));
        refused(400, "REQUIRED", () -> actions.transfer(officer, ID, version(2)));
    }

    @Test
    void feesDefaultToTheProceduresFixedFeeAndStartContinues() {
        receive();
        refused(400, "REQUIRED", () -> actions.requestFees(officer, ID, version(2)));
        refused(400, "OUT_OF_RANGE", () -> actions.requestFees(officer, ID, body(Map.of("expectedVersion", 2,
                "amountVnd", 0, "message", "x"))));
        Dossier fees = actions.requestFees(officer, ID, body(Map.of("expectedVersion", 2,
                "message", "Nộp lệ phí tại quầy số 3 hoặc chuyển khoản.")));
        assertEquals(DossierStatus.FEES_REQUESTED, fees.status());
        assertEquals(75_000L, fees.openRequest().amountVnd());
        assertEquals(Map.of("dossier_code", fees.code(), "amount", "75.000 đ"), onlyJob(fees, "FEES_REQUESTED").parameters());
        Dossier started = actions.start(officer, ID, version(3));
        assertEquals(DossierStatus.PROCESSING, started.status());
        assertNull(started.openRequest());
        assertNull(started.resumeStatus());
    }

    @Test
    void aProcedureWithoutAFixedFeeNeedsTheAmount() {
        store.dossiers.put("dr", registered("dr", TUESDAY, OTHER_PROCEDURE));
        actions.receive(officer, "dr", version(1));
        refused(400, "REQUIRED", () -> actions.requestFees(officer, "dr", body(Map.of("expectedVersion", 2,
                "message", "Nộp phí"))));
        Dossier fees = actions.requestFees(officer, "dr", body(Map.of("expectedVersion", 2, "amountVnd", 1_250_000,
                "message", "Nộp phí")));
        assertEquals("1.250.000 đ", onlyJob(fees, "FEES_REQUESTED").parameters().get("amount"));
    }

    @Test
    void stoppingWhileASupplementIsAwaitedIssuesForm05AndEndsThePause() {
        receive();
        actions.requestSupplement(officer, ID, body(Map.of("expectedVersion", 2, "items", List.of("x"))));
        clock.advance(Duration.ofDays(6)); // Mon 7 December
        Dossier stopped = actions.stop(officer, ID, body(Map.of("expectedVersion", 3,
                "reasons", "Người nộp không bổ sung hồ sơ")));
        assertEquals(DossierStatus.STOPPED, stopped.status());
        assertNull(stopped.pausedAt());
        assertNull(stopped.openRequest());
        assertEquals(3, stopped.pausedWorkingDays()); // Wed 2, Fri 4, Mon 7
        assertEquals("05", store.timeline(ID).get(2).form());
        assertEquals("Dừng xử lý", onlyJob(stopped, "CLOSED").parameters().get("status_name"));
        assertEquals(1, agencyTotal(COMMUNE, "stopped"));
        assertEquals(0, agencyTotal(COMMUNE, "inProgress"));
    }

    // ------------------------------------------------------------------ finish, return

    @Test
    void finishingOnTimeRecordsTheResultAndTheWorkingDaysTaken() {
        receive();
        actions.start(officer, ID, version(2));
        refused(400, "REQUIRED", () -> actions.finish(officer, ID, body(Map.of("expectedVersion", 3,
                "summary", "Đã cấp"))));  // ONLINE: the result file is required
        refused(400, "UNKNOWN_FILE", () -> actions.finish(officer, ID, body(Map.of("expectedVersion", 3,
                "summary", "Đã cấp", "resultFileKey", "dossiers/other/result.pdf"))));
        clock.set(Instant.parse("2026-12-04T03:00:00Z")); // Friday
        Dossier finished = actions.finish(officer, ID, body(Map.of("expectedVersion", 3,
                "summary", "Đã cấp giấy khai sinh bản chính", "resultFileKey", "dossiers/" + ID + "/kq.pdf")));
        assertEquals(DossierStatus.FINISHED, finished.status());
        assertTrue(finished.result().onTime());
        assertEquals(2, finished.result().workingDaysTaken()); // Wed 2, Fri 4
        assertEquals(Map.of("dossier_code", finished.code(), "procedure_name", PROCEDURE_NAME),
                onlyJob(finished, "RESULT_READY").parameters());
        assertEquals(1, agencyTotal(COMMUNE, "finished"));
        assertEquals(1, agencyTotal(COMMUNE, "finishedOnTime"));
        assertEquals(0, agencyTotal(COMMUNE, "finishedLate"));
        assertEquals(2, agencyTotal(COMMUNE, "workingDaysToResult"));
        assertEquals(0, agencyTotal(COMMUNE, "inProgress"));
    }

    @Test
    void finishingAfterTheDueDateCountsLateAndTheDocumentStoreVerifiesTheFile() {
        List<String> verified = new ArrayList<>();
        actions = new OfficerActions(store, () -> CONFIG, new DocumentStore() {
            @Override
            public Upload createUpload(String ownerId, DocumentType type, long bytes) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Uploaded> verify(String ownerId, List<String> fileKeys, String fieldPrefix) {
                verified.add(ownerId + ":" + fileKeys + ":" + fieldPrefix);
                return List.of(new Uploaded(fileKeys.get(0), DocumentType.PDF, 1000));
            }

            @Override
            public List<String> attach(String dossierId, List<Uploaded> uploads) {
                return uploads.stream().map(u -> "dossier-documents/dossiers/" + dossierId + "/kq.pdf").toList();
            }

            @Override
            public String downloadUrl(String fileKey, Duration ttl) {
                throw new UnsupportedOperationException();
            }
        }, clock);
        receive();
        actions.start(officer, ID, version(2));
        clock.set(Instant.parse("2026-12-08T03:00:00Z")); // Tuesday 8, the day after the due date
        Dossier finished = actions.finish(officer, ID, body(Map.of("expectedVersion", 3, "summary", "Đã cấp",
                "resultFileKey", "uploads/" + OFFICER + "/kq.pdf")));
        assertFalse(finished.result().onTime());
        assertEquals(List.of(OFFICER + ":[uploads/" + OFFICER + "/kq.pdf]:resultFileKey"), verified);
        assertEquals("dossier-documents/dossiers/" + ID + "/kq.pdf", finished.result().fileKey(), "kept under the dossier");
        assertEquals(1, agencyTotal(COMMUNE, "finishedLate"));
        assertEquals(Boolean.FALSE, store.timeline(ID).get(2).onTime());
    }

    @Test
    void returningTheResultUsesOneOfTheProceduresWays() {
        receive();
        actions.start(officer, ID, version(2));
        actions.finish(officer, ID, body(Map.of("expectedVersion", 3, "summary", "Đã cấp",
                "resultFileKey", "dossiers/" + ID + "/kq.pdf")));
        refused(400, "NOT_OFFERED", () -> actions.returnResult(officer, ID, body(Map.of("expectedVersion", 4,
                "how", "POST"))));
        refused(400, "INVALID_VALUE", () -> actions.returnResult(officer, ID, body(Map.of("expectedVersion", 4,
                "how", "PIGEON"))));
        Dossier returned = actions.returnResult(officer, ID, body(Map.of("expectedVersion", 4, "how", "DESK")));
        assertEquals(DossierStatus.RETURNED, returned.status());
        assertEquals(TUESDAY, returned.returnedAt());
        assertEquals(Map.of("dossier_code", returned.code()), onlyJob(returned, "RETURNED").parameters());
        assertEquals(1, agencyTotal(COMMUNE, "returned"));
        List<ProcessSheet.Line> lines = ProcessSheet.from(store.timeline(ID));
        assertEquals(List.of(DossierAction.RECEIVE, DossierAction.FINISH, DossierAction.RETURN_RESULT),
                lines.stream().map(ProcessSheet.Line::step).toList());
        assertTrue(lines.stream().allMatch(line -> Boolean.TRUE.equals(line.onTime())));
    }

    // ------------------------------------------------------------------ extend (form 04)

    @Test
    void anExtensionMovesTheDueDateOnceAndOnlyBeforeIt() {
        receive();
        refused(400, "NOT_A_WORKING_DAY", () -> actions.extend(officer, ID, body(Map.of("expectedVersion", 2,
                "newDueDate", "2026-12-12", "reason", "Cần xác minh"))));  // a Saturday
        refused(400, "NOT_AFTER_DUE_DATE", () -> actions.extend(officer, ID, body(Map.of("expectedVersion", 2,
                "newDueDate", "2026-12-07", "reason", "Cần xác minh"))));
        refused(400, "INVALID_FORMAT", () -> actions.extend(officer, ID, body(Map.of("expectedVersion", 2,
                "newDueDate", "07/12/2026", "reason", "x"))));
        refused(400, "REQUIRED", () -> actions.extend(officer, ID, body(Map.of("expectedVersion", 2,
                "newDueDate", "2026-12-10"))));
        clock.set(Instant.parse("2026-12-07T09:00:00Z")); // 16:00 on the due date itself
        Dossier extended = actions.extend(officer, ID, body(Map.of("expectedVersion", 2, "newDueDate", "2026-12-10",
                "reason", "Cần xác minh thông tin với nơi sinh")));
        assertEquals(LocalDate.parse("2026-12-10"), extended.dueDate());
        assertEquals(LocalDate.parse("2026-12-07"), extended.originalDueDate());
        assertEquals(LocalDate.parse("2026-12-07"), extended.extension().previousDueDate());
        assertEquals("04", store.timeline(ID).get(1).form());
        assertEquals(Map.of("dossier_code", extended.code(), "new_due_date", "10/12/2026"),
                onlyJob(extended, "LATE").parameters());
        assertEquals(1, agencyTotal(COMMUNE, "extended"));
        refused(409, "ALREADY_EXTENDED", () -> actions.extend(officer, ID, body(Map.of("expectedVersion", 3,
                "newDueDate", "2026-12-11", "reason", "Lần hai"))));
    }

    @Test
    void anExtensionAfterTheDueDateIsTooLate() {
        receive();
        clock.set(Instant.parse("2026-12-07T17:00:00Z")); // 00:00 on Tuesday 8 in Vietnam
        refused(409, "PAST_DUE_DATE", () -> actions.extend(officer, ID, body(Map.of("expectedVersion", 2,
                "newDueDate", "2026-12-10", "reason", "Trễ"))));
    }

    // ------------------------------------------------------------------ notifications

    @Test
    void anErasedApplicantIsToldNothing() {
        Dossier d = store.dossiers.get(ID);
        store.dossiers.put(ID, d.toBuilder().applicant(new vn.smartprovince.dossiers.core.Applicant(
                vn.smartprovince.dossiers.core.Notices.ERASED_APPLICANT, "", null, null, null, null,
                d.applicant().type())).build());
        Dossier received = receive();
        assertEquals(DossierStatus.RECEIVED, received.status());
        assertTrue(store.jobs.isEmpty());
        assertEquals(1, agencyTotal(COMMUNE, "received"));
    }
}
