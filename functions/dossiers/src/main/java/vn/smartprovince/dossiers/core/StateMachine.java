package vn.smartprovince.dossiers.core;

import static vn.smartprovince.dossiers.core.DossierStatus.FEES_REQUESTED;
import static vn.smartprovince.dossiers.core.DossierStatus.FINISHED;
import static vn.smartprovince.dossiers.core.DossierStatus.NOT_RECEIVED;
import static vn.smartprovince.dossiers.core.DossierStatus.PROCESSING;
import static vn.smartprovince.dossiers.core.DossierStatus.RECEIVED;
import static vn.smartprovince.dossiers.core.DossierStatus.REGISTERED;
import static vn.smartprovince.dossiers.core.DossierStatus.RETURNED;
import static vn.smartprovince.dossiers.core.DossierStatus.STOPPED;
import static vn.smartprovince.dossiers.core.DossierStatus.SUPPLEMENT_REQUESTED;
import static vn.smartprovince.dossiers.core.DossierStatus.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dossier's lifecycle: which action is allowed in which status, and the status it leads to.
 * Everything else is refused (409 {@code TRANSITION_NOT_ALLOWED} with the current status).
 *
 * <pre>
 *  SUBMIT            -> 1 REGISTERED
 *  RECEIVE           1 -> 2 RECEIVED (code, due date, form 01)
 *  REFUSE            1 -> 3 NOT_RECEIVED (form 03)
 *  REQUEST_SUPPLEMENT 1, 2, 4 -> 5 (form 02; after receipt the clock pauses)
 *  ANSWER_SUPPLEMENT 5 -> the status it came from (the clock resumes, the due date moves)
 *  START             2, 6 -> 4
 *  TRANSFER          2, 4 -> 4 at the next agency of the chain (liên thông)
 *  REQUEST_FEES      2, 4 -> 6
 *  WITHDRAW          1, 2, 4, 5, 6 -> 7 (the applicant, before the result)
 *  STOP              2, 4, 5, 6 -> 8 (form 05)
 *  FINISH            4, 6 -> 9 (the result)
 *  RETURN_RESULT     9 -> 10
 *  EXTEND            2, 4, 5, 6 -> same status (form 04, once, before the due date)
 *  FLAG_OVERDUE      2, 4, 5, 6 -> same status (the scheduler)
 *  DESK_UPDATE_REFUSED any -> same status (a one-stop desk update the current status does not allow)
 * </pre>
 */
public final class StateMachine {
    private static final Set<DossierStatus> IN_HAND = EnumSet.of(RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, FEES_REQUESTED);
    private static final Map<DossierAction, Set<DossierStatus>> FROM = new EnumMap<>(DossierAction.class);

    static {
        FROM.put(DossierAction.SUBMIT, EnumSet.noneOf(DossierStatus.class));
        FROM.put(DossierAction.RECEIVE, EnumSet.of(REGISTERED));
        FROM.put(DossierAction.REFUSE, EnumSet.of(REGISTERED));
        FROM.put(DossierAction.REQUEST_SUPPLEMENT, EnumSet.of(REGISTERED, RECEIVED, PROCESSING));
        FROM.put(DossierAction.ANSWER_SUPPLEMENT, EnumSet.of(SUPPLEMENT_REQUESTED));
        FROM.put(DossierAction.START, EnumSet.of(RECEIVED, FEES_REQUESTED));
        FROM.put(DossierAction.TRANSFER, EnumSet.of(RECEIVED, PROCESSING));
        FROM.put(DossierAction.REQUEST_FEES, EnumSet.of(RECEIVED, PROCESSING));
        FROM.put(DossierAction.WITHDRAW, EnumSet.of(REGISTERED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, FEES_REQUESTED));
        FROM.put(DossierAction.STOP, IN_HAND);
        FROM.put(DossierAction.FINISH, EnumSet.of(PROCESSING, FEES_REQUESTED));
        FROM.put(DossierAction.RETURN_RESULT, EnumSet.of(FINISHED));
        FROM.put(DossierAction.EXTEND, IN_HAND);
        FROM.put(DossierAction.FLAG_OVERDUE, IN_HAND);
        FROM.put(DossierAction.DESK_UPDATE_REFUSED, EnumSet.allOf(DossierStatus.class));
    }

    private StateMachine() {
    }

    public static boolean allows(DossierStatus from, DossierAction action) {
        return FROM.get(action).contains(from);
    }

    /** The statuses in which {@code action} is allowed. */
    public static Set<DossierStatus> allowedFrom(DossierAction action) {
        Set<DossierStatus> from = EnumSet.noneOf(DossierStatus.class);
        from.addAll(FROM.get(action));
        return from;
    }

    /**
     * Where {@code action} leads from {@code dossier}'s status, or empty when not allowed.
     * {@code ANSWER_SUPPLEMENT} returns to {@link Dossier#resumeStatus()}.
     */
    public static Optional<DossierStatus> next(Dossier dossier, DossierAction action) {
        DossierStatus from = dossier.status();
        if (!allows(from, action)) {
            return Optional.empty();
        }
        return Optional.of(switch (action) {
            case SUBMIT -> REGISTERED;
            case RECEIVE -> RECEIVED;
            case REFUSE -> NOT_RECEIVED;
            case REQUEST_SUPPLEMENT -> SUPPLEMENT_REQUESTED;
            case ANSWER_SUPPLEMENT -> dossier.resumeStatus() == null ? REGISTERED : dossier.resumeStatus();
            case START, TRANSFER -> PROCESSING;
            case REQUEST_FEES -> FEES_REQUESTED;
            case WITHDRAW -> WITHDRAWN;
            case STOP -> STOPPED;
            case FINISH -> FINISHED;
            case RETURN_RESULT -> RETURNED;
            case EXTEND, FLAG_OVERDUE, DESK_UPDATE_REFUSED -> from;
        });
    }
}
