package vn.smartprovince.dossiers.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.smartprovince.dossiers.Fixtures;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.onestop.OneStopFields;
import vn.smartprovince.shared.province.DocumentType;

/** The outbound mapping: a timeline entry in the national codes, under the vendor's names. */
class SyncEventTest {
    static final Instant SUBMITTED = Instant.parse("2026-12-06T16:30:05Z");     // 23:30:05 on the 6th in Vietnam
    static final Instant RECEIVED = Instant.parse("2026-12-07T02:00:00Z");      // 09:00 on the 7th
    static final Instant FINISHED = Instant.parse("2026-12-09T03:15:00Z");

    static Dossier dossier() {
        Applicant applicant = new Applicant(Fixtures.CITIZEN, "Nguyễn Văn An", "079123456789", "84901234567", null,
                new Address("1 Đường 30/4", "DEMO-P01"), Applicant.ApplicantType.CITIZEN);
        return new Dossier.Builder().id("d-1").code("000.00.P01.H56-261207-0001").procedureCode(Fixtures.BIRTH)
                .agencyId("ubnd-tan-ninh").status(DossierStatus.FINISHED).version(4).applicant(applicant)
                .documents(List.of(
                        new AttachedDocument("birth_notice", "k/1", DocumentType.JPEG, 10, SUBMITTED, false),
                        new AttachedDocument("marriage_certificate", "k/2", DocumentType.PDF, 10, RECEIVED, true)))
                .submittedAt(SUBMITTED).updatedAt(FINISHED).receivedAt(RECEIVED)
                .dueDate(LocalDate.of(2026, 12, 14)).finishedAt(FINISHED).build();
    }

    static TimelineEntry entry(int version, Instant at, DossierAction action, DossierStatus from, DossierStatus to,
                               Map<String, String> details) {
        return new TimelineEntry("d-1", version, at, "officer-7", ActorRole.OFFICER, action, from, to,
                "ubnd-tan-ninh", "ubnd-tan-ninh", null, null, null, details);
    }

    @Test
    void theSubmissionIsCreatedWithNothingReceivedYet() {
        TimelineEntry submit = new TimelineEntry("d-1", 1, SUBMITTED, Fixtures.CITIZEN, ActorRole.APPLICANT,
                DossierAction.SUBMIT, null, DossierStatus.REGISTERED, null, "ubnd-tan-ninh", null, null, null,
                Map.of("routing", "SUBJECT_AREA"));
        SyncEvent event = SyncEvent.of(submit, dossier(), Fixtures.CONFIG);
        assertEquals("d-1:1", event.eventId());
        assertEquals(SyncEvent.EventType.CREATED, event.eventType());
        assertEquals(1, event.status());
        assertNull(event.previousStatus());
        assertNull(event.dossierCode(), "no code before receipt");
        assertNull(event.receivedAt());
        assertNull(event.dueAt());
        assertNull(event.finishedAt());
        assertEquals("20261206233005", event.submittedAt(), "Vietnam time");
        assertEquals("20261206233005", event.eventAt());
        assertEquals(2, event.channel());
        assertEquals(1, event.applicantType());
        assertEquals("applicant", event.actor(), "never the citizen's Zalo id");
        assertEquals(SyncEvent.Origin.MINI_APP, event.origin());
        assertEquals("Đăng ký khai sinh", event.procedureName());
        assertEquals("000.00.P01.H56", event.agencyCode());
        assertEquals(1, event.documents().size(), "the submission's files, not the supplement's");
        assertEquals("birth_notice", event.documents().get(0).documentKey());
        assertEquals("JPEG", event.documents().get(0).type());
    }

    @Test
    void theReceiptCarriesTheCodeAndTheDueDateAtFivePm() {
        SyncEvent event = SyncEvent.of(entry(2, RECEIVED, DossierAction.RECEIVE, DossierStatus.REGISTERED,
                DossierStatus.RECEIVED, Map.of("code", "000.00.P01.H56-261207-0001", "dueDate", "2026-12-11")),
                dossier(), Fixtures.CONFIG);
        assertEquals("000.00.P01.H56-261207-0001", event.dossierCode());
        assertEquals("20261207090000", event.receivedAt());
        assertEquals("20261211170000", event.dueAt(), "the due date of that event, at 17:00");
        assertEquals(1, event.previousStatus());
        assertNull(event.finishedAt(), "not finished yet at that event");
        assertEquals("officer-7", event.actor());
        assertTrue(event.documents().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(DossierStatus.class)
    void everyStatusHasItsNationalCode(DossierStatus status) {
        SyncEvent event = SyncEvent.of(entry(3, FINISHED, DossierAction.START, DossierStatus.RECEIVED, status, Map.of()),
                dossier(), Fixtures.CONFIG);
        assertEquals(status.code(), event.status());
        assertEquals(2, event.previousStatus());
        assertEquals(SyncEvent.EventType.STATUS_CHANGED, event.eventType());
    }

    @Test
    void statusCodesAreOneToTen() {
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                java.util.Arrays.stream(DossierStatus.values()).map(DossierStatus::code).toList());
    }

    @Test
    void aTransferNamesTheNewAgencysUnitCode() {
        TimelineEntry transfer = new TimelineEntry("d-1", 3, FINISHED, "officer-7", ActorRole.OFFICER,
                DossierAction.TRANSFER, DossierStatus.PROCESSING, DossierStatus.PROCESSING, "ubnd-tan-ninh",
                "so-xay-dung", null, null, null, Map.of());
        SyncEvent event = SyncEvent.of(transfer, dossier(), Fixtures.CONFIG);
        assertEquals(SyncEvent.EventType.TRANSFERRED, event.eventType());
        assertEquals("000.00.14.H56", event.agencyCode());
        assertEquals("20261209101500", event.finishedAt(), "finished at that instant");
    }

    @Test
    void aSupplementBringsItsOwnFiles() {
        TimelineEntry answer = new TimelineEntry("d-1", 3, RECEIVED, Fixtures.CITIZEN, ActorRole.APPLICANT,
                DossierAction.ANSWER_SUPPLEMENT, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.RECEIVED,
                "ubnd-tan-ninh", "ubnd-tan-ninh", "Đã bổ sung", null, null, Map.of("files", "1"));
        SyncEvent event = SyncEvent.of(answer, dossier(), Fixtures.CONFIG);
        assertEquals(List.of(new SyncEvent.Document("Giấy chứng nhận kết hôn của cha mẹ (nếu có)", "PDF",
                "marriage_certificate")), event.documents());
        assertEquals("Đã bổ sung", event.comment());
    }

    @Test
    void theBodyUsesTheNationalNamesOrTheProvincesRenames() {
        SyncEvent event = SyncEvent.of(entry(2, RECEIVED, DossierAction.RECEIVE, DossierStatus.REGISTERED,
                DossierStatus.RECEIVED, Map.of("code", "X")), dossier(), Fixtures.CONFIG);
        JsonNode national = Json.read(Json.write(event.toJson(OneStopFields.NATIONAL)));
        assertEquals("d-1:2", national.path("MaSuKien").asText());
        assertEquals(2, national.path("SoThuTu").asInt());
        assertEquals(2, national.path("TrangThaiHoSo").asInt());
        assertEquals(2, national.path("KenhThucHien").asInt());
        assertEquals("000.00.P01.H56-261207-0001", national.path("MaHoSo").asText());
        assertTrue(national.has("NgayKetThucXuLy") && national.path("NgayKetThucXuLy").isNull(), "nulls are sent");
        assertEquals("X", national.path("ChiTiet").path("code").asText());
        assertEquals(OneStopFields.DEFAULTS.size() - 4, national.size(), "every outbound field, no inbound-only one");

        JsonNode renamed = Json.read(Json.write(event.toJson(OneStopFields.of(Map.of("dossierCode", "SoHoSo")))));
        assertEquals("000.00.P01.H56-261207-0001", renamed.path("SoHoSo").asText());
        assertFalse(renamed.has("MaHoSo"));
    }

    @Test
    void aRefusedDeskUpdateIsItsOwnEventType() {
        assertEquals(SyncEvent.EventType.DESK_UPDATE_REFUSED.name(), SyncEvent.DESK_UPDATE_REFUSED);
        assertEquals(SyncEvent.EventType.STATUS_CHANGED,
                SyncEvent.type(entry(5, FINISHED, DossierAction.EXTEND, DossierStatus.PROCESSING,
                        DossierStatus.PROCESSING, Map.of())));
    }
}
