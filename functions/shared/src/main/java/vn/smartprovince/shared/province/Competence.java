package vn.smartprovince.shared.province;

import java.util.List;

/**
 * Which agency is competent (cơ quan có thẩm quyền) for a procedure's dossiers. Since 2025 a
 * dossier may be submitted anywhere in the province ("phi địa giới"); it is routed here, never by
 * where it was submitted.
 *
 * @param basis            how the agency is chosen
 * @param agencyIds        {@code FIXED}: exactly one agency. {@code APPLICANT_AREA} and
 *                         {@code SUBJECT_AREA}: the candidates; the one covering the commune is
 *                         competent (the loader checks that every commune has exactly one)
 * @param subjectAreaField {@code SUBJECT_AREA} only (else null): the key of the form's
 *                         {@code ADDRESS} field whose commune decides (e.g. where the child was born,
 *                         where the house is built)
 */
public record Competence(Basis basis, List<String> agencyIds, String subjectAreaField) {
    public enum Basis {
        /** One agency for the whole province (a department, the provincial centre). */
        FIXED,
        /** The agency covering the applicant's commune of residence. */
        APPLICANT_AREA,
        /** The agency covering the commune the dossier is about (a form field). */
        SUBJECT_AREA
    }

    public Competence {
        agencyIds = List.copyOf(agencyIds);
    }
}
