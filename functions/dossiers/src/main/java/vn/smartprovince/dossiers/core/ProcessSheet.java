package vn.smartprovince.dossiers.core;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The process-control sheet (phiếu kiểm soát quá trình giải quyết, form 06) as data: one line per
 * handover of the dossier, read from its timeline. Handovers are receive (the desk takes it in),
 * transfer (to the next agency of a chain), finish (the result comes back to the desk) and return
 * (to the applicant). Each line says who handed it over, from which agency to which, when, the
 * due date then in force and whether the step was on time. The forms feature renders it.
 */
public final class ProcessSheet {
    /** The timeline actions that are handovers. */
    public static final Set<DossierAction> HANDOVERS = EnumSet.of(DossierAction.RECEIVE, DossierAction.TRANSFER,
            DossierAction.FINISH, DossierAction.RETURN_RESULT);
    /** The timeline detail holding the due date in force at the step ({@code YYYY-MM-DD}). */
    public static final String DUE_DATE = "dueDate";

    private ProcessSheet() {
    }

    /**
     * One handover.
     *
     * @param handedOverBy the user id of the officer who did the step
     * @param fromAgencyId who handed it over (for a receipt: the agency that received it)
     * @param toAgencyId   who took it
     * @param dueDate      the due date in force at the step ({@code YYYY-MM-DD}), null when unknown
     * @param onTime       whether the step was within the due date (null when there was none)
     */
    public record Line(int number, DossierAction step, String handedOverBy, String fromAgencyId, String toAgencyId,
                       Instant at, String dueDate, Boolean onTime, String comment) {
    }

    /** The sheet's lines, in the order the handovers happened ({@code timeline} oldest first). */
    public static List<Line> from(List<TimelineEntry> timeline) {
        List<TimelineEntry> handovers = timeline.stream().filter(entry -> HANDOVERS.contains(entry.action())).toList();
        return java.util.stream.IntStream.range(0, handovers.size()).mapToObj(i -> {
            TimelineEntry entry = handovers.get(i);
            return new Line(i + 1, entry.action(), entry.actorId(), entry.fromAgencyId(), entry.toAgencyId(),
                    entry.at(), entry.details().get(DUE_DATE), entry.onTime(), entry.publicComment());
        }).toList();
    }
}
