package vn.smartprovince.dossiers.officer;

import java.time.LocalDate;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierViews;
import vn.smartprovince.dossiers.core.InternalNote;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * What the officers' lists answer: a queue line, a note. After an action (and in a 409's
 * {@code current}) they answer the dossier as {@code GET /v1/dossiers/{id}} shows it to them
 * ({@link DossierViews#detail}).
 */
final class OfficerViews {
    private OfficerViews() {
    }

    /** One line of an agency's queue. */
    record QueueItem(String id, String code, String procedureCode, String procedureName, String applicantName,
                     DossierViews.Status status, String submittedAt, String dueDate, boolean overdue, boolean paused,
                     int version) {
        static QueueItem of(Dossier d, ProvinceConfig config, LocalDate today) {
            String procedureName = config.procedure(d.procedureCode()).map(p -> p.name()).orElse(d.procedureCode());
            boolean overdue = d.dueDate() != null && d.dueDate().isBefore(today);
            return new QueueItem(d.id(), d.code(), d.procedureCode(), procedureName,
                    d.applicant() == null ? null : d.applicant().fullName(), DossierViews.Status.of(d.status()),
                    text(d.submittedAt()), text(d.dueDate()), overdue, d.paused(), d.version());
        }
    }

    /** An internal note. */
    record Note(String id, String dossierId, String authorId, String agencyId, String text, String at) {
        static Note of(InternalNote note) {
            return new Note(note.noteId(), note.dossierId(), note.authorId(), note.agencyId(), note.text(),
                    note.at().toString());
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
