package vn.smartprovince.dossiers.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.smartprovince.dossiers.Fixtures.BIRTH;
import static vn.smartprovince.dossiers.Fixtures.CERTIFIED_COPY;
import static vn.smartprovince.dossiers.Fixtures.CONFIG;
import static vn.smartprovince.dossiers.Fixtures.CITIZEN;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.smartprovince.dossiers.core.Address;
import vn.smartprovince.dossiers.core.Applicant;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.Competence;
import vn.smartprovince.shared.province.Procedure;

/**
 * The competent agency, on the demo province's procedures: the birth registration goes to the
 * committee of the child's residence (SUBJECT_AREA, form field {@code residence}), the certified
 * copy to the committee of the applicant's commune (APPLICANT_AREA); a commune that none of the
 * candidates covers is a 400 naming the field that chose it.
 */
class SubmitRoutingTest {
    private static final Procedure BIRTH_REGISTRATION = CONFIG.procedure(BIRTH).orElseThrow();
    private static final Procedure COPY = CONFIG.procedure(CERTIFIED_COPY).orElseThrow();

    private static Applicant livingIn(String areaCode) {
        return new Applicant(CITIZEN, "Trần Thị Mai", "072192004321", "84901234567", null,
                new Address("12 Đường 30/4", areaCode), Applicant.ApplicantType.CITIZEN);
    }

    private static Map<String, Object> residence(String areaCode) {
        return Map.of("residence", Map.of("street", "3 Nguyễn Huệ", "areaCode", areaCode));
    }

    /** The procedure with only these candidate agencies (a province where not every commune handles it). */
    private static Procedure onlyAt(Procedure p, String... agencyIds) {
        Competence c = p.competence();
        return new Procedure(p.code(), p.name(), p.field(), new Competence(c.basis(), List.of(agencyIds), c.subjectAreaField()),
                p.onlineLevel(), p.processingWorkingDays(), p.fee(), p.documents(), p.form(), p.resultDeliveries(),
                p.description());
    }

    private static Agency route(Procedure procedure, Applicant applicant, Map<String, Object> form) {
        BodyFields problems = new BodyFields();
        Agency agency = SubmitDossier.route(procedure, applicant, form, CONFIG, problems);
        problems.done();
        return agency;
    }

    @Test
    void aBirthGoesToTheCommitteeOfTheChildsResidenceNotTheMothersAddress() {
        assertEquals(Competence.Basis.SUBJECT_AREA, BIRTH_REGISTRATION.competence().basis());
        assertEquals("ubnd-tan-an", route(BIRTH_REGISTRATION, livingIn("DEMO-P01"), residence("DEMO-P12")).id());
        assertEquals("ubnd-tan-bien", route(BIRTH_REGISTRATION, livingIn("DEMO-P12"), residence("DEMO-X01")).id());
        assertEquals("ubnd-tan-ninh", route(BIRTH_REGISTRATION, livingIn("DEMO-X01"), residence("DEMO-P01")).id());
    }

    @Test
    void aCertifiedCopyGoesToTheCommitteeOfTheApplicantsCommune() {
        assertEquals(Competence.Basis.APPLICANT_AREA, COPY.competence().basis());
        Map<String, Object> form = Map.of("documentTitle", "Bằng tốt nghiệp", "copies", 2L, "pages", 1L);
        assertEquals("ubnd-tan-ninh", route(COPY, livingIn("DEMO-P01"), form).id());
        assertEquals("ubnd-go-dau", route(COPY, livingIn("DEMO-P09"), form).id());
    }

    @Test
    void aCommuneNoCandidateCoversIsNotCoveredNamingTheField() {
        Procedure birth = onlyAt(BIRTH_REGISTRATION, "ubnd-tan-ninh", "ubnd-tan-an");
        ApiException subject = assertThrows(ApiException.class,
                () -> route(birth, livingIn("DEMO-P01"), residence("DEMO-X01")));
        assertEquals(400, subject.code().status());
        assertEquals(List.of("form.residence NOT_COVERED"), fields(subject));

        Procedure copy = onlyAt(COPY, "ubnd-tan-ninh");
        ApiException applicant = assertThrows(ApiException.class,
                () -> route(copy, livingIn("DEMO-P12"), Map.of()));
        assertEquals(400, applicant.code().status());
        assertEquals(List.of("applicant.address.areaCode NOT_COVERED"), fields(applicant));
    }

    @Test
    void noResidenceIsRequiredRatherThanRoutedElsewhere() {
        BodyFields problems = new BodyFields();
        assertNull(SubmitDossier.route(BIRTH_REGISTRATION, livingIn("DEMO-P01"), Map.of(), CONFIG, problems));
        assertEquals(List.of("form.residence REQUIRED"), problems.errors().stream()
                .map(e -> e.field() + " " + e.code()).toList());
    }

    private static List<String> fields(ApiException e) {
        return e.details().stream().map((FieldError d) -> d.field() + " " + d.code()).toList();
    }
}
