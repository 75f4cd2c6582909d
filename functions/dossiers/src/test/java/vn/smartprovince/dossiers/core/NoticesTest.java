package vn.smartprovince.dossiers.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.smartprovince.dossiers.Fixtures;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.province.NotificationTemplate;

class NoticesTest {
    static final Instant AT = Instant.parse("2026-12-07T03:00:00Z");

    static Dossier answered() {
        return new Dossier.Builder().id("d-answer").code("000.21.30.H56-261201-0003").procedureCode("p")
                .agencyId("ubnd-tan-ninh").status(DossierStatus.PROCESSING).version(5)
                .applicant(new Applicant("citizen-1", "Nguyễn Văn An", "072090001234", "84901234567", null, null,
                        Applicant.ApplicantType.CITIZEN))
                .submittedAt(AT).updatedAt(AT).build();
    }

    @Test
    void aSupplementAnsweredTellsEachOfficerOnceAndNeverTheApplicant() {
        List<NotificationJob> jobs = Notices.supplementAnswered(answered(), "Đăng ký khai sinh",
                List.of("officer-1", "officer-2", "officer-1"), AT);
        assertEquals(List.of("officer-1", "officer-2"), jobs.stream().map(NotificationJob::recipientId).toList());
        NotificationJob first = jobs.get(0);
        assertEquals("d-answer#v5#SUPPLEMENT_ANSWERED#officer-1", first.jobId());
        assertEquals(first.jobId(), first.deduplicationKey(), "derived from the version and the officer, never random");
        assertEquals("DOSSIER_SUPPLEMENT_ANSWERED", first.templateKey());
        assertEquals(java.util.Map.of("dossier_ref", "000.21.30.H56-261201-0003", "procedure_name", "Đăng ký khai sinh"),
                first.parameters());
    }

    @Test
    void aSupplementAnsweredReachesABoundedNumberOfOfficers() {
        List<String> many = IntStream.range(0, 80).mapToObj(i -> "officer-" + i).toList();
        assertEquals(Notices.MAX_OFFICERS, Notices.supplementAnswered(answered(), "x", many, AT).size());
        assertTrue(Notices.supplementAnswered(answered(), "x", List.of(), AT).isEmpty());
    }

    @Test
    void theDemoProvinceHasATemplateWithExactlyTheParamsOfEveryNotice() {
        for (Notices.Kind kind : Notices.Kind.values()) {
            NotificationTemplate template = Fixtures.CONFIG.notificationTemplate(kind.templateKey())
                    .orElseThrow(() -> new AssertionError("no template " + kind.templateKey() + " in infra/demo"));
            assertTrue(template.oaText() != null && !template.oaText().isBlank(), kind.name());
        }
        NotificationTemplate answered = Fixtures.CONFIG.notificationTemplate("DOSSIER_SUPPLEMENT_ANSWERED").orElseThrow();
        assertEquals(List.of("dossier_ref", "procedure_name"), answered.params());
        assertEquals(answered.params().stream().sorted().toList(), Notices.supplementAnswered(answered(), "x",
                List.of("o"), AT).get(0).parameters().keySet().stream().sorted().toList());
    }
}
