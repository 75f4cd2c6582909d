package vn.smartprovince.dossiers.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.smartprovince.shared.notify.NotificationJob;

/**
 * The notification jobs of dossier changes, one per fact, with the province configuration's
 * templates and EXACTLY their params (the dispatcher refuses extra ones):
 * <ul>
 *   <li>{@code DOSSIER_RECEIVED}(dossier_code, procedure_name, due_date)</li>
 *   <li>{@code DOSSIER_SUPPLEMENT_REQUESTED}(dossier_ref, procedure_name)</li>
 *   <li>{@code DOSSIER_FEES_REQUESTED}(dossier_code, amount)</li>
 *   <li>{@code DOSSIER_LATE}(dossier_code, new_due_date)</li>
 *   <li>{@code DOSSIER_RESULT_READY}(dossier_code, procedure_name)</li>
 *   <li>{@code DOSSIER_RETURNED}(dossier_code)</li>
 *   <li>{@code DOSSIER_CLOSED}(dossier_ref, status_name): refused or stopped</li>
 *   <li>{@code DOSSIER_DUE_SOON}(dossier_code, due_date): to officers</li>
 *   <li>{@code DOSSIER_SUPPLEMENT_ANSWERED}(dossier_ref, procedure_name): to the current agency's officers</li>
 * </ul>
 * Dates read {@code dd/MM/yyyy}, amounts {@code 75.000 đ}. The job id and deduplication key are
 * {@code <dossierId>#v<version>#<KIND>} (officers: {@code …#<recipient>}), derived from the change,
 * so a retried write can never announce a fact twice. A job goes to the applicant (recipient = the
 * applicant's user id) only while the account exists: none once erased.
 */
public final class Notices {
    /** The applicant user id an erased account leaves behind; nobody is notified at it. */
    public static final String ERASED_APPLICANT = "ERASED";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /**
     * At most this many officers hear of one change in its own transaction (with the dossier and its
     * entry, well under DynamoDB's 100 items a transaction).
     */
    public static final int MAX_OFFICERS = 25;

    /** What happened, each one template. */
    public enum Kind {
        RECEIVED, SUPPLEMENT_REQUESTED, FEES_REQUESTED, LATE, RESULT_READY, RETURNED, CLOSED, DUE_SOON,
        SUPPLEMENT_ANSWERED;

        public String templateKey() {
            return "DOSSIER_" + name();
        }
    }

    private Notices() {
    }

    /** Received, with the appointment date ({@code after}: the dossier as received, with its code and due date). */
    public static List<NotificationJob> received(Dossier after, String procedureName, Instant at) {
        return toApplicant(after, Kind.RECEIVED, params("dossier_code", after.code(), "procedure_name", procedureName,
                "due_date", date(after.dueDate())), at);
    }

    public static List<NotificationJob> supplementRequested(Dossier after, String procedureName, Instant at) {
        return toApplicant(after, Kind.SUPPLEMENT_REQUESTED, params("dossier_ref", after.reference(),
                "procedure_name", procedureName), at);
    }

    public static List<NotificationJob> feesRequested(Dossier after, long amountVnd, Instant at) {
        return toApplicant(after, Kind.FEES_REQUESTED, params("dossier_code", after.reference(), "amount",
                amount(amountVnd)), at);
    }

    /** Form 04: late, with the new date. */
    public static List<NotificationJob> late(Dossier after, LocalDate newDueDate, Instant at) {
        return toApplicant(after, Kind.LATE, params("dossier_code", after.reference(), "new_due_date",
                date(newDueDate)), at);
    }

    public static List<NotificationJob> resultReady(Dossier after, String procedureName, Instant at) {
        return toApplicant(after, Kind.RESULT_READY, params("dossier_code", after.reference(), "procedure_name",
                procedureName), at);
    }

    public static List<NotificationJob> returned(Dossier after, Instant at) {
        return toApplicant(after, Kind.RETURNED, params("dossier_code", after.reference()), at);
    }

    /** Refused (3) or stopped (8): the status named as the citizen reads it. */
    public static List<NotificationJob> closed(Dossier after, Instant at) {
        return toApplicant(after, Kind.CLOSED, params("dossier_ref", after.reference(), "status_name",
                after.status().vietnameseName()), at);
    }

    /**
     * An officer is reminded of a dossier due within a working day (one job per officer). Not a change
     * of the dossier, so the key is the fact itself, {@code <dossierId>#due<dueDate>#DUE_SOON#<officer>}:
     * the scheduler's second run of the day (or a retry) sends nothing again even if the dossier moved
     * on meanwhile, while a due date moved by a pause or an extension is a new reminder.
     */
    public static NotificationJob dueSoon(Dossier dossier, String officerId, Instant at) {
        String id = dossier.id() + "#due" + dossier.dueDate() + "#" + Kind.DUE_SOON.name() + "#" + officerId;
        return job(id, Kind.DUE_SOON, officerId, params("dossier_code", dossier.reference(), "due_date",
                date(dossier.dueDate())), dossier.id(), at);
    }

    /**
     * The applicant answered a supplement request ({@code after}: the dossier as answered): one job per
     * officer of the agency handling it, {@code <dossierId>#v<version>#SUPPLEMENT_ANSWERED#<officer>},
     * so a retried answer cannot notify twice. {@code officerIds} beyond {@link #MAX_OFFICERS} are dropped.
     */
    public static List<NotificationJob> supplementAnswered(Dossier after, String procedureName, List<String> officerIds,
                                                           Instant at) {
        Map<String, String> params = params("dossier_ref", after.reference(), "procedure_name", procedureName);
        return officerIds.stream().distinct().limit(MAX_OFFICERS)
                .map(officer -> job(id(after, Kind.SUPPLEMENT_ANSWERED) + "#" + officer, Kind.SUPPLEMENT_ANSWERED,
                        officer, params, after.id(), at))
                .toList();
    }

    /** Whether the applicant can still be told anything (their account was not erased). */
    public static boolean applicantReachable(Dossier dossier) {
        return dossier.applicant() != null && dossier.applicant().userId() != null
                && !dossier.applicant().userId().isBlank() && !ERASED_APPLICANT.equals(dossier.applicant().userId());
    }

    /** {@code 25/12/2026}. */
    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** {@code 75.000 đ}: dots between thousands, as Vietnamese write amounts. */
    public static String amount(long amountVnd) {
        return String.format(java.util.Locale.ROOT, "%,d", amountVnd).replace(',', '.') + " đ";
    }

    /** {@code <dossierId>#v<version>#<KIND>}: the job id and deduplication key of a fact. */
    public static String id(Dossier dossier, Kind kind) {
        return dossier.id() + "#v" + dossier.version() + "#" + kind.name();
    }

    private static List<NotificationJob> toApplicant(Dossier dossier, Kind kind, Map<String, String> params, Instant at) {
        if (!applicantReachable(dossier)) {
            return List.of();
        }
        return List.of(job(id(dossier, kind), kind, dossier.applicant().userId(), params, dossier.id(), at));
    }

    private static NotificationJob job(String id, Kind kind, String recipient, Map<String, String> params,
                                       String dossierId, Instant at) {
        return new NotificationJob(NotificationJob.SCHEMA_VERSION, id, "DOSSIER_" + kind.name(), recipient,
                kind.templateKey(), params, id, at.truncatedTo(ChronoUnit.MILLIS), "dossier:" + dossierId);
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return params;
    }
}
