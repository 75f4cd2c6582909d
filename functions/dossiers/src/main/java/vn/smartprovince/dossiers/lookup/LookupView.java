package vn.smartprovince.dossiers.lookup;

import java.util.List;
import vn.smartprovince.dossiers.core.DossierViews;

/**
 * What the public lookup answers. Without the second factor: the status, procedure, agency, dates
 * and the masked name; {@code details} only with it. Never a CCCD, a phone number or an id.
 *
 * @param detailsLocked true when a second factor was given but not accepted (wrong, or too many
 *                      wrong ones lately): the answer is then the same as without one
 */
public record LookupView(String code, DossierViews.Status status, Named procedure, Named agency, String submittedAt,
                         String receivedAt, String dueDate, String finishedAt, String returnedAt, Subject subject,
                         Boolean detailsLocked, Details details) {

    public record Named(String code, String name) {
    }

    /** @param onBehalf true when the name is of the person the dossier was submitted for, not the applicant's */
    public record Subject(String maskedName, boolean onBehalf) {
    }

    /**
     * @param askedOfYou what the applicant must do now (null when nothing)
     * @param steps      the public steps of the timeline, oldest first
     * @param resultDelivery how the result is returned (DESK, POST, ONLINE) and its name
     */
    public record Details(AskedOfYou askedOfYou, List<Step> steps, Named resultDelivery, boolean overdue,
                          String originalDueDate, String extendedTo) {
    }

    public record AskedOfYou(String kind, List<String> items, Long amountVnd, String message, String requestedAt) {
    }

    public record Step(String at, String step, String name, DossierViews.Status status) {
    }
}
