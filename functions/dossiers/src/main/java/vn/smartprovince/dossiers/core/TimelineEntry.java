package vn.smartprovince.dossiers.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One immutable line of a dossier's history: what happened, who did it, from which status and
 * agency to which. Handovers (receive, transfer, finish, return) are also the lines of the
 * process-control sheet (form 06), with {@code onTime}.
 *
 * @param version      the dossier's version this entry produced (1 for the submission): unique, ordered
 * @param actorId      the user id (officer or applicant); {@code system} for the scheduler
 * @param publicComment what the applicant may read (a reason, a message); null when none
 * @param form         the form this step issued: {@code 01}..{@code 05}, or null
 * @param onTime       for handovers: whether the step was within the due date; null otherwise
 * @param details      small facts of the step (the new due date, the amount, the code assigned…)
 */
public record TimelineEntry(String dossierId, int version, Instant at, String actorId, ActorRole role,
                            DossierAction action, DossierStatus fromStatus, DossierStatus toStatus,
                            String fromAgencyId, String toAgencyId, String publicComment, String form, Boolean onTime,
                            Map<String, String> details) {
    public TimelineEntry {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
