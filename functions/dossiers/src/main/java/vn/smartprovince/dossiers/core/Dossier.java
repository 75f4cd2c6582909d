package vn.smartprovince.dossiers.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.smartprovince.shared.province.ResultDelivery;

/**
 * A public-service dossier (hồ sơ thủ tục hành chính), as stored. Immutable: a change is a new
 * value with {@code version + 1}, written with its timeline entry in one conditional transaction.
 *
 * @param id               stable id (derived from the applicant and the Idempotency-Key)
 * @param code             the dossier code {@code {agency unit code}-{yyMMdd}-{sequence}}, assigned at
 *                         receipt (null before)
 * @param agencyId         the agency handling it now: the competent one, then the next in a chain
 * @param onBehalf         null when the applicant submits for themself
 * @param formData         the form's values by field key, normalised: String (TEXT, DATE, CHOICE, CCCD,
 *                         PHONE as 84…), Long (NUMBER), {@code Map<String,String>} street/areaCode (ADDRESS)
 * @param deliveryAddress  where the result is posted ({@code POST} only, else null)
 * @param receivedAt       the valid receipt: the clock starts (null before)
 * @param dueDate          the date the result is due (appointment on form 01), moved by pauses and an
 *                         extension (null before receipt)
 * @param originalDueDate  the due date set at receipt (null before)
 * @param pausedAt         while a supplement is awaited after receipt: since when the clock is paused
 * @param resumeStatus     while {@link DossierStatus#SUPPLEMENT_REQUESTED} or {@link DossierStatus#FEES_REQUESTED}:
 *                         the status the dossier returns to when the applicant answers
 * @param pausedWorkingDays working days the clock was paused in total
 * @param openRequest      what is asked of the applicant now (null when nothing)
 * @param extension        form 04, once (null when none)
 * @param result           the outcome once finished (null before)
 * @param closingReason    why it was refused (form 03) or stopped (form 05); null otherwise
 * @param overdue          flagged by the scheduler: past its due date and still open
 * @param requestHash      the submission's canonical hash (Idempotency-Key replays); null without a key
 * @param deskSequence     the last desk update of the one-stop system applied (or refused) to it, in
 *                         the one-stop's own per-dossier sequence; 0 when none
 */
public record Dossier(String id, String code, String procedureCode, String agencyId, DossierStatus status, int version,
                      Applicant applicant, OnBehalf onBehalf, Map<String, Object> formData,
                      List<AttachedDocument> documents, ResultDelivery resultDelivery, Address deliveryAddress,
                      Instant submittedAt, Instant updatedAt, Instant receivedAt, LocalDate dueDate,
                      LocalDate originalDueDate, Instant pausedAt, DossierStatus resumeStatus, int pausedWorkingDays,
                      OpenRequest openRequest, Extension extension, Instant finishedAt, Instant returnedAt,
                      Result result, String closingReason, boolean overdue, String requestHash,
                      int deskSequence) {

    public Dossier {
        formData = formData == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(formData));
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** Form 04: the apology and the new date, issued once before the due date. */
    public record Extension(LocalDate previousDueDate, LocalDate newDueDate, String reason, Instant issuedAt,
                            String issuedBy) {
    }

    /**
     * The outcome.
     *
     * @param summary  what was decided, in words the applicant reads
     * @param fileKey  {@code ONLINE}: the result file in the document bucket (else null)
     * @param onTime   finished on or before the due date
     * @param workingDaysTaken working days from receipt to finish, pauses excluded
     */
    public record Result(String summary, String fileKey, boolean onTime, int workingDaysTaken) {
    }

    /** How the applicant and the public lookup refer to it: the code once received, else the id. */
    public String reference() {
        return code != null ? code : id;
    }

    /** The person the dossier is about: the one on whose behalf it was submitted, else the applicant. */
    public String subjectName() {
        return onBehalf != null ? onBehalf.fullName() : applicant.fullName();
    }

    /** Whether the legal clock is paused (a supplement awaited after receipt). */
    public boolean paused() {
        return pausedAt != null;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes to a dossier, field by field; {@link #next()} starts the next version. */
    public static final class Builder {
        private String id;
        private String code;
        private String procedureCode;
        private String agencyId;
        private DossierStatus status;
        private int version;
        private Applicant applicant;
        private OnBehalf onBehalf;
        private Map<String, Object> formData;
        private List<AttachedDocument> documents;
        private ResultDelivery resultDelivery;
        private Address deliveryAddress;
        private Instant submittedAt;
        private Instant updatedAt;
        private Instant receivedAt;
        private LocalDate dueDate;
        private LocalDate originalDueDate;
        private Instant pausedAt;
        private DossierStatus resumeStatus;
        private int pausedWorkingDays;
        private OpenRequest openRequest;
        private Extension extension;
        private Instant finishedAt;
        private Instant returnedAt;
        private Result result;
        private String closingReason;
        private boolean overdue;
        private String requestHash;
        private int deskSequence;

        public Builder() {
        }

        private Builder(Dossier d) {
            id = d.id; code = d.code; procedureCode = d.procedureCode; agencyId = d.agencyId; status = d.status;
            version = d.version; applicant = d.applicant; onBehalf = d.onBehalf; formData = d.formData;
            documents = d.documents; resultDelivery = d.resultDelivery; deliveryAddress = d.deliveryAddress;
            submittedAt = d.submittedAt; updatedAt = d.updatedAt; receivedAt = d.receivedAt; dueDate = d.dueDate;
            originalDueDate = d.originalDueDate; pausedAt = d.pausedAt; resumeStatus = d.resumeStatus;
            pausedWorkingDays = d.pausedWorkingDays; openRequest = d.openRequest; extension = d.extension;
            finishedAt = d.finishedAt; returnedAt = d.returnedAt; result = d.result; closingReason = d.closingReason;
            overdue = d.overdue; requestHash = d.requestHash; deskSequence = d.deskSequence;
        }

        /** The next version, changed at {@code at}. */
        public Builder next(Instant at) {
            version++;
            updatedAt = at;
            return this;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder code(String v) { code = v; return this; }
        public Builder procedureCode(String v) { procedureCode = v; return this; }
        public Builder agencyId(String v) { agencyId = v; return this; }
        public Builder status(DossierStatus v) { status = v; return this; }
        public Builder version(int v) { version = v; return this; }
        public Builder applicant(Applicant v) { applicant = v; return this; }
        public Builder onBehalf(OnBehalf v) { onBehalf = v; return this; }
        public Builder formData(Map<String, Object> v) { formData = v; return this; }
        public Builder documents(List<AttachedDocument> v) { documents = v; return this; }
        public Builder resultDelivery(ResultDelivery v) { resultDelivery = v; return this; }
        public Builder deliveryAddress(Address v) { deliveryAddress = v; return this; }
        public Builder submittedAt(Instant v) { submittedAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder receivedAt(Instant v) { receivedAt = v; return this; }
        public Builder dueDate(LocalDate v) { dueDate = v; return this; }
        public Builder originalDueDate(LocalDate v) { originalDueDate = v; return this; }
        public Builder pausedAt(Instant v) { pausedAt = v; return this; }
        public Builder resumeStatus(DossierStatus v) { resumeStatus = v; return this; }
        public Builder pausedWorkingDays(int v) { pausedWorkingDays = v; return this; }
        public Builder openRequest(OpenRequest v) { openRequest = v; return this; }
        public Builder extension(Extension v) { extension = v; return this; }
        public Builder finishedAt(Instant v) { finishedAt = v; return this; }
        public Builder returnedAt(Instant v) { returnedAt = v; return this; }
        public Builder result(Result v) { result = v; return this; }
        public Builder closingReason(String v) { closingReason = v; return this; }
        public Builder overdue(boolean v) { overdue = v; return this; }
        public Builder requestHash(String v) { requestHash = v; return this; }
        public Builder deskSequence(int v) { deskSequence = v; return this; }

        public Dossier build() {
            return new Dossier(id, code, procedureCode, agencyId, status, version, applicant, onBehalf, formData,
                    documents, resultDelivery, deliveryAddress, submittedAt, updatedAt, receivedAt, dueDate,
                    originalDueDate, pausedAt, resumeStatus, pausedWorkingDays, openRequest, extension, finishedAt,
                    returnedAt, result, closingReason, overdue, requestHash, deskSequence);
        }
    }
}
