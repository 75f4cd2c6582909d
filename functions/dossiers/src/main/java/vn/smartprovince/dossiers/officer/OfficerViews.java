package vn.smartprovince.dossiers.officer;

import java.time.LocalDate;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.InternalNote;
import vn.smartprovince.dossiers.core.OpenRequest;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * What the officers' routes answer: the dossier after an action (and in a 409's {@code current}),
 * a queue line, a note. No CCCD or phone here: an officer reads those on the dossier's own route.
 */
final class OfficerViews {
    private OfficerViews() {
    }

    /** A dossier as an action leaves it. */
    record Detail(String id, String code, int version, String status, int statusCode, String statusName,
                  String procedureCode, String agencyId, String applicantName, String subjectName, String submittedAt,
                  String receivedAt, String dueDate, String originalDueDate, boolean paused, int pausedWorkingDays,
                  OpenRequest openRequest, Dossier.Extension extension, Dossier.Result result, String closingReason,
                  String resultDelivery, String finishedAt, String returnedAt, boolean overdue) {
        static Detail of(Dossier d) {
            return new Detail(d.id(), d.code(), d.version(), d.status().name(), d.status().code(),
                    d.status().vietnameseName(), d.procedureCode(), d.agencyId(),
                    d.applicant() == null ? null : d.applicant().fullName(), d.subjectName(), text(d.submittedAt()),
                    text(d.receivedAt()), text(d.dueDate()), text(d.originalDueDate()), d.paused(),
                    d.pausedWorkingDays(), d.openRequest(), d.extension(), d.result(), d.closingReason(),
                    text(d.resultDelivery()), text(d.finishedAt()), text(d.returnedAt()), d.overdue());
        }
    }

    /** One line of an agency's queue. */
    record QueueItem(String id, String code, String procedureCode, String procedureName, String applicantName,
                     String status, int statusCode, String submittedAt, String dueDate, boolean overdue, boolean paused,
                     int version) {
        static QueueItem of(Dossier d, ProvinceConfig config, LocalDate today) {
            String procedureName = config.procedure(d.procedureCode()).map(p -> p.name()).orElse(d.procedureCode());
            boolean overdue = d.dueDate() != null && d.dueDate().isBefore(today);
            return new QueueItem(d.id(), d.code(), d.procedureCode(), procedureName,
                    d.applicant() == null ? null : d.applicant().fullName(), d.status().name(), d.status().code(),
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
