package vn.smartprovince.dossiers.forms;

import java.util.List;

/**
 * One form of one dossier as data (the JSON the mini app renders, and what {@link FormHtml}
 * prints). Only the block of its own form is set; instants are RFC 3339 in Vietnam time, dates
 * {@code YYYY-MM-DD}. The applicant's phone is masked except for the applicant and the current agency.
 *
 * @param qrText   what the QR code holds: the dossier code (the reference before a code exists)
 * @param issuedAt when the step that issued the form happened (06: when it was last brought up to date)
 * @param issuedBy the officer's user id who issued it ({@code system} for the scheduler)
 */
public record DossierForm(String form, String title, String dossierId, String dossierCode, String qrText,
                          String issuedAt, String issuedBy, String provinceName, AgencyRef agency,
                          ProcedureRef procedure, Person applicant, OnBehalfRef onBehalf, Receipt receipt,
                          Supplement supplement, Closing refusal, Extension extension, Closing stop,
                          ProcessControl processControl) {

    public record AgencyRef(String id, String name, String unitCode) {
    }

    public record ProcedureRef(String code, String name, String field) {
    }

    /** @param phone masked ({@code 84*****1234}) except for the applicant and the current agency */
    public record Person(String fullName, String phone, String address) {
    }

    /** @param relationshipName how the applicant is related to the subject, in Vietnamese */
    public record OnBehalfRef(String fullName, String relationship, String relationshipName) {
    }

    /** One kind of paper received: its name and the number of files attached for it. */
    public record ReceivedDocument(String key, String name, int files) {
    }

    /** Form 01. */
    public record Receipt(String receivedAt, String dueDate, String resultDelivery, String resultDeliveryName,
                          List<ReceivedDocument> documents, int processingWorkingDays) {
    }

    /** Form 02: what is missing or wrong, one line each, and how to supplement. */
    public record Supplement(String requestedAt, List<String> items, List<String> documents, String guidance) {
    }

    /** Forms 03 and 05: when, and the reasons. */
    public record Closing(String at, String reasons) {
    }

    /** Form 04. */
    public record Extension(String previousDueDate, String newDueDate, String reason) {
    }

    /** Form 06: one line per handover, oldest first. */
    public record ProcessControl(String receivedAt, String dueDate, List<Handover> handovers) {
    }

    /**
     * @param step   the action (RECEIVE, TRANSFER, FINISH, RETURN_RESULT: core.ProcessSheet.HANDOVERS)
     * @param onTime whether the step was within the due date; null where the step has no deadline of its own
     */
    public record Handover(String step, String stepName, String from, String to, String at, String dueDate,
                           Boolean onTime) {
    }
}
