package vn.smartprovince.shared.province;

/**
 * A kind of field report citizens choose (ổ gà, ngập nước, …).
 *
 * @param description               optional (null); may hold line feeds
 * @param iconKey                   the mini app's icon name
 * @param answerDeadlineWorkingDays the agency must answer within this many working days
 * @param urgent                    routed to the agency at once and flagged in its queue
 * @param duplicateRadiusMeters     reports of this category this close are offered as possible duplicates; 0 = no search
 */
public record Category(String code, String name, String description, String iconKey, boolean anonymousAllowed,
                       int answerDeadlineWorkingDays, boolean urgent, int duplicateRadiusMeters) {
}
